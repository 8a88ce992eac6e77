import { describe, expect, it } from 'vitest';
import { toIssueInput } from '../../../../renderer/features/pack/issue-form-model';

describe('toIssueInput', () => {
  it('trims the fields and accepts an empty note', () => {
    expect(toIssueInput({ issuedBy: '  Dana Whitfield ', note: '' })).toEqual({
      ok: true,
      draft: { issuedBy: 'Dana Whitfield', note: '' },
    });
  });

  it('asks who issues the pack, and refuses overlong fields with their lengths', () => {
    const result = toIssueInput({ issuedBy: '   ', note: 'x'.repeat(1001) });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((problem) => problem.field)).toEqual(['issuedBy', 'note']);
    expect(result.problems[1]!.message).toBe('Keep the note to 1000 characters (it has 1001).');
    const long = toIssueInput({ issuedBy: 'n'.repeat(201), note: '' });
    expect(long.ok || long.problems[0]!.message).toBe('Keep the name to 200 characters (it has 201).');
  });
});

import { describe, expect, it } from 'vitest';
import { applyMineOnTheirs, compareEdits, sameData, sameMembers } from '@shared/domain/concurrent-edit';

interface Item {
  title: string;
  likelihood: number;
  ownerId: string | null;
  kpiIds: string[];
  history: { kind: string; step: number }[];
}

const base: Item = {
  title: 'Key engineer leaves',
  likelihood: 2,
  ownerId: null,
  kpiIds: ['a', 'b'],
  history: [{ kind: 'raised', step: 0 }],
};
const fields = ['title', 'likelihood', 'ownerId', 'kpiIds', 'history'] as const;

describe('compareEdits', () => {
  it('sees separate changes on each side without a conflict', () => {
    const comparison = compareEdits({ base, mine: { ...base, title: 'Lead engineer leaves' }, theirs: { ...base, likelihood: 4 } }, fields);
    expect(comparison.changedByMe).toEqual([{ field: 'title', base: base.title, mine: 'Lead engineer leaves', theirs: base.title }]);
    expect(comparison.changedByThem).toEqual([{ field: 'likelihood', base: 2, mine: 2, theirs: 4 }]);
    expect(comparison.conflicting).toEqual([]);
  });

  it('reports a field both sides changed to different values as conflicting', () => {
    const comparison = compareEdits({ base, mine: { ...base, likelihood: 3 }, theirs: { ...base, likelihood: 5, ownerId: 'p1' } }, fields);
    expect(comparison.conflicting.map((edit) => edit.field)).toEqual(['likelihood']);
    expect(comparison.conflicting[0]).toMatchObject({ base: 2, mine: 3, theirs: 5 });
    expect(comparison.changedByThem.map((edit) => edit.field)).toEqual(['likelihood', 'ownerId']);
  });

  it('does not call agreeing changes a conflict', () => {
    const comparison = compareEdits({ base, mine: { ...base, likelihood: 5 }, theirs: { ...base, likelihood: 5 } }, fields);
    expect(comparison.changedByMe.map((edit) => edit.field)).toEqual(['likelihood']);
    expect(comparison.conflicting).toEqual([]);
  });

  it('compares arrays structurally by default and as sets when told', () => {
    const versions = { base, mine: { ...base, kpiIds: ['b', 'a'] }, theirs: base };
    expect(compareEdits(versions, fields).changedByMe.map((edit) => edit.field)).toEqual(['kpiIds']);
    const asSets = compareEdits(versions, fields, { same: (field, a, b) => (field === 'kpiIds' ? sameMembers(a, b) : undefined) });
    expect(asSets.changedByMe).toEqual([]);
  });

  it('keeps both sides of an append-only list apart from conflicts', () => {
    const mine = { ...base, history: [...base.history, { kind: 'resolved', step: 0 }] };
    const theirs = { ...base, history: [...base.history, { kind: 'escalated', step: 1 }] };
    expect(compareEdits({ base, mine, theirs }, fields).conflicting.map((edit) => edit.field)).toEqual(['history']);
    const appendOnly = compareEdits({ base, mine, theirs }, fields, { appendOnly: ['history'] });
    expect(appendOnly.conflicting).toEqual([]);
    expect(appendOnly.changedByMe.map((edit) => edit.field)).toEqual(['history']);
  });

  it('treats a rewritten append-only list as an ordinary change', () => {
    const mine = { ...base, history: [{ kind: 'note', step: 0 }] };
    const theirs = { ...base, history: [...base.history, { kind: 'escalated', step: 1 }] };
    expect(compareEdits({ base, mine, theirs }, fields, { appendOnly: ['history'] }).conflicting.map((edit) => edit.field)).toEqual([
      'history',
    ]);
  });
});

describe('applyMineOnTheirs', () => {
  it('re-applies only my fields onto theirs', () => {
    const rebased = applyMineOnTheirs(
      { base, mine: { ...base, title: 'Lead engineer leaves' }, theirs: { ...base, likelihood: 4 } },
      fields,
    );
    expect(rebased).toEqual({
      ok: true,
      changes: { title: 'Lead engineer leaves' },
      result: { ...base, title: 'Lead engineer leaves', likelihood: 4 },
      overwritten: [],
    });
  });

  it('refuses while fields conflict, naming them', () => {
    const versions = { base, mine: { ...base, likelihood: 3, title: 'Mine' }, theirs: { ...base, likelihood: 5, title: 'Theirs' } };
    expect(applyMineOnTheirs(versions, fields)).toEqual({ ok: false, conflicting: ['title', 'likelihood'] });
  });

  it('overwrites conflicting fields only when told to', () => {
    const versions = { base, mine: { ...base, likelihood: 3 }, theirs: { ...base, likelihood: 5, ownerId: 'p1' } };
    const rebased = applyMineOnTheirs(versions, fields, { overwriteConflicts: true });
    expect(rebased).toEqual({
      ok: true,
      changes: { likelihood: 3 },
      result: { ...base, likelihood: 3, ownerId: 'p1' },
      overwritten: ['likelihood'],
    });
  });

  it('appends my entries after theirs in an append-only list', () => {
    const mine = { ...base, history: [...base.history, { kind: 'resolved', step: 0 }] };
    const theirs = { ...base, history: [...base.history, { kind: 'escalated', step: 1 }] };
    const rebased = applyMineOnTheirs({ base, mine, theirs }, fields, { appendOnly: ['history'] });
    expect(rebased.ok && rebased.result.history).toEqual([
      { kind: 'raised', step: 0 },
      { kind: 'escalated', step: 1 },
      { kind: 'resolved', step: 0 },
    ]);
  });

  it('leaves inputs untouched', () => {
    const theirs = { ...base, likelihood: 4 };
    const snapshot = structuredClone(theirs);
    applyMineOnTheirs({ base, mine: { ...base, title: 'x' }, theirs }, fields);
    expect(theirs).toEqual(snapshot);
  });
});

describe('sameData', () => {
  it('compares nested data by value', () => {
    expect(sameData({ a: [1, { b: null }] }, { a: [1, { b: null }] })).toBe(true);
    expect(sameData({ a: [1, { b: null }] }, { a: [1, { b: 0 }] })).toBe(false);
    expect(sameData({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(sameData(null, {})).toBe(false);
  });
});

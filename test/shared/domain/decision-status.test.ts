import { describe, expect, it } from 'vitest';
import { DecisionSchema } from '@shared/domain/decisions';
import { describeIssues } from '@shared/validation';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const decision = {
  id: id(1),
  engagementId: id(2),
  createdAt: '2026-03-01T09:00:00.000Z',
  updatedAt: '2026-03-01T09:00:00.000Z',
  revision: 1,
  reference: 'D-001',
  title: 'Release weekly',
  decision: '',
  whyNow: '',
  decidedBy: '',
  doneMeans: '',
  status: 'accepted',
  date: '2026-03-01',
  forumId: null,
  level: 'tactical',
  supersedesId: null,
  supersededById: null,
  checkpointId: null,
  riskIds: [],
};

function problemsOf(value: unknown) {
  const result = DecisionSchema.safeParse(value);
  return result.success ? [] : describeIssues(result.error.issues).map((problem) => [problem.field, problem.message]);
}

describe('a decision’s status and what supersedes it', () => {
  it('go together: superseded exactly when a later decision is named', () => {
    expect(problemsOf(decision)).toEqual([]);
    expect(problemsOf({ ...decision, status: 'superseded', supersededById: id(3) })).toEqual([]);
    expect(problemsOf({ ...decision, status: 'superseded' })).toEqual([
      ['status', 'can be Superseded only when a later decision supersedes it: record that decision and choose this one under Supersedes'],
    ]);
    for (const status of ['accepted', 'proposed', 'rejected']) {
      expect(problemsOf({ ...decision, status, supersededById: id(3) })).toEqual([
        ['status', 'must stay Superseded while a later decision supersedes it: remove the link on that decision first'],
      ]);
    }
  });
});

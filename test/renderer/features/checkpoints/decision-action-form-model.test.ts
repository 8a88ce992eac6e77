import { describe, expect, it } from 'vitest';
import type { ActionItem, Decision } from '@shared/domain/decisions';
import {
  fieldsFromDecision,
  initialDecisionFields,
  toDecisionDraft,
  type DecisionFields,
} from '../../../../renderer/features/checkpoints/decision-form-model';
import {
  fieldsFromAction,
  initialActionFields,
  toActionDraft,
  type ActionFields,
} from '../../../../renderer/features/checkpoints/action-form-model';

const CHECKPOINT = '40000000-0000-4000-8000-000000000001';
const DECISION = '50000000-0000-4000-8000-000000000001';
const OWNER = '20000000-0000-4000-8000-000000000001';
const RISK = '60000000-0000-4000-8000-000000000001';

function problemsOf<F>(convert: (fields: F) => { ok: boolean; problems?: Array<{ field: string; message: string }> }, fields: F) {
  const result = convert(fields);
  if (result.ok) throw new Error('expected the form to be refused');
  return Object.fromEntries(result.problems!.map((problem) => [problem.field, problem.message]));
}

describe('decision form', () => {
  const filled = (changes: Partial<DecisionFields> = {}): DecisionFields => ({
    ...initialDecisionFields({ date: '2026-11-24', forum: null, checkpointId: CHECKPOINT }),
    title: ' Release on a fortnightly train ',
    decision: 'Every other Thursday.',
    ...changes,
  });

  it('starts accepted, at the meeting’s date and checkpoint', () => {
    expect(initialDecisionFields({ date: '2026-11-24', forum: null, checkpointId: CHECKPOINT })).toMatchObject({
      status: 'accepted',
      date: '2026-11-24',
      checkpointId: CHECKPOINT,
      forumId: '',
      level: 'tactical',
    });
  });

  it('converts to a trimmed draft with empty choices as null', () => {
    const result = toDecisionDraft(filled({ riskIds: [RISK] }));
    expect(result).toEqual({
      ok: true,
      draft: {
        title: 'Release on a fortnightly train',
        decision: 'Every other Thursday.',
        whyNow: '',
        decidedBy: '',
        doneMeans: '',
        status: 'accepted',
        date: '2026-11-24',
        forumId: null,
        level: 'tactical',
        supersedesId: null,
        checkpointId: CHECKPOINT,
        riskIds: [RISK],
      },
    });
  });

  it('refuses a missing title, a bad date and a decision superseding itself or marked superseded while replacing another', () => {
    expect(
      problemsOf(
        (fields: DecisionFields) => toDecisionDraft(fields, DECISION),
        filled({ title: '', date: '24/11/2026', supersedesId: DECISION }),
      ),
    ).toEqual({
      supersedesId: 'a decision cannot supersede itself',
      title: 'is required',
      date: 'must be a calendar date as YYYY-MM-DD',
    });
    expect(problemsOf(toDecisionDraft, filled({ supersedesId: DECISION, status: 'superseded' }))).toEqual({
      status: 'a decision that replaces another is not itself superseded; choose another status',
    });
  });

  it('allows Superseded only when a later decision supersedes it, and only Superseded then', () => {
    expect(problemsOf(toDecisionDraft, filled({ status: 'superseded' }))).toEqual({
      status: 'can be Superseded only when a later decision supersedes it: record that decision and choose this one under Supersedes',
    });
    const replaced = (fields: DecisionFields) => toDecisionDraft(fields, DECISION, '50000000-0000-4000-8000-000000000002');
    expect(problemsOf(replaced, filled({ status: 'accepted' }))).toEqual({
      status: 'must stay Superseded while a later decision supersedes it: remove the link on that decision first',
    });
    expect(replaced(filled({ status: 'superseded' })).ok).toBe(true);
  });

  it('round-trips a stored decision', () => {
    const result = toDecisionDraft(filled());
    if (!result.ok) throw new Error('expected a valid decision');
    const stored = { ...result.draft } as Decision;
    expect(toDecisionDraft(fieldsFromDecision(stored))).toEqual({ ok: true, draft: stored });
  });
});

describe('action form', () => {
  const filled = (changes: Partial<ActionFields> = {}): ActionFields => ({
    ...initialActionFields({ kind: 'checkpoint', id: CHECKPOINT }),
    title: ' Publish the release calendar ',
    ownerId: OWNER,
    dueOn: '2026-12-01',
    ...changes,
  });

  it('converts to a draft from the checkpoint, with no due date as null', () => {
    expect(toActionDraft(filled({ dueOn: '', decisionIds: [DECISION] }))).toEqual({
      ok: true,
      draft: {
        title: 'Publish the release calendar',
        description: '',
        ownerId: OWNER,
        dueOn: null,
        source: { kind: 'checkpoint', id: CHECKPOINT },
        status: 'open',
        riskIds: [],
        escalationIds: [],
        decisionIds: [DECISION],
      },
    });
  });

  it('asks which record an action came from when its source needs one, and drops it for "other"', () => {
    expect(problemsOf(toActionDraft, filled({ sourceId: '' }))).toEqual({ sourceId: 'choose the checkpoint it came from' });
    expect(problemsOf(toActionDraft, filled({ sourceKind: 'escalation', sourceId: '' }))).toEqual({
      sourceId: 'choose the escalation it came from',
    });
    const retrospective = toActionDraft(filled({ sourceKind: 'retrospective', sourceId: '' }));
    expect(retrospective.ok && retrospective.draft.source).toEqual({ kind: 'retrospective', id: null });
    const other = toActionDraft(filled({ sourceKind: 'other' }));
    expect(other.ok && other.draft.source).toEqual({ kind: 'other', id: null });
  });

  it('refuses an empty title and a due date it cannot read', () => {
    expect(problemsOf(toActionDraft, filled({ title: ' ', dueOn: '2026-13-01' }))).toEqual({
      title: 'is required',
      dueOn: 'must be a calendar date as YYYY-MM-DD',
    });
  });

  it('round-trips a stored action', () => {
    const result = toActionDraft(filled());
    if (!result.ok) throw new Error('expected a valid action');
    expect(toActionDraft(fieldsFromAction({ ...result.draft } as ActionItem))).toEqual(result);
  });
});

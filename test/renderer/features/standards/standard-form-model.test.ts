import { describe, expect, it } from 'vitest';
import type { StandardItem } from '@shared/domain/governance';
import {
  changeStandardField,
  fieldsFromStandard,
  initialStandardFields,
  labelForStandardField,
  reviewDateProblem,
  toStandardDraft,
  type StandardFields,
  type StandardFormContext,
} from '../../../../renderer/features/standards/standard-form-model';

const TODAY = '2026-11-21';
const START = '2026-03-02';
const OWNER = '20000000-0000-4000-8000-000000000001';
const FORMER_OWNER = '20000000-0000-4000-8000-000000000009';

const saved: StandardItem = {
  id: '10000000-0000-4000-8000-000000000001',
  engagementId: '10000000-0000-4000-8000-000000000000',
  createdAt: '2026-03-02T09:00:00.000Z',
  updatedAt: '2026-09-01T09:00:00.000Z',
  revision: 3,
  area: 'security',
  standard: 'Managed devices, MFA and audit logging for everyone with access.',
  status: 'partly-met',
  evidence: 'MFA enforced; device management rollout at 70%',
  ownerId: OWNER,
  lastReviewedOn: '2026-06-10',
};

function context(overrides: Partial<StandardFormContext> = {}): StandardFormContext {
  return { today: TODAY, engagementStartDate: START, personIds: [OWNER], originalOwnerId: null, ...overrides };
}

function problemsOf(fields: StandardFields, ctx: StandardFormContext = context()) {
  const result = toStandardDraft(fields, ctx);
  if (result.ok) throw new Error('expected the standard to be refused');
  return Object.fromEntries(result.problems.map((problem) => [problem.field, problem.message]));
}

function draftOf(fields: StandardFields, ctx: StandardFormContext = context()) {
  const result = toStandardDraft(fields, ctx);
  if (!result.ok) throw new Error(`expected a draft, got ${JSON.stringify(result.problems)}`);
  return result.draft;
}

describe('standard form: review date follows the judgement', () => {
  const change = <K extends Exclude<keyof StandardFields, 'reviewDateChosen'>>(
    fields: StandardFields,
    key: K,
    value: StandardFields[K],
    original: StandardItem | null = saved,
  ) => changeStandardField(fields, key, value, { original, today: TODAY });

  it('sets the review date to today when the status changes, and restores it when the status goes back', () => {
    const opened = fieldsFromStandard(saved);
    expect(opened.lastReviewedOn).toBe('2026-06-10');
    const judged = change(opened, 'status', 'met');
    expect(judged).toMatchObject({ status: 'met', lastReviewedOn: TODAY, reviewDateChosen: false });
    expect(change(judged, 'status', 'partly-met').lastReviewedOn).toBe('2026-06-10');
  });

  it('treats new evidence as a review, but not whitespace added around the same evidence', () => {
    const opened = fieldsFromStandard(saved);
    expect(change(opened, 'evidence', 'Device rollout complete').lastReviewedOn).toBe(TODAY);
    expect(change(opened, 'evidence', `${saved.evidence}  `).lastReviewedOn).toBe('2026-06-10');
  });

  it('leaves the review date alone once the user has picked one', () => {
    const picked = change(fieldsFromStandard(saved), 'lastReviewedOn', '2026-11-02');
    expect(picked.reviewDateChosen).toBe(true);
    expect(change(picked, 'status', 'not-met').lastReviewedOn).toBe('2026-11-02');
  });

  it('does not touch the date when only the owner or the wording changes', () => {
    const opened = fieldsFromStandard(saved);
    expect(change(opened, 'ownerId', '').lastReviewedOn).toBe('2026-06-10');
    expect(change(opened, 'standard', 'Managed devices only.').lastReviewedOn).toBe('2026-06-10');
  });

  it('starts a new standard unreviewed and dates it once it is judged', () => {
    const blank = initialStandardFields('legal');
    expect(blank).toMatchObject({ area: 'legal', status: 'not-assessed', lastReviewedOn: '' });
    const judged = change(blank, 'status', 'not-met', null);
    expect(judged.lastReviewedOn).toBe(TODAY);
    expect(change(judged, 'status', 'not-assessed', null).lastReviewedOn).toBe('');
  });
});

describe('standard form: review date checks', () => {
  it('refuses a date after today and a date before the engagement started', () => {
    expect(reviewDateProblem('2026-11-22', context())).toBe('2026-11-22 is in the future; record a review once it has happened');
    expect(reviewDateProblem('2026-03-01', context())).toBe('2026-03-01 is before the engagement started on 2026-03-02');
    expect(reviewDateProblem(TODAY, context())).toBeNull();
    expect(reviewDateProblem(START, context())).toBeNull();
  });

  it('reports the wrong date on the field, and nothing is drafted', () => {
    const fields = { ...fieldsFromStandard(saved), lastReviewedOn: '2026-12-01' };
    expect(problemsOf(fields)).toEqual({ lastReviewedOn: '2026-12-01 is in the future; record a review once it has happened' });
    expect(problemsOf({ ...fields, lastReviewedOn: '2026-02-30' })).toEqual({ lastReviewedOn: 'must be a calendar date as YYYY-MM-DD' });
  });

  it('requires a review date once the standard is judged, but not while it is unassessed', () => {
    const judged = { ...fieldsFromStandard(saved), lastReviewedOn: '' };
    expect(problemsOf(judged)).toEqual({ lastReviewedOn: 'is required once the standard is assessed: say when it was reviewed' });
    expect(draftOf({ ...judged, status: 'not-assessed' }).lastReviewedOn).toBeNull();
  });
});

describe('standard form: draft', () => {
  it('trims the texts and turns "nobody" into a null owner', () => {
    const draft = draftOf({
      ...initialStandardFields('delivery'),
      standard: '  Release approval has a named owner.  ',
      status: 'partly-met',
      evidence: ' RACI in the wiki \n',
      lastReviewedOn: TODAY,
    });
    expect(draft).toEqual({
      area: 'delivery',
      standard: 'Release approval has a named owner.',
      status: 'partly-met',
      evidence: 'RACI in the wiki',
      ownerId: null,
      lastReviewedOn: TODAY,
    });
  });

  it('requires the standard text', () => {
    expect(problemsOf({ ...initialStandardFields('legal'), standard: '   ' })).toEqual({ standard: 'is required' });
  });

  it('accepts an owner of the engagement, and keeps a saved owner who is no longer recorded', () => {
    const fields = fieldsFromStandard({ ...saved, ownerId: FORMER_OWNER });
    expect(problemsOf(fields)).toEqual({ ownerId: 'must be a person of the engagement, or nobody' });
    expect(draftOf(fields, context({ originalOwnerId: FORMER_OWNER })).ownerId).toBe(FORMER_OWNER);
    expect(draftOf(fieldsFromStandard(saved)).ownerId).toBe(OWNER);
  });

  it('names fields as the form labels them', () => {
    expect(labelForStandardField('lastReviewedOn')).toBe('Last reviewed');
    expect(labelForStandardField('ownerId')).toBe('Owner');
  });
});

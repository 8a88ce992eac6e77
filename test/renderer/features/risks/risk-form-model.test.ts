import { describe, expect, it } from 'vitest';
import { defaultRiskMatrix } from '@shared/domain/defaults';
import type { Risk } from '@shared/domain/risk';
import {
  NEW_CATEGORY,
  REVIEW_DATE_REQUIRED,
  categoryChoices,
  fieldsFromRisk,
  initialRiskFields,
  labelForRiskField,
  parseLevel,
  ratingPreview,
  toRiskDraft,
  type RiskFields,
  type RiskFormContext,
} from '../../../../renderer/features/risks/risk-form-model';

const PERSON = '20000000-0000-4000-8000-000000000001';
const KPI = '30000000-0000-4000-8000-000000000001';
const matrix5 = defaultRiskMatrix(5);
const intervals = { critical: 14, high: 30, medium: 90, low: 180 };
const newRisk: RiskFormContext = { matrix: matrix5, personIds: [PERSON], isNew: true };
const existingRisk: RiskFormContext = { ...newRisk, isNew: false };

const fields = (changes: Partial<RiskFields> = {}): RiskFields => ({ ...initialRiskFields(), title: 'Shared admin account', ...changes });

function problemsOf(input: RiskFields, context = newRisk) {
  const result = toRiskDraft(input, context);
  if (result.ok) throw new Error('expected the form to be refused');
  return Object.fromEntries(result.problems.map((problem) => [problem.field, problem.message]));
}

function draftOf(input: RiskFields, context = newRisk) {
  const result = toRiskDraft(input, context);
  if (!result.ok) throw new Error(`expected a draft, got ${JSON.stringify(result.problems)}`);
  return result.draft;
}

describe('risk form: converting to a draft', () => {
  it('trims texts, turns levels into numbers and leaves the review date to the band on a new risk', () => {
    const draft = draftOf(
      fields({
        title: '  Shared admin account ',
        description: ' One login for the partner team ',
        likelihood: '4',
        impact: '5',
        residualLikelihood: '2',
        residualImpact: '3',
        ownerId: PERSON,
        kpiIds: [KPI],
      }),
    );
    expect(draft).toEqual({
      title: 'Shared admin account',
      description: 'One login for the partner team',
      category: 'operational',
      cause: '',
      trigger: '',
      likelihood: 4,
      impact: 5,
      residualLikelihood: 2,
      residualImpact: 3,
      ownerId: PERSON,
      response: 'mitigate',
      status: 'open',
      proximity: 'this-quarter',
      kpiIds: [KPI],
      escalationIds: [],
    });
    expect('nextReviewOn' in draft).toBe(false);
  });

  it('keeps a review date the user gives, and none for a closed risk', () => {
    expect(draftOf(fields({ nextReviewOn: '2026-12-24' })).nextReviewOn).toBe('2026-12-24');
    expect(draftOf(fields({ status: 'closed' }), existingRisk).nextReviewOn).toBeNull();
  });

  it('requires a review date when editing a risk that is not closed, unless it is being reopened', () => {
    expect(problemsOf(fields(), existingRisk)).toEqual({ nextReviewOn: REVIEW_DATE_REQUIRED });
    expect('nextReviewOn' in draftOf(fields({ status: 'open' }), { ...existingRisk, wasClosed: true })).toBe(false);
    expect(problemsOf(fields({ nextReviewOn: '2026-02-30' }), existingRisk)).toEqual({ nextReviewOn: 'must be a date' });
  });

  it('takes a category the user types, and asks for it when left empty', () => {
    expect(draftOf(fields({ category: NEW_CATEGORY, newCategory: '  Vendor lock-in ' })).category).toBe('Vendor lock-in');
    expect(problemsOf(fields({ category: NEW_CATEGORY, newCategory: ' ' }))).toEqual({
      newCategory: 'type the new category, or pick one from the list',
    });
    expect(problemsOf(fields({ category: NEW_CATEGORY, newCategory: 'x'.repeat(61) }))).toEqual({
      newCategory: 'must be at most 60 characters',
    });
  });

  it('refuses levels beyond the matrix, half a residual rating, strangers as owners and an empty title', () => {
    const context = { ...newRisk, matrix: defaultRiskMatrix(3) };
    expect(problemsOf(fields({ title: ' ', likelihood: '4', residualLikelihood: '2', ownerId: 'someone-else' }), context)).toEqual({
      title: 'is required',
      likelihood: 'must be a level from 1 to 3',
      residualImpact: 'give both residual likelihood and impact, or neither',
      ownerId: 'must be a person of this engagement',
    });
    expect(problemsOf(fields({ impact: '2.5' }))).toEqual({ impact: 'must be a level from 1 to 5' });
  });

  it('accepts a residual above the inherent rating: it is flagged, not refused', () => {
    const input = fields({ likelihood: '2', impact: '2', residualLikelihood: '3', residualImpact: '2' });
    expect(draftOf(input).residualLikelihood).toBe(3);
    expect(ratingPreview(input, matrix5, intervals, '2026-11-21')?.inconsistent).toBe(true);
  });

  it('round-trips an existing risk through its fields', () => {
    const risk = {
      title: 'Keys held by the partner',
      description: 'Release signing keys live in the partner vault.',
      category: 'Vendor lock-in',
      cause: 'No client vault',
      trigger: 'A release the client cannot sign',
      likelihood: 3,
      impact: 4,
      residualLikelihood: null,
      residualImpact: null,
      ownerId: PERSON,
      response: 'transfer',
      status: 'monitoring',
      proximity: 'later',
      nextReviewOn: '2027-01-15',
      kpiIds: [KPI],
      escalationIds: [],
    } satisfies Partial<Risk>;
    const input = fieldsFromRisk({ ...risk } as unknown as Risk);
    expect(input.residualLikelihood).toBe('');
    expect(draftOf(input, existingRisk)).toEqual(risk);
  });
});

describe('risk form: helpers', () => {
  it('previews the current rating and the review date its band sets', () => {
    expect(ratingPreview(fields({ likelihood: '4', impact: '4' }), matrix5, intervals, '2026-11-21')).toEqual({
      current: { likelihood: 4, impact: 4, score: 16, band: 'critical' },
      inconsistent: false,
      reviewFromBand: '2026-12-05',
    });
    // Residual once both levels are given.
    expect(
      ratingPreview(
        fields({ likelihood: '4', impact: '4', residualLikelihood: '2', residualImpact: '2' }),
        matrix5,
        intervals,
        '2026-11-21',
      )?.current.band,
    ).toBe('medium');
    expect(ratingPreview(fields({ likelihood: '' }), matrix5, intervals, '2026-11-21')).toBeNull();
  });

  it('offers the default categories, then those typed for the engagement, once each', () => {
    const choices = categoryChoices([
      { category: 'Vendor lock-in' },
      { category: 'technical' },
      { category: 'Budget' },
      { category: 'Vendor lock-in' },
    ]);
    expect(choices.slice(0, 7)).toEqual([
      'operational',
      'organizational',
      'communication',
      'technical',
      'ip-and-code-ownership',
      'data-security-and-access',
      'jurisdiction-and-enforceability',
    ]);
    expect(choices.slice(7)).toEqual(['Budget', 'Vendor lock-in']);
  });

  it('parses levels strictly and labels fields for the error summary', () => {
    expect(parseLevel(' 3 ', 3)).toEqual({ level: 3 });
    expect(parseLevel('0', 5)).toEqual({ problem: 'must be a level from 1 to 5' });
    expect(parseLevel('three', 5)).toEqual({ problem: 'must be a level from 1 to 5' });
    expect(labelForRiskField('trigger')).toBe('Trigger or early-warning sign');
    expect(labelForRiskField('newCategory')).toBe('New category');
  });
});

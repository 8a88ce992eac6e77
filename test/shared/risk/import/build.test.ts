import { describe, expect, it } from 'vitest';
import { defaultRiskMatrix } from '@shared/domain/defaults';
import { RiskEventSchema, RiskSchema } from '@shared/domain/risk';
import { buildImportedRisks } from '@shared/risk/import/build';
import type { RiskImportDraft } from '@shared/risk/import/rows';

const draft = (changes: Partial<RiskImportDraft>): RiskImportDraft => ({
  rowNumber: 2,
  title: 'Vendor lock-in',
  description: '',
  category: 'technical',
  cause: '',
  trigger: '',
  likelihood: 3,
  impact: 4,
  residualLikelihood: null,
  residualImpact: null,
  ownerId: null,
  response: 'mitigate',
  status: 'open',
  proximity: 'later',
  nextReviewOn: null,
  ...changes,
});

let counter = 0;
const context = {
  engagementId: '3a3c1f4e-9d6b-4c1a-8e2f-5b7d9c0a1e22',
  existingReferences: ['R-001', 'R-007'],
  matrix: defaultRiskMatrix(5),
  intervals: { critical: 14, high: 30, medium: 90, low: 180 },
  today: '2026-11-21',
  now: '2026-11-21T10:00:00.000Z',
  by: 'Dana Whitfield',
  newId: () => `00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}`,
};

describe('buildImportedRisks', () => {
  const { risks, events } = buildImportedRisks(
    [
      draft({}),
      draft({ rowNumber: 3, likelihood: 5, impact: 5, residualLikelihood: 2, residualImpact: 2 }),
      draft({ rowNumber: 4, nextReviewOn: '2027-01-15' }),
      draft({ rowNumber: 5, status: 'closed' }),
    ],
    context,
  );

  it('takes the references after the highest in use', () => {
    expect(risks.map((risk) => risk.reference)).toEqual(['R-008', 'R-009', 'R-010', 'R-011']);
  });

  it('sets the next review from the current rating band unless the file gave one, and none for closed risks', () => {
    // 3x4 is high (30 days); residual 2x2 is medium (90 days).
    expect(risks.map((risk) => risk.nextReviewOn)).toEqual(['2026-12-21', '2027-02-19', '2027-01-15', null]);
    expect(risks.map((risk) => risk.closedAt)).toEqual([null, null, null, '2026-11-21T10:00:00.000Z']);
  });

  it('records one imported event per risk with the current rating and its band', () => {
    expect(events.map((event, index) => [event.riskId === risks[index]!.id, event.kind, event.by, event.rating])).toEqual([
      [true, 'imported', 'Dana Whitfield', { likelihood: 3, impact: 4, band: 'high' }],
      [true, 'imported', 'Dana Whitfield', { likelihood: 2, impact: 2, band: 'medium' }],
      [true, 'imported', 'Dana Whitfield', { likelihood: 3, impact: 4, band: 'high' }],
      [true, 'imported', 'Dana Whitfield', { likelihood: 3, impact: 4, band: 'high' }],
    ]);
  });

  it('produces records the schemas accept', () => {
    for (const risk of risks) expect(RiskSchema.safeParse(risk).success).toBe(true);
    for (const event of events) expect(RiskEventSchema.safeParse(event).success).toBe(true);
  });
});

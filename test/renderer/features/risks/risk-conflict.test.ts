import { describe, expect, it } from 'vitest';
import { RiskSchema, type Risk } from '@shared/domain/risk';
import { compareRiskVersions, rebaseRiskChanges } from '../../../../renderer/features/risks/risk-conflict';

const kpiA = '11111111-1111-4111-8111-111111111111';
const kpiB = '22222222-2222-4222-8222-222222222222';

const base: Risk = RiskSchema.parse({
  id: '33333333-3333-4333-8333-333333333333',
  engagementId: '44444444-4444-4444-8444-444444444444',
  createdAt: '2026-11-20T09:00:00.000Z',
  updatedAt: '2026-11-20T09:00:00.000Z',
  revision: 3,
  reference: 'R-004',
  title: 'Key engineer leaves the partner team',
  description: '',
  category: 'operational',
  cause: '',
  trigger: '',
  likelihood: 2,
  impact: 4,
  residualLikelihood: null,
  residualImpact: null,
  ownerId: null,
  response: 'mitigate',
  status: 'open',
  proximity: 'this-quarter',
  nextReviewOn: '2026-12-04',
  lastReviewedAt: null,
  closedAt: null,
  kpiIds: [kpiA, kpiB],
  escalationIds: [],
});
/** Another window raised the likelihood and saved a new revision. */
const theirs: Risk = { ...base, likelihood: 4, revision: 4, updatedAt: '2026-11-20T10:00:00.000Z' };

describe('a risk saved in two windows', () => {
  it('separates the other window’s changes from the user’s', () => {
    const { comparison } = compareRiskVersions(base, { title: 'Lead engineer leaves', likelihood: 2, impact: 4 }, theirs);
    expect(comparison.changedByThem.map((edit) => edit.field)).toEqual(['likelihood']);
    expect(comparison.changedByMe.map((edit) => edit.field)).toEqual(['title']);
    expect(comparison.conflicting).toEqual([]);
  });

  it('treats the form’s unchanged linked KPIs in another order as no change', () => {
    const { comparison } = compareRiskVersions(base, { kpiIds: [kpiB, kpiA] }, theirs);
    expect(comparison.changedByMe).toEqual([]);
  });

  it('puts only the user’s fields on top of the latest version, keeping the other window’s likelihood', () => {
    // The form sends every field, including the likelihood as the user first saw it.
    const rebased = rebaseRiskChanges(
      base,
      { title: 'Lead engineer leaves', likelihood: 2, impact: 4, kpiIds: [kpiA, kpiB] },
      theirs,
      false,
    );
    expect(rebased).toMatchObject({ ok: true, changes: { title: 'Lead engineer leaves' } });
    expect(rebased.ok && rebased.result.likelihood).toBe(4);
  });

  it('refuses a likelihood changed in both windows unless the user overwrites it', () => {
    expect(rebaseRiskChanges(base, { likelihood: 3 }, theirs, false)).toEqual({ ok: false, conflicting: ['likelihood'] });
    expect(rebaseRiskChanges(base, { likelihood: 3 }, theirs, true)).toMatchObject({
      ok: true,
      changes: { likelihood: 3 },
      overwritten: ['likelihood'],
    });
  });
});

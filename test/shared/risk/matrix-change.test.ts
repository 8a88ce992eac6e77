import { describe, expect, it } from 'vitest';
import { defaultRiskMatrix } from '@shared/domain/defaults';
import { matrixChangeFieldChanges, planMatrixChange, rescaleLevel } from '@shared/risk/matrix-change';
import { makeRisk } from './fixtures';

const matrix3 = defaultRiskMatrix(3);
const matrix4 = defaultRiskMatrix(4);
const matrix5 = defaultRiskMatrix(5);

describe('rescaleLevel', () => {
  it('maps each level by the documented rule', () => {
    const map = (from: number, to: number) => Array.from({ length: from }, (_, index) => rescaleLevel(index + 1, from, to));
    expect(map(5, 3)).toEqual([1, 1, 2, 3, 3]);
    expect(map(3, 5)).toEqual([1, 3, 5]);
    expect(map(5, 4)).toEqual([1, 2, 3, 3, 4]);
    expect(map(4, 5)).toEqual([1, 2, 4, 5]);
    expect(map(4, 3)).toEqual([1, 2, 2, 3]);
    expect(map(3, 4)).toEqual([1, 3, 4]);
    expect(map(5, 5)).toEqual([1, 2, 3, 4, 5]);
  });

  it('keeps both ends and never swaps two levels', () => {
    for (const from of [3, 4, 5]) {
      for (const to of [3, 4, 5]) {
        const mapped = Array.from({ length: from }, (_, index) => rescaleLevel(index + 1, from, to));
        expect(mapped[0]).toBe(1);
        expect(mapped.at(-1)).toBe(to);
        for (let index = 1; index < mapped.length; index++) expect(mapped[index]!).toBeGreaterThanOrEqual(mapped[index - 1]!);
      }
    }
  });
});

describe('planMatrixChange', () => {
  it('rescales every level, residual included, when the size changes, and lists the band change', () => {
    const risk = makeRisk({ likelihood: 4, impact: 5, residualLikelihood: 2, residualImpact: 4 });
    const untouched = makeRisk({ likelihood: 1, impact: 1 });
    const plan = planMatrixChange([risk, untouched], matrix5, matrix3);
    expect(plan.rescaled).toBe(true);
    expect(plan.changes).toEqual([
      {
        risk,
        before: { likelihood: 4, impact: 5, residualLikelihood: 2, residualImpact: 4, band: 'high' },
        after: { likelihood: 3, impact: 3, residualLikelihood: 1, residualImpact: 3, band: 'medium' },
      },
    ]);
  });

  it('keeps a residual rating at or below the inherent one', () => {
    const risks = [];
    for (let inherent = 1; inherent <= 5; inherent++)
      for (let residual = 1; residual <= inherent; residual++)
        risks.push(makeRisk({ likelihood: inherent, impact: inherent, residualLikelihood: residual, residualImpact: residual }));
    for (const to of [matrix3, matrix4]) {
      for (const { after } of planMatrixChange(risks, matrix5, to).changes) {
        expect(after.residualLikelihood!).toBeLessThanOrEqual(after.likelihood);
        expect(after.residualImpact!).toBeLessThanOrEqual(after.impact);
      }
    }
  });

  it('re-bands without touching levels when only the cell bands change', () => {
    const edited = { ...matrix5, bands: matrix5.bands.map((row) => [...row]) };
    edited.bands[2]![2] = 'critical';
    const moved = makeRisk({ likelihood: 3, impact: 3 });
    const elsewhere = makeRisk({ likelihood: 3, impact: 4 });
    const plan = planMatrixChange([moved, elsewhere], matrix5, edited);
    expect(plan.rescaled).toBe(false);
    expect(plan.changes).toHaveLength(1);
    expect(plan.changes[0]).toMatchObject({
      risk: moved,
      before: { likelihood: 3, impact: 3, band: 'high' },
      after: { likelihood: 3, impact: 3, band: 'critical' },
    });
  });

  it('writes the matrix entry first in the history of a rescaled risk, then the levels that moved', () => {
    const risk = makeRisk({ likelihood: 4, impact: 3 });
    const [change] = planMatrixChange([risk], matrix5, matrix3).changes;
    expect(matrixChangeFieldChanges(change!, matrix5, matrix3)).toEqual([
      { field: 'matrix', from: '5x5', to: '3x3' },
      { field: 'likelihood', from: 4, to: 3 },
      { field: 'impact', from: 3, to: 2 },
    ]);
  });
});

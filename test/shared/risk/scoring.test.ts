import { describe, expect, it } from 'vitest';
import { defaultRiskMatrix } from '@shared/domain/defaults';
import { bandOf, currentRating, inherentRating, isOnMatrix, isResidualAboveInherent, rate, residualRating } from '@shared/risk/scoring';
import { makeRisk } from './fixtures';

const matrix3 = defaultRiskMatrix(3);
const matrix4 = defaultRiskMatrix(4);
const matrix5 = defaultRiskMatrix(5);

describe('banding on the default matrices', () => {
  it('bands a 3x3 matrix by score: medium from 3, high from 6, critical at 9', () => {
    expect(matrix3.bands).toEqual([
      ['low', 'low', 'medium'],
      ['low', 'medium', 'high'],
      ['medium', 'high', 'critical'],
    ]);
    expect(bandOf(matrix3, 3, 3)).toBe('critical');
    expect(bandOf(matrix3, 1, 2)).toBe('low');
  });

  it('bands a 4x4 matrix: medium from 3, high from 6, critical from 12', () => {
    expect(bandOf(matrix4, 1, 2)).toBe('low');
    expect(bandOf(matrix4, 1, 3)).toBe('medium');
    expect(bandOf(matrix4, 2, 3)).toBe('high');
    expect(bandOf(matrix4, 3, 4)).toBe('critical');
    expect(bandOf(matrix4, 4, 4)).toBe('critical');
    expect(bandOf(matrix4, 2, 2)).toBe('medium');
  });

  it('bands a 5x5 matrix: medium from 4, high from 8, critical from 15', () => {
    expect(bandOf(matrix5, 1, 3)).toBe('low');
    expect(bandOf(matrix5, 2, 2)).toBe('medium');
    expect(bandOf(matrix5, 2, 4)).toBe('high');
    expect(bandOf(matrix5, 3, 4)).toBe('high');
    expect(bandOf(matrix5, 3, 5)).toBe('critical');
    expect(bandOf(matrix5, 5, 5)).toBe('critical');
  });

  it('reads an edited cell band as the user set it, not from the score', () => {
    const edited = { ...matrix5, bands: matrix5.bands.map((row) => [...row]) };
    edited.bands[0]![4] = 'high';
    expect(bandOf(edited, 1, 5)).toBe('high');
    expect(bandOf(matrix5, 1, 5)).toBe('medium');
  });

  it('refuses levels off the matrix instead of guessing a band', () => {
    expect(isOnMatrix(matrix3, 3, 3)).toBe(true);
    expect(isOnMatrix(matrix3, 4, 1)).toBe(false);
    expect(isOnMatrix(matrix5, 0, 1)).toBe(false);
    expect(isOnMatrix(matrix5, 2.5, 1)).toBe(false);
    expect(() => bandOf(matrix3, 4, 1)).toThrow(/between 1 and 3/);
  });
});

describe('ratings', () => {
  it('scores likelihood times impact with the cell band', () => {
    expect(rate(matrix5, 4, 3)).toEqual({ likelihood: 4, impact: 3, score: 12, band: 'high' });
    expect(rate(matrix4, 4, 3)).toEqual({ likelihood: 4, impact: 3, score: 12, band: 'critical' });
  });

  it('uses the residual rating once both residual levels are assessed, the inherent one before', () => {
    const unassessed = makeRisk({ likelihood: 4, impact: 5, residualLikelihood: 2, residualImpact: null });
    expect(residualRating(matrix5, unassessed)).toBeNull();
    expect(currentRating(matrix5, unassessed)).toEqual({ likelihood: 4, impact: 5, score: 20, band: 'critical' });
    const assessed = { ...unassessed, residualImpact: 3 };
    expect(inherentRating(matrix5, assessed).band).toBe('critical');
    expect(currentRating(matrix5, assessed)).toEqual({ likelihood: 2, impact: 3, score: 6, band: 'medium' });
  });

  it('flags a residual likelihood or impact above the inherent one', () => {
    expect(isResidualAboveInherent(makeRisk({ likelihood: 3, impact: 3, residualLikelihood: 3, residualImpact: 3 }))).toBe(false);
    expect(isResidualAboveInherent(makeRisk({ likelihood: 3, impact: 3, residualLikelihood: 4, residualImpact: 1 }))).toBe(true);
    expect(isResidualAboveInherent(makeRisk({ likelihood: 3, impact: 2, residualLikelihood: null, residualImpact: 3 }))).toBe(true);
    expect(isResidualAboveInherent(makeRisk({ likelihood: 1, impact: 1 }))).toBe(false);
  });
});

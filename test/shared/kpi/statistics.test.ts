import { describe, expect, it } from 'vitest';
import { mannKendall, mean, meanMovingRange, median, runAtEnd, theilSenSlope, xmrLimits } from '@shared/kpi/statistics';

const points = (entries: Array<[number, number]>) => entries.map(([sprintNumber, value]) => ({ sprintNumber, value }));

describe('mean and median', () => {
  it('takes the middle value, or the mean of the two middle values', () => {
    expect(mean([1, 2, 6])).toBe(3);
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 10])).toBe(3.5);
  });
});

describe('theilSenSlope', () => {
  it('is the median of the pairwise slopes', () => {
    // Slopes: 2, 0.5, 4/3, −1, 1, 3 -> sorted −1, 0.5, 1, 4/3, 2, 3 -> median (1 + 4/3) / 2.
    expect(
      theilSenSlope(
        points([
          [1, 1],
          [2, 3],
          [3, 2],
          [4, 5],
        ]),
      ),
    ).toBeCloseTo(7 / 6, 10);
  });

  it('uses sprint numbers as x, so a missing sprint does not bend the line', () => {
    expect(
      theilSenSlope(
        points([
          [1, 10],
          [2, 12],
          [5, 18],
        ]),
      ),
    ).toBe(2);
  });

  it('is 0 with fewer than two points', () => {
    expect(theilSenSlope(points([[3, 7]]))).toBe(0);
  });
});

describe('mannKendall', () => {
  it('counts rising and falling pairs', () => {
    // Pairs of 1, 3, 2, 5: (1,3)+ (1,2)+ (1,5)+ (3,2)− (3,5)+ (2,5)+.
    expect(
      mannKendall(
        points([
          [1, 1],
          [2, 3],
          [3, 2],
          [4, 5],
        ]),
      ),
    ).toEqual({ s: 4, rising: 5, falling: 1, pairs: 6, tau: 4 / 6 });
  });

  it('counts equal values as neither', () => {
    // 10, 11, 10, 11: (10,11)+ (10,10)= (10,11)+ (11,10)− (11,11)= (10,11)+.
    expect(
      mannKendall(
        points([
          [1, 10],
          [2, 11],
          [3, 10],
          [4, 11],
        ]),
      ),
    ).toEqual({ s: 2, rising: 3, falling: 1, pairs: 6, tau: 2 / 6 });
    expect(
      mannKendall(
        points([
          [1, 4],
          [2, 4],
          [3, 4],
        ]),
      ),
    ).toEqual({ s: 0, rising: 0, falling: 0, pairs: 3, tau: 0 });
  });
});

describe('XmR', () => {
  it('takes mR̄ as the mean absolute difference of neighbours and puts limits at 2.66 × mR̄', () => {
    // Moving ranges of 10, 12, 9, 13: 2, 3, 4 -> 3; mean 11; limits 11 ± 7.98.
    expect(meanMovingRange([10, 12, 9, 13])).toBe(3);
    const limits = xmrLimits([10, 12, 9, 13]);
    expect(limits.mean).toBe(11);
    expect(limits.upper).toBeCloseTo(18.98, 10);
    expect(limits.lower).toBeCloseTo(3.02, 10);
  });

  it('keeps a negative lower limit', () => {
    // Moving ranges of 0, 4, 0: 4, 4 -> 4; mean 4/3; lower 4/3 − 10.64.
    expect(xmrLimits([0, 4, 0]).lower).toBeCloseTo(4 / 3 - 10.64, 10);
  });

  it('counts the run on one side of the centre that ends at the last point', () => {
    expect(runAtEnd([1, 5, 6, 7], 4)).toEqual({ length: 3, side: 'above' });
    expect(runAtEnd([9, 1, 2], 4)).toEqual({ length: 2, side: 'below' });
    // A point on the centre line ends a run, and one at the end means no run.
    expect(runAtEnd([5, 4, 6, 7], 4)).toEqual({ length: 2, side: 'above' });
    expect(runAtEnd([5, 6, 4], 4)).toEqual({ length: 0, side: null });
    expect(runAtEnd([], 4)).toEqual({ length: 0, side: null });
  });
});

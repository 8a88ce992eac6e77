import { describe, expect, it } from 'vitest';
import {
  chartValueRange,
  controlSignals,
  isolatedPoints,
  linePath,
  linearScale,
  niceStep,
  niceTicks,
  sprintTicks,
} from '../../../../../renderer/features/kpis/scorecard/chart-scale';

const points = (...pairs: [number, number][]) => pairs.map(([sprintNumber, value]) => ({ sprintNumber, value }));

describe('niceStep', () => {
  it('rounds to 1, 2, 2.5 or 5 times a power of ten', () => {
    expect(niceStep(100, 5)).toBe(20);
    expect(niceStep(9, 5)).toBe(2);
    expect(niceStep(12, 5)).toBe(2.5);
    expect(niceStep(0.37, 5)).toBe(0.1);
    expect(niceStep(30, 5)).toBe(10);
  });
});

describe('niceTicks', () => {
  it('covers the range with round ticks and the decimals the step needs', () => {
    expect(niceTicks(63, 97, 5)).toEqual({ values: [60, 70, 80, 90, 100], step: 10, decimals: 0 });
    expect(niceTicks(0.12, 0.91, 4).values).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    const small = niceTicks(0.1, 1.1, 4);
    expect(small.values).toEqual([0, 0.25, 0.5, 0.75, 1, 1.25]);
    expect(small.decimals).toBe(2);
  });

  it('widens a flat series around its value instead of dividing by zero', () => {
    const flat = niceTicks(40, 40, 5);
    expect(flat.values[0]).toBeLessThan(40);
    expect(flat.values.at(-1)).toBeGreaterThan(40);
    expect(niceTicks(0, 0, 4).values).toEqual([-1, -0.5, 0, 0.5, 1]);
  });

  it('handles negative values', () => {
    expect(niceTicks(-0.3, 0.2, 5).values).toEqual([-0.3, -0.2, -0.1, 0, 0.1, 0.2]);
  });
});

describe('sprintTicks', () => {
  it('labels every sprint of a short history', () => {
    expect(sprintTicks(1, 12, 12)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });

  it('uses a round step for a long history and keeps the first sprint', () => {
    expect(sprintTicks(1, 104, 12)).toEqual([1, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
    expect(sprintTicks(5, 5)).toEqual([5]);
  });
});

describe('chartValueRange', () => {
  it('includes every guide line so none falls off the chart', () => {
    expect(chartValueRange(points([1, 70], [2, 75]), { target: 80, redLine: 60 })).toEqual({ min: 60, max: 80 });
    expect(chartValueRange(points([1, 40], [2, 42]), { controlLimits: { mean: 41, upper: 47, lower: 35 } })).toEqual({ min: 35, max: 47 });
  });

  it('starts at zero when the values sit close to it', () => {
    expect(chartValueRange(points([1, 1], [2, 4]), {})).toEqual({ min: 0, max: 4 });
  });

  it('has no range without values or guides', () => {
    expect(chartValueRange([], {})).toBeNull();
  });
});

describe('linePath', () => {
  const x = linearScale([1, 5], [0, 400]);
  const y = linearScale([0, 10], [100, 0]);

  it('joins consecutive sprints and breaks the line at a missing one', () => {
    expect(linePath(points([1, 0], [2, 5], [4, 10], [5, 2.5]), x, y)).toBe('M0 100 L100 50 M300 0 L400 75');
  });

  it('draws nothing for an empty series', () => {
    expect(linePath([], x, y)).toBe('');
  });

  it('finds the points a line cannot show because both neighbours are missing', () => {
    expect(isolatedPoints(points([1, 3], [3, 4], [4, 5], [6, 1]))).toEqual(points([1, 3], [6, 1]));
  });
});

describe('linearScale', () => {
  it('maps a domain onto a range, inverted for a y axis', () => {
    const y = linearScale([50, 100], [300, 0]);
    expect(y(50)).toBe(300);
    expect(y(75)).toBe(150);
    expect(linearScale([3, 3], [0, 100])(3)).toBe(50);
  });
});

describe('controlSignals', () => {
  const limits = { mean: 10, upper: 14, lower: 6 };

  it('flags points outside the control limits on either side', () => {
    expect(controlSignals(points([1, 10], [2, 15], [3, 5.9], [4, 14]), limits, undefined)).toEqual([
      null,
      'above-limit',
      'below-limit',
      null,
    ]);
  });

  it('flags a run of the given length on one side of the mean, and only that run', () => {
    const series = points([1, 9], [2, 11], [3, 12], [4, 11], [5, 13], [6, 12], [7, 11], [8, 11.5], [9, 8]);
    expect(controlSignals(series, limits, 7)).toEqual([null, 'run', 'run', 'run', 'run', 'run', 'run', 'run', null]);
  });

  it('lets a value on the mean end a run, so six plus six is no run of seven', () => {
    const series = points(...Array.from({ length: 13 }, (_, index): [number, number] => [index + 1, index === 6 ? 10 : 11]));
    expect(controlSignals(series, limits, 7).every((signal) => signal === null)).toBe(true);
  });

  it('keeps the limit signal of a point that is also in a run', () => {
    const series = points([1, 8], [2, 7], [3, 5], [4, 8], [5, 9], [6, 7], [7, 8]);
    expect(controlSignals(series, limits, 7)).toEqual(['run', 'run', 'below-limit', 'run', 'run', 'run', 'run']);
  });
});

import { describe, expect, it } from 'vitest';
import type { KpiRule, KpiUnit } from '@shared/domain/kpi';
import { evaluateKpi, readTrend } from '@shared/kpi/evaluate';
import type { KpiEvaluationContext, KpiPoint } from '@shared/kpi/types';

/** Points for consecutive sprints starting at `first`. */
function run(first: number, values: number[]): KpiPoint[] {
  return values.map((value, index) => ({ sprintNumber: first + index, value }));
}

function at(entries: Array<[number, number]>): KpiPoint[] {
  return entries.map(([sprintNumber, value]) => ({ sprintNumber, value }));
}

function context(unit: KpiUnit, overrides: Partial<KpiEvaluationContext> = {}): KpiEvaluationContext {
  return { kpi: { key: 'kpi', name: 'Some KPI', unit, direction: 'lower' }, teamSize: 5, ...overrides };
}

const commitment: KpiRule = { kind: 'threshold', comparator: '>=', target: 80, amberMargin: 10, window: 3 };

describe('every rule', () => {
  it('has no data without values, whatever the rule', () => {
    const result = evaluateKpi(commitment, [], context('percent', { latestSprintNumber: 12 }));
    expect(result).toEqual({
      status: 'no-data',
      figure: null,
      figureText: '\u2014',
      reason: 'No values yet',
      provisional: false,
      guides: {},
    });
  });

  it('ignores values after the latest expected sprint and accepts points in any order', () => {
    const result = evaluateKpi(
      commitment,
      at([
        [13, 0],
        [12, 90],
        [10, 80],
        [11, 85],
      ]),
      context('percent', { latestSprintNumber: 12 }),
    );
    expect(result.figure).toBe(85);
    expect(result.status).toBe('green');
  });
});

describe('threshold', () => {
  it('is green at or above the target', () => {
    const result = evaluateKpi(commitment, run(10, [80, 85, 90]), context('percent'));
    expect(result).toEqual({
      status: 'green',
      figure: 85,
      figureText: '85%',
      reason: '3-sprint mean 85% (sprints 10\u201312) meets the 80% target',
      provisional: false,
      guides: { target: 80, redLine: 70 },
    });
  });

  it('is amber within the margin, with a reason a person can read aloud', () => {
    const result = evaluateKpi(commitment, run(10, [70, 72, 74]), context('percent'));
    expect(result.status).toBe('amber');
    expect(result.figure).toBe(72);
    expect(result.reason).toBe('3-sprint mean 72% (sprints 10\u201312) is below the 80% target (amber down to 70%)');
  });

  it('is amber exactly on the red line and red beyond it', () => {
    expect(evaluateKpi(commitment, run(10, [70, 70, 70]), context('percent')).status).toBe('amber');
    const red = evaluateKpi(commitment, run(10, [60, 65, 70]), context('percent'));
    expect(red.status).toBe('red');
    expect(red.reason).toBe('3-sprint mean 65% (sprints 10\u201312) is below the 80% target and the 70% amber limit');
  });

  it('judges the mean of the window only, not older sprints', () => {
    expect(evaluateKpi(commitment, run(1, [10, 10, 10, 90, 90, 90]), context('percent')).status).toBe('green');
  });

  it('does not print a value below the target as the target', () => {
    const result = evaluateKpi(commitment, run(10, [79.5, 79.7, 79.6]), context('percent'));
    expect(result.status).toBe('amber');
    expect(result.figureText).toBe('79.6%');
  });

  it('means the values it has and names the sprint without one', () => {
    const result = evaluateKpi(commitment, run(10, [70, 74]), context('percent', { latestSprintNumber: 12 }));
    expect(result.figure).toBe(72);
    expect(result.reason).toBe('2-sprint mean 72% (sprints 10 and 11; no value for sprint 12) is below the 80% target (amber down to 70%)');
  });

  it('has no data when the window has no value, and says where the last one is', () => {
    const result = evaluateKpi(commitment, run(1, [90, 90, 90, 90, 90, 90, 90]), context('percent', { latestSprintNumber: 12 }));
    expect(result.status).toBe('no-data');
    expect(result.reason).toBe('No value for sprints 10\u201312; the last is from sprint 7');
    expect(result.guides).toEqual({ target: 80, redLine: 70 });
  });

  it('judges an upper limit over one sprint', () => {
    const rule: KpiRule = { kind: 'threshold', comparator: '<=', target: 5, amberMargin: 1, window: 1 };
    const result = evaluateKpi(rule, at([[4, 5.5]]), context('days'));
    expect(result.status).toBe('amber');
    expect(result.reason).toBe('Sprint 4: 5.5 days is above the 5 days target (amber up to 6 days)');
    expect(result.guides).toEqual({ target: 5, redLine: 6 });
    expect(evaluateKpi(rule, at([[4, 6.5]]), context('days')).status).toBe('red');
    expect(evaluateKpi(rule, at([[4, 5]]), context('days')).status).toBe('green');
  });

  it('names the missing sprints when a window holds one value', () => {
    const result = evaluateKpi(commitment, at([[11, 60]]), context('percent', { latestSprintNumber: 12 }));
    expect(result.reason).toBe('Sprint 11 (no value for sprints 10 and 12): 60% is below the 80% target and the 70% amber limit');
  });
});

describe('per-engineer limit', () => {
  const wip: KpiRule = { kind: 'per-engineer-limit', greenMax: 2, amberMax: 3 };

  it('divides the latest value by the team size', () => {
    const green = evaluateKpi(wip, run(11, [20, 9]), context('items'));
    expect(green).toEqual({
      status: 'green',
      figure: 1.8,
      figureText: '1.8 items per engineer',
      reason: 'Sprint 12: 9 items across 5 engineers is 1.8 items per engineer, within the limit of 2',
      provisional: false,
      guides: { target: 10, redLine: 15 },
    });
  });

  it('is amber up to the amber limit and red above it', () => {
    const amber = evaluateKpi(wip, at([[12, 12]]), context('items'));
    expect(amber.status).toBe('amber');
    expect(amber.figureText).toBe('2.4 items per engineer');
    expect(amber.reason).toBe('Sprint 12: 12 items across 5 engineers is 2.4 items per engineer, above the limit of 2 (amber to 3)');
    expect(evaluateKpi(wip, at([[12, 15]]), context('items')).status).toBe('amber');
    const red = evaluateKpi(wip, at([[12, 16]]), context('items', { teamSize: 5 }));
    expect(red.status).toBe('red');
    expect(red.reason).toBe(
      'Sprint 12: 16 items across 5 engineers is 3.2 items per engineer, above the limit of 2 and the amber limit of 3',
    );
  });

  it('uses the team size it is given', () => {
    expect(evaluateKpi(wip, at([[12, 12]]), context('items', { teamSize: 8 })).status).toBe('green');
  });

  it('has no data when the latest sprint has no value', () => {
    const result = evaluateKpi(wip, at([[11, 4]]), context('items', { latestSprintNumber: 12 }));
    expect(result.status).toBe('no-data');
    expect(result.reason).toBe('No value for sprint 12; the last is from sprint 11');
  });
});

describe('ratio', () => {
  const handoff: KpiRule = { kind: 'ratio', otherKpiKey: 'cycle-time', maxRatio: 0.1, amberRatio: 0.15 };
  const withCycleTime = (series: KpiPoint[], overrides: Partial<KpiEvaluationContext> = {}) =>
    context('days', {
      kpi: { key: 'handoff-delay-rate', name: 'Handoff delay', unit: 'days', direction: 'lower' },
      seriesOf: (key) => (key === 'cycle-time' ? { name: 'Cycle time', unit: 'days', series } : undefined),
      ...overrides,
    });

  it('is green when the share is within the limit', () => {
    const result = evaluateKpi(handoff, at([[12, 0.4]]), withCycleTime(at([[12, 5]])));
    expect(result.status).toBe('green');
    expect(result.figure).toBeCloseTo(0.08, 10);
    expect(result.figureText).toBe('8% of cycle time');
    expect(result.reason).toBe('Sprint 12: handoff delay of 0.4 days is 8% of the cycle time of 5 days, within the 10% limit');
    expect(result.guides).toEqual({ target: 0.5, redLine: 0.75 });
  });

  it('is amber up to the amber ratio and red beyond', () => {
    const amber = evaluateKpi(handoff, at([[12, 0.7]]), withCycleTime(at([[12, 5]])));
    expect(amber.status).toBe('amber');
    expect(amber.figureText).toBe('14% of cycle time');
    expect(amber.reason).toBe(
      'Sprint 12: handoff delay of 0.7 days is 14% of the cycle time of 5 days, above the 10% limit (amber to 15%)',
    );
    const red = evaluateKpi(handoff, at([[12, 1]]), withCycleTime(at([[12, 5]])));
    expect(red.status).toBe('red');
    expect(red.reason).toBe(
      'Sprint 12: handoff delay of 1 day is 20% of the cycle time of 5 days, above the 10% limit and the 15% amber limit',
    );
  });

  it('treats an amber ratio below the limit as no amber band', () => {
    const rule: KpiRule = { kind: 'ratio', otherKpiKey: 'cycle-time', maxRatio: 0.1, amberRatio: 0.05 };
    const result = evaluateKpi(rule, at([[12, 0.6]]), withCycleTime(at([[12, 5]])));
    expect(result.status).toBe('red');
    expect(result.reason).toBe(
      'Sprint 12: handoff delay of 0.6 days is 12% of the cycle time of 5 days, above the 10% limit (no amber band)',
    );
  });

  it('pairs the latest sprint where both KPIs have a value', () => {
    const result = evaluateKpi(
      handoff,
      at([
        [11, 0.4],
        [12, 3],
      ]),
      withCycleTime(
        at([
          [10, 5],
          [11, 4],
        ]),
      ),
    );
    expect(result.status).toBe('green');
    expect(result.reason).toBe(
      'Sprint 11, the latest with both values: handoff delay of 0.4 days is 10% of the cycle time of 4 days, within the 10% limit',
    );
  });

  it('has no data when the other KPI does not exist', () => {
    const missing = evaluateKpi(handoff, at([[12, 0.4]]), withCycleTime([], { seriesOf: () => undefined }));
    expect(missing.status).toBe('no-data');
    expect(missing.reason).toBe('This KPI is judged against the “cycle-time” KPI, which this engagement does not have');
    expect(evaluateKpi(handoff, at([[12, 0.4]]), context('days')).reason).toBe(missing.reason);
  });

  it('has no data when the other KPI has no recent value or is zero', () => {
    expect(evaluateKpi(handoff, at([[12, 0.4]]), withCycleTime(at([[8, 5]]))).reason).toBe(
      'Cycle time has no value for sprints 10\u201312 to compare with',
    );
    expect(evaluateKpi(handoff, at([[12, 0.4]]), withCycleTime(at([[11, 5]]))).reason).toBe(
      'Sprints 10\u201312: no sprint has values for both handoff delay and cycle time',
    );
    const zero = evaluateKpi(handoff, at([[12, 0.4]]), withCycleTime(at([[12, 0]])));
    expect(zero.status).toBe('no-data');
    expect(zero.reason).toBe('Sprint 12: cycle time is 0 days, so handoff delay cannot be taken as a share of it');
  });

  it('has no data when this KPI has no recent value', () => {
    expect(evaluateKpi(handoff, at([[12, 0.4]]), withCycleTime(at([[15, 5]]), { latestSprintNumber: 15 })).reason).toBe(
      'No value for sprints 13\u201315',
    );
  });
});

describe('trend', () => {
  const falling: KpiRule = { kind: 'trend', desired: 'down', lastSprints: 6, fromSprint: null };
  const stableOrFalling: KpiRule = { kind: 'trend', desired: 'stable-or-down', lastSprints: 6, fromSprint: null };

  it('says not enough data with 3 points, never a guess', () => {
    const result = evaluateKpi(falling, run(10, [9, 6, 3]), context('days'));
    expect(result).toEqual({
      status: 'no-data',
      figure: null,
      figureText: '\u2014',
      reason: 'Not enough data: 3 values in sprints 7\u201312; a trend needs at least 4',
      provisional: false,
      guides: {},
    });
  });

  it('calls a consistent fall falling, with its Theil–Sen slope and how many pairs agree', () => {
    // Pairwise slopes have median −0.5; 13 of 15 pairs fall; the change of −2.5 beats 5% of the median 8.75.
    const result = evaluateKpi(stableOrFalling, run(7, [10, 9, 9.5, 8, 8.5, 7]), context('days'));
    expect(result.status).toBe('green');
    expect(result.figure).toBe(-0.5);
    expect(result.figureText).toBe('\u22120.5 days per sprint');
    expect(result.reason).toBe(
      'Falling 0.5 days per sprint over sprints 7\u201312 (13 of 15 pairs agree); the target is stable or falling',
    );
  });

  it('is red when the KPI moves the wrong way', () => {
    const result = evaluateKpi(falling, run(7, [7, 8.5, 8, 9.5, 9, 10]), context('days'));
    expect(result.status).toBe('red');
    expect(result.reason).toBe('Rising 0.5 days per sprint over sprints 7\u201312 (13 of 15 pairs agree); the target is falling');
  });

  it('counts ties as neither rising nor falling and calls a see-saw no clear trend', () => {
    // 10, 11, 10, 11, 10, 11: 6 pairs rise, 3 fall, 6 are equal; tau 0.2; median slope 0.
    const result = evaluateKpi(falling, run(7, [10, 11, 10, 11, 10, 11]), context('days'));
    expect(result.status).toBe('amber');
    expect(result.figure).toBe(0);
    expect(result.reason).toBe(
      'No clear trend over sprints 7\u201312 (median change 0 days per sprint; 6 of 15 pairs rising, 3 falling); the target is falling',
    );
  });

  it('calls an all-equal series flat: green for a stable target, amber for a falling one', () => {
    const stable: KpiRule = { kind: 'trend', desired: 'stable', lastSprints: 6, fromSprint: null };
    const green = evaluateKpi(stable, run(7, [5, 5, 5, 5, 5, 5]), context('days'));
    expect(green.status).toBe('green');
    expect(green.reason).toBe('Flat over sprints 7\u201312 (all 6 values are 5 days); the target is stable');
    expect(evaluateKpi(falling, run(7, [5, 5, 5, 5, 5, 5]), context('days')).status).toBe('amber');
    expect(evaluateKpi(falling, run(7, [0, 0, 0, 0, 0, 0]), context('count')).reason).toBe(
      'Flat over sprints 7\u201312 (all 6 values are 0); the target is falling',
    );
  });

  it('is amber when a stable KPI moves clearly either way', () => {
    const stable: KpiRule = { kind: 'trend', desired: 'stable', lastSprints: 6, fromSprint: null };
    expect(evaluateKpi(stable, run(7, [10, 9, 9.5, 8, 8.5, 7]), context('days')).status).toBe('amber');
    expect(evaluateKpi(stable, run(7, [7, 8.5, 8, 9.5, 9, 10]), context('days')).status).toBe('amber');
  });

  it('is red when a stable-or-rising KPI falls clearly', () => {
    const stableOrRising: KpiRule = { kind: 'trend', desired: 'stable-or-up', lastSprints: 6, fromSprint: null };
    expect(evaluateKpi(stableOrRising, run(7, [10, 9, 9.5, 8, 8.5, 7]), context('per-week')).status).toBe('red');
    expect(evaluateKpi(stableOrRising, run(7, [10, 11, 10, 11, 10, 11]), context('per-week')).status).toBe('green');
  });

  it('calls a small but consistent drift stable', () => {
    // Every pair rises (tau 1) but the change of 0.5 is under 5% of the median level 90.25.
    const result = evaluateKpi(falling, run(7, [90, 90.1, 90.2, 90.3, 90.4, 90.5]), context('percent'));
    expect(readTrend(run(7, [90, 90.1, 90.2, 90.3, 90.4, 90.5])).tau).toBe(1);
    expect(result.status).toBe('amber');
    expect(
      result.reason.startsWith('No clear trend over sprints 7\u201312 (median change +0.1% per sprint; 15 of 15 pairs rising, 0 falling)'),
    ).toBe(true);
  });

  it('does not let one outlier sprint flip the direction', () => {
    // Without the spike the series falls 0.5 a sprint; with 30 in sprint 9 the median slope is still −0.5
    // and 13 of 15 pairs still fall.
    const clean = evaluateKpi(falling, run(7, [10, 9.5, 9, 8.5, 8, 7.5]), context('days'));
    const spiked = evaluateKpi(falling, run(7, [10, 9.5, 30, 8.5, 8, 7.5]), context('days'));
    expect(clean.status).toBe('green');
    expect(spiked.status).toBe('green');
    expect(spiked.figure).toBe(-0.5);
    expect(spiked.reason).toBe('Falling 0.5 days per sprint over sprints 7\u201312 (13 of 15 pairs agree); the target is falling');
  });

  it('does not turn a fall into a rise when the spike is the latest sprint', () => {
    // The spike in sprint 12 makes 5 pairs rise against 10 falling: too inconsistent to call, so stable, never rising.
    const reading = readTrend(run(7, [10, 9.5, 9, 8.5, 8, 30]));
    expect(reading.slope).toBe(-0.5);
    expect(reading.direction).toBe('stable');
  });

  it('uses sprint numbers across missing sprints and names them', () => {
    // 20, 18, 14, 10 at sprints 7, 8, 10, 12 fall exactly 2 per sprint; by position the slope would be about −3.7.
    const result = evaluateKpi(
      falling,
      at([
        [7, 20],
        [8, 18],
        [10, 14],
        [12, 10],
      ]),
      context('days'),
    );
    expect(result.figure).toBe(-2);
    expect(result.reason).toBe(
      'Falling 2 days per sprint over sprints 7\u201312 (6 of 6 pairs agree; no value for sprints 9 and 11); the target is falling',
    );
  });

  it('has not enough data when gaps leave fewer than 4 points in the window', () => {
    const result = evaluateKpi(
      falling,
      at([
        [2, 9],
        [3, 8],
        [8, 7],
        [10, 6],
        [12, 5],
      ]),
      context('days'),
    );
    expect(result.reason).toBe('Not enough data: 3 values in sprints 7\u201312; a trend needs at least 4');
  });

  describe('from sprint K on (rework)', () => {
    const rework: KpiRule = { kind: 'trend', desired: 'down', lastSprints: 6, fromSprint: 5 };
    const noisyStart = [50, 5, 60, 2];

    it('has no data before sprint K', () => {
      const result = evaluateKpi(rework, run(1, noisyStart), context('percent'));
      expect(result.status).toBe('no-data');
      expect(result.reason).toBe('Judged from sprint 5 on; the latest sprint is 4');
    });

    it('counts only sprints from K on', () => {
      expect(evaluateKpi(rework, run(1, [...noisyStart, 20, 18, 16]), context('percent')).reason).toBe(
        'Not enough data: 3 values in sprints 5\u20137 (judged from sprint 5 on); a trend needs at least 4',
      );
      const judged = evaluateKpi(rework, run(1, [...noisyStart, 20, 18, 16, 14]), context('percent'));
      expect(judged.status).toBe('green');
      expect(judged.reason).toBe(
        'Falling 2% per sprint over sprints 5\u20138 (6 of 6 pairs agree); the target is falling (judged from sprint 5 on)',
      );
    });

    it('uses the last N sprints once they all lie after K', () => {
      const judged = evaluateKpi(rework, run(1, [...noisyStart, 20, 18, 16, 14, 12, 10, 8, 6]), context('percent'));
      expect(judged.reason).toBe('Falling 2% per sprint over sprints 7\u201312 (15 of 15 pairs agree); the target is falling');
    });
  });
});

describe('baseline', () => {
  const leadTime: KpiRule = { kind: 'baseline', baselineSprints: 3, provisionalUntil: 12, desired: 'down', tolerancePercent: 15 };
  const firstThree = [10, 12, 11]; // median 11

  it('has no data until the first 3 sprints with a value exist', () => {
    expect(evaluateKpi(leadTime, run(1, [10, 12]), context('days')).reason).toBe(
      'The baseline needs values for the first 3 sprints; only sprints 1 and 2 have values',
    );
    expect(evaluateKpi(leadTime, at([[4, 12]]), context('days')).reason).toBe(
      'The baseline needs values for the first 3 sprints; only sprint 4 has a value',
    );
  });

  it('skips a sprint without a value: the baseline is the first 3 sprints that have one', () => {
    // Sprints 1, 3, 4 (10, 11, 12): median 11. Last 3 sprints 2–4 hold 11 and 12 -> 11.5, 4.5% above: amber.
    const result = evaluateKpi(
      leadTime,
      at([
        [1, 10],
        [3, 11],
        [4, 12],
      ]),
      context('days'),
    );
    expect(result.status).toBe('amber');
    expect(result.reason).toBe(
      'Provisional baseline (3 of 12 sprints): 2-sprint mean 11.5 days (sprints 3 and 4; no value for sprint 2) is 4.5% above the 11 days baseline (median of sprints 1, 3 and 4; amber within 15%)',
    );
    expect(result.guides.baseline).toEqual({ value: 11, fromSprint: 1, toSprint: 4, provisional: true });
  });

  it('forms from the team’s own first sprints when they keep Jira’s numbers (41–52)', () => {
    // Sprints 41–43 (10, 12, 11): median 11. Last 3 (50–52): 9, 10, 11 -> 10, 9.1% below: green; 12 points, settled.
    const result = evaluateKpi(leadTime, run(41, [...firstThree, 11, 11, 11, 11, 11, 11, 9, 10, 11]), context('days'));
    expect(result.status).toBe('green');
    expect(result.provisional).toBe(false);
    expect(result.reason).toBe(
      '3-sprint mean 10 days (sprints 50\u201352) is 9.1% below the 11 days baseline (median of sprints 41\u201343)',
    );
    expect(result.guides.baseline).toEqual({ value: 11, fromSprint: 41, toSprint: 43, provisional: false });
    // Provisional while fewer than 12 points exist, however high the sprint numbers: 41–48 is 8 points.
    const early = evaluateKpi(leadTime, run(41, [...firstThree, 11, 11, 12, 12, 13]), context('days'));
    expect(early.reason).toBe(
      'Provisional baseline (8 of 12 sprints): 3-sprint mean 12.3 days (sprints 46\u201348) is 12% above the 11 days baseline (median of sprints 41\u201343; amber within 15%)',
    );
  });

  it('is provisional before 12 points and says so first', () => {
    // Last 3: 12, 12, 13 -> 12.33, 12.1% above 11: amber.
    const result = evaluateKpi(leadTime, run(1, [...firstThree, 11, 11, 12, 12, 13]), context('days'));
    expect(result.status).toBe('amber');
    expect(result.provisional).toBe(true);
    expect(result.figureText).toBe('12.3 days');
    expect(result.reason).toBe(
      'Provisional baseline (8 of 12 sprints): 3-sprint mean 12.3 days (sprints 6\u20138) is 12% above the 11 days baseline (median of sprints 1\u20133; amber within 15%)',
    );
    expect(result.guides.baseline).toEqual({ value: 11, fromSprint: 1, toSprint: 3, provisional: true });
    expect(result.guides.redLine).toBeCloseTo(12.65, 10);
  });

  it('is no longer provisional from 12 points', () => {
    // Last 3: 9, 10, 11 -> 10, 9.1% below the baseline: green.
    const result = evaluateKpi(leadTime, run(1, [...firstThree, 11, 11, 11, 11, 11, 11, 9, 10, 11]), context('days'));
    expect(result.status).toBe('green');
    expect(result.provisional).toBe(false);
    expect(result.reason).toBe(
      '3-sprint mean 10 days (sprints 10\u201312) is 9.1% below the 11 days baseline (median of sprints 1\u20133)',
    );
    expect(result.guides.baseline?.provisional).toBe(false);
  });

  it('is red beyond the tolerance and green when equal', () => {
    const red = evaluateKpi(leadTime, run(1, [...firstThree, 11, 11, 11, 11, 11, 11, 14, 14, 14]), context('days'));
    expect(red.status).toBe('red');
    expect(red.reason).toBe(
      '3-sprint mean 14 days (sprints 10\u201312) is 27% above the 11 days baseline (median of sprints 1\u20133), beyond the 15% amber tolerance',
    );
    const equal = evaluateKpi(leadTime, run(1, [...firstThree, 11, 11, 11]), context('days'));
    expect(equal.status).toBe('green');
    expect(equal.reason).toBe(
      'Provisional baseline (6 of 12 sprints): 3-sprint mean 11 days (sprints 4\u20136) equals the 11 days baseline (median of sprints 1\u20133)',
    );
  });

  it('judges a rising KPI the other way round', () => {
    const qa: KpiRule = { kind: 'baseline', baselineSprints: 3, provisionalUntil: 4, desired: 'up', tolerancePercent: 10 };
    // Baseline 80; last 3 of 70, 70, 73 -> 71, 11.25% below: red. 75, 75, 75 -> 6.25% below: amber.
    expect(evaluateKpi(qa, run(1, [80, 78, 82, 70, 70, 73]), context('percent')).status).toBe('red');
    expect(evaluateKpi(qa, run(1, [80, 78, 82, 75, 75, 75]), context('percent')).status).toBe('amber');
    expect(evaluateKpi(qa, run(1, [80, 78, 82, 85, 85, 85]), context('percent')).status).toBe('green');
  });

  it('treats any rise from a zero baseline as beyond the tolerance', () => {
    const result = evaluateKpi(leadTime, run(1, [0, 0, 0, 0, 0, 3]), context('count'));
    expect(result.status).toBe('red');
    expect(result.reason).toBe(
      'Provisional baseline (6 of 12 sprints): 3-sprint mean 1 (sprints 4\u20136) is above the 0 baseline (median of sprints 1\u20133), beyond the 15% amber tolerance',
    );
  });
});

describe('control chart (XmR)', () => {
  const velocity: KpiRule = { kind: 'control-chart', runLength: 7 };

  it('needs 5 points', () => {
    const result = evaluateKpi(velocity, run(1, [20, 22, 19, 23]), context('points'));
    expect(result.status).toBe('no-data');
    expect(result.reason).toBe('Not enough data: 4 values; control limits need at least 5');
  });

  it('is green inside the limits, computed from a hand-checked mR̄', () => {
    // Moving ranges 2, 3, 4, 2, 1 -> mR̄ 2.4; mean 125/6; limits mean ± 6.384.
    const result = evaluateKpi(velocity, run(1, [20, 22, 19, 23, 21, 20]), context('points'));
    expect(result.status).toBe('green');
    expect(result.guides.controlLimits?.mean).toBeCloseTo(125 / 6, 10);
    expect(result.guides.controlLimits?.upper).toBeCloseTo(125 / 6 + 6.384, 10);
    expect(result.guides.controlLimits?.lower).toBeCloseTo(125 / 6 - 6.384, 10);
    expect(result.reason).toBe(
      'Sprint 6: 20 points is inside the control limits 14.4\u201327.2 points around a mean of 20.8 points, with no run of 7 on one side',
    );
  });

  it('is red when the latest point is outside the limits', () => {
    // Moving ranges 2, 3, 4, 2, 1, 15 -> mR̄ 4.5; mean 160/7 = 22.86; upper 22.86 + 11.97 = 34.83 < 35.
    const result = evaluateKpi(velocity, run(1, [20, 22, 19, 23, 21, 20, 35]), context('points'));
    expect(result.status).toBe('red');
    expect(result.figure).toBe(35);
    expect(result.reason).toBe(
      'Sprint 7: 35 points is above the upper control limit of 34.8 points (mean 22.9 points, average moving range 4.5 points)',
    );
  });

  it('is amber after a run of 7 on one side of the mean, green after 6', () => {
    // Mean 270/13 = 20.8; the last 7 values sit above it; mR̄ 117/12 keeps them inside the limits.
    const shifted = evaluateKpi(velocity, run(1, [30, 10, 30, 10, 30, 10, 21, 22, 21, 22, 21, 22, 21]), context('points'));
    expect(shifted.status).toBe('amber');
    expect(shifted.reason).toBe(
      'Sprints 7\u201313: 7 values in a row above the mean of 20.8 points, a sign the process has shifted (a run of 7 signals it)',
    );
    const shorter = evaluateKpi(velocity, run(1, [30, 10, 30, 10, 30, 10, 21, 22, 21, 22, 21, 22]), context('points'));
    expect(shorter.status).toBe('green');
  });

  it('is green for an all-equal series', () => {
    const result = evaluateKpi(velocity, run(1, [20, 20, 20, 20, 20, 20]), context('points'));
    expect(result.status).toBe('green');
    expect(result.guides.controlLimits).toEqual({ mean: 20, upper: 20, lower: 20 });
  });

  it('shows a negative lower limit as zero for values that cannot go below it', () => {
    // Moving ranges 10, 10, 10, 10 -> mR̄ 10; mean 4; lower 4 − 26.6 < 0.
    const result = evaluateKpi(velocity, run(1, [0, 10, 0, 10, 0]), context('count'));
    expect(result.guides.controlLimits?.lower).toBeCloseTo(-22.6, 10);
    expect(result.reason).toBe('Sprint 5: 0 is inside the control limits 0\u201330.6 around a mean of 4, with no run of 7 on one side');
  });

  it('says when the latest sprint has no value', () => {
    const result = evaluateKpi(velocity, run(1, [20, 22, 19, 23, 21, 20]), context('points', { latestSprintNumber: 7 }));
    expect(result.reason.startsWith('Sprint 6 (no value for sprint 7): 20 points is inside')).toBe(true);
  });
});

describe('near zero', () => {
  const escaped: KpiRule = { kind: 'near-zero', greenMax: 1, amberMax: 3, window: 3 };

  it('judges the window mean against the green and amber limits', () => {
    const green = evaluateKpi(escaped, run(10, [0, 1, 1]), context('count'));
    expect(green.status).toBe('green');
    expect(green.reason).toBe('3-sprint mean 0.67 (sprints 10\u201312) is within the near-zero limit of 1');
    expect(green.guides).toEqual({ target: 1, redLine: 3 });
    const amber = evaluateKpi(escaped, run(10, [2, 2, 3]), context('count'));
    expect(amber.status).toBe('amber');
    expect(amber.reason).toBe('3-sprint mean 2.3 (sprints 10\u201312) is above the near-zero limit of 1 (amber to 3)');
    const red = evaluateKpi(escaped, run(10, [3, 4, 5]), context('count'));
    expect(red.status).toBe('red');
    expect(red.reason).toBe('3-sprint mean 4 (sprints 10\u201312) is above the near-zero limit of 1 and the amber limit of 3');
  });

  it('has no data when the window is empty', () => {
    const result = evaluateKpi(escaped, run(1, [0, 0]), context('count', { latestSprintNumber: 6 }));
    expect(result.status).toBe('no-data');
    expect(result.reason).toBe('No value for sprints 4\u20136; the last is from sprint 2');
  });
});

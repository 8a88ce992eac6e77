import { describe, expect, it } from 'vitest';
import { defaultKpiTemplates } from '@shared/domain/defaults';
import { describeRule } from '@shared/kpi/describe-rule';

const names: Record<string, string> = { 'cycle-time': 'Cycle time' };
const nameOf = (key: string) => names[key];

describe('describeRule', () => {
  it('puts each default KPI target in words', () => {
    const described = Object.fromEntries(defaultKpiTemplates.map((kpi) => [kpi.key, describeRule(kpi.rule, kpi, nameOf)]));
    expect(described).toEqual({
      'sprint-commitment-rate': '≥ 80% (3-sprint mean; amber down to 70%)',
      'defect-density': 'falling over the last 6 sprints',
      'escaped-defects': '≤ 1 per sprint (3-sprint mean; amber to 3)',
      'cycle-time': 'stable or falling over the last 6 sprints',
      'lead-time': 'below the baseline of the first 3 sprints (amber within 15%)',
      wip: '≤ 2 items per engineer (amber to 3)',
      'handoff-delay-rate': '≤ 10% of cycle time (amber to 15%)',
      'rework-frequency': 'falling over the last 6 sprints, from sprint 5',
      'deployment-frequency': 'stable or rising over the last 6 sprints',
      'sprint-velocity': 'inside XmR control limits, no run of 7',
      'bug-resolution-time': 'falling over the last 6 sprints',
      'qa-pass-rate': 'rising over the last 6 sprints',
      'team-retention': '≥ 90% (latest sprint; amber down to 85%)',
    });
  });

  it('describes an upper threshold and a missing amber band', () => {
    expect(describeRule({ kind: 'threshold', comparator: '<=', target: 5, amberMargin: 1, window: 2 }, { unit: 'days' })).toBe(
      '≤ 5 days (2-sprint mean; amber up to 6 days)',
    );
    expect(describeRule({ kind: 'threshold', comparator: '>=', target: 80, amberMargin: 0, window: 1 }, { unit: 'percent' })).toBe(
      '≥ 80% (latest sprint; no amber band)',
    );
    expect(describeRule({ kind: 'per-engineer-limit', greenMax: 2, amberMax: 2 }, { unit: 'items' })).toBe(
      '≤ 2 items per engineer (no amber band)',
    );
  });

  it('names a ratio partner it cannot find by its key', () => {
    expect(describeRule({ kind: 'ratio', otherKpiKey: 'queue-time', maxRatio: 0.2, amberRatio: 0.1 }, { unit: 'days' })).toBe(
      '≤ 20% of the “queue-time” KPI (no amber band)',
    );
  });

  it('describes a rising baseline of one sprint and a near-zero limit in days', () => {
    expect(
      describeRule({ kind: 'baseline', baselineSprints: 1, provisionalUntil: 6, desired: 'up', tolerancePercent: 10 }, { unit: 'percent' }),
    ).toBe('above the baseline of the first sprint (amber within 10%)');
    expect(describeRule({ kind: 'near-zero', greenMax: 0.5, amberMax: 2, window: 1 }, { unit: 'days' })).toBe(
      '≤ 0.5 days (amber to 2 days)',
    );
  });
});

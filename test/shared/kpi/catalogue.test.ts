import { describe, expect, it } from 'vitest';
import { defaultKpiTemplates } from '@shared/domain/defaults';
import type { KpiDefinition } from '@shared/domain/kpi';
import {
  describeReviewRotation,
  groupKpisByCategory,
  isBuiltInKpi,
  kpiKeyFromName,
  kpiRemovalVerdict,
  kpiWithKey,
  ratioDependents,
  reviewTurns,
  suggestedReviewRotation,
} from '@shared/kpi/catalogue';

describe('KPI keys from names', () => {
  it('joins lower-case words with hyphens', () => {
    expect(kpiKeyFromName('Escaped defects')).toBe('escaped-defects');
    expect(kpiKeyFromName('  QA pass rate (first run) ')).toBe('qa-pass-rate-first-run');
    expect(kpiKeyFromName('Time-to-merge / PR')).toBe('time-to-merge-pr');
  });

  it('drops accents rather than the letters carrying them', () => {
    expect(kpiKeyFromName('Défauts échappés')).toBe('defauts-echappes');
    expect(kpiKeyFromName('Übergabe-Verzögerung')).toBe('ubergabe-verzogerung');
  });

  it('is empty when the name has no letter or digit', () => {
    expect(kpiKeyFromName('')).toBe('');
    expect(kpiKeyFromName(' — % ')).toBe('');
  });

  it('cuts a long name at a word boundary within 60 characters', () => {
    const name = 'Share of stories accepted by the product owner at the first sprint review after delivery';
    const key = kpiKeyFromName(name);
    expect(key).toBe('share-of-stories-accepted-by-the-product-owner-at-the-first');
    expect(key.length).toBeLessThanOrEqual(60);
    expect(kpiKeyFromName('x'.repeat(70))).toBe('x'.repeat(60));
  });

  it('gives keys the definition schema accepts', () => {
    for (const name of ['Escaped defects', 'Défauts échappés', 'A  -- b', '2nd-line tickets']) {
      expect(kpiKeyFromName(name)).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    }
  });
});

describe('KPI key uniqueness', () => {
  const kpis = [
    { id: 'k1', key: 'cycle-time', name: 'Cycle time' },
    { id: 'k2', key: 'lead-time', name: 'Lead time' },
  ];

  it('finds the KPI already using a key', () => {
    expect(kpiWithKey(kpis, 'lead-time')?.name).toBe('Lead time');
    expect(kpiWithKey(kpis, 'throughput')).toBeUndefined();
  });

  it('does not count the KPI being edited as a clash with itself', () => {
    expect(kpiWithKey(kpis, 'cycle-time', 'k1')).toBeUndefined();
    expect(kpiWithKey(kpis, 'cycle-time', 'k2')?.id).toBe('k1');
  });

  it('knows the default KPIs by key', () => {
    expect(defaultKpiTemplates.every((template) => isBuiltInKpi(template))).toBe(true);
    expect(isBuiltInKpi({ key: 'throughput' })).toBe(false);
  });
});

describe('review rotation by calendar month', () => {
  const rotation = ['ana', 'ben', 'chen'];

  it('starts with the first person in the engagement’s start month', () => {
    expect(reviewTurns(rotation, '2026-03-20', '2026-03-31')).toEqual({
      current: { personId: 'ana', month: 'March 2026' },
      next: { personId: 'ben', month: 'April 2026' },
    });
  });

  it('moves on at each calendar month, whatever the day of the start', () => {
    expect(reviewTurns(rotation, '2026-03-20', '2026-04-01')?.current).toEqual({ personId: 'ben', month: 'April 2026' });
    expect(reviewTurns(rotation, '2026-03-20', '2026-05-15')).toEqual({
      current: { personId: 'chen', month: 'May 2026' },
      next: { personId: 'ana', month: 'June 2026' },
    });
  });

  it('wraps round across a year end', () => {
    // November 2026 to February 2027 is three months: back to the first person.
    expect(reviewTurns(rotation, '2026-11-02', '2027-02-10')).toEqual({
      current: { personId: 'ana', month: 'February 2027' },
      next: { personId: 'ben', month: 'March 2027' },
    });
    expect(reviewTurns(rotation, '2026-11-02', '2026-12-31')?.next).toEqual({ personId: 'chen', month: 'January 2027' });
  });

  it('gives the first person the turn before the engagement starts', () => {
    expect(reviewTurns(rotation, '2026-09-01', '2026-06-10')).toEqual({
      current: { personId: 'ana', month: 'September 2026' },
      next: { personId: 'ben', month: 'October 2026' },
    });
  });

  it('has no turns without people', () => {
    expect(reviewTurns([], '2026-01-01', '2026-06-01')).toBeNull();
  });

  it('says the rotation in words', () => {
    const names: Record<string, string> = { ana: 'Ana Ruiz', ben: 'Ben Okafor' };
    const nameOf = (id: string) => names[id];
    expect(describeReviewRotation(['ana', 'ben'], '2026-01-05', '2026-06-10', nameOf)).toBe(
      'Ben Okafor reviews in June 2026; Ana Ruiz is next, in July 2026. Turns change each calendar month.',
    );
    expect(describeReviewRotation(['ana'], '2026-01-05', '2026-06-10', nameOf)).toBe(
      'Ana Ruiz reviews every month (nobody else is in the rotation).',
    );
    expect(describeReviewRotation(['gone', 'ana'], '2026-01-05', '2026-01-06', nameOf)).toBe(
      'a person no longer recorded reviews in January 2026; Ana Ruiz is next, in February 2026. Turns change each calendar month.',
    );
    expect(describeReviewRotation([], '2026-01-05', '2026-01-06', nameOf)).toBe('No review rotation set.');
  });

  it('suggests the tech leads, by name, each once', () => {
    const people = [
      { id: 'p1', name: 'Zoe Park' },
      { id: 'p2', name: 'Ana Ruiz' },
      { id: 'p3', name: 'Sam Doe' },
    ];
    const roles = [
      { personId: 'p1', role: 'tech-lead' as const },
      { personId: 'p3', role: 'scrum-master' as const },
      { personId: 'p2', role: 'tech-lead' as const },
      { personId: 'p1', role: 'tech-lead' as const },
    ];
    expect(suggestedReviewRotation(people, roles)).toEqual(['p2', 'p1']);
    expect(suggestedReviewRotation(people, [])).toEqual([]);
  });
});

describe('grouping by category', () => {
  it('follows the catalogue’s category order and sorts by name within each', () => {
    const groups = groupKpisByCategory(defaultKpiTemplates);
    expect(groups.map((group) => group.label)).toEqual(['Predictability', 'Quality', 'Flow', 'Coordination', 'Delivery', 'People']);
    expect(groups[0]!.kpis.map((kpi) => kpi.name)).toEqual(['Sprint commitment rate', 'Sprint velocity']);
    expect(groups[2]!.kpis.map((kpi) => kpi.name)).toEqual(['Cycle time', 'Lead time', 'Work in progress']);
    expect(groups.reduce((sum, group) => sum + group.kpis.length, 0)).toBe(13);
  });

  it('leaves out categories without KPIs', () => {
    expect(groupKpisByCategory([{ name: 'Throughput', category: 'delivery' as const }]).map((group) => group.category)).toEqual([
      'delivery',
    ]);
  });
});

describe('removing a KPI outright', () => {
  const threshold: KpiDefinition['rule'] = { kind: 'threshold', comparator: '>=', target: 80, amberMargin: 10, window: 3 };
  const userKpi = { id: 'u1', key: 'review-turnaround', name: 'Review turnaround', rule: threshold };
  const kpis = [userKpi, { id: 'c1', key: 'cycle-time', name: 'Cycle time', rule: threshold }];

  it('allows a user KPI nothing depends on', () => {
    expect(kpiRemovalVerdict({ kpi: userKpi, measurementCount: 0, linkedRisks: [], kpis })).toEqual({ removable: true });
  });

  it('refuses a default KPI even without data', () => {
    const cycle = kpis[1]!;
    expect(kpiRemovalVerdict({ kpi: cycle, measurementCount: 0, linkedRisks: [], kpis })).toEqual({
      removable: false,
      reasons: ['it is one of the default KPIs every engagement starts with'],
    });
  });

  it('names every reason: values, linked risks and ratio rules comparing with it', () => {
    const comparer = {
      id: 'h1',
      key: 'handoff',
      name: 'Handoff delay',
      rule: { kind: 'ratio' as const, otherKpiKey: 'review-turnaround', maxRatio: 0.1, amberRatio: 0.15 },
    };
    expect(
      kpiRemovalVerdict({
        kpi: userKpi,
        measurementCount: 1204,
        linkedRisks: ['R-004 Key engineer leaving', 'R-007 Review backlog'],
        kpis: [...kpis, comparer],
      }),
    ).toEqual({
      removable: false,
      reasons: [
        'it has 1,204 recorded values',
        'risks link to it: R-004 Key engineer leaving, R-007 Review backlog',
        'Handoff delay is judged as a ratio to it',
      ],
    });
    expect(kpiRemovalVerdict({ kpi: userKpi, measurementCount: 1, linkedRisks: ['R-001 Late reviews'], kpis })).toEqual({
      removable: false,
      reasons: ['it has 1 recorded value', 'a risk links to it: R-001 Late reviews'],
    });
  });

  it('lists the active KPIs judged as a ratio to a KPI', () => {
    const ratio = (otherKpiKey: string) => ({ kind: 'ratio' as const, otherKpiKey, maxRatio: 0.1, amberRatio: 0.15 });
    const all = [
      { id: 'c1', key: 'cycle-time', rule: threshold, retired: false },
      { id: 'h1', key: 'handoff', rule: ratio('cycle-time'), retired: false },
      { id: 'h2', key: 'old-handoff', rule: ratio('cycle-time'), retired: true },
      { id: 'w1', key: 'wait', rule: ratio('lead-time'), retired: false },
    ];
    expect(ratioDependents(all, { id: 'c1', key: 'cycle-time' }).map((kpi) => kpi.id)).toEqual(['h1']);
  });
});

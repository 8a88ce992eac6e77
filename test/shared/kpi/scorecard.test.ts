import { describe, expect, it } from 'vitest';
import { generateStressWorkspace } from '@shared/demo/generate';
import type { KpiDefinition, KpiRule, KpiUnit } from '@shared/domain/kpi';
import { buildScorecard, type ScorecardSource } from '@shared/kpi/scorecard';
import { kpiStatuses } from '@shared/kpi/types';

const engagementId = '11111111-1111-4111-8111-111111111111';

function kpi(key: string, name: string, unit: KpiUnit, rule: KpiRule, retired = false): KpiDefinition {
  return {
    id: `kpi-${key}`,
    engagementId,
    createdAt: '2026-01-05T09:00:00.000Z',
    updatedAt: '2026-01-05T09:00:00.000Z',
    revision: 1,
    key,
    name,
    category: 'flow',
    signal: '',
    formula: '',
    unit,
    direction: 'lower',
    validRange: { min: 0, max: 1000 },
    rule,
    ownerId: null,
    reviewRotation: [],
    retired,
  };
}

const kpis = [
  kpi('sprint-commitment-rate', 'Sprint commitment rate', 'percent', {
    kind: 'threshold',
    comparator: '>=',
    target: 80,
    amberMargin: 10,
    window: 1,
  }),
  kpi('old-metric', 'Old metric', 'count', { kind: 'near-zero', greenMax: 0, amberMax: 1, window: 1 }, true),
  kpi('wip', 'Work in progress', 'items', { kind: 'per-engineer-limit', greenMax: 2, amberMax: 3 }),
  kpi('cycle-time', 'Cycle time', 'days', { kind: 'threshold', comparator: '<=', target: 5, amberMargin: 1, window: 1 }),
  kpi('handoff-delay-rate', 'Handoff delay', 'days', { kind: 'ratio', otherKpiKey: 'cycle-time', maxRatio: 0.1, amberRatio: 0.15 }),
];

const teams = [
  { id: 'team-a', name: 'Payments', size: 5 },
  { id: 'team-b', name: 'Onboarding', size: 2 },
  { id: 'team-c', name: 'New squad', size: 3 },
];

// Today is 2026-03-10: A's sprint 4 is running (its values are not judged yet), B's sprint 3 has not started.
const sprints = [
  { id: 'a1', teamId: 'team-a', number: 1, startDate: '2026-01-26', endDate: '2026-02-06' },
  { id: 'a2', teamId: 'team-a', number: 2, startDate: '2026-02-09', endDate: '2026-02-20' },
  { id: 'a3', teamId: 'team-a', number: 3, startDate: '2026-02-23', endDate: '2026-03-06' },
  { id: 'a4', teamId: 'team-a', number: 4, startDate: '2026-03-09', endDate: '2026-03-20' },
  { id: 'b3', teamId: 'team-b', number: 3, startDate: '2026-03-16', endDate: '2026-03-27' },
  { id: 'b1', teamId: 'team-b', number: 1, startDate: '2026-02-09', endDate: '2026-02-20' },
  { id: 'b2', teamId: 'team-b', number: 2, startDate: '2026-02-23', endDate: '2026-03-06' },
];

const value = (teamId: string, sprintId: string, kpiKey: string, measured: number) => ({
  teamId,
  sprintId,
  kpiId: `kpi-${kpiKey}`,
  value: measured,
});

const measurements = [
  value('team-a', 'a3', 'sprint-commitment-rate', 85),
  value('team-a', 'a1', 'sprint-commitment-rate', 90),
  value('team-a', 'a4', 'sprint-commitment-rate', 10),
  value('team-a', 'a2', 'sprint-commitment-rate', 70),
  value('team-a', 'a3', 'wip', 12),
  value('team-a', 'a3', 'cycle-time', 4),
  value('team-a', 'a3', 'handoff-delay-rate', 0.5),
  value('team-a', 'a3', 'old-metric', 7),
  value('team-b', 'b2', 'sprint-commitment-rate', 60),
  value('team-b', 'b2', 'wip', 4),
  value('team-b', 'b2', 'handoff-delay-rate', 1),
  // Not the team's data: a deleted sprint, and a value filed under B for one of A's sprints.
  value('team-b', 'deleted-sprint', 'cycle-time', 1),
  value('team-b', 'a3', 'cycle-time', 1),
];

const source: ScorecardSource = { kpis, teams, sprints, measurements, today: '2026-03-10' };

describe('buildScorecard', () => {
  const scorecard = buildScorecard(source);
  const cell = (key: string, teamId: string) => scorecard.rows.find((row) => row.kpi.key === key)!.cells.find((c) => c.teamId === teamId)!;

  it('has a row per active KPI in catalogue order, leaving retired KPIs out, with the target in words', () => {
    expect(scorecard.rows.map((row) => [row.kpi.key, row.target])).toEqual([
      ['sprint-commitment-rate', '≥ 80% (latest sprint; amber down to 70%)'],
      ['wip', '≤ 2 items per engineer (amber to 3)'],
      ['cycle-time', '≤ 5 days (latest sprint; amber up to 6 days)'],
      ['handoff-delay-rate', '≤ 10% of cycle time (amber to 15%)'],
    ]);
    expect(scorecard.teams).toBe(teams);
    for (const row of scorecard.rows) expect(row.cells.map((c) => c.teamId)).toEqual(['team-a', 'team-b', 'team-c']);
  });

  it('judges the last sprint ended by today, keeping the running sprint in the series only', () => {
    const commitment = cell('sprint-commitment-rate', 'team-a');
    expect(commitment.series).toEqual([
      { sprintNumber: 1, value: 90 },
      { sprintNumber: 2, value: 70 },
      { sprintNumber: 3, value: 85 },
      { sprintNumber: 4, value: 10 },
    ]);
    expect(commitment.latest).toEqual({ sprintNumber: 3, sprintId: 'a3', value: 85 });
    expect(commitment.evaluation.status).toBe('green');
    expect(commitment.evaluation.reason).toBe('Sprint 3: 85% meets the 80% target');
    expect(cell('sprint-commitment-rate', 'team-b').evaluation.reason).toBe(
      'Sprint 2: 60% is below the 80% target and the 70% amber limit',
    );
  });

  it('uses each team’s size for per-engineer limits', () => {
    expect(cell('wip', 'team-a').evaluation.reason).toBe(
      'Sprint 3: 12 items across 5 engineers is 2.4 items per engineer, above the limit of 2 (amber to 3)',
    );
    expect(cell('wip', 'team-b').evaluation.status).toBe('green');
    expect(cell('wip', 'team-b').evaluation.figure).toBe(2);
  });

  it('gives ratio rules the same team’s values of the other KPI', () => {
    expect(cell('handoff-delay-rate', 'team-a').evaluation.status).toBe('amber');
    expect(cell('handoff-delay-rate', 'team-a').evaluation.figureText).toBe('13% of cycle time');
    expect(cell('handoff-delay-rate', 'team-b').evaluation.reason).toBe('Cycle time has no value for sprints 1 and 2 to compare with');
  });

  it('says "no values yet" where a team has none, ignoring values filed against another team’s or a deleted sprint', () => {
    expect(cell('cycle-time', 'team-b').series).toEqual([]);
    expect(cell('cycle-time', 'team-b').latest).toBeNull();
    expect(cell('cycle-time', 'team-b').evaluation.reason).toBe('No values yet');
    for (const row of scorecard.rows) expect(row.cells[2]!.evaluation).toMatchObject({ status: 'no-data', reason: 'No values yet' });
  });

  it('counts the statuses of every cell', () => {
    expect(scorecard.statusCounts).toEqual({ green: 3, amber: 2, red: 1, 'no-data': 6 });
  });

  it('judges the running sprint when no sprint has ended yet', () => {
    const fresh = buildScorecard({
      ...source,
      teams: [{ id: 'team-d', name: 'Brand new', size: 4 }],
      sprints: [{ id: 'd1', teamId: 'team-d', number: 1, startDate: '2026-03-02', endDate: '2026-03-13' }],
      measurements: [value('team-d', 'd1', 'wip', 4)],
    });
    expect(fresh.rows[1]!.cells[0]!.latest).toEqual({ sprintNumber: 1, sprintId: 'd1', value: 4 });
    expect(fresh.rows[1]!.cells[0]!.evaluation.reason).toBe(
      'Sprint 1: 4 items across 4 engineers is 1 item per engineer, within the limit of 2',
    );
  });
});

describe('buildScorecard on generated data', () => {
  it('judges every default KPI for every team of a stress-like engagement', () => {
    const today = '2026-11-21';
    const data = generateStressWorkspace({
      today,
      scale: { engagements: 2, teamsPerEngagement: 4, sprintsPerTeam: 30, risks: 40, actions: 20 },
    });
    for (const engagement of data.engagements) {
      const mine = <T extends { engagementId: string }>(records: readonly T[]) =>
        records.filter((record) => record.engagementId === engagement.id);
      const engagementTeams = mine(data.teams);
      const scorecard = buildScorecard({
        kpis: mine(data.kpiDefinitions),
        teams: engagementTeams,
        sprints: mine(data.sprints),
        measurements: mine(data.kpiMeasurements),
        today,
      });
      expect(scorecard.rows).toHaveLength(mine(data.kpiDefinitions).filter((definition) => !definition.retired).length);
      const cells = scorecard.rows.flatMap((row) => row.cells);
      expect(cells).toHaveLength(scorecard.rows.length * engagementTeams.length);
      expect(kpiStatuses.reduce((total, status) => total + scorecard.statusCounts[status], 0)).toBe(cells.length);
      for (const { series, evaluation, latest } of cells) {
        expect(series).toHaveLength(30);
        expect(latest?.sprintNumber).toBe(30);
        expect(evaluation.reason.length).toBeGreaterThan(10);
        if (evaluation.status === 'no-data') expect(evaluation.figure).toBeNull();
        else expect(Number.isFinite(evaluation.figure)).toBe(true);
      }
      // Thirty sprints of data leave every rule something to judge.
      expect(cells.filter((c) => c.evaluation.status === 'no-data')).toEqual([]);
    }
  });
});

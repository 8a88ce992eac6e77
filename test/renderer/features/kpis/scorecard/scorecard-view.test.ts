import { describe, expect, it } from 'vitest';
import type { Scorecard, ScorecardCell } from '@shared/kpi/scorecard';
import type { KpiStatus } from '@shared/kpi/types';
import type { KpiDefinition } from '@shared/domain/kpi';
import {
  countStatuses,
  orderKpis,
  scorecardForTeam,
  sprintValueRows,
} from '../../../../../renderer/features/kpis/scorecard/scorecard-view';

function cell(kpiId: string, teamId: string, status: KpiStatus): ScorecardCell {
  return {
    kpiId,
    teamId,
    latest: null,
    series: [],
    evaluation: { status, figure: null, figureText: '', reason: `${kpiId} ${teamId}`, provisional: false, guides: {} },
  };
}

const kpi = (id: string) => ({ id, name: id }) as KpiDefinition;

const scorecard: Scorecard = {
  teams: [
    { id: 't1', name: 'Ledger', size: 5 },
    { id: 't2', name: 'Payments', size: 7 },
  ],
  rows: [
    { kpi: kpi('k1'), target: '≥ 80%', cells: [cell('k1', 't1', 'green'), cell('k1', 't2', 'red')] },
    { kpi: kpi('k2'), target: '≤ 2 per engineer', cells: [cell('k2', 't1', 'amber'), cell('k2', 't2', 'red')] },
  ],
  statusCounts: { green: 1, amber: 1, red: 2, 'no-data': 0 },
};

describe('countStatuses', () => {
  it('counts every status, zero included', () => {
    expect(countStatuses(scorecard.rows.flatMap((row) => row.cells))).toEqual({ green: 1, amber: 1, red: 2, 'no-data': 0 });
    expect(countStatuses([])).toEqual({ green: 0, amber: 0, red: 0, 'no-data': 0 });
  });
});

describe('scorecardForTeam', () => {
  it('keeps one team’s cells in every KPI row and recounts the statuses', () => {
    const payments = scorecardForTeam(scorecard, 't2');
    expect(payments.teams.map((team) => team.name)).toEqual(['Payments']);
    expect(payments.rows.map((row) => row.cells.map((entry) => `${entry.kpiId}/${entry.teamId}`))).toEqual([['k1/t2'], ['k2/t2']]);
    expect(payments.rows.map((row) => row.target)).toEqual(['≥ 80%', '≤ 2 per engineer']);
    expect(payments.statusCounts).toEqual({ green: 0, amber: 0, red: 2, 'no-data': 0 });
  });

  it('returns the same model for all teams, so memoised children do not re-render', () => {
    expect(scorecardForTeam(scorecard, null)).toBe(scorecard);
  });
});

describe('orderKpis', () => {
  it('orders by the domain’s category order, then by name', () => {
    const ordered = orderKpis([
      { name: 'Team retention', category: 'people' },
      { name: 'WIP', category: 'flow' },
      { name: 'Sprint velocity', category: 'predictability' },
      { name: 'Cycle time', category: 'flow' },
      { name: 'Defect density', category: 'quality' },
      { name: 'Sprint commitment rate', category: 'predictability' },
    ]);
    expect(ordered.map((entry) => entry.name)).toEqual([
      'Sprint commitment rate',
      'Sprint velocity',
      'Defect density',
      'Cycle time',
      'WIP',
      'Team retention',
    ]);
  });
});

describe('sprintValueRows', () => {
  const sprints = [
    { number: 1, startDate: '2025-01-06', endDate: '2025-01-17' },
    { number: 2, startDate: '2025-01-20', endDate: '2025-01-31' },
    { number: 3, startDate: '2025-02-03', endDate: '2025-02-14' },
  ];

  it('lists every sprint newest first, with null where no value was recorded', () => {
    expect(
      sprintValueRows(sprints, [
        { sprintNumber: 1, value: 42 },
        { sprintNumber: 3, value: 38 },
      ]),
    ).toEqual([
      { sprintNumber: 3, startDate: '2025-02-03', endDate: '2025-02-14', value: 38 },
      { sprintNumber: 2, startDate: '2025-01-20', endDate: '2025-01-31', value: null },
      { sprintNumber: 1, startDate: '2025-01-06', endDate: '2025-01-17', value: 42 },
    ]);
  });

  it('keeps a value whose sprint record is missing, without dates', () => {
    expect(sprintValueRows([], [{ sprintNumber: 4, value: 7 }])).toEqual([{ sprintNumber: 4, startDate: null, endDate: null, value: 7 }]);
  });
});

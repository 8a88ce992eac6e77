/**
 * Shaping the scorecard model for display: narrowing it to one team, counting statuses of
 * what is shown, ordering the KPIs, and the sprint-by-sprint rows under a trend chart.
 */
import { kpiCategories, type KpiDefinition, type Sprint } from '@shared/domain/kpi';
import type { Scorecard, ScorecardCell } from '@shared/kpi/scorecard';
import { kpiStatuses, type KpiPoint, type KpiStatus } from '@shared/kpi/types';

export function countStatuses(cells: Iterable<Pick<ScorecardCell, 'evaluation'>>): Record<KpiStatus, number> {
  const counts = Object.fromEntries(kpiStatuses.map((status) => [status, 0])) as Record<KpiStatus, number>;
  for (const cell of cells) counts[cell.evaluation.status]++;
  return counts;
}

/** The scorecard with only one team's cells (and its counts), or unchanged for all teams. */
export function scorecardForTeam(scorecard: Scorecard, teamId: string | null): Scorecard {
  if (teamId === null) return scorecard;
  const teams = scorecard.teams.filter((team) => team.id === teamId);
  const rows = scorecard.rows.map((row) => ({ ...row, cells: row.cells.filter((cell) => cell.teamId === teamId) }));
  return { teams, rows, statusCounts: countStatuses(rows.flatMap((row) => row.cells)) };
}

/** Catalogue order a reader expects: by category as the domain lists them, then by name. */
export function orderKpis<T extends Pick<KpiDefinition, 'category' | 'name'>>(kpis: readonly T[]): T[] {
  const rank = new Map<string, number>(kpiCategories.map((category, index) => [category, index]));
  return [...kpis].sort((a, b) => rank.get(a.category)! - rank.get(b.category)! || a.name.localeCompare(b.name));
}

export interface SprintValueRow {
  sprintNumber: number;
  startDate: string | null;
  endDate: string | null;
  value: number | null;
}

/**
 * One row per sprint of the team, newest first, with its value or null where none was
 * recorded, so a missing sprint is listed rather than silently skipped. Values whose sprint
 * record is gone (imported data) still appear, without dates.
 */
export function sprintValueRows(
  sprints: readonly Pick<Sprint, 'number' | 'startDate' | 'endDate'>[],
  series: readonly KpiPoint[],
): SprintValueRow[] {
  const byNumber = new Map<number, SprintValueRow>();
  for (const sprint of sprints) {
    byNumber.set(sprint.number, { sprintNumber: sprint.number, startDate: sprint.startDate, endDate: sprint.endDate, value: null });
  }
  for (const point of series) {
    const row = byNumber.get(point.sprintNumber);
    if (row) row.value = point.value;
    else byNumber.set(point.sprintNumber, { sprintNumber: point.sprintNumber, startDate: null, endDate: null, value: point.value });
  }
  return [...byNumber.values()].sort((a, b) => b.sprintNumber - a.sprintNumber);
}

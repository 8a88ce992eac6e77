/**
 * The KPI scorecard of one engagement (or any set of teams): every active KPI judged for every
 * team, with the series behind each verdict. The KPI section shows it and the checkpoint pack
 * freezes it, so it is built from plain records and nothing else.
 *
 * Speed matters (a portfolio holds about half a million measurements): the records are
 * grouped once by team and KPI with Maps, and each cell reads its own group only.
 */
import type { Team } from '../domain/engagement';
import type { KpiDefinition, KpiMeasurement, Sprint } from '../domain/kpi';
import { describeRule } from './describe-rule';
import { evaluateKpi } from './evaluate';
import { kpiStatuses, type KpiEvaluation, type KpiEvaluationContext, type KpiPoint, type KpiStatus } from './types';

export interface ScorecardSource {
  /** Retired KPIs are left out of the rows (a ratio may still read their values). */
  kpis: readonly KpiDefinition[];
  teams: readonly Pick<Team, 'id' | 'name' | 'size'>[];
  sprints: readonly Pick<Sprint, 'id' | 'teamId' | 'number' | 'startDate' | 'endDate'>[];
  measurements: readonly Pick<KpiMeasurement, 'kpiId' | 'teamId' | 'sprintId' | 'value'>[];
  /** Calendar date; a team's latest expected sprint is the last one ended on or before it (else the last started). */
  today: string;
}

export interface ScorecardCell {
  kpiId: string;
  teamId: string;
  /** The last value up to the team's latest expected sprint (the one the verdict is about), or null. */
  latest: { sprintNumber: number; sprintId: string; value: number } | null;
  /** All points of this KPI and team, in sprint-number order. */
  series: KpiPoint[];
  evaluation: KpiEvaluation;
}

export interface ScorecardRow {
  kpi: KpiDefinition;
  /** The rule as a target in words. */
  target: string;
  /** In `teams` order. */
  cells: ScorecardCell[];
}

export interface Scorecard {
  teams: ScorecardSource['teams'];
  rows: ScorecardRow[];
  statusCounts: Record<KpiStatus, number>;
}

type SprintFacts = ScorecardSource['sprints'][number];

interface TeamSprints {
  /** Sprint id by number, to name the sprint of a value. */
  idByNumber: Map<number, string>;
  lastEnded: SprintFacts | undefined;
  lastStarted: SprintFacts | undefined;
}

const EMPTY_SERIES: KpiPoint[] = [];

export function buildScorecard(source: ScorecardSource): Scorecard {
  const { today } = source;
  const sprintById = new Map<string, SprintFacts>();
  const sprintsByTeam = new Map<string, TeamSprints>();
  for (const sprint of source.sprints) {
    sprintById.set(sprint.id, sprint);
    let team = sprintsByTeam.get(sprint.teamId);
    if (!team) sprintsByTeam.set(sprint.teamId, (team = { idByNumber: new Map(), lastEnded: undefined, lastStarted: undefined }));
    team.idByNumber.set(sprint.number, sprint.id);
    if (sprint.endDate <= today) {
      if (!team.lastEnded || isLater(sprint, team.lastEnded)) team.lastEnded = sprint;
    } else if (sprint.startDate <= today) {
      if (!team.lastStarted || isLater(sprint, team.lastStarted)) team.lastStarted = sprint;
    }
  }

  // One pass: team -> KPI -> points. A value whose sprint is unknown or belongs to another team is not the team's data.
  const seriesByTeam = new Map<string, Map<string, KpiPoint[]>>();
  for (const measurement of source.measurements) {
    const sprint = sprintById.get(measurement.sprintId);
    if (!sprint || sprint.teamId !== measurement.teamId) continue;
    let byKpi = seriesByTeam.get(measurement.teamId);
    if (!byKpi) seriesByTeam.set(measurement.teamId, (byKpi = new Map()));
    let series = byKpi.get(measurement.kpiId);
    if (!series) byKpi.set(measurement.kpiId, (series = []));
    series.push({ sprintNumber: sprint.number, value: measurement.value });
  }
  for (const byKpi of seriesByTeam.values()) for (const series of byKpi.values()) if (!isInSprintOrder(series)) series.sort(bySprintNumber);

  // Ratio rules name the other KPI by key; an active KPI wins over a retired one with the same key.
  const kpiByKey = new Map<string, KpiDefinition>();
  for (const kpi of source.kpis) {
    const known = kpiByKey.get(kpi.key);
    if (!known || (known.retired && !kpi.retired)) kpiByKey.set(kpi.key, kpi);
  }
  const kpiNameOf = (key: string) => kpiByKey.get(key)?.name;

  const statusCounts = Object.fromEntries(kpiStatuses.map((status) => [status, 0])) as Record<KpiStatus, number>;
  const teamFacts = source.teams.map((team) => {
    const sprints = sprintsByTeam.get(team.id);
    const byKpi = seriesByTeam.get(team.id);
    const seriesOf: KpiEvaluationContext['seriesOf'] = (key) => {
      const kpi = kpiByKey.get(key);
      return kpi && { name: kpi.name, unit: kpi.unit, series: byKpi?.get(kpi.id) ?? EMPTY_SERIES };
    };
    return { team, sprints, byKpi, seriesOf, latestSprintNumber: (sprints?.lastEnded ?? sprints?.lastStarted)?.number };
  });

  const rows: ScorecardRow[] = [];
  for (const kpi of source.kpis) {
    if (kpi.retired) continue;
    const cells = teamFacts.map(({ team, sprints, byKpi, seriesOf, latestSprintNumber }): ScorecardCell => {
      const series = byKpi?.get(kpi.id) ?? [];
      const evaluation = evaluateKpi(kpi.rule, series, { kpi, teamSize: team.size, latestSprintNumber, seriesOf });
      statusCounts[evaluation.status]++;
      const latestPoint = lastUpTo(series, latestSprintNumber);
      const latest = latestPoint
        ? { sprintNumber: latestPoint.sprintNumber, sprintId: sprints!.idByNumber.get(latestPoint.sprintNumber)!, value: latestPoint.value }
        : null;
      return { kpiId: kpi.id, teamId: team.id, latest, series, evaluation };
    });
    rows.push({ kpi, target: describeRule(kpi.rule, kpi, kpiNameOf), cells });
  }
  return { teams: source.teams, rows, statusCounts };
}

/** Later by end date; the higher number breaks a tie. */
function isLater(sprint: SprintFacts, than: SprintFacts): boolean {
  return sprint.endDate > than.endDate || (sprint.endDate === than.endDate && sprint.number > than.number);
}

function bySprintNumber(a: KpiPoint, b: KpiPoint): number {
  return a.sprintNumber - b.sprintNumber;
}

function isInSprintOrder(series: readonly KpiPoint[]): boolean {
  for (let index = 1; index < series.length; index++) if (series[index]!.sprintNumber < series[index - 1]!.sprintNumber) return false;
  return true;
}

function lastUpTo(series: readonly KpiPoint[], latestSprintNumber: number | undefined): KpiPoint | undefined {
  for (let index = series.length - 1; index >= 0; index--) {
    const point = series[index]!;
    if (latestSprintNumber === undefined || point.sprintNumber <= latestSprintNumber) return point;
  }
  return undefined;
}

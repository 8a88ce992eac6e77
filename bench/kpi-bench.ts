/**
 * KPI evaluation over the stress workspace, in memory: the scorecard the KPI section and
 * the checkpoint pack build (every KPI judged for every team), on records already
 * generated in the page, so the figures are the computation alone, without IndexedDB
 * reads. bench-entry.ts runs it next to the governance figures, before the import.
 */
import type { WorkspaceData } from '@shared/domain/workspace';
import { buildScorecard, type ScorecardSource } from '@shared/kpi/scorecard';
import { timed, type Timing } from './governance-bench';

const ENGAGEMENT_WARMUPS = 3;
const ENGAGEMENT_RUNS = 20;
const PORTFOLIO_WARMUPS = 1;
const PORTFOLIO_RUNS = 5;

export interface KpiBenchResult {
  engagement: Timing & { name: string; kpis: number; teams: number; sprints: number; measurements: number; judged: number };
  portfolio: Timing & { engagements: number; kpis: number; teams: number; sprints: number; measurements: number; judged: number };
}

type EngagementSource = Omit<ScorecardSource, 'today'>;

const emptySource = (): {
  kpis: ScorecardSource['kpis'][number][];
  teams: WorkspaceData['teams'];
  sprints: WorkspaceData['sprints'];
  measurements: WorkspaceData['kpiMeasurements'];
} => ({
  kpis: [],
  teams: [],
  sprints: [],
  measurements: [],
});

/** Grouping by engagement is part of the portfolio's cost: it is done once per run, inside the timing. */
function groupByEngagement(data: WorkspaceData): Map<string, ReturnType<typeof emptySource>> {
  const groups = new Map(data.engagements.map((engagement) => [engagement.id, emptySource()]));
  const groupOf = (engagementId: string) => {
    let group = groups.get(engagementId);
    if (!group) groups.set(engagementId, (group = emptySource()));
    return group;
  };
  for (const kpi of data.kpiDefinitions) groupOf(kpi.engagementId).kpis.push(kpi);
  for (const team of data.teams) groupOf(team.engagementId).teams.push(team);
  for (const sprint of data.sprints) groupOf(sprint.engagementId).sprints.push(sprint);
  for (const measurement of data.kpiMeasurements) groupOf(measurement.engagementId).measurements.push(measurement);
  return groups;
}

const judgedCells = (source: EngagementSource) => source.kpis.filter((kpi) => !kpi.retired).length * source.teams.length;

export function runKpiBench(data: WorkspaceData, today: string): KpiBenchResult {
  const groups = groupByEngagement(data);
  const largest = data.engagements.reduce((best, engagement) =>
    (groups.get(engagement.id)?.measurements.length ?? 0) > (groups.get(best.id)?.measurements.length ?? 0) ? engagement : best,
  );
  const mine = groups.get(largest.id)!;
  // The very function the KPI section runs on the records it reads.
  const engagementTiming = timed(ENGAGEMENT_WARMUPS, ENGAGEMENT_RUNS, () => buildScorecard({ ...mine, today }));

  const portfolioTiming = timed(PORTFOLIO_WARMUPS, PORTFOLIO_RUNS, () => {
    const perEngagement = groupByEngagement(data);
    return data.engagements.map((engagement) => buildScorecard({ ...(perEngagement.get(engagement.id) ?? emptySource()), today }));
  });

  const sizeOf = (source: EngagementSource) => ({
    kpis: source.kpis.length,
    teams: source.teams.length,
    sprints: source.sprints.length,
    measurements: source.measurements.length,
    judged: judgedCells(source),
  });
  const everything: EngagementSource = {
    kpis: data.kpiDefinitions,
    teams: data.teams,
    sprints: data.sprints,
    measurements: data.kpiMeasurements,
  };
  let judged = 0;
  for (const group of groups.values()) judged += judgedCells(group);
  return {
    engagement: { name: largest.name, ...sizeOf(mine), ...engagementTiming },
    portfolio: { engagements: data.engagements.length, ...sizeOf(everything), judged, ...portfolioTiming },
  };
}

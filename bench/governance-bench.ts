/**
 * Governance health computations over the stress workspace, in memory: the pure rules of
 * shared/governance on records already generated in the page, so the figures are the
 * computation alone, without IndexedDB reads. bench-entry.ts runs it before the import.
 */
import { engagementScopedTables, type WorkspaceData } from '@shared/domain/workspace';
import { computeGovernanceHealth, governanceRecordTables, healthPeriod, type GovernanceRecords } from '@shared/governance/health';

const ENGAGEMENT_WARMUPS = 3;
const ENGAGEMENT_RUNS = 20;
const PORTFOLIO_WARMUPS = 1;
const PORTFOLIO_RUNS = 5;

export interface GovernanceRecordCounts {
  rituals: number;
  occurrences: number;
  people: number;
  assignments: number;
  escalations: number;
}

export interface GovernanceBenchResult {
  period: { from: string; to: string };
  engagement: {
    name: string;
    /** All engagement-scoped records of the engagement, the measure "most records" picks by. */
    records: number;
    counts: GovernanceRecordCounts;
    medianMs: number;
    minMs: number;
    maxMs: number;
    runs: number;
    warmups: number;
  };
  portfolio: {
    engagements: number;
    counts: GovernanceRecordCounts;
    medianMs: number;
    minMs: number;
    maxMs: number;
    runs: number;
    warmups: number;
  };
}

/** One engagement's records, as the health panel reads them. */
type EngagementRecords = GovernanceRecords;

function emptyRecords(): EngagementRecords {
  return {
    rituals: [],
    meetingOccurrences: [],
    teams: [],
    people: [],
    roleAssignments: [],
    standardItems: [],
    communicationPlan: [],
    escalationPaths: [],
    escalations: [],
  };
}

/** Grouping by engagement is part of the portfolio's cost: it is done once per run, inside the timing. */
function groupByEngagement(data: WorkspaceData): Map<string, EngagementRecords> {
  const groups = new Map<string, EngagementRecords>(data.engagements.map((engagement) => [engagement.id, emptyRecords()]));
  for (const table of governanceRecordTables) {
    for (const record of data[table]) {
      let group = groups.get(record.engagementId);
      if (!group) groups.set(record.engagementId, (group = emptyRecords()));
      (group[table] as Array<typeof record>).push(record);
    }
  }
  return groups;
}

function countsOf(records: EngagementRecords): GovernanceRecordCounts {
  return {
    rituals: records.rituals.length,
    occurrences: records.meetingOccurrences.length,
    people: records.people.length,
    assignments: records.roleAssignments.length,
    escalations: records.escalations.length,
  };
}

export interface Timing {
  medianMs: number;
  minMs: number;
  maxMs: number;
  runs: number;
  warmups: number;
}

/** Median, fastest and slowest of `runs` timed calls after `warmups` untimed ones. */
export function timed(warmups: number, runs: number, work: () => unknown): Timing {
  let sink = 0;
  for (let run = 0; run < warmups; run++) sink += work() === undefined ? 0 : 1;
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    sink += work() === undefined ? 0 : 1;
    times.push(performance.now() - started);
  }
  if (sink < 0) console.log(sink); // keeps the results observable
  times.sort((a, b) => a - b);
  return { medianMs: times[Math.floor(times.length / 2)]!, minMs: times[0]!, maxMs: times.at(-1)!, runs, warmups };
}

export function runGovernanceBench(data: WorkspaceData, today: string): GovernanceBenchResult {
  const period = healthPeriod(today);
  // The generator counts its timestamps back from the end of `today`'s working day.
  const now = `${today}T17:00:00.000Z`;

  const recordsPerEngagement = new Map<string, number>();
  for (const table of engagementScopedTables) {
    for (const record of data[table])
      recordsPerEngagement.set(record.engagementId, (recordsPerEngagement.get(record.engagementId) ?? 0) + 1);
  }
  const largest = data.engagements.reduce((best, engagement) =>
    (recordsPerEngagement.get(engagement.id) ?? 0) > (recordsPerEngagement.get(best.id) ?? 0) ? engagement : best,
  );
  // One engagement: its records picked out beforehand, as the panel gets them from its reads.
  const mine = groupByEngagement(data).get(largest.id) ?? emptyRecords();
  // The very function the engagement page runs on the records it reads.
  const engagementTiming = timed(ENGAGEMENT_WARMUPS, ENGAGEMENT_RUNS, () => computeGovernanceHealth(largest, mine, today, now));

  const portfolioTiming = timed(PORTFOLIO_WARMUPS, PORTFOLIO_RUNS, () => {
    const groups = groupByEngagement(data);
    return data.engagements.map((engagement) =>
      computeGovernanceHealth(engagement, groups.get(engagement.id) ?? emptyRecords(), today, now),
    );
  });
  const all: EngagementRecords = {
    rituals: data.rituals,
    meetingOccurrences: data.meetingOccurrences,
    teams: data.teams,
    people: data.people,
    roleAssignments: data.roleAssignments,
    standardItems: data.standardItems,
    communicationPlan: data.communicationPlan,
    escalationPaths: data.escalationPaths,
    escalations: data.escalations,
  };

  return {
    period,
    engagement: { name: largest.name, records: recordsPerEngagement.get(largest.id) ?? 0, counts: countsOf(mine), ...engagementTiming },
    portfolio: { engagements: data.engagements.length, counts: countsOf(all), ...portfolioTiming },
  };
}

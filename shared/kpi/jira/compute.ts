/**
 * KPI values per team and sprint from a Jira export, and the report of what could and
 * could not be computed, and why. One pass over the issues groups them by team and
 * sprint; each value is then computed from its own small group, so 10,000 issues take
 * milliseconds.
 *
 * An issue belongs, for the "done in the sprint" figures, to the last sprint it lists
 * (a carried-over issue counts where it was finished), but only when it was finished by
 * the end of that sprint: Jira keeps the last sprint on an issue moved back to the backlog,
 * so an issue resolved weeks later would otherwise inflate a sprint long closed. Such an
 * issue still counts in the scope of every sprint it lists (it was in them and was not
 * finished there), so it lowers the approximate commitment rate; the report says how many
 * there were. Values are rounded to two decimals (percentages to one).
 *
 * A value outside the range its KPI allows is left out with a sentence in the report, so
 * one odd sprint does not stop the rest of the import.
 */
import type { KpiDefinition, KpiUnit } from '../../domain/kpi';
import { toDayNumber } from '../../time/calendar-dates';
import { formatKpiValue } from '../format';
import { daysBetween, MS_PER_DAY, type JiraTime } from './dates';
import type { JiraExport, JiraIssue } from './model';
import { sprintEntryKey, type SprintPlanEntry } from './sprint-plan';
import type { StatusBucket, StatusMap } from './statuses';
import { teamOfIssue, type TeamAssignment } from './teams';

export const importedKpiKeys = [
  'sprint-velocity',
  'sprint-commitment-rate',
  'throughput',
  'lead-time',
  'bug-resolution-time',
  'escaped-defects',
  'cycle-time',
  'wip',
  'handoff-delay-rate',
] as const;
export type ImportedKpiKey = (typeof importedKpiKeys)[number];

/** Names used in the report when the engagement's catalogue does not name a KPI differently. */
export const importedKpiNames: Record<ImportedKpiKey, string> = {
  'sprint-velocity': 'Sprint velocity',
  'sprint-commitment-rate': 'Sprint commitment rate',
  throughput: 'Throughput',
  'lead-time': 'Lead time',
  'bug-resolution-time': 'Bug resolution time',
  'escaped-defects': 'Escaped defects',
  'cycle-time': 'Cycle time',
  wip: 'Work in progress',
  'handoff-delay-rate': 'Handoff delay',
};

/** The unit each computed value is in (the default KPIs' units). */
export const importedKpiUnits: Record<ImportedKpiKey, KpiUnit> = {
  'sprint-velocity': 'points',
  'sprint-commitment-rate': 'percent',
  throughput: 'count',
  'lead-time': 'days',
  'bug-resolution-time': 'days',
  'escaped-defects': 'count',
  'cycle-time': 'days',
  wip: 'items',
  'handoff-delay-rate': 'days',
};

/** The engagement's KPI a computed value would be written to: its name, unit and the range it accepts. */
export type ImportedKpiLimits = Partial<Record<ImportedKpiKey, Pick<KpiDefinition, 'name' | 'unit' | 'validRange'>>>;

/** Out-of-range values named one by one in the notes before the rest are counted. */
const LISTED_OUT_OF_RANGE = 10;

export const DEFAULT_BUG_TYPES: readonly string[] = ['Bug', 'Defect'];

export interface EscapedDefectRule {
  field: string;
  /** Matched case-insensitively anywhere in any of the field's values. */
  contains: string;
}

export interface ComputeInput {
  data: JiraExport;
  assignment: TeamAssignment;
  plan: readonly SprintPlanEntry[];
  statusMap: StatusMap;
  bugTypes: readonly string[];
  escapedRule: EscapedDefectRule | null;
  teamName(teamId: string): string;
  /**
   * The engagement's KPIs by imported key; a value outside its KPI's valid range is left
   * out and reported. Keys without a KPI here are not checked (the write checks them again).
   */
  kpiLimits?: ImportedKpiLimits;
}

export interface ComputedValue {
  teamId: string;
  /** The sprint plan entry (team + Jira sprint) the value belongs to. */
  entryKey: string;
  kpiKey: ImportedKpiKey;
  value: number;
  note: string;
}

export interface KpiReportLine {
  kpiKey: ImportedKpiKey;
  /** Sprints with a value, as "Team · Jira sprint". */
  computedFor: string[];
  /** Sprints without one, grouped by reason; `sprints` empty means "for every sprint". */
  notComputed: Array<{ reason: string; sprints: string[] }>;
  /** What the figure means and where it falls short, when a reader needs to know (empty otherwise). */
  explanation: string;
}

export interface ImportReport {
  values: ComputedValue[];
  lines: KpiReportLine[];
  /** Issues left out and other facts a lead should know, one sentence each. */
  notes: string[];
}

const round = (value: number, decimals: number) => {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
};

/** Linear interpolation between closest ranks (Excel's PERCENTILE.INC); `sorted` ascending, non-empty. */
export function quantile(sorted: readonly number[], p: number): number {
  const position = (sorted.length - 1) * p;
  const lower = Math.floor(position);
  const upper = Math.min(lower + 1, sorted.length - 1);
  return sorted[lower]! + (position - lower) * (sorted[upper]! - sorted[lower]!);
}

const mean = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;
const days = (value: number) => `${round(value, 2)} ${round(value, 2) === 1 ? 'day' : 'days'}`;

/** When the issue reached the done stretch it is still in, from its history; null when it is not done. */
export function doneTimeOf(issue: JiraIssue, bucketOf: (status: string) => StatusBucket): JiraTime | null {
  if (bucketOf(issue.status) !== 'done') return null;
  const transitions = issue.transitions;
  if (!transitions || transitions.length === 0) return issue.resolved;
  let index = transitions.length - 1;
  if (bucketOf(transitions[index]!.to) !== 'done') return issue.resolved;
  while (index > 0 && bucketOf(transitions[index - 1]!.to) === 'done') index--;
  return transitions[index]!.at;
}

/** Status of the issue between its transitions: [from, status] pairs, the first from its creation. */
function statusSegments(issue: JiraIssue): Array<{ from: JiraTime; status: string }> {
  const transitions = issue.transitions ?? [];
  const segments = [{ from: issue.created, status: transitions[0]?.from ?? issue.status }];
  for (const transition of transitions) segments.push({ from: transition.at, status: transition.to });
  return segments;
}

interface SprintGroup {
  entry: SprintPlanEntry;
  label: string;
  startDay: number;
  endDay: number;
  /** Issues listing the sprint (any position). */
  scope: JiraIssue[];
  /** Done issues whose last sprint it is, finished by `doneByDay`. */
  done: JiraIssue[];
  /**
   * The last day an issue can be finished and still count as done in the sprint: its end
   * (Jira's own end when later than the cockpit sprint's, which may stop a day early so
   * sprints do not share a day); no limit while the sprint is still open.
   */
  doneByDay: number;
  /** The last day daily WIP counts: the sprint's end, or the export's day while it is open. */
  wipUntilDay: number;
  /** The cockpit's end day of a closed sprint Jira gave no dates for (CSV), else null. */
  uncutEndDay: number | null;
}

export function computeJiraKpis(input: ComputeInput): ImportReport {
  const { data, assignment, plan, statusMap, escapedRule } = input;
  const bucketOf = (status: string): StatusBucket => statusMap[status] ?? 'to-do';
  const bugTypes = new Set(input.bugTypes.map((type) => type.trim().toLowerCase()));
  // Issue types repeat; deciding each distinct type once keeps 10,000 issues cheap.
  const bugTypeDecided = new Map<string, boolean>();
  const isBug = (issue: JiraIssue) => {
    let bug = bugTypeDecided.get(issue.type);
    if (bug === undefined) bugTypeDecided.set(issue.type, (bug = bugTypes.has(issue.type.toLowerCase())));
    return bug;
  };
  const hasHistory = data.format === 'json' && data.issues.some((issue) => issue.transitions !== null);
  const waitingStatuses = Object.keys(statusMap).filter((status) => statusMap[status] === 'waiting');

  const exportDay = data.latest?.day ?? Number.MAX_SAFE_INTEGER;
  const groups = new Map<string, SprintGroup>();
  for (const entry of plan) {
    if (entry.target.kind === 'skip') continue;
    const endDay = toDayNumber(entry.target.endDate);
    // Open at the export: Jira says so, or (no state known) the sprint had not ended by the file's last day.
    const active = entry.jira.state === 'active' || (entry.jira.state !== 'closed' && endDay > exportDay);
    const jiraEndDay = (entry.jira.complete ?? entry.jira.end)?.day ?? endDay;
    // Only Jira's own sprint dates (the JSON export) can say an issue was finished after its
    // sprint closed. The CSV has none: the cockpit's dates may be a guess, and a second import
    // of the same file (matching the sprint now stored with those dates) must give the same
    // figures as the first, so CSV imports never cut; the report counts what a cut would move.
    const jiraKnowsEnd = (entry.jira.complete ?? entry.jira.end) !== null;
    groups.set(entry.key, {
      entry,
      label: `${input.teamName(entry.teamId)} · ${entry.jira.name}`,
      startDay: toDayNumber(entry.target.startDate),
      endDay,
      scope: [],
      done: [],
      doneByDay: active || !jiraKnowsEnd ? Number.MAX_SAFE_INTEGER : Math.max(endDay, jiraEndDay),
      uncutEndDay: !active && !jiraKnowsEnd ? endDay : null,
      wipUntilDay: active ? Math.min(endDay, exportDay) : endDay,
    });
  }

  const issuesOfTeam = new Map<string, JiraIssue[]>();
  let withoutTeam = 0;
  let withoutSprint = 0;
  let lastSprintLeftOut = 0;
  let finishedAfterSprint = 0;
  let finishedAfterUncutEnd = 0;
  const doneTimes = new Map<JiraIssue, JiraTime | null>();
  const doneTime = (issue: JiraIssue) => {
    if (!doneTimes.has(issue)) doneTimes.set(issue, doneTimeOf(issue, bucketOf));
    return doneTimes.get(issue)!;
  };
  for (const issue of data.issues) {
    const teamId = teamOfIssue(issue, assignment);
    if (teamId === null) {
      withoutTeam++;
      continue;
    }
    let teamIssues = issuesOfTeam.get(teamId);
    if (!teamIssues) issuesOfTeam.set(teamId, (teamIssues = []));
    teamIssues.push(issue);
    if (issue.sprints.length === 0) {
      withoutSprint++;
      continue;
    }
    for (const name of issue.sprints) groups.get(sprintEntryKey(teamId, name))?.scope.push(issue);
    const last = groups.get(sprintEntryKey(teamId, issue.sprints[issue.sprints.length - 1]!));
    if (!last) lastSprintLeftOut++;
    else if (bucketOf(issue.status) === 'done') {
      // Without a finish time there is nothing to contradict the sprint, so the issue counts there.
      const finishDay = (doneTime(issue) ?? issue.resolved)?.day;
      if (finishDay !== undefined && finishDay > last.doneByDay) finishedAfterSprint++;
      else {
        last.done.push(issue);
        if (finishDay !== undefined && last.uncutEndDay !== null && finishDay > last.uncutEndDay) finishedAfterUncutEnd++;
      }
    }
  }

  const values: ComputedValue[] = [];
  const lines = new Map<ImportedKpiKey, { computedFor: string[]; missing: Map<string, string[]> }>(
    importedKpiKeys.map((key) => [key, { computedFor: [], missing: new Map() }]),
  );
  const leadTimePercentiles: string[] = [];
  const outOfRange: string[] = [];
  const put = (group: SprintGroup, kpiKey: ImportedKpiKey, value: number, note: string) => {
    const kpi = input.kpiLimits?.[kpiKey];
    if (kpi && (value < kpi.validRange.min || value > kpi.validRange.max)) {
      const above = value > kpi.validRange.max;
      const limit = formatKpiValue(above ? kpi.validRange.max : kpi.validRange.min, kpi.unit);
      outOfRange.push(
        `${kpi.name} for ${group.label}: ${formatKpiValue(value, kpi.unit)} is ${above ? 'above the maximum' : 'below the minimum'} of ${limit} this KPI accepts; left out.`,
      );
      miss(group, kpiKey, `its value is outside the range the KPI accepts (see below)`);
      return;
    }
    values.push({ teamId: group.entry.teamId, entryKey: group.entry.key, kpiKey, value, note });
    lines.get(kpiKey)!.computedFor.push(group.label);
  };
  const miss = (group: SprintGroup | null, kpiKey: ImportedKpiKey, reason: string) => {
    const missing = lines.get(kpiKey)!.missing;
    const sprints = missing.get(reason) ?? [];
    if (group) sprints.push(group.label);
    missing.set(reason, sprints);
  };

  const wipByTeam = hasHistory ? dailyWip(issuesOfTeam, groups, bucketOf) : null;
  // Creation days of each team's bugs that match the escaped-defect rule, found once for all its sprints.
  const escapedDays = new Map<string, number[]>();
  const escapedDaysOf = (teamId: string): number[] => {
    let found = escapedDays.get(teamId);
    if (found) return found;
    found = [];
    const wanted = escapedRule?.contains.trim().toLowerCase() ?? '';
    for (const issue of issuesOfTeam.get(teamId) ?? []) {
      if (!escapedRule || !isBug(issue)) continue;
      if ((issue.fields[escapedRule.field] ?? []).some((value) => value.toLowerCase().includes(wanted))) found.push(issue.created.day);
    }
    escapedDays.set(teamId, found);
    return found;
  };
  const noHistory = 'needs status history, which Jira’s CSV does not contain: import the JSON issue search with changelog';
  const noChangelog = 'needs status history: the JSON has no changelog (search again with expand=changelog)';
  const historyReason = data.format === 'csv' ? noHistory : noChangelog;

  for (const group of groups.values()) {
    const { scope, done } = group;
    const estimated = scope.filter((issue) => issue.storyPoints !== null);
    const donePoints = done.reduce((sum, issue) => sum + (issue.storyPoints ?? 0), 0);
    const doneUnestimated = done.filter((issue) => issue.storyPoints === null).length;

    // Velocity and commitment need estimates; an unestimated sprint has no velocity, not a velocity of zero.
    if (estimated.length === 0) {
      const reason = data.storyPointSource === null ? 'the file has no story points' : 'no issue in the sprint has story points';
      miss(group, 'sprint-velocity', reason);
      miss(group, 'sprint-commitment-rate', reason);
    } else {
      put(
        group,
        'sprint-velocity',
        round(donePoints, 2),
        `Story points of the ${plural(done.length, 'issue')} done with this as their last sprint` +
          (doneUnestimated > 0 ? `; ${plural(doneUnestimated, 'done issue')} without an estimate counted as 0.` : '.'),
      );
      const scopePoints = estimated.reduce((sum, issue) => sum + issue.storyPoints!, 0);
      if (scopePoints === 0) miss(group, 'sprint-commitment-rate', 'the issues in the sprint are estimated at 0 points');
      else {
        put(
          group,
          'sprint-commitment-rate',
          round((100 * donePoints) / scopePoints, 1),
          `${round(donePoints, 2)} of ${round(scopePoints, 2)} points completed, counting the issues in the sprint when Jira exported the file. ` +
            'Jira’s export does not record the scope at sprint start, so this approximates the commitment rate.',
        );
      }
    }

    put(group, 'throughput', done.length, `Issues done with this as their last sprint.`);

    const leadTimes: number[] = [];
    let leadUnknown = 0;
    for (const issue of done) {
      const end = issue.resolved ?? doneTime(issue);
      const span = end ? daysBetween(issue.created, end) : -1;
      if (span >= 0) leadTimes.push(span);
      else leadUnknown++;
    }
    if (leadTimes.length === 0) {
      miss(group, 'lead-time', done.length === 0 ? 'no issue was done in it' : 'its done issues have no resolved date');
    } else {
      leadTimes.sort((a, b) => a - b);
      const median = quantile(leadTimes, 0.5);
      const p85 = quantile(leadTimes, 0.85);
      leadTimePercentiles.push(`${group.label} ${days(p85)}`);
      put(
        group,
        'lead-time',
        round(median, 2),
        `Median of ${plural(leadTimes.length, 'done issue')}, created to resolved; 85th percentile ${days(p85)}.` +
          (leadUnknown > 0 ? ` ${plural(leadUnknown, 'done issue')} without a usable resolved date left out.` : ''),
      );
    }

    const bugTimes: number[] = [];
    for (const issue of done) {
      if (!isBug(issue)) continue;
      const end = issue.resolved ?? doneTime(issue);
      const span = end ? daysBetween(issue.created, end) : -1;
      if (span >= 0) bugTimes.push(span);
    }
    if (bugTimes.length === 0) miss(group, 'bug-resolution-time', 'no bug was done in it');
    else {
      bugTimes.sort((a, b) => a - b);
      put(
        group,
        'bug-resolution-time',
        round(quantile(bugTimes, 0.5), 2),
        `Median of ${plural(bugTimes.length, 'bug')} done in the sprint, created to resolved.`,
      );
    }

    if (!escapedRule || escapedRule.field.trim() === '' || escapedRule.contains.trim() === '') {
      miss(null, 'escaped-defects', 'no rule is set to tell escaped bugs (for example Labels contains “production”)');
    } else {
      let count = 0;
      for (const day of escapedDaysOf(group.entry.teamId)) if (day >= group.startDay && day <= group.endDay) count++;
      put(
        group,
        'escaped-defects',
        count,
        `Bugs whose ${escapedRule.field} contains “${escapedRule.contains.trim()}”, created during the sprint (${group.entry.target.kind === 'skip' ? '' : `${group.entry.target.startDate} to ${group.entry.target.endDate}`}).`,
      );
    }

    if (!hasHistory) {
      miss(null, 'cycle-time', historyReason);
      miss(null, 'wip', historyReason);
      miss(null, 'handoff-delay-rate', historyReason);
      continue;
    }

    // Waiting is measured over the same stretch and the same issues as the cycle time (first
    // move into progress to done), so the handoff delay is a true share of it, never above 100%.
    const cycleTimes: number[] = [];
    const waits: number[] = [];
    for (const issue of done) {
      const end = doneTime(issue);
      if (!end || !issue.transitions) continue;
      const started = issue.transitions.find((transition) => bucketOf(transition.to) === 'in-progress');
      if (!started || end.ms < started.at.ms) continue;
      cycleTimes.push(daysBetween(started.at, end));
      let waited = 0;
      const segments = statusSegments(issue);
      segments.forEach((segment, index) => {
        if (bucketOf(segment.status) !== 'waiting') return;
        const from = Math.max(segment.from.ms, started.at.ms);
        const until = Math.min(segments[index + 1]?.from.ms ?? end.ms, end.ms);
        if (until > from) waited += (until - from) / MS_PER_DAY;
      });
      waits.push(waited);
    }
    const meanCycle = cycleTimes.length > 0 ? mean(cycleTimes) : null;
    if (meanCycle === null) {
      miss(
        group,
        'cycle-time',
        done.length === 0 ? 'no issue was done in it' : 'none of its done issues ever moved into an in-progress status',
      );
    } else {
      const skipped = done.length - cycleTimes.length;
      put(
        group,
        'cycle-time',
        round(meanCycle, 2),
        `Mean of ${plural(cycleTimes.length, 'done issue')}, first move into an in-progress status to done.` +
          (skipped > 0 ? ` ${plural(skipped, 'done issue')} never marked in progress left out.` : ''),
      );
    }

    const wip = wipByTeam?.get(group.entry.key);
    if (!wip || wip.days === 0) miss(group, 'wip', 'the sprint started after the export was made');
    else {
      put(
        group,
        'wip',
        round(wip.mean, 2),
        `Mean over ${plural(wip.days, 'day')} of the issues in progress or waiting at the end of each day.`,
      );
    }

    if (waitingStatuses.length === 0)
      miss(null, 'handoff-delay-rate', 'no status is marked as waiting: mark the statuses where work waits for another team');
    else if (waits.length === 0)
      miss(
        group,
        'handoff-delay-rate',
        done.length === 0 ? 'no issue was done in it' : 'none of its done issues ever moved into an in-progress status',
      );
    else {
      const meanWait = mean(waits);
      const share =
        meanCycle !== null && meanCycle > 0
          ? ` That is ${round((100 * meanWait) / meanCycle, 1)}% of the mean cycle time of ${days(meanCycle)}.`
          : '';
      put(
        group,
        'handoff-delay-rate',
        round(meanWait, 2),
        `Mean days per done issue in ${waitingStatuses.map((status) => `“${status}”`).join(', ')} between its first move into progress and done, over the ${plural(waits.length, 'issue')} of the cycle time; its ratio to the cycle time is the share of cycle time spent waiting.${share}`,
      );
    }
  }

  const notes: string[] = [];
  if (withoutSprint > 0) {
    notes.push(
      `${plural(withoutSprint, 'issue')} ${withoutSprint === 1 ? 'has' : 'have'} no sprint and ${withoutSprint === 1 ? 'was' : 'were'} left out of the sprint figures` +
        (escapedRule ? ' (bugs among them still count as escaped defects when they match the rule).' : '.'),
    );
  }
  if (withoutTeam > 0)
    notes.push(
      `${plural(withoutTeam, 'issue')} belong to no team (their team value is set to “Leave out”) and ${withoutTeam === 1 ? 'was' : 'were'} ignored.`,
    );
  if (lastSprintLeftOut > 0) {
    notes.push(
      `${plural(lastSprintLeftOut, 'issue')} ended in a sprint that is left out of the import, so ${lastSprintLeftOut === 1 ? 'it counts' : 'they count'} in no sprint’s done figures.`,
    );
  }
  if (finishedAfterSprint > 0) {
    const one = finishedAfterSprint === 1;
    notes.push(
      `${plural(finishedAfterSprint, 'issue')} ${one ? 'was' : 'were'} finished after ${one ? 'its' : 'their'} last sprint ended (Jira keeps the sprint on issues moved back to the backlog) and ${one ? 'is' : 'are'} left out of that sprint’s done figures; ${one ? 'it still counts' : 'they still count'} in its scope, lowering its completion rate.`,
    );
  }
  if (finishedAfterUncutEnd > 0) {
    notes.push(
      `${plural(finishedAfterUncutEnd, 'issue')} counted as done in ${finishedAfterUncutEnd === 1 ? 'its' : 'their'} last sprint ${finishedAfterUncutEnd === 1 ? 'was' : 'were'} resolved after that sprint’s end date in the cockpit. Jira’s CSV does not record when a sprint closed, so ${finishedAfterUncutEnd === 1 ? 'it counts' : 'they count'} there; the JSON export, which has the sprint dates, leaves such work out of the sprint’s done figures.`,
    );
  }
  notes.push(...outOfRange.slice(0, LISTED_OUT_OF_RANGE));
  if (outOfRange.length > LISTED_OUT_OF_RANGE) {
    notes.push(
      `…and ${plural(outOfRange.length - LISTED_OUT_OF_RANGE, 'more value')} outside the range of ${outOfRange.length - LISTED_OUT_OF_RANGE === 1 ? 'its' : 'their'} KPI, also left out.`,
    );
  }
  for (const group of groups.values()) {
    if (group.entry.jira.state === 'active')
      notes.push(`${group.label} was still open when the file was exported: its values cover the work done so far.`);
  }
  if (data.format === 'csv' && [...groups.values()].some((group) => group.entry.target.kind === 'create')) {
    notes.push('Jira’s CSV has no sprint dates: the dates of new sprints are the ones set in the preview.');
  }

  return {
    values,
    lines: importedKpiKeys.map((kpiKey) => {
      const line = lines.get(kpiKey)!;
      const explanation =
        line.computedFor.length === 0
          ? ''
          : kpiKey === 'sprint-commitment-rate'
            ? 'Jira’s export does not record the scope at sprint start, so this is the completed share of the points in the sprint when the file was exported: an approximation of the commitment rate.'
            : kpiKey === 'lead-time'
              ? `The value is the median; 85th percentile: ${leadTimePercentiles.join('; ')}.`
              : kpiKey === 'handoff-delay-rate'
                ? 'Mean days per done issue in the waiting statuses between its first move into progress and done, over the same issues as the cycle time; judged against the mean cycle time, it is the share of cycle time spent waiting.'
                : '';
      return {
        kpiKey,
        computedFor: line.computedFor,
        notComputed: [...line.missing.entries()].map(([reason, sprints]) => ({ reason, sprints })),
        explanation,
      };
    }),
    notes,
  };
}

/**
 * Mean number of a team's issues in progress or waiting at the end of each day of each of
 * its sprints: every day of a closed sprint (a quiet last day before the export is still a
 * day of the sprint), and for a sprint still open the days up to the export. One
 * difference array per team over the days its sprints cover: each stretch an issue spends
 * in such a status adds 1 to its days.
 */
function dailyWip(
  issuesOfTeam: ReadonlyMap<string, readonly JiraIssue[]>,
  groups: ReadonlyMap<string, SprintGroup>,
  bucketOf: (status: string) => StatusBucket,
): Map<string, { mean: number; days: number }> {
  const result = new Map<string, { mean: number; days: number }>();
  const groupsOfTeam = new Map<string, SprintGroup[]>();
  for (const group of groups.values()) {
    const list = groupsOfTeam.get(group.entry.teamId) ?? [];
    list.push(group);
    groupsOfTeam.set(group.entry.teamId, list);
  }
  for (const [teamId, teamGroups] of groupsOfTeam) {
    const first = Math.min(...teamGroups.map((group) => group.startDay));
    const last = Math.max(...teamGroups.map((group) => group.wipUntilDay));
    if (last < first) continue;
    const length = last - first + 1;
    const delta = new Float64Array(length + 1);
    const add = (fromDay: number, toDay: number) => {
      const from = Math.max(fromDay, first);
      const to = Math.min(toDay, last);
      if (from > to) return;
      delta[from - first]! += 1;
      delta[to - first + 1]! -= 1;
    };
    for (const issue of issuesOfTeam.get(teamId) ?? []) {
      const segments = statusSegments(issue);
      segments.forEach((segment, index) => {
        const bucket = bucketOf(segment.status);
        if (bucket !== 'in-progress' && bucket !== 'waiting') return;
        // The status is the one at the end of each day from its own day to the day before the next change.
        const nextDay = segments[index + 1]?.from.day ?? Number.MAX_SAFE_INTEGER;
        add(segment.from.day, nextDay - 1);
      });
    }
    const perDay = new Float64Array(length);
    let running = 0;
    for (let day = 0; day < length; day++) {
      running += delta[day]!;
      perDay[day] = running;
    }
    for (const group of teamGroups) {
      const from = Math.max(group.startDay, first);
      const to = Math.min(group.wipUntilDay, last);
      if (to < from) {
        result.set(group.entry.key, { mean: 0, days: 0 });
        continue;
      }
      let sum = 0;
      for (let day = from; day <= to; day++) sum += perDay[day - first]!;
      result.set(group.entry.key, { mean: sum / (to - from + 1), days: to - from + 1 });
    }
  }
  return result;
}

/**
 * A starting rule for escaped defects: a label naming production when bugs carry one,
 * else an Environment mentioning production; null when the file shows neither.
 */
export function guessEscapedRule(data: JiraExport, bugTypes: readonly string[]): EscapedDefectRule | null {
  const bugs = new Set(bugTypes.map((type) => type.trim().toLowerCase()));
  let label: string | null = null;
  let environment = false;
  for (const issue of data.issues) {
    if (!bugs.has(issue.type.toLowerCase())) continue;
    label ??= issue.labels.find((value) => /^prod(uction)?$/i.test(value)) ?? null;
    if (/prod/i.test(issue.environment)) environment = true;
  }
  if (label) return { field: 'Labels', contains: label };
  if (environment) return { field: 'Environment', contains: 'prod' };
  return null;
}

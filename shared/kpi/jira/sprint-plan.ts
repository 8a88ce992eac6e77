/**
 * Where each Jira sprint of each team goes in the cockpit: an existing sprint of the team
 * (same name, else the number in the Jira name: "TES Sprint 7" -> sprint 7), a new sprint,
 * or nowhere (a sprint that has not started). New sprints take their dates from the JSON
 * export's sprint objects; Jira's CSV has no sprint dates, so for those the plan guesses
 * and says how, and the user corrects. Every new sprint is checked against the team's
 * other sprints with the same rules as the sprint form.
 */
import type { Sprint } from '../../domain/kpi';
import { fromDayNumber, toDayNumber, weekdayIndexOf } from '../../time/calendar-dates';
import { sprintProblems, suggestNextSprint, type SprintDraft } from '../sprints';
import { sprintNumberInName, type JiraExport, type JiraSprintInfo } from './model';
import { teamOfIssue, type TeamAssignment } from './teams';

export type ExistingSprint = Pick<Sprint, 'id' | 'teamId' | 'number' | 'name' | 'startDate' | 'endDate'>;

export type SprintTarget =
  | { kind: 'existing'; sprintId: string; number: number; startDate: string; endDate: string; matchedBy: 'name' | 'number' | 'user' }
  | {
      kind: 'create';
      number: number;
      startDate: string;
      endDate: string;
      /** Where the dates came from, in words, for the preview. */
      datesFrom: 'jira' | 'guess' | 'user';
      explanation: string;
    }
  | { kind: 'skip'; reason: string };

/** What the user changed for one entry; absent fields keep the proposal. */
export type SprintChoice =
  { kind: 'existing'; sprintId: string } | { kind: 'create'; number: number; startDate: string; endDate: string } | { kind: 'skip' };

export interface SprintPlanEntry {
  /** Stable within one file: team id and Jira sprint name. */
  key: string;
  teamId: string;
  jira: JiraSprintInfo;
  /** Issues of the team that list this sprint. */
  issues: number;
  proposal: SprintTarget;
  target: SprintTarget;
  /** Why the target cannot be saved (overlaps, duplicate numbers...); empty when it can. */
  problems: string[];
}

export const sprintEntryKey = (teamId: string, jiraName: string) => `${teamId}\u0000${jiraName}`;

const GUESSED_SPRINT_DAYS = 14;

/** Monday on or before a day. */
function mondayOnOrBefore(day: number): number {
  return day - weekdayIndexOf(day);
}

export interface SprintPlanInput {
  data: JiraExport;
  assignment: TeamAssignment;
  existing: readonly ExistingSprint[];
  choices: Readonly<Record<string, SprintChoice>>;
  today: string;
}

export function planSprints(input: SprintPlanInput): SprintPlanEntry[] {
  const { data, assignment, existing, choices, today } = input;
  // Issues per team and Jira sprint, plus each sprint's earliest resolution among the issues that ended in it (for guesses).
  const perTeam = new Map<string, Map<string, { issues: number; firstResolved: number | null; firstCreated: number }>>();
  for (const issue of data.issues) {
    if (issue.sprints.length === 0) continue;
    const teamId = teamOfIssue(issue, assignment);
    if (teamId === null) continue;
    let sprints = perTeam.get(teamId);
    if (!sprints) perTeam.set(teamId, (sprints = new Map()));
    issue.sprints.forEach((name, index) => {
      let entry = sprints!.get(name);
      if (!entry) sprints!.set(name, (entry = { issues: 0, firstResolved: null, firstCreated: issue.created.day }));
      entry.issues++;
      entry.firstCreated = Math.min(entry.firstCreated, issue.created.day);
      if (index === issue.sprints.length - 1 && issue.resolved) {
        entry.firstResolved = entry.firstResolved === null ? issue.resolved.day : Math.min(entry.firstResolved, issue.resolved.day);
      }
    });
  }

  const entries: SprintPlanEntry[] = [];
  for (const [teamId, sprints] of perTeam) {
    const teamExisting = existing.filter((sprint) => sprint.teamId === teamId);
    const byName = new Map(
      teamExisting.filter((sprint) => sprint.name.trim() !== '').map((sprint) => [sprint.name.trim().toLowerCase(), sprint]),
    );
    const byNumber = new Map(teamExisting.map((sprint) => [sprint.number, sprint]));
    const claimed = new Set<string>();
    const takenNumbers = new Set(teamExisting.map((sprint) => sprint.number));

    // Jira sprints in their own order: by start date when known, else by the number in their name, else by name.
    const names = [...sprints.keys()].sort((a, b) => {
      const startA = data.sprints.get(a)?.start?.ms ?? null;
      const startB = data.sprints.get(b)?.start?.ms ?? null;
      if (startA !== null && startB !== null && startA !== startB) return startA - startB;
      const numberA = sprintNumberInName(a) ?? Number.MAX_SAFE_INTEGER;
      const numberB = sprintNumberInName(b) ?? Number.MAX_SAFE_INTEGER;
      return numberA - numberB || a.localeCompare(b);
    });

    const teamEntries: SprintPlanEntry[] = [];
    const toNumber: Array<{ entry: SprintPlanEntry; wanted: number | null }> = [];
    for (const name of names) {
      const jira = data.sprints.get(name) ?? { name, start: null, end: null, complete: null, state: null };
      const counts = sprints.get(name)!;
      const entry: SprintPlanEntry = {
        key: sprintEntryKey(teamId, name),
        teamId,
        jira,
        issues: counts.issues,
        proposal: { kind: 'skip', reason: '' },
        target: { kind: 'skip', reason: '' },
        problems: [],
      };
      const named = byName.get(name.trim().toLowerCase());
      const numberInName = sprintNumberInName(name);
      const numbered = numberInName === null ? undefined : byNumber.get(numberInName);
      if (named && !claimed.has(named.id)) {
        claimed.add(named.id);
        entry.proposal = {
          kind: 'existing',
          sprintId: named.id,
          number: named.number,
          startDate: named.startDate,
          endDate: named.endDate,
          matchedBy: 'name',
        };
      } else if (numbered && !claimed.has(numbered.id) && datesAgree(jira, numbered)) {
        claimed.add(numbered.id);
        entry.proposal = {
          kind: 'existing',
          sprintId: numbered.id,
          number: numbered.number,
          startDate: numbered.startDate,
          endDate: numbered.endDate,
          matchedBy: 'number',
        };
      } else if (jira.state === 'future') {
        entry.proposal = { kind: 'skip', reason: 'it has not started in Jira' };
      } else {
        toNumber.push({ entry, wanted: numberInName });
      }
      teamEntries.push(entry);
    }

    // New sprints keep the number in their Jira name when the team does not use it yet.
    for (const item of toNumber) {
      if (item.wanted !== null && !takenNumbers.has(item.wanted)) takenNumbers.add(item.wanted);
      else item.wanted = null;
    }
    for (const item of toNumber) {
      if (item.wanted === null) {
        let next = Math.max(0, ...takenNumbers) + 1;
        while (takenNumbers.has(next)) next++;
        takenNumbers.add(next);
        item.wanted = next;
      }
    }

    // Dates: Jira's when the export has them, else a guess chained after the team's previous sprint.
    const known: Array<Pick<Sprint, 'number' | 'startDate' | 'endDate'>> = teamExisting.map((sprint) => ({ ...sprint }));
    const creates = toNumber.map((item) => ({ entry: item.entry, number: item.wanted! })).sort((a, b) => a.number - b.number);
    for (const { entry, number } of creates) {
      const jira = entry.jira;
      const endTime = jira.complete ?? jira.end;
      let startDate: string;
      let endDate: string;
      let datesFrom: 'jira' | 'guess';
      let explanation: string;
      if (jira.start && endTime && endTime.day >= jira.start.day) {
        startDate = fromDayNumber(jira.start.day);
        endDate = fromDayNumber(endTime.day);
        datesFrom = 'jira';
        explanation = jira.complete ? 'From Jira: started, and closed on its completion date.' : 'From Jira: its start and planned end.';
      } else {
        const previous = known.filter((sprint) => sprint.number < number).sort((a, b) => a.number - b.number);
        if (previous.length > 0) {
          const next = suggestNextSprint(previous, today);
          const last = previous[previous.length - 1]!;
          const days = toDayNumber(next.endDate) - toDayNumber(next.startDate) + 1;
          startDate = next.startDate;
          endDate = next.endDate;
          explanation = `Guessed: after Sprint ${last.number}, ${days} days like it. Jira’s CSV has no sprint dates; check them.`;
        } else {
          const counts = sprints.get(jira.name)!;
          const anchor = counts.firstResolved ?? counts.firstCreated;
          const start = mondayOnOrBefore(anchor);
          startDate = fromDayNumber(start);
          endDate = fromDayNumber(start + GUESSED_SPRINT_DAYS - 1);
          explanation = `Guessed: two weeks from the Monday before its first ${counts.firstResolved === null ? 'issue was created' : 'issue was resolved'}. Jira’s CSV has no sprint dates; check them.`;
        }
        datesFrom = 'guess';
      }
      entry.proposal = { kind: 'create', number, startDate, endDate, datesFrom, explanation };
      known.push({ number, startDate, endDate });
    }

    // Jira closes a sprint and opens the next on the same day; the cockpit's sprints cannot share a day.
    const fromJira = creates
      .map(({ entry }) => entry)
      .filter((entry) => entry.proposal.kind === 'create' && entry.proposal.datesFrom === 'jira')
      .sort((a, b) => (a.proposal as { startDate: string }).startDate.localeCompare((b.proposal as { startDate: string }).startDate));
    for (let index = 0; index + 1 < fromJira.length; index++) {
      const current = fromJira[index]!.proposal as Extract<SprintTarget, { kind: 'create' }>;
      const next = fromJira[index + 1]!.proposal as Extract<SprintTarget, { kind: 'create' }>;
      const nextStart = toDayNumber(next.startDate);
      if (
        toDayNumber(current.endDate) >= nextStart &&
        nextStart - 1 >= toDayNumber(current.startDate) &&
        toDayNumber(current.endDate) - nextStart <= 1
      ) {
        current.endDate = fromDayNumber(nextStart - 1);
        current.explanation = `From Jira, ending the day before ${fromJira[index + 1]!.jira.name} starts (Jira has them share a day).`;
      }
    }

    for (const entry of teamEntries) entry.target = applyChoice(entry, choices[entry.key], teamExisting);
    validateTeam(teamEntries, teamExisting);
    entries.push(...teamEntries);
  }
  return entries;
}

/**
 * A number is only a match when the dates do not say otherwise: Jira's sprint 7 of 2020
 * is not the cockpit's sprint 7 of 2026. Without Jira dates (the CSV) the number decides.
 */
function datesAgree(jira: JiraSprintInfo, sprint: ExistingSprint): boolean {
  const end = jira.complete ?? jira.end;
  if (!jira.start || !end) return true;
  return jira.start.day <= toDayNumber(sprint.endDate) && end.day >= toDayNumber(sprint.startDate);
}

function applyChoice(entry: SprintPlanEntry, choice: SprintChoice | undefined, teamExisting: readonly ExistingSprint[]): SprintTarget {
  if (!choice) return entry.proposal;
  if (choice.kind === 'skip') return { kind: 'skip', reason: 'you chose to leave it out' };
  if (choice.kind === 'existing') {
    const sprint = teamExisting.find((candidate) => candidate.id === choice.sprintId);
    if (!sprint) return entry.proposal;
    return {
      kind: 'existing',
      sprintId: sprint.id,
      number: sprint.number,
      startDate: sprint.startDate,
      endDate: sprint.endDate,
      matchedBy: 'user',
    };
  }
  const proposal = entry.proposal.kind === 'create' ? entry.proposal : null;
  const same =
    proposal && proposal.number === choice.number && proposal.startDate === choice.startDate && proposal.endDate === choice.endDate;
  return same
    ? proposal
    : {
        kind: 'create',
        number: choice.number,
        startDate: choice.startDate,
        endDate: choice.endDate,
        datesFrom: 'user',
        explanation: 'As you set them.',
      };
}

function validateTeam(entries: SprintPlanEntry[], teamExisting: readonly ExistingSprint[]): void {
  const others: Array<SprintDraft & { id: string }> = teamExisting.map((sprint) => ({
    id: sprint.id,
    number: sprint.number,
    startDate: sprint.startDate,
    endDate: sprint.endDate,
  }));
  const usedExisting = new Map<string, string>();
  for (const entry of entries) {
    const target = entry.target;
    if (target.kind === 'existing') {
      const earlier = usedExisting.get(target.sprintId);
      if (earlier !== undefined)
        entry.problems.push(`${earlier} already goes to Sprint ${target.number}; choose another sprint for one of them.`);
      else usedExisting.set(target.sprintId, entry.jira.name);
    }
  }
  const creates = entries
    .filter((entry) => entry.target.kind === 'create')
    .sort((a, b) => (a.target as { number: number }).number - (b.target as { number: number }).number);
  const accepted: Array<SprintDraft & { id: string }> = [];
  for (const entry of creates) {
    const target = entry.target as Extract<SprintTarget, { kind: 'create' }>;
    const draft = { id: entry.key, number: target.number, startDate: target.startDate, endDate: target.endDate };
    for (const problem of sprintProblems(draft, [...others, ...accepted])) {
      const field = problem.field === 'number' ? 'Number' : problem.field === 'startDate' ? 'Start' : 'End';
      entry.problems.push(`${field}: ${problem.message}`);
    }
    accepted.push(draft);
  }
}

/** Every entry that stops the import, in words naming the team and the Jira sprint. */
export function sprintPlanProblems(entries: readonly SprintPlanEntry[], teamName: (teamId: string) => string): string[] {
  return entries.flatMap((entry) => entry.problems.map((problem) => `${teamName(entry.teamId)}, ${entry.jira.name}: ${problem}`));
}

/**
 * Rules a team's sprints must keep between them, beyond what one sprint's schema can
 * check: no two sprints of a team share a day or a number, and numbers follow the
 * calendar (sprint 5 cannot start before sprint 4 ends). Shared by the sprint form and
 * the Jira import, which creates sprints too.
 */
import type { Sprint } from '../domain/kpi';
import { fromDayNumber, toDayNumber } from '../time/calendar-dates';

/** The fields of a sprint these rules look at; `id` tells a sprint being edited apart from the others. */
export type SprintDraft = Pick<Sprint, 'number' | 'startDate' | 'endDate'> & { id?: string };

export interface SprintProblem {
  field: 'number' | 'startDate' | 'endDate';
  message: string;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const MAX_SPRINT_NUMBER = 10000;

/** "3 Mar 2025": the same words on every machine, so messages read the same in tests and in the app. */
export function sprintDateText(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return `${day} ${MONTHS[(month ?? 1) - 1]} ${year}`;
}

/** "Sprint 4 (3 Mar 2025 – 14 Mar 2025)". */
export function describeSprint(sprint: Pick<Sprint, 'number' | 'startDate' | 'endDate'>): string {
  return `Sprint ${sprint.number} (${sprintDateText(sprint.startDate)} – ${sprintDateText(sprint.endDate)})`;
}

function dayNumberOf(date: string): number | null {
  if (typeof date !== 'string' || !ISO_DATE.test(date)) return null;
  try {
    return toDayNumber(date);
  } catch {
    return null;
  }
}

/**
 * Everything wrong with `draft` on its own and against the team's other sprints, each
 * problem on the field to change. `otherSprintsOfTheTeam` may include the sprint being
 * edited (same id): it is skipped. An empty list means the sprint can be saved.
 */
export function sprintProblems(draft: SprintDraft, otherSprintsOfTheTeam: readonly (SprintDraft & { id: string })[]): SprintProblem[] {
  const problems: SprintProblem[] = [];
  const numberValid = Number.isInteger(draft.number) && draft.number >= 1 && draft.number <= MAX_SPRINT_NUMBER;
  if (!numberValid) problems.push({ field: 'number', message: `must be a whole number from 1 to ${MAX_SPRINT_NUMBER}` });
  const start = dayNumberOf(draft.startDate);
  const end = dayNumberOf(draft.endDate);
  if (start === null) problems.push({ field: 'startDate', message: 'must be a date (YYYY-MM-DD)' });
  if (end === null) problems.push({ field: 'endDate', message: 'must be a date (YYYY-MM-DD)' });
  if (start !== null && end !== null && end < start) {
    problems.push({ field: 'endDate', message: 'a sprint cannot end before it starts' });
  }
  if (problems.length > 0 || start === null || end === null) return problems;

  const others = otherSprintsOfTheTeam
    .filter((other) => other.id !== draft.id)
    .slice()
    .sort((a, b) => a.number - b.number);
  const self = describeSprint(draft);
  for (const other of others) {
    const otherStart = dayNumberOf(other.startDate);
    const otherEnd = dayNumberOf(other.endDate);
    if (otherStart === null || otherEnd === null) continue;
    if (other.number === draft.number) {
      problems.push({ field: 'number', message: `this team already has ${describeSprint(other)}` });
      continue;
    }
    const otherIsEarlier = other.number < draft.number;
    if (start <= otherEnd && otherStart <= end) {
      problems.push({
        // The draft's edge that runs into the other sprint is the one to move.
        field: otherStart <= start ? 'startDate' : 'endDate',
        message: `${self} overlaps ${describeSprint(other)}; a team's sprints cannot share a day`,
      });
    } else if (otherIsEarlier && otherStart > end) {
      problems.push({
        field: 'number',
        message: `Sprint ${draft.number} would end on ${sprintDateText(draft.endDate)}, before ${describeSprint(other)} starts; sprint numbers must follow the dates`,
      });
    } else if (!otherIsEarlier && otherEnd < start) {
      problems.push({
        field: 'number',
        message: `Sprint ${draft.number} would start on ${sprintDateText(draft.startDate)}, after ${describeSprint(other)} ends; sprint numbers must follow the dates`,
      });
    }
  }
  return problems;
}

/**
 * Every problem among a whole set of one team's sprints (an import creating several at
 * once), each named by the sprint it concerns. A pair is reported once, on the later number.
 */
export function teamSprintProblems(
  sprints: readonly (SprintDraft & { id: string })[],
): Array<{ sprintId: string; number: number } & SprintProblem> {
  const sorted = sprints.slice().sort((a, b) => a.number - b.number);
  const found: Array<{ sprintId: string; number: number } & SprintProblem> = [];
  sorted.forEach((sprint, index) => {
    for (const problem of sprintProblems(sprint, sorted.slice(0, index))) {
      found.push({ sprintId: sprint.id, number: sprint.number, ...problem });
    }
  });
  return found;
}

/** Whole days a sprint lasts, counting both its first and its last day. */
export function sprintLengthInDays(sprint: Pick<Sprint, 'startDate' | 'endDate'>): number {
  return toDayNumber(sprint.endDate) - toDayNumber(sprint.startDate) + 1;
}

const DEFAULT_SPRINT_DAYS = 14;

/**
 * The sprint a team most likely runs next: the number after its highest, the same length
 * as its latest sprint, keeping the team's cadence (a Monday-to-Friday-week-two sprint is
 * followed by one starting on the Monday after the weekend). A team's first sprint starts
 * on `today` and lasts two weeks.
 */
export function suggestNextSprint(
  teamSprints: readonly Pick<Sprint, 'number' | 'startDate' | 'endDate'>[],
  today: string,
): Pick<Sprint, 'number' | 'startDate' | 'endDate'> {
  const sorted = teamSprints.slice().sort((a, b) => a.number - b.number);
  const latest = sorted.at(-1);
  if (!latest) {
    const start = toDayNumber(today);
    return { number: 1, startDate: today, endDate: fromDayNumber(start + DEFAULT_SPRINT_DAYS - 1) };
  }
  const latestStart = toDayNumber(latest.startDate);
  const latestEnd = toDayNumber(latest.endDate);
  const before = sorted.at(-2);
  const cadence = before ? latestStart - toDayNumber(before.startDate) : 0;
  // A cadence that would overlap the latest sprint (or none known) falls back to back-to-back.
  const nextStart = cadence > latestEnd - latestStart ? latestStart + cadence : latestEnd + 1;
  return {
    number: Math.min(latest.number + 1, MAX_SPRINT_NUMBER),
    startDate: fromDayNumber(nextStart),
    endDate: fromDayNumber(nextStart + (latestEnd - latestStart)),
  };
}

/**
 * Checkpoints in time: which one came before, the period a new one covers, and how action
 * items look from a checkpoint (open, overdue, carried over and how many times).
 *
 * Days are calendar days. A timestamp belongs to its calendar date in the engagement's
 * time zone (`clientTimeZone`) when one is given, else to its UTC date: an action captured
 * at 17:30 in San Francisco on the day of the meeting belongs to that day, although it is
 * already the next day in UTC. The zone travels with the records, so the same records always
 * give the same answer whenever and wherever they are read. "Open on a date" means open at
 * the end of that day: an action completed on the day of a checkpoint was not carried into
 * it. The pack (build-pack.ts) judges everything by the same rule.
 */
import type { ActionItem, Checkpoint } from '../domain/decisions';
import { addDays, utcOffsetMinutes } from '../time/overlap';
import { nextReferenceNumbers } from '../domain/reference-numbers';

/** The UTC calendar date of a timestamp; app timestamps (`toISOString`) are read without parsing. */
export function utcDateOf(timestamp: string): string {
  if (timestamp.length === 24 && timestamp.endsWith('Z')) return timestamp.slice(0, 10);
  return new Date(Date.parse(timestamp)).toISOString().slice(0, 10);
}

/** The calendar date of a timestamp in `timeZone` (an IANA name); its UTC date without one. */
export function calendarDateOf(timestamp: string, timeZone?: string): string {
  if (timeZone === undefined || timeZone === 'UTC') return utcDateOf(timestamp);
  const epochMs = Date.parse(timestamp);
  const offsetMs = utcOffsetMinutes(new Date(epochMs), timeZone) * 60_000;
  return new Date(epochMs + offsetMs).toISOString().slice(0, 10);
}

type Ordered = Pick<Checkpoint, 'id' | 'date' | 'createdAt'>;

function compareCheckpoints(a: Ordered, b: Ordered): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  if (a.createdAt !== b.createdAt) return Date.parse(a.createdAt) - Date.parse(b.createdAt);
  // Two checkpoints created in the same millisecond still get one fixed order.
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** By date, then by when they were created (two meetings on one day keep the order they were planned in). */
export function checkpointsInOrder(checkpoints: readonly Checkpoint[]): Checkpoint[] {
  return [...checkpoints].sort(compareCheckpoints);
}

/**
 * The checkpoint of the same engagement just before `checkpoint`; null for the first one. A
 * checkpoint not yet in the list (being planned) comes after every one on or before its date.
 */
export function previousCheckpoint(
  checkpoints: readonly Checkpoint[],
  checkpoint: Pick<Checkpoint, 'id' | 'date' | 'engagementId'>,
): Checkpoint | null {
  const ordered = checkpointsInOrder(checkpoints.filter((candidate) => candidate.engagementId === checkpoint.engagementId));
  const position = ordered.findIndex((candidate) => candidate.id === checkpoint.id);
  if (position >= 0) return position > 0 ? ordered[position - 1]! : null;
  let previous: Checkpoint | null = null;
  for (const candidate of ordered) if (candidate.date <= checkpoint.date) previous = candidate;
  return previous;
}

/** Days the first checkpoint of an engagement looks back over, its own date included. */
export const FIRST_PERIOD_DAYS = 30;

/**
 * The period a checkpoint on `date` covers: from the day after the latest checkpoint before
 * `date` up to `date`; with none before it, the 30 days ending on `date`. `checkpoints` are
 * those of one engagement.
 */
export function suggestedPeriod(checkpoints: readonly Checkpoint[], date: string): { periodStart: string; periodEnd: string } {
  let latestBefore: string | null = null;
  for (const checkpoint of checkpoints) {
    if (checkpoint.date < date && (latestBefore === null || checkpoint.date > latestBefore)) latestBefore = checkpoint.date;
  }
  const periodStart = latestBefore === null ? addDays(date, -(FIRST_PERIOD_DAYS - 1)) : addDays(latestBefore, 1);
  return { periodStart, periodEnd: date };
}

export function isActionOpen(action: Pick<ActionItem, 'status'>): boolean {
  return action.status === 'open' || action.status === 'in-progress';
}

/** Open and due before `today` (due today is not overdue yet). */
export function isActionOverdue(action: Pick<ActionItem, 'status' | 'dueOn'>, today: string): boolean {
  return isActionOpen(action) && action.dueOn !== null && action.dueOn < today;
}

/**
 * Whether the action was open at the end of `date` (a calendar date in `timeZone`, UTC
 * without one): raised on or before it and not closed by then. An action open now has been
 * open since it was raised (a reopened action clears its completion time). A closed action
 * with no completion time recorded (imported, or cancelled before one was recorded) is taken
 * as closed at its last update when that is given, else as closed all along: nothing says
 * when it was still open.
 */
export function wasActionOpenOn(
  action: Pick<ActionItem, 'createdAt' | 'completedAt' | 'status'> & Partial<Pick<ActionItem, 'updatedAt'>>,
  date: string,
  timeZone?: string,
): boolean {
  return actionDays(action, timeZone).wasOpenOn(date);
}

/**
 * The dates an action was raised and closed on, read once: the carried-over count asks about
 * every checkpoint, and reading a date in a time zone is not free.
 */
function actionDays(
  action: Pick<ActionItem, 'createdAt' | 'completedAt' | 'status'> & Partial<Pick<ActionItem, 'updatedAt'>>,
  timeZone?: string,
) {
  const createdOn = calendarDateOf(action.createdAt, timeZone);
  const open = isActionOpen(action);
  const closedAt = open ? null : (action.completedAt ?? action.updatedAt ?? null);
  const closedOn = closedAt === null ? null : calendarDateOf(closedAt, timeZone);
  /** Open at the end of `date`, whenever it was raised. */
  const notClosedBy = (date: string) => open || (closedOn !== null && closedOn > date);
  return { createdOn, notClosedBy, wasOpenOn: (date: string) => createdOn <= date && notClosedBy(date) };
}

/**
 * How the action stood at checkpoint `at`: `raised` when it existed by then, `open` when it was
 * still open at the end of the checkpoint's date. An action whose source is that checkpoint was
 * raised there, even when it was typed in after midnight or the next morning.
 */
export function actionAtCheckpoint(
  action: Pick<ActionItem, 'createdAt' | 'completedAt' | 'status' | 'source'> & Partial<Pick<ActionItem, 'updatedAt'>>,
  at: Pick<Checkpoint, 'id' | 'date'>,
  timeZone?: string,
): { raised: boolean; open: boolean } {
  const days = actionDays(action, timeZone);
  const raised = (action.source.kind === 'checkpoint' && action.source.id === at.id) || days.createdOn <= at.date;
  return { raised, open: raised && days.notClosedBy(at.date) };
}

/**
 * How many checkpoints, up to and including `at`, found the action still open after the
 * checkpoint it was raised at. An action from a checkpoint was raised at that checkpoint,
 * whenever it was typed in; any other was raised at the first checkpoint on or after the day
 * it was created (in `timeZone`, UTC without one). That checkpoint counts 0; each later one
 * at whose date it was still open counts 1. `checkpoints` may hold other engagements'
 * checkpoints: only the action's own count.
 */
export function carriedOverCount(
  action: ActionItem,
  checkpoints: readonly Checkpoint[],
  at: Pick<Checkpoint, 'id' | 'date'>,
  timeZone?: string,
): number {
  const ordered = checkpointsInOrder(checkpoints.filter((checkpoint) => checkpoint.engagementId === action.engagementId));
  let last = ordered.findIndex((checkpoint) => checkpoint.id === at.id);
  if (last < 0) {
    last = -1;
    ordered.forEach((checkpoint, index) => {
      if (checkpoint.date <= at.date) last = index;
    });
  }
  const days = actionDays(action, timeZone);
  let raisedAt = -1;
  if (action.source.kind === 'checkpoint' && action.source.id !== null) {
    raisedAt = ordered.findIndex((checkpoint) => checkpoint.id === action.source.id);
  }
  if (raisedAt < 0) {
    raisedAt = ordered.findIndex((checkpoint) => checkpoint.date >= days.createdOn);
    if (raisedAt < 0) return 0;
  }
  let count = 0;
  for (let index = raisedAt + 1; index <= last; index++) {
    if (days.wasOpenOn(ordered[index]!.date)) count++;
  }
  return count;
}

/**
 * The next decision reference after the highest in use ("D-001" for the first). Gaps are not
 * filled: a reference quoted in an issued pack must never name another record.
 */
export function nextDecisionReference(existing: Iterable<string>): string {
  return nextReferenceNumbers('D', existing)[0]!;
}

/** The next action reference after the highest in use ("A-001" for the first); gaps are not filled. */
export function nextActionReference(existing: Iterable<string>): string {
  return nextReferenceNumbers('A', existing)[0]!;
}

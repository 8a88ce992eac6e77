/**
 * Escalations as they work their way up a ladder: validating a ladder, the current
 * step's deadline (and how it reads in other time zones), the state transitions of a
 * live escalation, and the numbers a governance review asks for.
 *
 * Pure module: every function returns new values and leaves its inputs untouched, so
 * the renderer can hand results straight to storage and keep the old value for undo.
 *
 * Response times are clock time, not working hours: a 120-minute step raised at 22:30
 * is due at 00:30 the next day, and a DST change does not stretch or shrink it. The
 * ladders describe how long a problem may sit unanswered, and a blocker does not wait
 * for office hours; working-hours deadlines would also make the deadline depend on
 * whose calendar counts, which the ladder does not say.
 */
import type { z } from 'zod';
import { EscalationPathSchema, EscalationSchema, type Escalation, type EscalationPath, type EscalationStep } from '../domain/escalation';
import type { Person, RoleAssignment, RoleKey, Team } from '../domain/engagement';
import { isValidTimeZone, utcOffsetMinutes } from '../time/overlap';
import { parseOrThrow } from '../validation';

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;

// ---------------------------------------------------------------------------
// Ladder validation
// ---------------------------------------------------------------------------

export interface LadderProblem {
  /** Zero-based index of the step the problem is about; null for the ladder as a whole. */
  stepIndex: number | null;
  /** Field within the step as forms name it ('level', 'responseMinutes', 'owner.personId'); empty for the whole step or ladder. */
  field: string;
  /** A sentence naming the step, e.g. "Step 2 goes down from tactical to operational". */
  message: string;
}

/**
 * Placeholders for the parts of a path that are not the ladder. They satisfy the schema,
 * so every issue left over is about the steps.
 */
const PLACEHOLDER_ID = '00000000-0000-4000-8000-000000000000';
const PLACEHOLDER_TIMESTAMP = '2000-01-01T00:00:00Z';
const placeholderPathFields = {
  id: PLACEHOLDER_ID,
  engagementId: PLACEHOLDER_ID,
  createdAt: PLACEHOLDER_TIMESTAMP,
  updatedAt: PLACEHOLDER_TIMESTAMP,
  revision: 1,
  trigger: 'unresolved-blocker',
  customTrigger: '',
} as const;
const PLACEHOLDER_OWNER = { kind: 'role', role: 'engagement-lead' } as const;
const PLACEHOLDER_RESPONSE_MINUTES = 60;

/**
 * Problems with a ladder, in the words a form shows next to it. The rules are
 * `EscalationPathSchema`'s own: the steps are parsed as a path and its issues translated,
 * so the schema stays the one place that says what a valid ladder is.
 */
export function validateLadder(steps: ReadonlyArray<EscalationStep>): LadderProblem[] {
  const problems = issuesOf(steps).map(describeLadderIssue);

  // Zod skips the path's level refinement while a step has a field error, so a bad
  // response time would hide a step that goes down until the first problem is fixed.
  // Checking the levels alone (the other step fields filled with valid values) lets a
  // form show every problem at once.
  if (Array.isArray(steps) && steps.length > 0) {
    const levelsOnly = steps.map((step) => ({
      level: step.level,
      owner: PLACEHOLDER_OWNER,
      responseMinutes: PLACEHOLDER_RESPONSE_MINUTES,
    }));
    for (const problem of issuesOf(levelsOnly).map(describeLadderIssue)) {
      if (!problems.some((known) => known.message === problem.message)) problems.push(problem);
    }
  }

  return problems.sort((a, b) => (a.stepIndex ?? -1) - (b.stepIndex ?? -1));
}

function issuesOf(steps: unknown): z.core.$ZodIssue[] {
  const result = EscalationPathSchema.safeParse({ ...placeholderPathFields, steps });
  if (result.success) return [];
  return result.error.issues.filter((issue) => issue.path[0] === 'steps');
}

function describeLadderIssue(issue: z.core.$ZodIssue): LadderProblem {
  const [, stepIndex, ...fieldPath] = issue.path;
  if (typeof stepIndex !== 'number') {
    // The schema's own sentence ("a ladder needs at least one step") reads well as it is.
    const message = issue.code === 'too_big' ? `A ladder has at most ${String(issue.maximum)} steps` : capitalise(issue.message);
    return { stepIndex: null, field: '', message };
  }

  const stepName = `Step ${stepIndex + 1}`;
  const field = fieldPath.map(String).join('.');
  return { stepIndex, field, message: describeStepIssue(stepName, field, issue) };
}

function describeStepIssue(stepName: string, field: string, issue: z.core.$ZodIssue): string {
  if (field === 'responseMinutes') {
    if (issue.code === 'too_small') return `${stepName} needs a positive response time`;
    if (issue.code === 'too_big') {
      const maximumMinutes = Number(issue.maximum);
      return `${stepName} needs a response time of at most ${maximumMinutes} minutes (${maximumMinutes / 1440} days)`;
    }
    return `${stepName} needs a response time in whole minutes`;
  }
  // The schema's own sentence already names the step ("step 2 goes down from ...").
  if (field === 'level' && issue.code === 'custom') return capitalise(issue.message);
  if (field === 'level') return `${stepName} needs a level: operational, tactical or strategic`;
  if (field.startsWith('owner'))
    return `${stepName} needs an owner: ${field === 'owner' ? 'a role or a person' : `${field.slice('owner.'.length)} ${issue.message}`}`;
  return `${stepName}${field ? ` ${field}` : ''} ${issue.message}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// ---------------------------------------------------------------------------
// Deadlines
// ---------------------------------------------------------------------------

export interface StepDeadline {
  step: EscalationStep;
  stepIndex: number;
  /** ISO 8601 instant in UTC. */
  deadline: string;
  isLastStep: boolean;
}

/** The current step and when its owner has to have answered; null once the escalation is resolved. */
export function currentDeadline(escalation: Escalation, path: EscalationPath): StepDeadline | null {
  if (escalation.status === 'resolved') return null;
  assertPathOf(escalation, path);
  const stepIndex = escalation.currentStepIndex;
  const step = stepAt(path, stepIndex);
  const deadlineMs = instantMs(escalation.stepStartedAt, 'step start') + step.responseMinutes * MS_PER_MINUTE;
  return { step, stepIndex, deadline: new Date(deadlineMs).toISOString(), isLastStep: stepIndex === path.steps.length - 1 };
}

/** Overdue means strictly after the deadline: an answer at the deadline minute is on time. */
export function isOverdue(escalation: Escalation, path: EscalationPath, now: string): boolean {
  return msPastDeadline(escalation, path, now) > 0;
}

/**
 * Whole minutes past the deadline, counting a started minute as a full one so that
 * `minutesOverdue > 0` exactly when `isOverdue`; 0 when on time or resolved.
 */
export function minutesOverdue(escalation: Escalation, path: EscalationPath, now: string): number {
  return Math.ceil(msPastDeadline(escalation, path, now) / MS_PER_MINUTE);
}

function msPastDeadline(escalation: Escalation, path: EscalationPath, now: string): number {
  const nowMs = instantMs(now, '"now"');
  const deadline = currentDeadline(escalation, path);
  if (!deadline) return 0;
  return Math.max(0, nowMs - Date.parse(deadline.deadline));
}

function assertPathOf(escalation: Escalation, path: EscalationPath): void {
  if (escalation.pathId !== path.id) {
    throw new Error(`The escalation "${escalation.title}" follows ladder ${escalation.pathId}, not ladder ${path.id}.`);
  }
}

function stepAt(path: EscalationPath, stepIndex: number): EscalationStep {
  const step = path.steps[stepIndex];
  if (!step) {
    throw new Error(
      `The escalation is at step ${stepIndex + 1}, but its ladder has only ${path.steps.length} step${path.steps.length === 1 ? '' : 's'}.`,
    );
  }
  return step;
}

/** Epoch milliseconds of an ISO instant, with an error a user can act on instead of NaN. */
function instantMs(value: string, what: string): number {
  const ms = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  if (!Number.isFinite(ms)) throw new Error(`The ${what} time ${JSON.stringify(value)} is not a date-time such as 2026-03-01T09:30:00Z.`);
  return ms;
}

// ---------------------------------------------------------------------------
// Deadlines in time zones
// ---------------------------------------------------------------------------

export interface ZonedDeadline {
  label: string;
  zone: string;
  /** Local wall clock, e.g. "Tue 24 Nov, 09:30". */
  local: string;
  /** Local calendar date minus the first zone's local calendar date, in days (+1: "the next day there"). */
  dayOffset: number;
}

// Fixed English names rather than the runtime locale, so the text is the same in every
// process and test run, like the rest of the interface.
const WEEKDAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/**
 * A deadline as the wall clock reads in each zone, e.g. the viewer's and the step
 * owner's. The offset comes from `utcOffsetMinutes` for that very instant, so a
 * deadline just after a DST change shows the new local time.
 */
export function formatDeadlineInZones(deadline: string, zones: ReadonlyArray<{ label: string; zone: string }>): ZonedDeadline[] {
  const deadlineMs = instantMs(deadline, 'deadline');
  let firstLocalDay: number | null = null;
  return zones.map(({ label, zone }) => {
    if (!isValidTimeZone(zone)) throw new Error(`"${zone}" (${label}) is not a time zone; expected an IANA name such as Europe/London.`);
    // Shifting the instant by the offset and reading it as UTC gives the local wall clock.
    const wall = new Date(deadlineMs + utcOffsetMinutes(new Date(deadlineMs), zone) * MS_PER_MINUTE);
    const localDay = Math.floor(Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate()) / MS_PER_DAY);
    firstLocalDay ??= localDay;
    const time = `${pad2(wall.getUTCHours())}:${pad2(wall.getUTCMinutes())}`;
    return {
      label,
      zone,
      local: `${WEEKDAY_NAMES[wall.getUTCDay()]} ${wall.getUTCDate()} ${MONTH_NAMES[wall.getUTCMonth()]}, ${time}`,
      dayOffset: localDay - firstLocalDay,
    };
  });
}

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}

export interface OwnerZoneContext {
  people: ReadonlyArray<Person>;
  assignments: ReadonlyArray<RoleAssignment>;
  teams: ReadonlyArray<Team>;
  clientTimeZone: string;
}

/**
 * The time zone a step's owner works in, to show them their deadline in their own clock.
 *
 * - A person: their own zone; if they have none, their organisation's: for the partner
 *   the zone of the first team they are assigned to, for the client (or a partner person
 *   assigned to no team) the client's zone.
 * - A role: the zone of the first person holding it, found as above.
 * - Anyone not found (a deleted person, a role nobody holds yet): the client's zone,
 *   since the deadline still has to be shown somewhere and the client sets the ladder.
 */
export function ownerTimeZone(step: Pick<EscalationStep, 'owner'>, context: OwnerZoneContext): string {
  const personId = step.owner.kind === 'person' ? step.owner.personId : firstHolderOf(step.owner.role, context);
  const person = context.people.find((candidate) => candidate.id === personId);
  if (!person) return context.clientTimeZone;
  if (person.timeZone !== '') return person.timeZone;
  if (person.organisation === 'partner') {
    for (const assignment of context.assignments) {
      if (assignment.personId !== person.id) continue;
      for (const teamId of assignment.teamIds) {
        const team = context.teams.find((candidate) => candidate.id === teamId);
        if (team) return team.timeZone;
      }
    }
  }
  return context.clientTimeZone;
}

/** First assignment of the role, in the order given, whose person still exists. */
function firstHolderOf(role: RoleKey, context: OwnerZoneContext): string | undefined {
  return context.assignments.find(
    (assignment) => assignment.role === role && context.people.some((person) => person.id === assignment.personId),
  )?.personId;
}

// ---------------------------------------------------------------------------
// State transitions
// ---------------------------------------------------------------------------

export interface RaiseEscalationInput {
  id: string;
  engagementId: string;
  path: EscalationPath;
  title: string;
  description: string;
  raisedBy: string;
  raisedAt: string;
  riskIds?: string[];
}

/** A new escalation at the ladder's first step, whose clock starts when it is raised. */
export function raiseEscalation(input: RaiseEscalationInput): Escalation {
  const { path } = input;
  if (path.engagementId !== input.engagementId) {
    throw new Error('The escalation ladder belongs to another engagement; pick one of this engagement\u2019s ladders.');
  }
  stepAt(path, 0);
  instantMs(input.raisedAt, 'raise');
  return parseOrThrow(
    EscalationSchema,
    {
      id: input.id,
      engagementId: input.engagementId,
      createdAt: input.raisedAt,
      updatedAt: input.raisedAt,
      revision: 1,
      pathId: path.id,
      title: input.title,
      description: input.description,
      raisedBy: input.raisedBy,
      raisedAt: input.raisedAt,
      currentStepIndex: 0,
      stepStartedAt: input.raisedAt,
      status: 'open',
      resolvedAt: null,
      resolution: '',
      riskIds: [...(input.riskIds ?? [])],
      history: [{ at: input.raisedAt, by: input.raisedBy, kind: 'raised', stepIndex: 0, note: '' }],
    } satisfies Escalation,
    'escalation',
  );
}

export interface EscalationActor {
  by: string;
  at: string;
}

/**
 * Moves the escalation to the ladder's next step and restarts the clock for the new
 * owner. History events record the step the escalation is at after the event, so an
 * 'escalated' event names the step it went to.
 */
export function escalateToNextStep(escalation: Escalation, path: EscalationPath, action: EscalationActor & { note?: string }): Escalation {
  if (escalation.status === 'resolved') {
    throw new Error(`"${escalation.title}" is resolved; reopen it before escalating it further.`);
  }
  assertPathOf(escalation, path);
  const current = stepAt(path, escalation.currentStepIndex);
  const nextIndex = escalation.currentStepIndex + 1;
  if (nextIndex >= path.steps.length) {
    throw new Error(
      `"${escalation.title}" is already at the last step of its ladder (step ${nextIndex} of ${path.steps.length}, ${current.level}); there is no one further to escalate to.`,
    );
  }
  assertNotBeforeLastEvent(escalation, action.at, 'escalated');
  return nextVersion(
    escalation,
    { currentStepIndex: nextIndex, stepStartedAt: action.at },
    { at: action.at, by: action.by, kind: 'escalated', stepIndex: nextIndex, note: action.note ?? '' },
  );
}

/** Closes the escalation at its current step; the resolution is also kept in the history, so a reopen does not lose it. */
export function resolveEscalation(escalation: Escalation, action: EscalationActor & { resolution: string }): Escalation {
  if (escalation.status === 'resolved') {
    throw new Error(`"${escalation.title}" is already resolved.`);
  }
  const resolution = typeof action.resolution === 'string' ? action.resolution.trim() : '';
  if (resolution === '') {
    throw new Error('Say how the escalation was resolved: a resolution is required.');
  }
  assertNotBeforeLastEvent(escalation, action.at, 'resolved');
  return nextVersion(
    escalation,
    { status: 'resolved', resolvedAt: action.at, resolution },
    { at: action.at, by: action.by, kind: 'resolved', stepIndex: escalation.currentStepIndex, note: resolution },
  );
}

/**
 * Opens a resolved escalation again at the step where it was resolved. The step's
 * owner gets a fresh response time from the reopening: the old clock stopped when the
 * escalation was resolved.
 */
export function reopenEscalation(escalation: Escalation, action: EscalationActor & { note?: string }): Escalation {
  if (escalation.status !== 'resolved') {
    throw new Error(`"${escalation.title}" is still open; only a resolved escalation can be reopened.`);
  }
  assertNotBeforeLastEvent(escalation, action.at, 'reopened');
  return nextVersion(
    escalation,
    { status: 'open', resolvedAt: null, resolution: '', stepStartedAt: action.at },
    { at: action.at, by: action.by, kind: 'reopened', stepIndex: escalation.currentStepIndex, note: action.note ?? '' },
  );
}

type EscalationEvent = Escalation['history'][number];

function nextVersion(escalation: Escalation, changes: Partial<Escalation>, event: EscalationEvent): Escalation {
  return parseOrThrow(
    EscalationSchema,
    {
      ...escalation,
      ...changes,
      riskIds: [...escalation.riskIds],
      history: [...escalation.history, event],
      updatedAt: event.at,
      revision: escalation.revision + 1,
    },
    'escalation',
  );
}

/** History is read in order (statistics take the first step's outcome from it), so it must stay chronological. */
function assertNotBeforeLastEvent(escalation: Escalation, at: string, action: string): void {
  const atMs = instantMs(at, action);
  const last = escalation.history[escalation.history.length - 1];
  if (last && atMs < Date.parse(last.at)) {
    throw new Error(
      `"${escalation.title}" cannot be ${action} at ${at}: that is before its last recorded event (${last.kind} at ${last.at}).`,
    );
  }
}

// ---------------------------------------------------------------------------
// Statistics
// ---------------------------------------------------------------------------

export interface EscalationStatistics {
  /** Escalations whose raisedAt falls in the period. */
  raised: number;
  /** Escalations currently resolved whose resolvedAt falls in the period. */
  resolved: number;
  /** From raisedAt to resolvedAt, over the escalations counted in `resolved`; null when there are none. */
  medianMinutesToResolve: number | null;
  answeredWithinResponseTime: { count: number; of: number; share: number | null };
}

const CALENDAR_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Numbers for a period of calendar days, `from` and `to` inclusive, compared on the
 * UTC date of raisedAt and resolvedAt (the same instant counts in the same period
 * whoever looks at the report).
 *
 * "Answered within the response time" judges the FIRST step of each escalation raised
 * in the period, against its deadline raisedAt + first step's response time:
 * - The first step is answered when the escalation first leaves it: the earliest
 *   'resolved' or 'escalated' event in its history. Resolving it settles the problem;
 *   escalating it is the owner's (or the raiser's) call that the step cannot settle it.
 *   Either is answered in time when it happens at or before the deadline (the same
 *   boundary as `isOverdue`), and not in time after it: escalating after the deadline
 *   is the "no answer, so it went up" case.
 * - An escalation still at its first step counts as not answered in time once `now`
 *   is past the deadline: whenever it leaves that step, it will be late. Before the
 *   deadline its outcome is not known yet, so it is left out of `of`.
 * - An escalation whose ladder is missing cannot be judged and is left out of `of`.
 * Later reopenings do not change the verdict: it is about the first answer.
 * The ladder is read as it is now; a response time edited since the raise applies.
 */
export function escalationStatistics(
  escalations: ReadonlyArray<Escalation>,
  paths: ReadonlyArray<EscalationPath>,
  period: { from: string; to: string },
  now: string,
): EscalationStatistics {
  assertPeriod(period);
  const nowMs = instantMs(now, '"now"');
  const inPeriod = (instant: string): boolean => {
    const utcDate = new Date(instantMs(instant, 'escalation')).toISOString().slice(0, 10);
    return utcDate >= period.from && utcDate <= period.to;
  };

  const raisedInPeriod = escalations.filter((escalation) => inPeriod(escalation.raisedAt));
  const resolvedInPeriod = escalations.filter(
    (escalation) => escalation.status === 'resolved' && escalation.resolvedAt !== null && inPeriod(escalation.resolvedAt),
  );

  const minutesToResolve = resolvedInPeriod.map(
    (escalation) => (Date.parse(escalation.resolvedAt!) - Date.parse(escalation.raisedAt)) / MS_PER_MINUTE,
  );

  let answeredInTime = 0;
  let judged = 0;
  for (const escalation of raisedInPeriod) {
    const firstStep = paths.find((path) => path.id === escalation.pathId)?.steps[0];
    if (!firstStep) continue;
    const deadlineMs = Date.parse(escalation.raisedAt) + firstStep.responseMinutes * MS_PER_MINUTE;
    const firstAnswer = escalation.history.find((event) => event.kind === 'resolved' || event.kind === 'escalated');
    if (firstAnswer) {
      judged += 1;
      if (Date.parse(firstAnswer.at) <= deadlineMs) answeredInTime += 1;
    } else if (nowMs > deadlineMs) {
      judged += 1;
    }
  }

  return {
    raised: raisedInPeriod.length,
    resolved: resolvedInPeriod.length,
    medianMinutesToResolve: median(minutesToResolve),
    answeredWithinResponseTime: { count: answeredInTime, of: judged, share: judged === 0 ? null : answeredInTime / judged },
  };
}

function assertPeriod(period: { from: string; to: string }): void {
  for (const date of [period.from, period.to]) {
    // The round trip rejects dates that do not exist, such as 2026-02-30.
    const midnightMs = typeof date === 'string' && CALENDAR_DATE_PATTERN.test(date) ? Date.parse(`${date}T00:00:00Z`) : Number.NaN;
    const isRealDate = Number.isFinite(midnightMs) && new Date(midnightMs).toISOString().slice(0, 10) === date;
    if (!isRealDate) {
      throw new Error(`The period date ${JSON.stringify(date)} is not a calendar date such as 2026-03-01.`);
    }
  }
  if (period.from > period.to) throw new Error(`The period starts (${period.from}) after it ends (${period.to}).`);
}

/** Middle value; for an even count the mean of the two middle values. */
function median(values: ReadonlyArray<number>): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

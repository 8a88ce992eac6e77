/**
 * What changed since the previous checkpoint, and the records as they stood at a checkpoint.
 *
 * The pack judges everything at the end of the checkpoint's date (a calendar day in the
 * engagement's time zone, as in checkpoint-timeline.ts; a UTC day when none is given), and the period it reports on runs from the day after the
 * previous checkpoint (`periodStart`) to `periodEnd`. "Before the period" means the end of
 * the day before `periodStart`: the state the previous checkpoint saw.
 *
 * Records edited after the checkpoint date are read back to that date where their history
 * allows it: a risk from its history events, an escalation from its own history, an action
 * from its creation and completion times. What has no history (a KPI value, a standard's
 * status) is read as it is now.
 */
import type { ActionItem, Checkpoint, Decision } from '../domain/decisions';
import type { Escalation, EscalationPath } from '../domain/escalation';
import type { Risk, RiskEvent } from '../domain/risk';
import type { RiskMatrix } from '../domain/settings';
import { buildScorecard, type ScorecardSource } from '../kpi/scorecard';
import type { KpiStatus } from '../kpi/types';
import { InstantComparer, compareInstants, riskHistoryFields } from '../risk/history';
import { MATRIX_CHANGE_FIELD } from '../risk/matrix-change';
import { movementSince, type Movement } from '../risk/movement';
import { addDays, zonedDateTimeToUtc } from '../time/overlap';
import { actionAtCheckpoint, calendarDateOf, carriedOverCount, isActionOpen } from './checkpoint-timeline';

/** The last instant of a calendar date in `timeZone` (UTC without one): "as of the checkpoint date". */
export function endOfDay(date: string, timeZone?: string): string {
  if (timeZone === undefined || timeZone === 'UTC') return `${date}T23:59:59.999Z`;
  return new Date(zonedDateTimeToUtc(date, 24 * 60, timeZone).getTime() - 1).toISOString();
}

/** The instant the period's changes are measured from: the end of the day before it starts. */
export function periodBaseline(periodStart: string, timeZone?: string): string {
  return endOfDay(addDays(periodStart, -1), timeZone);
}

function isInPeriod(date: string, period: Pick<Checkpoint, 'periodStart' | 'periodEnd'>): boolean {
  return date >= period.periodStart && date <= period.periodEnd;
}

// ---------------------------------------------------------------------------
// Risks
// ---------------------------------------------------------------------------

const historyFields = new Set<string>(riskHistoryFields);

/**
 * The risk as it stood at `at`: null if created later; otherwise the record with every change
 * recorded after `at` undone, newest first. Events that resized the matrix are not undone:
 * their levels are already on today's scale, which the heat map uses.
 */
export function riskAsOf(risk: Risk, events: readonly RiskEvent[], at: InstantComparer): Risk | null {
  if (!at.isAtOrBefore(risk.createdAt)) return null;
  const later = events.filter((event) => !at.isAtOrBefore(event.at));
  if (later.length === 0) return risk;
  later.sort((a, b) => compareInstants(b.at, a.at));
  const past: Record<string, unknown> = { ...risk };
  for (const event of later) {
    if (event.changes.some((change) => change.field === MATRIX_CHANGE_FIELD)) continue;
    for (const change of event.changes) {
      if (historyFields.has(change.field)) past[change.field] = Array.isArray(change.from) ? [...change.from] : change.from;
    }
  }
  const earlier = events.filter((event) => at.isAtOrBefore(event.at));
  const latestOfKind = (kind: RiskEvent['kind']) =>
    earlier
      .filter((event) => event.kind === kind)
      .reduce<string | null>((latest, event) => {
        return latest === null || compareInstants(event.at, latest) > 0 ? event.at : latest;
      }, null);
  past.closedAt =
    past.status === 'closed' ? (risk.closedAt !== null && at.isAtOrBefore(risk.closedAt) ? risk.closedAt : latestOfKind('closed')) : null;
  past.lastReviewedAt =
    risk.lastReviewedAt !== null && at.isAtOrBefore(risk.lastReviewedAt) ? risk.lastReviewedAt : latestOfKind('reviewed');
  return past as Risk;
}

/** Every risk that existed at `at`, as it stood then, in the order given. */
export function risksAsOf(risks: readonly Risk[], events: readonly RiskEvent[], at: string): { risks: Risk[]; events: RiskEvent[] } {
  const instant = new InstantComparer(at);
  const eventsByRisk = new Map<string, RiskEvent[]>();
  const earlierEvents: RiskEvent[] = [];
  for (const event of events) {
    const list = eventsByRisk.get(event.riskId);
    if (list) list.push(event);
    else eventsByRisk.set(event.riskId, [event]);
    if (instant.isAtOrBefore(event.at)) earlierEvents.push(event);
  }
  const past: Risk[] = [];
  for (const risk of risks) {
    const then = riskAsOf(risk, eventsByRisk.get(risk.id) ?? [], instant);
    if (then) past.push(then);
  }
  return { risks: past, events: earlierEvents };
}

/**
 * Risk movement over the period: from the state before it to the state at the checkpoint.
 * Created and closed inside the period counts as closed with no starting position.
 */
export function riskMovementInPeriod(input: {
  risks: readonly Risk[];
  events: readonly RiskEvent[];
  matrix: RiskMatrix;
  checkpoint: Pick<Checkpoint, 'date' | 'periodStart'>;
  /** The engagement's time zone: the days are its calendar days. */
  timeZone?: string;
}): { risks: Risk[]; movement: Movement } {
  const asOf = risksAsOf(input.risks, input.events, endOfDay(input.checkpoint.date, input.timeZone));
  const movement = movementSince({
    risks: asOf.risks,
    events: asOf.events,
    since: periodBaseline(input.checkpoint.periodStart, input.timeZone),
    matrix: input.matrix,
  });
  return { risks: asOf.risks, movement };
}

// ---------------------------------------------------------------------------
// KPIs
// ---------------------------------------------------------------------------

export interface KpiStatusChange {
  kpiId: string;
  teamId: string;
  /** Every status it went through, first to last, with no repeats in a row. */
  path: KpiStatus[];
  /** The reason of the last verdict. */
  reason: string;
}

/**
 * The scorecard's records as known on `date`: sprints that had not started by then are left
 * out, and with them their values (the scorecard skips values of unknown sprints). Without
 * this, a date before a team's first sprint would judge values recorded for later sprints.
 */
export function scorecardSourceAsOf(source: Omit<ScorecardSource, 'today'>, date: string): ScorecardSource {
  return { ...source, sprints: source.sprints.filter((sprint) => sprint.startDate <= date), today: date };
}

/**
 * KPI statuses that changed in the period. Each KPI is judged for each team before the
 * period, at every sprint end of that team inside it, and at its end; consecutive equal verdicts are one step, so a KPI
 * that went red and back to green shows green, red, green (and counts as a change even
 * though it ends where it began).
 */
export function kpiStatusChangesInPeriod(
  source: Omit<ScorecardSource, 'today'>,
  period: Pick<Checkpoint, 'periodStart' | 'periodEnd'>,
): KpiStatusChange[] {
  // Each team is judged on its own records at its own sprint ends: a team's verdicts depend
  // only on its sprints and values, and this reads each value once per date of its team
  // rather than once per sprint end of any team.
  const sprintsByTeam = groupBy(source.sprints, (sprint) => sprint.teamId);
  const measurementsByTeam = groupBy(source.measurements, (measurement) => measurement.teamId);
  const found = new Map<string, KpiStatusChange>();
  for (const team of source.teams) {
    const sprints = sprintsByTeam.get(team.id) ?? [];
    const sprintEnds = new Set<string>();
    for (const sprint of sprints) {
      if (sprint.endDate >= period.periodStart && sprint.endDate < period.periodEnd) sprintEnds.add(sprint.endDate);
    }
    const dates = [addDays(period.periodStart, -1), ...[...sprintEnds].sort(), period.periodEnd];
    const teamSource = { kpis: source.kpis, teams: [team], sprints, measurements: measurementsByTeam.get(team.id) ?? [] };
    const scorecards = dates.map((today) => buildScorecard(scorecardSourceAsOf(teamSource, today)));
    const last = scorecards[scorecards.length - 1]!;
    last.rows.forEach((row, rowIndex) => {
      const path: KpiStatus[] = [];
      for (const scorecard of scorecards) {
        const status = scorecard.rows[rowIndex]!.cells[0]!.evaluation.status;
        if (path[path.length - 1] !== status) path.push(status);
      }
      if (path.length >= 2) {
        found.set(`${row.kpi.id}/${team.id}`, { kpiId: row.kpi.id, teamId: team.id, path, reason: row.cells[0]!.evaluation.reason });
      }
    });
  }
  // In the scorecard's order: by KPI as given, then by team as given.
  const changes: KpiStatusChange[] = [];
  for (const kpi of source.kpis) {
    for (const team of source.teams) {
      const change = found.get(`${kpi.id}/${team.id}`);
      if (change) changes.push(change);
    }
  }
  return changes;
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

// ---------------------------------------------------------------------------
// Escalations
// ---------------------------------------------------------------------------

/**
 * The escalation as it stood at `at`, replayed from its history: null if raised later.
 * Its history is cut at `at`, so its current step, clock and resolution are those of then.
 */
export function escalationAsOf(escalation: Escalation, at: string): Escalation | null {
  const instant = new InstantComparer(at);
  if (!instant.isAtOrBefore(escalation.raisedAt)) return null;
  const history = escalation.history.filter((event) => instant.isAtOrBefore(event.at));
  if (history.length === escalation.history.length) return escalation;
  let state: Pick<Escalation, 'status' | 'currentStepIndex' | 'stepStartedAt' | 'resolvedAt' | 'resolution'> = {
    status: 'open',
    currentStepIndex: 0,
    stepStartedAt: escalation.raisedAt,
    resolvedAt: null,
    resolution: '',
  };
  for (const event of history) {
    if (event.kind === 'escalated') state = { ...state, currentStepIndex: event.stepIndex, stepStartedAt: event.at };
    else if (event.kind === 'resolved') state = { ...state, status: 'resolved', resolvedAt: event.at, resolution: event.note };
    else if (event.kind === 'reopened')
      state = { ...state, status: 'open', resolvedAt: null, resolution: '', stepStartedAt: event.at, currentStepIndex: event.stepIndex };
  }
  return { ...escalation, ...state, history };
}

export interface StepPerformance {
  /** Steps answered (escalated or resolved) after their response time. */
  stepsAnsweredLate: number;
  /** Minutes the current step is past its deadline at `now`; 0 when on time or resolved. */
  minutesOverdueNow: number;
  /** Minutes left at `now` before the current step's deadline; null when resolved or already overdue. */
  minutesLeftNow: number | null;
  /** Whether every step so far was answered within its response time (and the current one still can be). */
  withinTarget: boolean;
}

/**
 * How the escalation's steps kept their response times, replayed from its history: each
 * step's clock starts when it is reached (or reopened) and stops when it is escalated or
 * resolved. Response times are read from the ladder as it is now, as in escalations.ts.
 */
export function stepPerformance(escalation: Escalation, path: EscalationPath, now: string): StepPerformance {
  const nowMs = Date.parse(now);
  let clockStart = Date.parse(escalation.raisedAt);
  let stepIndex = 0;
  let running = true;
  let late = 0;
  const deadlineOf = (index: number, startMs: number) => {
    const step = path.steps[index];
    return step ? startMs + step.responseMinutes * 60_000 : Number.POSITIVE_INFINITY;
  };
  for (const event of escalation.history) {
    const atMs = Date.parse(event.at);
    if (event.kind === 'escalated' || event.kind === 'resolved') {
      if (running && atMs > deadlineOf(stepIndex, clockStart)) late++;
      if (event.kind === 'escalated') {
        stepIndex = event.stepIndex;
        clockStart = atMs;
        running = true;
      } else running = false;
    } else if (event.kind === 'reopened') {
      stepIndex = event.stepIndex;
      clockStart = atMs;
      running = true;
    }
  }
  let minutesOverdueNow = 0;
  let minutesLeftNow: number | null = null;
  if (running && escalation.status === 'open') {
    const deadline = deadlineOf(stepIndex, clockStart);
    if (nowMs > deadline) minutesOverdueNow = Math.ceil((nowMs - deadline) / 60_000);
    else if (Number.isFinite(deadline)) minutesLeftNow = Math.floor((deadline - nowMs) / 60_000);
  }
  return { stepsAnsweredLate: late, minutesOverdueNow, minutesLeftNow, withinTarget: late === 0 && minutesOverdueNow === 0 };
}

// ---------------------------------------------------------------------------
// Decisions and actions
// ---------------------------------------------------------------------------

/**
 * Decisions made in the period: accepted with a date inside it, and those since superseded
 * (they were made in the period; the register says what replaced them). By reference.
 */
export function decisionsMadeInPeriod(decisions: readonly Decision[], period: Pick<Checkpoint, 'periodStart' | 'periodEnd'>): Decision[] {
  return decisions
    .filter((decision) => (decision.status === 'accepted' || decision.status === 'superseded') && isInPeriod(decision.date, period))
    .sort(byReference);
}

/**
 * Decisions still to take at the checkpoint, by reference: those raised by its date (in
 * `timeZone`, UTC without one) or captured at it, and still proposed then: proposed now, or
 * accepted or rejected on a later date. Each is returned as it stood then (status proposed).
 */
export function decisionsNeeded(
  decisions: readonly Decision[],
  checkpoint: Pick<Checkpoint, 'id' | 'date'>,
  timeZone?: string,
): Decision[] {
  return decisions
    .filter((decision) => {
      const raised = decision.checkpointId === checkpoint.id || calendarDateOf(decision.createdAt, timeZone) <= checkpoint.date;
      const proposedThen =
        decision.status === 'proposed' ||
        ((decision.status === 'accepted' || decision.status === 'rejected') && decision.date > checkpoint.date);
      return raised && proposedThen;
    })
    .map((decision): Decision => (decision.status === 'proposed' ? decision : { ...decision, status: 'proposed' }))
    .sort(byReference);
}

/**
 * A closed action with no completion time recorded (imported, or cancelled before the app
 * recorded one) is taken as closed at its last update, so it still appears in the period it
 * was closed in. Open actions and those with a completion time are returned unchanged.
 */
export function withClosingTime(action: ActionItem): ActionItem {
  return !isActionOpen(action) && action.completedAt === null ? { ...action, completedAt: action.updatedAt } : action;
}

export interface ActionAsOf {
  action: ActionItem;
  /** Status at the end of the checkpoint date: a later completion reads as still open then. */
  status: ActionItem['status'];
  carriedOverCount: number;
}

export interface ActionLog {
  /** Open at the checkpoint and already open at an earlier one; most carried first, then by reference. */
  carriedOver: ActionAsOf[];
  /** Open at the checkpoint and seen by no earlier checkpoint (raised in the period, or at the first checkpoint); by reference. */
  new: ActionAsOf[];
  /** Closed (done or cancelled) inside the period; by reference. */
  closedInPeriod: ActionAsOf[];
}

/**
 * The action as it stood at the end of the checkpoint's date, or null when it was not raised by
 * then. `open` tells whether it was still open; `status` is its status then (a later completion
 * reads as open); `closedInPeriod` whether it was closed inside the checkpoint's period. The
 * carried-over count is worked out for those two kinds only (0 for the rest, which no list shows).
 * Its closing time is filled in as `withClosingTime` does.
 */
export function actionAsOf(
  raw: ActionItem,
  checkpoints: readonly Checkpoint[],
  checkpoint: Checkpoint,
  timeZone?: string,
): (ActionAsOf & { open: boolean; closedInPeriod: boolean }) | null {
  const action = withClosingTime(raw);
  const then = actionAtCheckpoint(action, checkpoint, timeZone);
  if (!then.raised) return null;
  const closedInPeriod = !then.open && action.completedAt !== null && isInPeriod(calendarDateOf(action.completedAt, timeZone), checkpoint);
  return {
    action,
    status: then.open ? (isActionOpen(action) ? action.status : 'open') : action.status,
    open: then.open,
    closedInPeriod,
    carriedOverCount: then.open || closedInPeriod ? carriedOverCount(action, checkpoints, checkpoint, timeZone) : 0,
  };
}

export function actionLog(
  actions: readonly ActionItem[],
  checkpoints: readonly Checkpoint[],
  checkpoint: Checkpoint,
  timeZone?: string,
): ActionLog {
  const log: ActionLog = { carriedOver: [], new: [], closedInPeriod: [] };
  for (const raw of actions) {
    const then = actionAsOf(raw, checkpoints, checkpoint, timeZone);
    if (then === null) continue;
    const { open, closedInPeriod, ...entry } = then;
    if (open) (entry.carriedOverCount > 0 ? log.carriedOver : log.new).push(entry);
    else if (closedInPeriod) log.closedInPeriod.push(entry);
  }
  log.carriedOver.sort((a, b) => b.carriedOverCount - a.carriedOverCount || byReference(a.action, b.action));
  log.new.sort((a, b) => byReference(a.action, b.action));
  log.closedInPeriod.sort((a, b) => byReference(a.action, b.action));
  return log;
}

/** "R-002" before "R-010" before "R-1000": by number, not by text. */
export function byReference(a: { reference: string }, b: { reference: string }): number {
  const number = (reference: string) => Number(reference.replace(/^\D+-/, ''));
  return number(a.reference) - number(b.reference) || a.reference.localeCompare(b.reference);
}

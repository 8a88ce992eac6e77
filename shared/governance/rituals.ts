/**
 * When rituals are due and how faithfully they happen.
 *
 * Schedules are calendar dates, not instants: a ritual "on Monday" is on Monday in the
 * client's zone whatever the offset, so DST never moves a date and no time zone is needed.
 */
import type { Cadence } from '../domain/primitives';
import type { MeetingOccurrence, Ritual } from '../domain/governance';
import {
  dayNumberToCivil,
  fromDayNumber,
  nextWeekdayOnOrAfter,
  nthWeekdayOfMonth,
  toDayNumber,
  weekdayIndexOf,
} from '../time/calendar-dates';

export type RitualSchedule = Pick<Ritual, 'cadence' | 'firstDate' | 'retiredOn'>;

const SATURDAY_INDEX = 5;

// ---------------------------------------------------------------------------
// Schedules
// ---------------------------------------------------------------------------

/** Every date the cadence schedules from `startDay` on, ascending and without end. */
function* cadenceDays(cadence: Cadence, firstDay: number, startDay: number): Generator<number> {
  switch (cadence.frequency) {
    case 'daily':
      for (let day = startDay; ; day++) {
        if (!cadence.weekdaysOnly || weekdayIndexOf(day) < SATURDAY_INDEX) yield day;
      }
    case 'weekly': {
      // Anchored on the first meeting, so "every 2 weeks" keeps the series' own rhythm
      // instead of snapping to odd or even ISO weeks.
      const anchor = nextWeekdayOnOrAfter(firstDay, cadence.weekday);
      const step = 7 * cadence.interval;
      const stepsToStart = Math.max(0, Math.ceil((startDay - anchor) / step));
      for (let day = anchor + stepsToStart * step; ; day += step) yield day;
    }
    case 'monthly': {
      const first = dayNumberToCivil(firstDay);
      const start = dayNumberToCivil(startDay);
      const firstMonthIndex = first.year * 12 + (first.month - 1);
      const startMonthIndex = start.year * 12 + (start.month - 1);
      const intervalsToStart = Math.max(0, Math.ceil((startMonthIndex - firstMonthIndex) / cadence.interval));
      for (let monthIndex = firstMonthIndex + intervalsToStart * cadence.interval; ; monthIndex += cadence.interval) {
        const day = nthWeekdayOfMonth(Math.floor(monthIndex / 12), (monthIndex % 12) + 1, cadence.weekOfMonth, cadence.weekday);
        if (day >= startDay) yield day;
      }
    }
    case 'on-demand':
      return;
  }
}

/** Scheduled days from `fromDay` on, never before `firstDate` nor on or after `retiredOn`. */
function* ritualDays(ritual: RitualSchedule, fromDay: number): Generator<number> {
  const firstDay = toDayNumber(ritual.firstDate, 'first date');
  const retiredDay = ritual.retiredOn === null ? Infinity : toDayNumber(ritual.retiredOn, 'retirement date');
  for (const day of cadenceDays(ritual.cadence, firstDay, Math.max(fromDay, firstDay))) {
    if (day >= retiredDay) return;
    yield day;
  }
}

/** Dates the ritual is scheduled on within `from`..`to`, both inclusive. */
export function scheduledDates(ritual: RitualSchedule, from: string, to: string): string[] {
  const toDay = toDayNumber(to, 'end date');
  const dates: string[] = [];
  for (const day of ritualDays(ritual, toDayNumber(from, 'start date'))) {
    if (day > toDay) break;
    dates.push(fromDayNumber(day));
  }
  return dates;
}

/** The next `count` scheduled dates on or after `today`; fewer when the ritual retires first. */
export function upcomingDates(ritual: RitualSchedule, today: string, count: number): string[] {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`Invalid count ${count}: expected a whole number >= 0`);
  const dates: string[] = [];
  if (count === 0) return dates;
  for (const day of ritualDays(ritual, toDayNumber(today, 'today'))) {
    dates.push(fromDayNumber(day));
    if (dates.length === count) break;
  }
  return dates;
}

/** The first date the ritual ever meets, or null when it never does (on demand, or retired first). */
export function firstScheduledDate(ritual: RitualSchedule): string | null {
  return upcomingDates(ritual, ritual.firstDate, 1)[0] ?? null;
}

// ---------------------------------------------------------------------------
// Adherence
// ---------------------------------------------------------------------------

export interface AdherencePeriod {
  from: string;
  to: string;
}

export type AdherenceStatus = 'good' | 'warning' | 'poor' | 'no-data';

/** Both rates at or above this: the ritual works as agreed. */
export const GOOD_ADHERENCE_RATE = 0.9;
/** Either rate below this: the ritual is not doing its job. In between: a warning. */
export const POOR_ADHERENCE_RATE = 0.6;

/**
 * A meeting moved by a day or two (a holiday, a clash with a release) still serves its
 * slot in the cadence; further away it no longer feeds the decisions that slot was for.
 */
export const ON_SCHEDULE_TOLERANCE_DAYS = 2;

export interface AdherenceFigures {
  /** Scheduled dates that are already due (on or before today) within the period. */
  scheduled: number;
  /** Occurrences held whose scheduled date lies in the period, including extra ones. */
  held: number;
  /** Due scheduled dates held within the tolerance of their date. */
  onSchedule: number;
  cancelled: number;
  /** Due scheduled dates with nothing recorded at all. */
  missing: number;
  heldWithOutput: number;
  heldWithoutOutput: number;
  /** Null when nothing was due. */
  heldOnScheduleRate: number | null;
  /** Null when nothing was held. */
  outputProducedRate: number | null;
  /** A ritual held without its output is ritual theatre. */
  heldWithoutOutputFlag: boolean;
  status: AdherenceStatus;
  /** One sentence a lead can read aloud. */
  reason: string;
}

export interface RitualAdherence extends AdherenceFigures {
  ritualId: string;
  ritualName: string;
  /** Due dates with nothing recorded, for the lead to chase. */
  missingDates: string[];
}

type AdherenceCounts = Pick<AdherenceFigures, 'scheduled' | 'held' | 'onSchedule' | 'cancelled' | 'missing' | 'heldWithOutput'>;

export function ritualAdherence(
  ritual: Pick<Ritual, 'id' | 'name' | 'cadence' | 'firstDate' | 'retiredOn'>,
  occurrences: readonly MeetingOccurrence[],
  period: AdherencePeriod,
  today: string,
): RitualAdherence {
  const fromDay = toDayNumber(period.from, 'period start');
  const toDay = toDayNumber(period.to, 'period end');
  const dueUntil = fromDayNumber(Math.min(toDay, toDayNumber(today, 'today')));
  const dueDates = scheduledDates(ritual, period.from, dueUntil);

  const inPeriod = occurrences.filter((occurrence) => {
    if (occurrence.ritualId !== ritual.id) return false;
    const day = toDayNumber(occurrence.scheduledDate, 'scheduled date');
    return day >= fromDay && day <= toDay;
  });
  const held = inPeriod.filter((occurrence) => occurrence.status === 'held');
  const recordedDates = new Set(inPeriod.map((occurrence) => occurrence.scheduledDate));
  const missingDates = dueDates.filter((date) => !recordedDates.has(date));
  // Counted per due date, so duplicate records of one meeting cannot push the rate past 1.
  const onSchedule = dueDates.filter((date) =>
    held.some((occurrence) => occurrence.scheduledDate === date && isWithinTolerance(occurrence)),
  ).length;

  const counts: AdherenceCounts = {
    scheduled: dueDates.length,
    held: held.length,
    onSchedule,
    cancelled: inPeriod.filter((occurrence) => occurrence.status === 'cancelled').length,
    missing: missingDates.length,
    heldWithOutput: held.filter((occurrence) => occurrence.outputProduced).length,
  };
  const onDemand = ritual.cadence.frequency === 'on-demand';
  return { ritualId: ritual.id, ritualName: ritual.name, missingDates, ...adherenceFigures(counts, onDemand) };
}

/** A held occurrence without `heldOn` is taken to have met on its scheduled date. */
function isWithinTolerance(occurrence: MeetingOccurrence): boolean {
  if (occurrence.heldOn === null) return true;
  const shift = toDayNumber(occurrence.heldOn, 'held-on date') - toDayNumber(occurrence.scheduledDate, 'scheduled date');
  return Math.abs(shift) <= ON_SCHEDULE_TOLERANCE_DAYS;
}

function adherenceFigures(counts: AdherenceCounts, onDemand = false): AdherenceFigures {
  const heldOnScheduleRate = counts.scheduled === 0 ? null : counts.onSchedule / counts.scheduled;
  const outputProducedRate = counts.held === 0 ? null : counts.heldWithOutput / counts.held;
  const heldWithoutOutput = counts.held - counts.heldWithOutput;
  return {
    ...counts,
    heldWithoutOutput,
    heldOnScheduleRate,
    outputProducedRate,
    heldWithoutOutputFlag: heldWithoutOutput > 0,
    status: adherenceStatus(heldOnScheduleRate, outputProducedRate, onDemand),
    reason: adherenceReason(counts, onDemand),
  };
}

/**
 * A scheduled ritual with nothing due has no data, whatever extra meetings it had: the
 * question is whether it keeps its cadence. An on-demand ritual has no cadence to keep,
 * so it is judged on its output alone.
 */
export function adherenceStatus(heldOnScheduleRate: number | null, outputProducedRate: number | null, onDemand = false): AdherenceStatus {
  if (heldOnScheduleRate === null && (!onDemand || outputProducedRate === null)) return 'no-data';
  const rates = [heldOnScheduleRate, outputProducedRate].filter((rate): rate is number => rate !== null);
  if (rates.some((rate) => rate < POOR_ADHERENCE_RATE)) return 'poor';
  if (rates.every((rate) => rate >= GOOD_ADHERENCE_RATE)) return 'good';
  return 'warning';
}

function times(count: number): string {
  return count === 1 ? 'time' : 'times';
}

/** E.g. "Held 4 of 6 scheduled times (1 cancelled, 1 missing, 1 off schedule); output produced 4 of 5 times". */
export function adherenceReason(counts: AdherenceCounts, onDemand = false): string {
  if (counts.scheduled === 0 && counts.held === 0) {
    return onDemand ? 'Not called in this period' : 'Nothing was due in this period';
  }
  const heldOffSchedule = counts.held - counts.onSchedule;
  const details = [
    counts.cancelled > 0 ? `${counts.cancelled} cancelled` : '',
    counts.missing > 0 ? `${counts.missing} missing` : '',
    counts.scheduled > 0 && heldOffSchedule > 0 ? `${heldOffSchedule} off schedule` : '',
  ].filter((detail) => detail !== '');
  const attendance =
    counts.scheduled === 0
      ? `Held ${counts.held} ${times(counts.held)}${onDemand ? ' on demand' : ', none scheduled'}`
      : `Held ${counts.onSchedule} of ${counts.scheduled} scheduled ${times(counts.scheduled)}${details.length > 0 ? ` (${details.join(', ')})` : ''}`;
  const output =
    counts.held === 0 ? 'no output to assess' : `output produced ${counts.heldWithOutput} of ${counts.held} ${times(counts.held)}`;
  return `${attendance}; ${output}`;
}

// ---------------------------------------------------------------------------
// Engagement roll-up
// ---------------------------------------------------------------------------

export interface EngagementAdherence {
  rituals: RitualAdherence[];
  totals: AdherenceFigures & { ritualsHeldWithoutOutput: number };
}

/** Whether the ritual existed for at least part of the period. */
export function isActiveDuring(ritual: Pick<Ritual, 'firstDate' | 'retiredOn'>, period: AdherencePeriod): boolean {
  const startedInTime = toDayNumber(ritual.firstDate, 'first date') <= toDayNumber(period.to, 'period end');
  const notRetiredBefore =
    ritual.retiredOn === null || toDayNumber(ritual.retiredOn, 'retirement date') > toDayNumber(period.from, 'period start');
  return startedInTime && notRetiredBefore;
}

export function engagementAdherence(
  rituals: readonly Ritual[],
  occurrences: readonly MeetingOccurrence[],
  period: AdherencePeriod,
  today: string,
): EngagementAdherence {
  const results = rituals
    .filter((ritual) => isActiveDuring(ritual, period))
    .map((ritual) => ritualAdherence(ritual, occurrences, period, today));

  const counts: AdherenceCounts = { scheduled: 0, held: 0, onSchedule: 0, cancelled: 0, missing: 0, heldWithOutput: 0 };
  for (const result of results) {
    for (const key of Object.keys(counts) as Array<keyof AdherenceCounts>) counts[key] += result[key];
  }
  return {
    rituals: results,
    totals: {
      ...adherenceFigures(counts),
      ritualsHeldWithoutOutput: results.filter((result) => result.heldWithoutOutputFlag).length,
    },
  };
}

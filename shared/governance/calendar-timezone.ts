/**
 * VTIMEZONE components built from the zone's real offsets as `Intl` reports them.
 *
 * Outlook ignores an event whose TZID has no VTIMEZONE, so one must be shipped. Rather
 * than keep a table of DST rules, every offset change in the years covered is found by
 * scanning and written out as its own dated observance, which is right for zones with and
 * without DST alike; only the last year's changes also carry a yearly rule (see `yearlyRules`).
 */
import { utcOffsetMinutes, zonedDateTimeToUtc } from '../time/overlap';
import { formatUtcOffset, formatWallClock } from './calendar-text';
import { dayNumberToCivil, daysInMonth, nthWeekdayOfMonth, weekdayOf } from '../time/calendar-dates';

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;

export interface OffsetTransition {
  /** First instant (epoch ms, whole minute) at which `offsetAfter` applies. */
  atMs: number;
  offsetBefore: number;
  offsetAfter: number;
}

function offsetAt(epochMs: number, zone: string): number {
  return utcOffsetMinutes(new Date(epochMs), zone);
}

/**
 * Offset changes in [fromMs, toMs). Days are sampled because zones change offset at most
 * a few times a year, never twice within a day; each change found is narrowed to the minute.
 */
export function findOffsetTransitions(zone: string, fromMs: number, toMs: number): OffsetTransition[] {
  const transitions: OffsetTransition[] = [];
  let previousMs = fromMs;
  let previousOffset = offsetAt(fromMs, zone);
  while (previousMs < toMs) {
    const nextMs = Math.min(previousMs + MS_PER_DAY, toMs);
    const nextOffset = offsetAt(nextMs, zone);
    if (nextOffset !== previousOffset) {
      transitions.push({
        atMs: bisectTransition(zone, previousMs, nextMs, previousOffset),
        offsetBefore: previousOffset,
        offsetAfter: nextOffset,
      });
    }
    previousMs = nextMs;
    previousOffset = nextOffset;
  }
  return transitions.filter((transition) => transition.atMs < toMs);
}

/** `lowMs` has `offsetBefore`, `highMs` does not; returns the first minute that does not. */
function bisectTransition(zone: string, lowMs: number, highMs: number, offsetBefore: number): number {
  let low = lowMs;
  let high = highMs;
  while (high - low > MS_PER_MINUTE) {
    const middle = low + Math.floor((high - low) / 2 / MS_PER_MINUTE) * MS_PER_MINUTE;
    if (offsetAt(middle, zone) === offsetBefore) low = middle;
    else high = middle;
  }
  return high;
}

export interface Observance {
  /** Wall-clock reading before the change, encoded as if it were UTC (RFC 5545 §3.6.5). */
  startWallMs: number;
  offsetFrom: number;
  offsetTo: number;
  /** 'FREQ=YEARLY;...' when the change repeats by a rule the later years can rely on. */
  yearlyRule: string | null;
}

function wallYear(observance: Pick<Observance, 'startWallMs'>): number {
  return dayNumberToCivil(Math.floor(observance.startWallMs / MS_PER_DAY)).year;
}

/**
 * Dated observances stop at the last year covered, after which a reader keeps the last
 * offset for good: a weekly meeting would then drift by an hour every summer. So each of
 * the last year's changes also gets a yearly rule ("second Sunday of March at 02:00"),
 * but only when the zone's own data confirms it for the following 28 years, the span in
 * which every weekday falls on every possible date. Rules that are not "nth or last
 * weekday" (Israel: the Friday before the last Sunday) fail the check and stay dated.
 */
const RULE_CHECK_YEARS = 28;

export function yearlyRuleFor(zone: string, change: Pick<Observance, 'startWallMs' | 'offsetFrom' | 'offsetTo'>): string | null {
  const dayNumber = Math.floor(change.startWallMs / MS_PER_DAY);
  const { year, month, day } = dayNumberToCivil(dayNumber);
  const weekday = weekdayOf(dayNumber);
  const wallMinuteOfDay = (change.startWallMs - dayNumber * MS_PER_DAY) / MS_PER_MINUTE;
  const candidates = [day + 7 > daysInMonth(year, month) ? -1 : null, Math.ceil(day / 7) <= 4 ? Math.ceil(day / 7) : null];

  const holdsEveryYear = (ordinal: number) => {
    for (let laterYear = year + 1; laterYear <= year + RULE_CHECK_YEARS; laterYear++) {
      const wallMs = nthWeekdayOfMonth(laterYear, month, ordinal, weekday) * MS_PER_DAY + wallMinuteOfDay * MS_PER_MINUTE;
      const atMs = wallMs - change.offsetFrom * MS_PER_MINUTE;
      if (offsetAt(atMs - MS_PER_MINUTE, zone) !== change.offsetFrom || offsetAt(atMs, zone) !== change.offsetTo) return false;
    }
    return true;
  };
  const ordinal = candidates.find((candidate): candidate is number => candidate !== null && holdsEveryYear(candidate));
  return ordinal === undefined ? null : `FREQ=YEARLY;BYMONTH=${month};BYDAY=${ordinal}${weekday}`;
}

/**
 * VTIMEZONE content lines covering 1 January of `firstYear` to the end of `lastYear`
 * in `zone`. Observances above the zone's lowest offset in that span are DAYLIGHT, the
 * rest STANDARD: the only distinction RFC 5545 consumers act on is the offset itself.
 */
export function vtimezoneLines(zone: string, firstYear: number, lastYear: number): string[] {
  const fromMs = zonedDateTimeToUtc(`${String(firstYear).padStart(4, '0')}-01-01`, 0, zone).getTime();
  const toMs = zonedDateTimeToUtc(`${String(lastYear + 1).padStart(4, '0')}-01-01`, 0, zone).getTime();
  const initialOffset = offsetAt(fromMs, zone);
  const initial: Observance = {
    startWallMs: fromMs + initialOffset * MS_PER_MINUTE,
    offsetFrom: initialOffset,
    offsetTo: initialOffset,
    yearlyRule: null,
  };
  const changes: Observance[] = findOffsetTransitions(zone, fromMs, toMs).map((transition) => ({
    startWallMs: transition.atMs + transition.offsetBefore * MS_PER_MINUTE,
    offsetFrom: transition.offsetBefore,
    offsetTo: transition.offsetAfter,
    yearlyRule: null,
  }));

  for (const change of changes) {
    if (wallYear(change) === lastYear) change.yearlyRule = yearlyRuleFor(zone, change);
  }

  const observances = [initial, ...changes];
  const lowestOffset = Math.min(...observances.map((observance) => observance.offsetTo));
  return [
    'BEGIN:VTIMEZONE',
    `TZID:${zone}`,
    ...observances.flatMap((observance) => {
      const kind = observance.offsetTo > lowestOffset ? 'DAYLIGHT' : 'STANDARD';
      return [
        `BEGIN:${kind}`,
        `DTSTART:${formatWallClock(observance.startWallMs)}`,
        ...(observance.yearlyRule === null ? [] : [`RRULE:${observance.yearlyRule}`]),
        `TZOFFSETFROM:${formatUtcOffset(observance.offsetFrom)}`,
        `TZOFFSETTO:${formatUtcOffset(observance.offsetTo)}`,
        `END:${kind}`,
      ];
    }),
    'END:VTIMEZONE',
  ];
}

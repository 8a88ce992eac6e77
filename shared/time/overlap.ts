/**
 * Working-hours overlap between a client and a delivery team, from IANA time zones.
 *
 * Pure module: the only platform facility used is `Intl`, so it runs unchanged in the
 * renderer, the Electron main process and the tests. All offsets come from the ICU time
 * zone data behind `Intl.DateTimeFormat`, which is what makes the results DST-correct for
 * the date asked about instead of "whatever the offset is today".
 */

// ---------------------------------------------------------------------------
// Time zones
// ---------------------------------------------------------------------------

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;
const MINUTES_PER_DAY = 1440;

/** Bounds the validity cache so free-text zone input cannot grow it without limit. */
const MAX_CACHED_ZONE_CHECKS = 1000;
const zoneValidityCache = new Map<string, boolean>();

/**
 * Offset zones ('+05:30', '-03', '−0100') are accepted by newer Intl implementations
 * (ECMA-402 2024+), but they carry no DST rules, so they would silently give wrong
 * answers half the year. Only named zones are accepted.
 */
const OFFSET_ZONE_PATTERN = /^[+\-\u2212]/;

export function isValidTimeZone(zone: string): boolean {
  if (typeof zone !== 'string') return false;
  const cached = zoneValidityCache.get(zone);
  if (cached !== undefined) return cached;

  let valid = false;
  if (zone.trim() === zone && zone !== '' && !OFFSET_ZONE_PATTERN.test(zone)) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
      valid = true;
    } catch {
      valid = false;
    }
  }

  if (zoneValidityCache.size >= MAX_CACHED_ZONE_CHECKS) zoneValidityCache.clear();
  zoneValidityCache.set(zone, valid);
  return valid;
}

let cachedZoneList: readonly string[] | undefined;

export function listTimeZones(): string[] {
  if (!cachedZoneList) {
    // `supportedValuesOf` is missing on older runtimes; 'UTC' alone keeps pickers usable.
    const supported = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
    const zones = new Set(supported);
    // ICU lists UTC only under its canonical alias in some versions, yet it is the zone
    // people most often want to pick.
    zones.add('UTC');
    cachedZoneList = [...zones].sort();
  }
  return [...cachedZoneList];
}

function assertValidTimeZone(zone: string, role: string): void {
  if (!isValidTimeZone(zone)) {
    throw new RangeError(`Invalid ${role} time zone ${JSON.stringify(zone)}: expected an IANA name such as 'Europe/London'`);
  }
}

// ---------------------------------------------------------------------------
// Calendar dates ('YYYY-MM-DD')
// ---------------------------------------------------------------------------

interface CalendarDate {
  year: number;
  month: number; // 1..12
  day: number;
}

const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

function daysInMonth(year: number, month: number): number {
  return new Date(utcEpochMs(year, month + 1, 0, 0)).getUTCDate();
}

/**
 * Epoch milliseconds of a wall-clock reading interpreted as if it were UTC.
 * `Date.UTC` maps years 0..99 to 1900..1999, so the year is set separately.
 */
function utcEpochMs(year: number, month: number, day: number, minutes: number, seconds = 0): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(0, minutes, seconds, 0);
  return date.getTime();
}

function parseDate(date: string, role = 'date'): CalendarDate {
  const match = typeof date === 'string' ? ISO_DATE_PATTERN.exec(date) : null;
  if (match) {
    const year = Number(match[1]);
    const month = Number(match[2]);
    const day = Number(match[3]);
    // Year 0 is excluded because Intl renders it as "1 BC", which would break offset reading.
    if (year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)) {
      return { year, month, day };
    }
  }
  throw new RangeError(`Invalid ${role} ${JSON.stringify(date)}: expected an existing calendar date 'YYYY-MM-DD'`);
}

function formatDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}

/** Calendar arithmetic on 'YYYY-MM-DD' strings; time zones play no part. */
export function addDays(date: string, days: number): string {
  const { year, month, day } = parseDate(date);
  if (!Number.isInteger(days)) throw new RangeError(`Invalid day count ${days}: expected an integer`);
  const shifted = new Date(utcEpochMs(year, month, day, 0) + days * MS_PER_DAY);
  const result = formatDate(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate());
  if (!ISO_DATE_PATTERN.test(result) || shifted.getUTCFullYear() < 1) {
    throw new RangeError(`addDays(${JSON.stringify(date)}, ${days}) leaves the supported years 0001..9999`);
  }
  return result;
}

// ---------------------------------------------------------------------------
// Offsets and wall-clock conversion
// ---------------------------------------------------------------------------

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const wallClockFormatters = new Map<string, Intl.DateTimeFormat>();

function wallClockFormatter(zone: string): Intl.DateTimeFormat {
  let formatter = wallClockFormatters.get(zone);
  if (!formatter) {
    // Gregorian calendar and Latin digits are pinned so parsing never depends on the
    // user's locale; h23 avoids the '24' hour some engines emit at midnight with hour12:false.
    formatter = new Intl.DateTimeFormat('en-US-u-ca-gregory-nu-latn', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    wallClockFormatters.set(zone, formatter);
  }
  return formatter;
}

function readWallClock(epochMs: number, zone: string): WallClock {
  const wall: WallClock = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of wallClockFormatter(zone).formatToParts(epochMs)) {
    if (part.type in wall) wall[part.type as keyof WallClock] = Number(part.value);
  }
  // Defensive: pre-h23 engines could still report midnight as hour 24.
  if (wall.hour === 24) wall.hour = 0;
  return wall;
}

/** Offset in ms of `zone` at an instant (local wall clock minus UTC). */
function offsetMsAt(epochMs: number, zone: string): number {
  // formatToParts has second resolution, so compare against the whole second.
  const wholeSecondMs = Math.floor(epochMs / 1000) * 1000;
  const wall = readWallClock(wholeSecondMs, zone);
  return utcEpochMs(wall.year, wall.month, wall.day, wall.hour * 60 + wall.minute, wall.second) - wholeSecondMs;
}

/**
 * Local time minus UTC, in minutes, at `instant` in `zone` (e.g. -300 for New York in
 * January). Historical local-mean-time offsets with seconds yield fractional minutes.
 */
export function utcOffsetMinutes(instant: Date, zone: string): number {
  assertValidTimeZone(zone, 'offset');
  const epochMs = instant.getTime();
  if (!Number.isFinite(epochMs)) throw new RangeError('Invalid instant: the Date is not a valid time');
  return offsetMsAt(epochMs, zone) / MS_PER_MINUTE;
}

function assertMinutesOfDay(minutes: number, label: string): void {
  if (typeof minutes !== 'number' || !Number.isFinite(minutes) || minutes < 0 || minutes > MINUTES_PER_DAY) {
    throw new RangeError(`Invalid ${label} ${minutes}: expected minutes after midnight in 0..1440`);
  }
}

/**
 * The instant at which the wall clock in `zone` shows `date` at `minutesOfDay`
 * (1440 means the following midnight).
 *
 * Disambiguation follows Temporal's 'compatible' mode:
 * - a wall time skipped by a spring-forward gap is moved forward by the gap length
 *   (New York 02:30 on the spring-forward day becomes 03:30 EDT);
 * - a wall time repeated by a fall-back overlap resolves to the earlier instant.
 */
export function zonedDateTimeToUtc(date: string, minutesOfDay: number, zone: string): Date {
  const { year, month, day } = parseDate(date);
  assertMinutesOfDay(minutesOfDay, 'time of day');
  assertValidTimeZone(zone, 'date-time');
  return new Date(wallClockToEpochMs(utcEpochMs(year, month, day, 0) + minutesOfDay * MS_PER_MINUTE, zone));
}

/**
 * `wallMs` is the wall-clock reading encoded as if it were UTC. Offset guesses are the
 * zone's offsets a day before and a day after: any transition affecting this wall time
 * lies between them, so every real interpretation uses one of the two. Each guess is
 * kept only if the zone really has that offset at the instant it produces.
 */
function wallClockToEpochMs(wallMs: number, zone: string): number {
  const offsetBefore = offsetMsAt(wallMs - MS_PER_DAY, zone);
  const offsetAfter = offsetMsAt(wallMs + MS_PER_DAY, zone);

  const candidates: number[] = [];
  for (const offsetGuess of new Set([offsetBefore, offsetAfter])) {
    const candidate = wallMs - offsetGuess;
    if (offsetMsAt(candidate, zone) === offsetGuess) candidates.push(candidate);
  }

  if (candidates.length > 0) {
    // Two candidates mean a fall-back repeat; the earlier one is wanted.
    return Math.min(...candidates);
  }
  // No candidate: the wall time falls in a gap. Reading it with the pre-transition
  // offset lands exactly "gap length" later on the post-transition clock.
  return wallMs - offsetBefore;
}

// ---------------------------------------------------------------------------
// Working hours and overlap
// ---------------------------------------------------------------------------

/**
 * Minutes after local midnight, start inclusive, end exclusive; end may be 1440.
 * start < end is required: overnight shifts (e.g. 22:00–06:00) are not supported in this
 * version — split them into two parties or extend the model when a team needs it.
 */
export interface WorkingHours {
  start: number;
  end: number;
}

export const DEFAULT_WORKING_HOURS: Readonly<WorkingHours> = Object.freeze({ start: 540, end: 1020 });

export type OverlapBand = 'none' | 'minimal' | 'partial' | 'strong';

export interface OverlapParty {
  zone: string;
  hours: WorkingHours;
}

export interface OverlapInput {
  /** The client's calendar date, 'YYYY-MM-DD'. */
  date: string;
  client: OverlapParty;
  team: OverlapParty;
}

export interface LocalSpan {
  /** 'HH:MM' wall clock in the party's zone; an end at the close of the day is '24:00'. */
  start: string;
  end: string;
  /** Which local working day this span belongs to, in days relative to the input date. */
  dayOffset: number;
}

export interface OverlapWindow {
  startUtc: string;
  endUtc: string;
  client: LocalSpan;
  team: LocalSpan;
}

export interface OverlapResult {
  minutes: number;
  /** Chronological; one per team working day that meets the client's day. */
  windows: OverlapWindow[];
  /** Team offset minus client offset at the client's local noon on `date`. */
  offsetDifferenceMinutes: number;
  band: OverlapBand;
}

function assertWorkingHours(hours: WorkingHours, role: string): void {
  if (typeof hours !== 'object' || hours === null) {
    throw new RangeError(`Invalid ${role} working hours ${String(hours)}: expected { start, end } in minutes`);
  }
  assertMinutesOfDay(hours.start, `${role} working hours start`);
  assertMinutesOfDay(hours.end, `${role} working hours end`);
  if (hours.start >= hours.end) {
    throw new RangeError(
      `Invalid ${role} working hours: start ${hours.start} must be before end ${hours.end} (overnight shifts are not supported)`,
    );
  }
}

/** Team days either side of the client's date catch overlaps that cross local midnight. */
const TEAM_DAY_OFFSETS = [-1, 0, 1] as const;

export function computeOverlap(input: OverlapInput): OverlapResult {
  const { date, client, team } = input;
  parseDate(date);
  assertValidTimeZone(client.zone, 'client');
  assertValidTimeZone(team.zone, 'team');
  assertWorkingHours(client.hours, 'client');
  assertWorkingHours(team.hours, 'team');

  const clientStartMs = zonedDateTimeToUtc(date, client.hours.start, client.zone).getTime();
  const clientEndMs = zonedDateTimeToUtc(date, client.hours.end, client.zone).getTime();

  const windows: OverlapWindow[] = [];
  let totalMs = 0;
  for (const dayOffset of TEAM_DAY_OFFSETS) {
    const teamDate = addDays(date, dayOffset);
    const teamStartMs = zonedDateTimeToUtc(teamDate, team.hours.start, team.zone).getTime();
    const teamEndMs = zonedDateTimeToUtc(teamDate, team.hours.end, team.zone).getTime();
    const startMs = Math.max(clientStartMs, teamStartMs);
    const endMs = Math.min(clientEndMs, teamEndMs);
    if (endMs <= startMs) continue;

    totalMs += endMs - startMs;
    windows.push({
      startUtc: new Date(startMs).toISOString(),
      endUtc: new Date(endMs).toISOString(),
      client: localSpan(startMs, endMs, client.zone, date, 0),
      team: localSpan(startMs, endMs, team.zone, teamDate, dayOffset),
    });
  }

  const clientNoon = zonedDateTimeToUtc(date, 720, client.zone).getTime();
  const minutes = totalMs / MS_PER_MINUTE;
  return {
    minutes,
    windows,
    offsetDifferenceMinutes: (offsetMsAt(clientNoon, team.zone) - offsetMsAt(clientNoon, client.zone)) / MS_PER_MINUTE,
    band: overlapBand(minutes),
  };
}

function localSpan(startMs: number, endMs: number, zone: string, workingDate: string, dayOffset: number): LocalSpan {
  return {
    start: formatLocalTime(startMs, zone, workingDate),
    end: formatLocalTime(endMs, zone, workingDate),
    dayOffset,
  };
}

/** 'HH:MM' in `zone`; the midnight that closes `workingDate` is shown as '24:00' so spans read naturally. */
function formatLocalTime(epochMs: number, zone: string, workingDate: string): string {
  const wall = readWallClock(epochMs, zone);
  const wallDate = formatDate(wall.year, wall.month, wall.day);
  if (wall.hour === 0 && wall.minute === 0 && wallDate === addDays(workingDate, 1)) return '24:00';
  return `${pad2(wall.hour)}:${pad2(wall.minute)}`;
}

function overlapBand(minutes: number): OverlapBand {
  if (minutes <= 0) return 'none';
  if (minutes < 120) return 'minimal';
  if (minutes < 240) return 'partial';
  return 'strong';
}

/** E.g. "4 h 30 min overlap (09:00–13:30 client time)" or "No overlap in working hours". */
export function describeOverlap(result: OverlapResult): string {
  const roundedMinutes = Math.round(result.minutes);
  if (roundedMinutes <= 0 || result.windows.length === 0) return 'No overlap in working hours';

  // Windows from consecutive team days can touch (a team working 00:00–24:00); for the
  // reader they are one stretch of client time.
  const clientRanges: Array<{ start: string; end: string }> = [];
  for (const window of result.windows) {
    const previous = clientRanges[clientRanges.length - 1];
    if (previous && previous.end === window.client.start) previous.end = window.client.end;
    else clientRanges.push({ start: window.client.start, end: window.client.end });
  }
  const rangesText = clientRanges.map((range) => `${range.start}\u2013${range.end}`).join(', ');
  return `${formatDuration(roundedMinutes)} overlap (${rangesText} client time)`;
}

function formatDuration(totalMinutes: number): string {
  const hours = Math.floor(totalMinutes / 60);
  const minutes = totalMinutes % 60;
  if (hours === 0) return `${minutes} min`;
  if (minutes === 0) return `${hours} h`;
  return `${hours} h ${minutes} min`;
}

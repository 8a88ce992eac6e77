/**
 * The engagement's rituals as an iCalendar file (RFC 5545) that Outlook, Google Calendar
 * and Apple Calendar import as recurring meetings in the client's time zone.
 *
 * Deterministic: the same input gives byte-identical output (DTSTAMP comes from
 * `generatedAt`, UIDs from ritual ids), so re-importing updates meetings instead of
 * duplicating them.
 */
import type { Cadence, GovernanceLevel } from '../domain/primitives';
import type { Ritual } from '../domain/governance';
import { isValidTimeZone, utcOffsetMinutes, zonedDateTimeToUtc, addDays } from '../time/overlap';
import { CRLF, escapeText, foldLine, formatLocalDateTime, formatUtcDateTime } from './calendar-text';
import { vtimezoneLines } from './calendar-timezone';
import { firstScheduledDate } from './rituals';

export const CALENDAR_PRODUCT_ID = '-//Governance Cockpit//Rituals//EN';

/** How many years past the later of the first meeting and the export the VTIMEZONE covers. */
export const TIMEZONE_YEARS_AHEAD = 2;

export interface RitualCalendarInput {
  engagementName: string;
  clientTimeZone: string;
  rituals: readonly Ritual[];
  /** ISO instant; becomes every DTSTAMP. */
  generatedAt: string;
}

const MS_PER_MINUTE = 60_000;
const WORKING_WEEK = 'MO,TU,WE,TH,FR';

const levelLabels: Record<GovernanceLevel, string> = { operational: 'Operational', tactical: 'Tactical', strategic: 'Strategic' };

export function ritualUid(ritual: Pick<Ritual, 'id'>): string {
  return `${ritual.id}@governance-cockpit`;
}

/** RRULE value without UNTIL, or null for a cadence that has no schedule. */
export function recurrenceRule(cadence: Cadence): string | null {
  switch (cadence.frequency) {
    case 'daily':
      return cadence.weekdaysOnly ? `FREQ=DAILY;BYDAY=${WORKING_WEEK}` : 'FREQ=DAILY';
    case 'weekly':
      return `FREQ=WEEKLY;INTERVAL=${cadence.interval};BYDAY=${cadence.weekday}`;
    case 'monthly':
      return `FREQ=MONTHLY;INTERVAL=${cadence.interval};BYDAY=${cadence.weekOfMonth}${cadence.weekday}`;
    case 'on-demand':
      return null;
  }
}

function minutesOfDay(wallTime: string): number {
  const [hours, minutes] = wallTime.split(':').map(Number);
  return hours! * 60 + minutes!;
}

/**
 * RFC 5545 §3.3.10: with a zoned DTSTART, UNTIL must be UTC. The last meeting is the day
 * before retirement at the usual start time; UNTIL is inclusive, so it is exactly that instant.
 */
export function untilForRetirement(ritual: Pick<Ritual, 'retiredOn' | 'startTime'>, zone: string): string | null {
  if (ritual.retiredOn === null) return null;
  const lastDay = addDays(ritual.retiredOn, -1);
  return formatUtcDateTime(zonedDateTimeToUtc(lastDay, minutesOfDay(ritual.startTime), zone).getTime());
}

function parseInstant(instant: string): number {
  const epochMs = Date.parse(instant);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(instant) || !Number.isFinite(epochMs)) {
    throw new RangeError(`Invalid generatedAt ${JSON.stringify(instant)}: expected an ISO 8601 instant`);
  }
  return epochMs;
}

/** The calendar date the client's wall clock shows at an instant. */
function localDateAt(epochMs: number, zone: string): string {
  const offset = utcOffsetMinutes(new Date(epochMs), zone);
  return new Date(epochMs + offset * MS_PER_MINUTE).toISOString().slice(0, 10);
}

interface ExportableRitual {
  ritual: Ritual;
  firstDate: string;
}

/**
 * On-demand rituals have no schedule to publish and retired ones no future; a ritual due
 * to retire later is published with an UNTIL so calendars stop on their own.
 */
export function exportableRituals(rituals: readonly Ritual[], today: string): ExportableRitual[] {
  return rituals.flatMap((ritual) => {
    if (ritual.cadence.frequency === 'on-demand') return [];
    if (ritual.retiredOn !== null && ritual.retiredOn <= today) return [];
    const firstDate = firstScheduledDate(ritual);
    return firstDate === null ? [] : [{ ritual, firstDate }];
  });
}

function describeRitual(ritual: Ritual): string {
  const expected = `Expected output: ${ritual.expectedOutput.trim()}`;
  const purpose = ritual.purpose.trim();
  return purpose === '' ? expected : `${purpose}\n\n${expected}`;
}

function eventLines({ ritual, firstDate }: ExportableRitual, zone: string, dtstamp: string): string[] {
  const until = untilForRetirement(ritual, zone);
  return [
    'BEGIN:VEVENT',
    `UID:${ritualUid(ritual)}`,
    `DTSTAMP:${dtstamp}`,
    `DTSTART;TZID=${zone}:${formatLocalDateTime(firstDate, ritual.startTime)}`,
    `DURATION:PT${ritual.durationMinutes}M`,
    `RRULE:${recurrenceRule(ritual.cadence)}${until === null ? '' : `;UNTIL=${until}`}`,
    `SUMMARY:${escapeText(ritual.name)}`,
    `DESCRIPTION:${escapeText(describeRitual(ritual))}`,
    `CATEGORIES:${escapeText(levelLabels[ritual.level])}`,
    'END:VEVENT',
  ];
}

export function ritualsToICalendar(input: RitualCalendarInput): string {
  const zone = input.clientTimeZone;
  if (!isValidTimeZone(zone)) throw new RangeError(`Invalid client time zone ${JSON.stringify(zone)}: expected an IANA name`);
  const generatedMs = parseInstant(input.generatedAt);
  const generatedOn = localDateAt(generatedMs, zone);
  const events = exportableRituals(input.rituals, generatedOn);

  // From the earliest first meeting (series may have begun years ago) to a couple of years
  // past the export or the latest first meeting; the yearly rules carry on from there.
  const years = [generatedOn, ...events.map((event) => event.firstDate)].map((date) => Number(date.slice(0, 4)));
  const firstYear = Math.min(...years);
  const lastYear = Math.max(...years) + TIMEZONE_YEARS_AHEAD;
  const dtstamp = formatUtcDateTime(generatedMs);

  const lines = [
    'BEGIN:VCALENDAR',
    `PRODID:${CALENDAR_PRODUCT_ID}`,
    'VERSION:2.0',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(`${input.engagementName.trim()} rituals`)}`,
    `X-WR-TIMEZONE:${zone}`,
    // RFC 5545 requires at least one component, so the zone is written even without events.
    ...vtimezoneLines(zone, firstYear, lastYear),
    ...events.flatMap((event) => eventLines(event, zone, dtstamp)),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}

/**
 * Dates as Jira writes them. The CSV export uses the exporting user's own format and time
 * zone without saying which zone (`12/Mar/24 3:15 PM`), so those times are kept as wall
 * clock times; the JSON API writes an offset (`2020-06-12T08:13:13.360+0800`), so those
 * are exact instants. Either way every time also carries the calendar day it was written
 * on, which is what sprint boundaries and "end of day" counts compare against.
 */
import { civilToDayNumber, daysInMonth } from '../../time/calendar-dates';

export interface JiraTime {
  /** Milliseconds since 1970 (UTC; for CSV times the wall clock read as UTC). */
  ms: number;
  /** Day number (days since 1970-01-01) of the calendar date as written in the file. */
  day: number;
}

export const MS_PER_DAY = 86_400_000;

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

/** `12/Mar/24 3:15 PM`, `12/Mar/2024 15:15`, `12/Mar/24` (Jira's default CSV format and its 24-hour variant). */
const JIRA_DAY_MONTH_YEAR = /^(\d{1,2})\/([A-Za-z]{3,4})\/(\d{2}|\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?$/;
/** `2024-03-12`, `2024-03-12 15:15`, `2024-03-12T15:15:00.000+0800`, `...Z`, `...+08:00`. */
const ISO_LIKE = /^(\d{4})-(\d{2})-(\d{2})(?:[T\s](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/;

/** The formats a message can quote when a date cannot be read. */
export const JIRA_DATE_FORMATS_TEXT = '“12/Mar/24 3:15 PM” (Jira’s CSV) or “2024-03-12 15:15” / ISO 8601';

function build(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  millis: number,
  offsetMinutes: number,
) {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  const wallClock = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  // Date.UTC maps years 0-99 to 1900-1999; Jira years never fall there, but keep the maths exact.
  if (!Number.isFinite(wallClock)) return null;
  return { ms: wallClock - offsetMinutes * 60_000, day: civilToDayNumber({ year, month, day }) };
}

/** A Jira date or date-time, or null when the text is not one of the formats Jira writes. */
export function parseJiraDate(text: string): JiraTime | null {
  const value = text.trim();
  const jira = JIRA_DAY_MONTH_YEAR.exec(value);
  if (jira) {
    const month = MONTHS[jira[2]!.toLowerCase()];
    if (month === undefined) return null;
    let year = Number(jira[3]);
    // Two-digit years: Jira exports are recent, so 00-69 is this century.
    if (jira[3]!.length === 2) year += year < 70 ? 2000 : 1900;
    let hour = jira[4] === undefined ? 0 : Number(jira[4]);
    const meridiem = jira[7]?.toUpperCase();
    if (meridiem) {
      if (hour < 1 || hour > 12) return null;
      if (meridiem === 'AM' && hour === 12) hour = 0;
      if (meridiem === 'PM' && hour !== 12) hour += 12;
    }
    return build(year, month, Number(jira[1]), hour, Number(jira[5] ?? 0), Number(jira[6] ?? 0), 0, 0);
  }
  const iso = ISO_LIKE.exec(value);
  if (iso) {
    let offsetMinutes = 0;
    const zone = iso[8];
    if (zone && zone !== 'Z') {
      const digits = zone.replace(':', '');
      const sign = digits.startsWith('-') ? -1 : 1;
      offsetMinutes = sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)));
    }
    const millis = iso[7] ? Number(iso[7].slice(0, 3).padEnd(3, '0')) : 0;
    return build(
      Number(iso[1]),
      Number(iso[2]),
      Number(iso[3]),
      Number(iso[4] ?? 0),
      Number(iso[5] ?? 0),
      Number(iso[6] ?? 0),
      millis,
      offsetMinutes,
    );
  }
  return null;
}

/** Whole and fractional days between two times. */
export function daysBetween(from: JiraTime, to: JiraTime): number {
  return (to.ms - from.ms) / MS_PER_DAY;
}

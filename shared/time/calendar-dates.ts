/**
 * Calendar dates ('YYYY-MM-DD') as day numbers: whole days since 1970-01-01 in the
 * proleptic Gregorian calendar. Integer arithmetic only, so no host time zone, DST
 * change or `Date` quirk (years 0-99) can shift a date.
 */
import { weekdays, type Weekday } from '../domain/primitives';

const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAYS_PER_400_YEARS = 146_097;
/** Day number of 0000-03-01: counting years from March puts the leap day last. */
const EPOCH_SHIFT_DAYS = 719_468;

export interface CivilDate {
  year: number;
  month: number; // 1..12
  day: number;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function parseCalendarDate(date: string, role = 'date'): CivilDate {
  const match = typeof date === 'string' ? ISO_DATE_PATTERN.exec(date) : null;
  if (match) {
    const civil = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
    if (civil.year >= 1 && civil.month >= 1 && civil.month <= 12 && civil.day >= 1 && civil.day <= daysInMonth(civil.year, civil.month)) {
      return civil;
    }
  }
  throw new RangeError(`Invalid ${role} ${JSON.stringify(date)}: expected an existing calendar date 'YYYY-MM-DD'`);
}

/** Howard Hinnant's days_from_civil; exact for every Gregorian date. */
export function civilToDayNumber({ year, month, day }: CivilDate): number {
  const marchYear = month <= 2 ? year - 1 : year;
  const era = Math.floor(marchYear / 400);
  const yearOfEra = marchYear - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * DAYS_PER_400_YEARS + dayOfEra - EPOCH_SHIFT_DAYS;
}

/** Inverse of `civilToDayNumber` (Hinnant's civil_from_days). */
export function dayNumberToCivil(dayNumber: number): CivilDate {
  const shifted = dayNumber + EPOCH_SHIFT_DAYS;
  const era = Math.floor(shifted / DAYS_PER_400_YEARS);
  const dayOfEra = shifted - era * DAYS_PER_400_YEARS;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthIndex = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthIndex + 2) / 5) + 1;
  const month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function toDayNumber(date: string, role = 'date'): number {
  return civilToDayNumber(parseCalendarDate(date, role));
}

export function fromDayNumber(dayNumber: number): string {
  const { year, month, day } = dayNumberToCivil(dayNumber);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Index into `weekdays` (MO = 0 ... SU = 6); 1970-01-01 was a Thursday. */
export function weekdayIndexOf(dayNumber: number): number {
  return (((dayNumber + 3) % 7) + 7) % 7;
}

export function weekdayOf(dayNumber: number): Weekday {
  return weekdays[weekdayIndexOf(dayNumber)]!;
}

/** First day on or after `dayNumber` that falls on `weekday`. */
export function nextWeekdayOnOrAfter(dayNumber: number, weekday: Weekday): number {
  return dayNumber + ((weekdays.indexOf(weekday) - weekdayIndexOf(dayNumber) + 7) % 7);
}

/** The `weekOfMonth`-th `weekday` of a month (1-4), or the last one for -1. */
export function nthWeekdayOfMonth(year: number, month: number, weekOfMonth: number, weekday: Weekday): number {
  if (weekOfMonth === -1) {
    const lastDay = civilToDayNumber({ year, month, day: daysInMonth(year, month) });
    return lastDay - ((weekdayIndexOf(lastDay) - weekdays.indexOf(weekday) + 7) % 7);
  }
  const firstMatch = nextWeekdayOnOrAfter(civilToDayNumber({ year, month, day: 1 }), weekday);
  return firstMatch + (weekOfMonth - 1) * 7;
}

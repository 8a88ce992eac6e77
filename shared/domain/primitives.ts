/**
 * Building blocks shared by every entity schema. Kept tiny and strict: a backup is
 * only as trustworthy as the narrowest definition of its fields.
 */
import { z } from 'zod';
import { isValidTimeZone } from '../time/overlap';

export const IdSchema = z.uuid({ message: 'must be a UUID' });
export type Id = z.infer<typeof IdSchema>;

/**
 * The ISO patterns allow year 0000, which the calendar arithmetic (shared/time) refuses
 * with an exception: a backup holding such a date would import and then break the page
 * that shows it.
 */
function isAfterYearZero(text: string): boolean {
  return !text.startsWith('0000');
}

/** ISO 8601 instant with an explicit offset (`Z` or `+02:00`), as `Date#toISOString` writes it. */
export const TimestampSchema = z.iso
  .datetime({ offset: true, message: 'must be an ISO 8601 date-time, e.g. 2026-03-01T09:30:00Z' })
  .refine(isAfterYearZero, { message: 'must be in year 0001 or later' });
export type Timestamp = z.infer<typeof TimestampSchema>;

/** Calendar date without a time zone (`YYYY-MM-DD`); a real date, so 2027-02-29 is rejected. */
export const CalendarDateSchema = z.iso
  .date({ message: 'must be a calendar date as YYYY-MM-DD' })
  .refine(isAfterYearZero, { message: 'must be in year 0001 or later' });
export type CalendarDate = z.infer<typeof CalendarDateSchema>;

export const TimeZoneSchema = z
  .string()
  .min(1, 'a time zone is required')
  .refine(isValidTimeZone, { message: 'must be an IANA time zone such as Europe/London' });

/** Minutes after local midnight. Overnight shifts are out of scope: start < end. */
export const WorkingHoursSchema = z
  .strictObject({
    start: z.int().min(0).max(1439),
    end: z.int().min(1).max(1440),
  })
  .refine((hours) => hours.start < hours.end, { message: 'working hours must start before they end', path: ['end'] });
export type WorkingHoursValue = z.infer<typeof WorkingHoursSchema>;

/**
 * Schemas here validate and never transform (no trim, no defaults), so a valid value is
 * stored exactly as given; forms trim before they submit.
 */
export const nameText = (max = 200) =>
  z
    .string()
    .max(max, `must be at most ${max} characters`)
    .refine((text) => text.trim().length > 0, 'is required');
export const optionalText = (max = 4000) => z.string().max(max, `must be at most ${max} characters`);

/**
 * Fields every editable record carries. `revision` counts saves so a second window can
 * tell that a record changed underneath it.
 */
export const recordMetaShape = {
  id: IdSchema,
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
  revision: z.int().min(1),
};

export const engagementScopedShape = {
  ...recordMetaShape,
  engagementId: IdSchema,
};

export const governanceLevels = ['operational', 'tactical', 'strategic'] as const;
export const GovernanceLevelSchema = z.enum(governanceLevels);
export type GovernanceLevel = z.infer<typeof GovernanceLevelSchema>;

export const governanceLevelLabels: Record<GovernanceLevel, string> = {
  strategic: 'Strategic',
  tactical: 'Tactical',
  operational: 'Operational',
};

/** Operational = 0 ... strategic = 2, so "escalating" means a rank that does not go down. */
export const governanceLevelRank: Record<GovernanceLevel, number> = { operational: 0, tactical: 1, strategic: 2 };

export const organisations = ['client', 'partner'] as const;
export const OrganisationSchema = z.enum(organisations);
export type Organisation = z.infer<typeof OrganisationSchema>;

export const weekdays = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export const WeekdaySchema = z.enum(weekdays);
export type Weekday = z.infer<typeof WeekdaySchema>;

/** Local wall-clock time `HH:MM`. */
export const WallTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time as HH:MM');

/**
 * When a recurring forum meets. Shaped after iCalendar's RRULE so rituals export to
 * calendars without translation.
 */
/** The longest gap a repeating cadence may have: every 8 weeks, every 12 months. */
export const maxCadenceInterval = { weekly: 8, monthly: 12 } as const;

export const CadenceSchema = z.discriminatedUnion('frequency', [
  z.strictObject({ frequency: z.literal('daily'), weekdaysOnly: z.boolean() }),
  z.strictObject({ frequency: z.literal('weekly'), interval: z.int().min(1).max(maxCadenceInterval.weekly), weekday: WeekdaySchema }),
  z.strictObject({
    frequency: z.literal('monthly'),
    interval: z.int().min(1).max(maxCadenceInterval.monthly),
    /** 1-4, or -1 for "last": "first Tuesday", "last Thursday". */
    weekOfMonth: z.union([z.literal(-1), z.int().min(1).max(4)]),
    weekday: WeekdaySchema,
  }),
  z.strictObject({ frequency: z.literal('on-demand'), description: optionalText(200) }),
]);
export type Cadence = z.infer<typeof CadenceSchema>;

/**
 * The one source of "now" for the data layer, so tests (and later the escalation
 * deadline tests) can pin time without patching globals.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** Local calendar date `YYYY-MM-DD` of an instant, as the user reads their own calendar. */
export function localCalendarDate(instant: Date): string {
  const year = instant.getFullYear();
  const month = String(instant.getMonth() + 1).padStart(2, '0');
  const day = String(instant.getDate()).padStart(2, '0');
  return `${year}-${month}-${day}`;
}

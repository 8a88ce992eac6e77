/** Dates the register shows and measures from. */
import type { Risk } from '@shared/domain/risk';
import { localCalendarDate } from '../../data/clock';
import { formatCalendarDate } from '../../app/format';

const instantFormatter = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** An instant in the user's time zone, date and time. */
export const formatInstant = (instant: string) => instantFormatter.format(new Date(instant));

/** An instant's local calendar date, as the register's "Updated" column shows it. */
export const formatInstantDate = (instant: string) => formatCalendarDate(localCalendarDate(new Date(instant)));

/** When a risk was last reviewed or edited, as a local calendar date: what "untouched" is measured from. */
export function lastTouchedOn(risk: Pick<Risk, 'updatedAt' | 'lastReviewedAt'>): string {
  const latest =
    risk.lastReviewedAt !== null && Date.parse(risk.lastReviewedAt) > Date.parse(risk.updatedAt) ? risk.lastReviewedAt : risk.updatedAt;
  return localCalendarDate(new Date(latest));
}

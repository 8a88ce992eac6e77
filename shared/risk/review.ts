/**
 * Review cadence: how soon a risk is looked at again depends on its band, and a risk
 * nobody has touched for a long time is flagged wherever it appears.
 */
import type { Risk } from '../domain/risk';
import type { RatingBand, WorkspaceSettings } from '../domain/settings';
import { addDays } from '../time/overlap';

/** A risk untouched (neither reviewed nor edited) for this many days is flagged. */
export const UNTOUCHED_AFTER_DAYS = 90;

export type ReviewIntervals = WorkspaceSettings['reviewIntervalDays'];

/** The next review date after a review (or creation) on `reviewedOn`. */
export function nextReviewDate(band: RatingBand, reviewedOn: string, intervals: ReviewIntervals): string {
  return addDays(reviewedOn, intervals[band]);
}

/** Closed risks need no review; others are overdue the day after their review date. */
export function isReviewOverdue(risk: Pick<Risk, 'status' | 'nextReviewOn'>, today: string): boolean {
  return risk.status !== 'closed' && risk.nextReviewOn !== null && risk.nextReviewOn < today;
}

/** Whole days between two calendar dates (`to` minus `from`). */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * Open risks neither reviewed nor changed for 90 days. `lastTouchedOn` is the later of
 * the last review and the last edit, as a calendar date.
 */
export function isUntouched(risk: Pick<Risk, 'status'>, lastTouchedOn: string, today: string): boolean {
  return risk.status !== 'closed' && daysBetween(lastTouchedOn, today) >= UNTOUCHED_AFTER_DAYS;
}

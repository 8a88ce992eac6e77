/**
 * Minimum governance standards: how each one stands and whether its judgement is still
 * fresh enough to present at a checkpoint.
 */
import type { StandardArea, StandardItem } from '../domain/governance';

/** A judgement older than a quarter no longer says much about the engagement today. */
export const STANDARD_REVIEW_MAX_AGE_DAYS = 90;

export interface StandardAssessment {
  item: StandardItem;
  /** Never reviewed, or last reviewed more than `STANDARD_REVIEW_MAX_AGE_DAYS` days before today. */
  stale: boolean;
  /** Whole days from the last review to today; null when never reviewed, negative for a review dated after today. */
  daysSinceReview: number | null;
}

export type StandardsStatus = 'good' | 'warning' | 'poor' | 'no-data';

export interface StandardsSummary {
  met: number;
  partlyMet: number;
  notMet: number;
  notAssessed: number;
  stale: number;
  status: StandardsStatus;
  reason: string;
}

export interface StandardsAssessment {
  items: StandardAssessment[];
  summary: StandardsSummary;
}

const areaNames: Record<StandardArea, string> = {
  'technical-leadership': 'technical leadership',
  security: 'security',
  delivery: 'delivery',
  legal: 'legal',
  escalation: 'escalation',
};

const millisecondsPerDay = 24 * 60 * 60 * 1000;

/**
 * Assesses the standards as of `today` (YYYY-MM-DD). The summary status, first match wins:
 * - no-data: there are no standards, or none has been assessed yet;
 * - poor: at least one standard is not met, since each is a minimum;
 * - warning: a standard is partly met, not yet assessed, or stale;
 * - good: every standard is met and was reviewed within the last 90 days.
 */
export function assessStandards(items: StandardItem[], today: string): StandardsAssessment {
  const todayDay = dayNumber(today);
  const assessed = items.map((item): StandardAssessment => {
    const daysSinceReview = item.lastReviewedOn === null ? null : todayDay - dayNumber(item.lastReviewedOn);
    return { item, stale: daysSinceReview === null || daysSinceReview > STANDARD_REVIEW_MAX_AGE_DAYS, daysSinceReview };
  });

  const withStatus = (status: StandardItem['status']) => items.filter((item) => item.status === status);
  const notMetItems = withStatus('not-met');
  const partlyMetItems = withStatus('partly-met');
  const notAssessedItems = withStatus('not-assessed');
  const staleCount = assessed.filter((entry) => entry.stale).length;
  const counts = {
    met: withStatus('met').length,
    partlyMet: partlyMetItems.length,
    notMet: notMetItems.length,
    notAssessed: notAssessedItems.length,
    stale: staleCount,
  };

  const summary = (status: StandardsStatus, reason: string): StandardsAssessment => ({
    items: assessed,
    summary: { ...counts, status, reason },
  });

  if (items.length === 0) return summary('no-data', 'No minimum standards are recorded');
  if (notAssessedItems.length === items.length) return summary('no-data', 'No minimum standard has been assessed yet');
  if (notMetItems.length > 0) {
    return summary('poor', `${countOf(notMetItems.length, 'standard')} not met: ${areasOf(notMetItems)}`);
  }

  const concerns: string[] = [];
  if (partlyMetItems.length > 0) concerns.push(`${partlyMetItems.length} partly met (${areasOf(partlyMetItems)})`);
  if (notAssessedItems.length > 0) concerns.push(`${notAssessedItems.length} not assessed (${areasOf(notAssessedItems)})`);
  if (staleCount > 0) concerns.push(`${staleCount} not reviewed in the last ${STANDARD_REVIEW_MAX_AGE_DAYS} days`);
  if (concerns.length > 0) return summary('warning', `Standards: ${concerns.join(', ')}`);
  const which = items.length === 1 ? 'The standard is' : `All ${items.length} standards are`;
  return summary('good', `${which} met and reviewed in the last ${STANDARD_REVIEW_MAX_AGE_DAYS} days`);
}

/** Days since 1970-01-01 for a calendar date; UTC so daylight saving never shifts a day. */
function dayNumber(date: string): number {
  const milliseconds = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(milliseconds)) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${date}`);
  return Math.round(milliseconds / millisecondsPerDay);
}

/** Each area once, in the order the items came. */
function areasOf(items: StandardItem[]): string {
  return [...new Set(items.map((item) => areaNames[item.area]))].join(', ');
}

function countOf(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/**
 * Communication ownership: which agreed communications have gone quiet for longer than
 * their cadence allows.
 */
import type { CommunicationPlanEntry } from '../domain/governance';

export interface OverdueCommunication {
  entry: CommunicationPlanEntry;
  /** Hours beyond `maxIntervalHours`; null when the communication has never been done. */
  hoursOverdue: number | null;
  reason: string;
}

const millisecondsPerHour = 60 * 60 * 1000;

/**
 * Entries with a `maxIntervalHours` that were never done, or were last done more than
 * that many hours before `now` (an ISO instant). Exactly `maxIntervalHours` ago is still
 * on time. Entries without a maximum ("per decision", "as dependencies shift") cannot be
 * late. Never-done entries come first, then the most overdue; ties keep the plan's order.
 */
export function overdueCommunications(entries: CommunicationPlanEntry[], now: string): OverdueCommunication[] {
  const nowMilliseconds = instant(now);
  const overdue: OverdueCommunication[] = [];
  for (const entry of entries) {
    if (entry.maxIntervalHours === null) continue;
    const limit = `due at least every ${formatHours(entry.maxIntervalHours)} (${entry.cadence})`;
    if (entry.lastDoneAt === null) {
      overdue.push({ entry, hoursOverdue: null, reason: `${entry.communication}: never done; ${limit}` });
      continue;
    }
    const hoursSinceDone = (nowMilliseconds - instant(entry.lastDoneAt)) / millisecondsPerHour;
    if (hoursSinceDone <= entry.maxIntervalHours) continue;
    const hoursOverdue = hoursSinceDone - entry.maxIntervalHours;
    overdue.push({
      entry,
      hoursOverdue,
      reason: `${entry.communication}: last done ${formatHours(hoursSinceDone)} ago, ${formatHours(hoursOverdue)} late; ${limit}`,
    });
  }
  // Never done sorts as infinitely late; two such entries give NaN, which `|| 0` turns into a
  // tie. Array#sort is stable, so ties keep the plan's order.
  return overdue.sort((a, b) => (b.hoursOverdue ?? Infinity) - (a.hoursOverdue ?? Infinity) || 0);
}

function instant(timestamp: string): number {
  const milliseconds = Date.parse(timestamp);
  if (Number.isNaN(milliseconds)) throw new RangeError(`not an ISO 8601 date-time: ${timestamp}`);
  return milliseconds;
}

/** Minutes below an hour, days from two days up; one decimal at most so reason lines stay readable. */
function formatHours(hours: number): string {
  if (hours < 1) return unit(Math.max(1, Math.round(hours * 60)), 'minute');
  if (hours < 48) return unit(Math.round(hours * 10) / 10, 'hour');
  return unit(Math.round((hours / 24) * 10) / 10, 'day');
}

function unit(amount: number, noun: string): string {
  return `${amount} ${noun}${amount === 1 ? '' : 's'}`;
}

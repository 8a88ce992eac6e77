/**
 * Where each entry of the communication plan stands right now, for the table: built on
 * `overdueCommunications` so the section and the governance health agree on what is late.
 */
import type { CommunicationPlanEntry } from '@shared/domain/governance';
import { defaultCommunicationTemplates } from '@shared/domain/defaults';
import { overdueCommunications } from '@shared/governance/communication';

export type CommunicationState =
  /** Has a maximum interval and has never been done. */
  | { kind: 'never-done' }
  | { kind: 'late'; hoursOverdue: number }
  /** Done within its maximum interval; due again by `dueBy` (ISO). */
  | { kind: 'on-time'; dueBy: string }
  /** No maximum interval ("with every decision"), so it cannot be late. */
  | { kind: 'no-deadline' };

export const isLate = (state: CommunicationState) => state.kind === 'never-done' || state.kind === 'late';

const millisecondsPerHour = 60 * 60 * 1000;

/** Each entry's state as of `now` (ISO), by entry id. */
export function communicationStates(entries: CommunicationPlanEntry[], now: string): Map<string, CommunicationState> {
  const overdue = new Map(overdueCommunications(entries, now).map((late) => [late.entry.id, late]));
  return new Map(
    entries.map((entry): [string, CommunicationState] => {
      const late = overdue.get(entry.id);
      if (late) return [entry.id, late.hoursOverdue === null ? { kind: 'never-done' } : { kind: 'late', hoursOverdue: late.hoursOverdue }];
      if (entry.maxIntervalHours === null || entry.lastDoneAt === null) return [entry.id, { kind: 'no-deadline' }];
      const dueBy = new Date(Date.parse(entry.lastDoneAt) + entry.maxIntervalHours * millisecondsPerHour).toISOString();
      return [entry.id, { kind: 'on-time', dueBy }];
    }),
  );
}

/** "late by 40 min", "late by 3 h", "late by 2 days": minutes under an hour, days from two days up. */
export function describeLateness(hoursOverdue: number): string {
  if (hoursOverdue < 1) return `late by ${Math.max(1, Math.round(hoursOverdue * 60))} min`;
  if (hoursOverdue < 48) return `late by ${Math.round(hoursOverdue)} h`;
  return `late by ${Math.round(hoursOverdue / 24)} days`;
}

/**
 * A maximum interval as the table shows it: whole days as days, hours with at most one
 * decimal ("2.4 h"), and minutes where a decimal would run on ("20 min", "1 h 20 min").
 */
export function describeInterval(hours: number): string {
  if (hours >= 24 && hours % 24 === 0) return hours === 24 ? '1 day' : `${hours / 24} days`;
  const minutes = Math.round(hours * 60);
  // Six minutes is a tenth of an hour, so those read cleanly as decimal hours.
  if (minutes % 6 === 0) return `${minutes / 60} h`;
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/**
 * The plan's order: the defaults share one creation time, so they keep the order of the
 * default matrix; entries added later follow by creation time, then by name.
 */
export function comparePlanOrder(a: CommunicationPlanEntry, b: CommunicationPlanEntry): number {
  const position = (entry: CommunicationPlanEntry) => {
    const index = defaultCommunicationTemplates.findIndex((template) => template.communication === entry.communication);
    return index === -1 ? defaultCommunicationTemplates.length : index;
  };
  return a.createdAt.localeCompare(b.createdAt) || position(a) - position(b) || a.communication.localeCompare(b.communication);
}

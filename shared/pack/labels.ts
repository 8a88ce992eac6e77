/**
 * Names the pack gives things: escalation references, dates and durations in words, and
 * the file name of an export.
 */
import type { Escalation } from '../domain/escalation';
import { sprintDateText } from '../kpi/sprints';
import type { Pack, PackFormat } from './model';

/** What an issued pack records about its issue: shown as the version line and used in file names. */
export interface PackIssueInfo {
  version: number;
  issuedAt: string;
  issuedBy: string;
}

/**
 * Escalations carry no reference of their own, so the pack numbers them E-001, E-002, ...
 * per engagement in the order they were raised (ties by id). Numbers only grow as new
 * escalations are raised, so an older pack's "E-003" still names the same escalation.
 */
export function escalationReferences(escalations: readonly Pick<Escalation, 'id' | 'raisedAt'>[]): Map<string, string> {
  const ordered = [...escalations].sort(
    (a, b) => Date.parse(a.raisedAt) - Date.parse(b.raisedAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  return new Map(ordered.map((escalation, index) => [escalation.id, `E-${String(index + 1).padStart(3, '0')}`]));
}

/** "4 Nov 2026": the same words on every machine and in every frozen pack. */
export function packDateText(date: string): string {
  return sprintDateText(date);
}

/** A duration in minutes as people say it: "45 min", "1.5 h", "30 h", "3 days". */
export function durationText(minutes: number): string {
  const whole = Math.max(0, Math.round(minutes));
  if (whole < 60) return `${whole} min`;
  const hours = whole / 60;
  // Under ten hours a half hour matters ("1.5 h"); beyond, whole hours.
  if (hours < 10) return `${Math.round(hours * 10) / 10} h`;
  if (hours < 48) return `${Math.round(hours)} h`;
  const days = Math.round(hours / 24);
  return `${days} days`;
}

/** "one", "two", ... up to ten, then digits: headlines read better with small numbers in words. */
export function countWord(count: number): string {
  const words = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
  return words[count] ?? String(count);
}

/** "1 risk", "2 risks"; `plural` for irregular nouns. */
export function counted(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}

/** Letters, digits, dot, underscore and hyphen only; runs of anything else become one hyphen. */
function safeFilePart(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
}

/**
 * The file an export is saved as: engagement, checkpoint date, "checkpoint", the version
 * when issued (else "draft"), e.g. `Northwind-2026-11-04-checkpoint-v2.pdf`.
 */
export function packFileName(pack: Pack, issue: PackIssueInfo | null, format: PackFormat): string {
  const engagement = safeFilePart(pack.engagement.name).slice(0, 80).replace(/-+$/, '') || 'engagement';
  const version = issue ? `v${issue.version}` : 'draft';
  return `${engagement}-${pack.checkpoint.date}-checkpoint-${version}.${format}`;
}

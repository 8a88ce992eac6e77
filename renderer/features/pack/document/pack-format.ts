/**
 * Dates and small phrases as the pack prints them. Never through Intl, so the browser,
 * the desktop app and the headless command print the same text whatever their locale.
 */
import { packDateText, type PackIssueInfo } from '@shared/pack/labels';
import type { PackRag } from '@shared/pack/model';

/** "2026-11-04" → "4 Nov 2026", as the Markdown export writes it too. */
export const packDate = packDateText;

/** An instant as its UTC calendar date and time, "4 Nov 2026, 14:05 UTC". */
export function packTimestamp(timestamp: string): string {
  return `${packDate(timestamp.slice(0, 10))}, ${timestamp.slice(11, 16)} UTC`;
}

export function packPeriod(start: string, end: string): string {
  return `${packDate(start)} to ${packDate(end)}`;
}

/** The line every page carries at the bottom: which version this is. */
export function issueStatusText(issue: PackIssueInfo | null): string {
  if (issue === null) return 'Draft — follows live data';
  const by = issue.issuedBy.trim() ? ` by ${issue.issuedBy.trim()}` : '';
  return `Issued v${issue.version} on ${packDate(issue.issuedAt.slice(0, 10))}${by}`;
}

export const ragLabels: Record<PackRag, string> = { green: 'Green', amber: 'Amber', red: 'Red', none: 'Not rated' };

export const kpiStatusWords = { green: 'On target', amber: 'Watch', red: 'Off target', 'no-data': 'No data' } as const;

export const trendLabels = {
  new: 'New',
  worsened: 'Worsened',
  improved: 'Improved',
  steady: 'Steady',
  closed: 'Closed',
  reopened: 'Reopened',
} as const;

export const bandLabels = { low: 'Low', medium: 'Medium', high: 'High', critical: 'Critical' } as const;

export const decisionStatusLabels = { proposed: 'Proposed', accepted: 'Accepted', superseded: 'Superseded', rejected: 'Rejected' } as const;

export const actionStatusLabels = { open: 'Open', 'in-progress': 'In progress', done: 'Done', cancelled: 'Cancelled' } as const;

/** "L3 × I4" for a heat map position. */
export function position(point: { likelihood: number; impact: number } | null): string {
  return point === null ? '—' : `L${point.likelihood} × I${point.impact}`;
}

export function countText(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}

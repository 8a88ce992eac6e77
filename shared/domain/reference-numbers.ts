/**
 * Per-engagement record references: R-001 for risks, D-001 for decisions, A-001 for
 * actions. Numbers only grow: gaps left by deleted records are never filled, because a
 * reference quoted in an issued pack must never come to name another record.
 */
export type ReferencePrefix = 'R' | 'D' | 'A';

/** The number of a reference such as "D-042" with the given prefix, or null for anything else. */
export function referenceNumberOf(prefix: ReferencePrefix, reference: string): number | null {
  const match = /^([RDA])-(\d{3,6})$/.exec(reference);
  return match && match[1] === prefix ? Number(match[2]) : null;
}

export function formatReferenceNumber(prefix: ReferencePrefix, number: number): string {
  return `${prefix}-${String(number).padStart(3, '0')}`;
}

/** The next `count` references after the highest one in use with this prefix. */
export function nextReferenceNumbers(prefix: ReferencePrefix, existing: Iterable<string>, count = 1): string[] {
  let highest = 0;
  for (const reference of existing) highest = Math.max(highest, referenceNumberOf(prefix, reference) ?? 0);
  return Array.from({ length: count }, (_, index) => formatReferenceNumber(prefix, highest + index + 1));
}

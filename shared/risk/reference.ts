/** Register references, ... per engagement, never reused. */

const REFERENCE_PATTERN = /^R-(\d{3,6})$/;

/** The number of a reference such as "R-042", or null for anything else. */
export function referenceNumber(reference: string): number | null {
  const match = REFERENCE_PATTERN.exec(reference);
  return match ? Number(match[1]) : null;
}

export function formatReference(number: number): string {
  return `R-${String(number).padStart(3, '0')}`;
}

/**
 * The next `count` references after the highest one in use. Gaps left by deleted risks
 * are not filled: a reference quoted in an old checkpoint pack must never name another risk.
 */
export function nextReferences(existing: Iterable<string>, count = 1): string[] {
  let highest = 0;
  for (const reference of existing) highest = Math.max(highest, referenceNumber(reference) ?? 0);
  return Array.from({ length: count }, (_, index) => formatReference(highest + index + 1));
}

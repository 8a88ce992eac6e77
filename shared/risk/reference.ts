/** Register references, ... per engagement, never reused. */

import { formatReferenceNumber, nextReferenceNumbers, referenceNumberOf } from '../domain/reference-numbers';

/** The number of a reference such as "R-042", or null for anything else. */
export function referenceNumber(reference: string): number | null {
  return referenceNumberOf('R', reference);
}

export function formatReference(number: number): string {
  return formatReferenceNumber('R', number);
}

/** The next `count` risk references after the highest one in use; gaps are not filled. */
export function nextReferences(existing: Iterable<string>, count = 1): string[] {
  return nextReferenceNumbers('R', existing, count);
}

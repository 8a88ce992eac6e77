import { describe, expect, it } from 'vitest';
import { formatReference, nextReferences, referenceNumber } from '@shared/risk/reference';

describe('risk references', () => {
  it('starts at R-001 on an empty register', () => {
    expect(nextReferences([])).toEqual(['R-001']);
  });

  it('continues after the highest reference and never fills a gap', () => {
    expect(nextReferences(['R-001', 'R-004', 'R-002'], 3)).toEqual(['R-005', 'R-006', 'R-007']);
    expect(nextReferences(['R-012'])).toEqual(['R-013']);
  });

  it('goes past R-999 without wrapping', () => {
    expect(nextReferences(['R-999'], 2)).toEqual(['R-1000', 'R-1001']);
    expect(referenceNumber('R-1000')).toBe(1000);
  });

  it('ignores text that is not a reference', () => {
    expect(referenceNumber('r-005')).toBeNull();
    expect(referenceNumber('R-5')).toBeNull();
    expect(nextReferences(['RISK-900', 'R-003', ''])).toEqual(['R-004']);
    expect(formatReference(7)).toBe('R-007');
  });

  it('gives nothing when asked for none', () => {
    expect(nextReferences(['R-003'], 0)).toEqual([]);
  });
});

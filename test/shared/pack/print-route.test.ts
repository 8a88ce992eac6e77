import { describe, expect, it } from 'vitest';
import { packPrintRoute, parsePackPrintRoute } from '@shared/pack/print-route';

describe('the pack print route', () => {
  it('reads back what it builds', () => {
    const target = { engagementId: 'e 1/x', checkpointId: 'c-1', version: 2, paper: 'letter' as const };
    expect(packPrintRoute(target)).toBe('/print/pack/e%201%2Fx/c-1/v2/letter');
    expect(parsePackPrintRoute(packPrintRoute(target))).toEqual(target);
    expect(parsePackPrintRoute('/print/pack/e/c/draft/a4')).toEqual({ engagementId: 'e', checkpointId: 'c', version: null, paper: 'a4' });
  });

  it('is no print route when a segment is not valid percent-encoding', () => {
    expect(parsePackPrintRoute('/print/pack/%E0%A4%A/c/draft/a4')).toBeNull();
    expect(parsePackPrintRoute('/print/pack/e/%/v1/a4')).toBeNull();
    expect(parsePackPrintRoute('/print/pack/e/c/v0/a4')).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import type { StandardArea, StandardItem } from '@shared/domain/governance';
import { STANDARD_REVIEW_MAX_AGE_DAYS, assessStandards } from '@shared/governance/standards';

const meta = {
  engagementId: '10000000-0000-4000-8000-000000000000',
  createdAt: '2026-01-12T09:00:00.000Z',
  updatedAt: '2026-01-12T09:00:00.000Z',
  revision: 1,
};
let nextId = 0;

function standard(area: StandardArea, status: StandardItem['status'], lastReviewedOn: string | null): StandardItem {
  return {
    ...meta,
    id: `00000000-0000-4000-8000-${String(++nextId).padStart(12, '0')}`,
    area,
    standard: `Minimum standard for ${area}`,
    status,
    evidence: '',
    ownerId: null,
    lastReviewedOn,
  };
}

// 2026-06-30 is day 181 of 2026 (31+28+31+30+31+30). 90 days earlier is day 91, 1 April;
// 91 days earlier is day 90, 31 March.
const today = '2026-06-30';
const ninetyDaysAgo = '2026-04-01';
const ninetyOneDaysAgo = '2026-03-31';

describe('review age', () => {
  it('is stale after 90 days: exactly 90 is fresh, 91 is stale', () => {
    expect(STANDARD_REVIEW_MAX_AGE_DAYS).toBe(90);
    const { items } = assessStandards([standard('security', 'met', ninetyDaysAgo), standard('legal', 'met', ninetyOneDaysAgo)], today);
    expect(items.map(({ stale, daysSinceReview }) => ({ stale, daysSinceReview }))).toEqual([
      { stale: false, daysSinceReview: 90 },
      { stale: true, daysSinceReview: 91 },
    ]);
  });

  it('a standard never reviewed is stale with no age', () => {
    const { items } = assessStandards([standard('delivery', 'met', null)], today);
    expect(items[0]).toMatchObject({ stale: true, daysSinceReview: null });
  });

  it('counts calendar days across a daylight-saving change and a leap day', () => {
    // Europe and the US change clocks in March; 2028 is a leap year: 29 Feb counts.
    expect(assessStandards([standard('security', 'met', '2028-02-28')], '2028-03-31').items[0]!.daysSinceReview).toBe(32);
  });

  it('a review today is 0 days old; one dated after today is not stale', () => {
    const { items } = assessStandards([standard('security', 'met', today), standard('legal', 'met', '2026-07-02')], today);
    expect(items.map(({ stale, daysSinceReview }) => [stale, daysSinceReview])).toEqual([
      [false, 0],
      [false, -2],
    ]);
  });

  it('keeps the item it assessed', () => {
    const item = standard('escalation', 'partly-met', ninetyDaysAgo);
    expect(assessStandards([item], today).items[0]!.item).toBe(item);
  });

  it('rejects a date that is not a calendar date', () => {
    expect(() => assessStandards([standard('security', 'met', null)], '30/06/2026')).toThrow(RangeError);
  });
});

describe('summary', () => {
  it('good: every standard met and fresh', () => {
    const { summary } = assessStandards(
      [standard('technical-leadership', 'met', ninetyDaysAgo), standard('security', 'met', '2026-06-01')],
      today,
    );
    expect(summary).toEqual({
      met: 2,
      partlyMet: 0,
      notMet: 0,
      notAssessed: 0,
      stale: 0,
      status: 'good',
      reason: 'All 2 standards are met and reviewed in the last 90 days',
    });
  });

  it('warning: everything met but one review is 91 days old', () => {
    const { summary } = assessStandards([standard('security', 'met', ninetyDaysAgo), standard('legal', 'met', ninetyOneDaysAgo)], today);
    expect(summary).toMatchObject({ met: 2, stale: 1, status: 'warning', reason: 'Standards: 1 not reviewed in the last 90 days' });
  });

  it('warning: partly met, or some not assessed while others are', () => {
    const { summary } = assessStandards(
      [standard('security', 'met', today), standard('delivery', 'partly-met', today), standard('legal', 'not-assessed', null)],
      today,
    );
    expect(summary).toEqual({
      met: 1,
      partlyMet: 1,
      notMet: 0,
      notAssessed: 1,
      stale: 1,
      status: 'warning',
      reason: 'Standards: 1 partly met (delivery), 1 not assessed (legal), 1 not reviewed in the last 90 days',
    });
  });

  it('poor: any standard not met outweighs the rest', () => {
    const { summary } = assessStandards(
      [
        standard('technical-leadership', 'met', today),
        standard('security', 'not-met', today),
        standard('legal', 'not-met', ninetyOneDaysAgo),
        standard('delivery', 'partly-met', today),
      ],
      today,
    );
    expect(summary).toEqual({
      met: 1,
      partlyMet: 1,
      notMet: 2,
      notAssessed: 0,
      stale: 1,
      status: 'poor',
      reason: '2 standards not met: security, legal',
    });
  });

  it('no-data: nothing assessed yet, or nothing recorded', () => {
    const { summary } = assessStandards([standard('security', 'not-assessed', null), standard('legal', 'not-assessed', null)], today);
    expect(summary).toEqual({
      met: 0,
      partlyMet: 0,
      notMet: 0,
      notAssessed: 2,
      stale: 2,
      status: 'no-data',
      reason: 'No minimum standard has been assessed yet',
    });
    expect(assessStandards([], today)).toEqual({
      items: [],
      summary: {
        met: 0,
        partlyMet: 0,
        notMet: 0,
        notAssessed: 0,
        stale: 0,
        status: 'no-data',
        reason: 'No minimum standards are recorded',
      },
    });
  });
});

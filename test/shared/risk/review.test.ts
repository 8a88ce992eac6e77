import { describe, expect, it } from 'vitest';
import { UNTOUCHED_AFTER_DAYS, isReviewOverdue, isUntouched, nextReviewDate } from '@shared/risk/review';

const intervals = { critical: 14, high: 30, medium: 90, low: 180 };

describe('review cadence', () => {
  it('sets the next review from the band interval', () => {
    expect(nextReviewDate('critical', '2026-11-21', intervals)).toBe('2026-12-05');
    expect(nextReviewDate('high', '2026-11-21', intervals)).toBe('2026-12-21');
    expect(nextReviewDate('medium', '2026-11-21', intervals)).toBe('2027-02-19');
    expect(nextReviewDate('low', '2026-11-21', intervals)).toBe('2027-05-20');
  });

  it('follows edited intervals', () => {
    expect(nextReviewDate('critical', '2026-02-27', { ...intervals, critical: 2 })).toBe('2026-03-01');
  });

  it('is overdue the day after the review date, not on it', () => {
    const risk = { status: 'open' as const, nextReviewOn: '2026-11-20' };
    expect(isReviewOverdue(risk, '2026-11-20')).toBe(false);
    expect(isReviewOverdue(risk, '2026-11-21')).toBe(true);
  });

  it('never marks closed risks or risks without a review date overdue', () => {
    expect(isReviewOverdue({ status: 'closed', nextReviewOn: '2026-01-01' }, '2026-11-21')).toBe(false);
    expect(isReviewOverdue({ status: 'open', nextReviewOn: null }, '2026-11-21')).toBe(false);
    expect(isReviewOverdue({ status: 'occurred', nextReviewOn: '2026-11-01' }, '2026-11-21')).toBe(true);
  });

  it('flags a risk untouched at exactly 90 days, not at 89', () => {
    expect(UNTOUCHED_AFTER_DAYS).toBe(90);
    // 2026-08-23 is 90 days before 2026-11-21.
    expect(isUntouched({ status: 'open' }, '2026-08-23', '2026-11-21')).toBe(true);
    expect(isUntouched({ status: 'open' }, '2026-08-24', '2026-11-21')).toBe(false);
    expect(isUntouched({ status: 'closed' }, '2026-01-01', '2026-11-21')).toBe(false);
  });

  it('counts whole calendar days across a daylight-saving change', () => {
    // 90 days spanning the end of European summer time on 25 October.
    expect(isUntouched({ status: 'monitoring' }, '2026-09-01', '2026-11-30')).toBe(true);
    expect(isUntouched({ status: 'monitoring' }, '2026-09-02', '2026-11-30')).toBe(false);
  });
});

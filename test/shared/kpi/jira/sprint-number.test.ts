import { describe, expect, it } from 'vitest';
import { sprintNumberInName } from '@shared/kpi/jira/model';

describe('sprintNumberInName', () => {
  it('takes the number after the word “sprint”, not a date or year beside it', () => {
    expect(sprintNumberInName('Sprint 5 (12 Mar)')).toBe(5);
    expect(sprintNumberInName('Sprint 23 - 2024-03-12')).toBe(23);
    expect(sprintNumberInName('Sprint 12 2024')).toBe(12);
    expect(sprintNumberInName('TES Sprint 1')).toBe(1);
    expect(sprintNumberInName('EE Sprint 7')).toBe(7);
    expect(sprintNumberInName('K5 Sprint 1 (open)')).toBe(1);
    expect(sprintNumberInName('Sprint-09')).toBe(9);
    expect(sprintNumberInName('Sprint #14')).toBe(14);
  });

  it('otherwise takes the first number outside dates and years', () => {
    expect(sprintNumberInName('Iteration 7 (12 Mar)')).toBe(7);
    expect(sprintNumberInName('Mar 12 – iteration 4')).toBe(4);
    expect(sprintNumberInName('2024 Q1 increment 3')).toBe(1);
    expect(sprintNumberInName('Summary 5')).toBe(5);
    // "Sprint 2024-03-12" names a date, not sprint 2024 (nor 202).
    expect(sprintNumberInName('Sprint 2024-03-12')).toBeNull();
    expect(sprintNumberInName('Sprint 2024')).toBeNull();
    expect(sprintNumberInName('Backlog')).toBeNull();
    expect(sprintNumberInName('Sprint 0')).toBeNull();
  });
});

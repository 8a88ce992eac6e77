import { describe, expect, it } from 'vitest';
import {
  formatKpiChange,
  formatKpiValue,
  formatKpiValueApartFrom,
  formatShare,
  kpiUnitLabels,
  nameInSentence,
  sprintListText,
  sprintRangeText,
} from '@shared/kpi/format';

describe('formatKpiValue', () => {
  it('writes each unit the way a person reads it', () => {
    expect(formatKpiValue(72, 'percent')).toBe('72%');
    expect(formatKpiValue(4.5, 'days')).toBe('4.5 days');
    expect(formatKpiValue(12, 'points')).toBe('12 points');
    expect(formatKpiValue(3, 'items')).toBe('3 items');
    expect(formatKpiValue(1.2, 'per-kloc')).toBe('1.2 per KLOC');
    expect(formatKpiValue(2.5, 'per-week')).toBe('2.5 per week');
    expect(formatKpiValue(6.25, 'hours')).toBe('6.3 hours');
    expect(formatKpiValue(0, 'count')).toBe('0');
    expect(formatKpiValue(2, 'count')).toBe('2');
  });

  it('uses the singular for exactly one', () => {
    expect(formatKpiValue(1, 'days')).toBe('1 day');
    expect(formatKpiValue(1, 'points')).toBe('1 point');
    expect(formatKpiValue(1.04, 'items')).toBe('1 item');
  });

  it('shows a percentage whole unless it is below 10', () => {
    expect(formatKpiValue(72.4, 'percent')).toBe('72%');
    expect(formatKpiValue(7.46, 'percent')).toBe('7.5%');
    expect(formatKpiValue(7, 'percent')).toBe('7%');
  });

  it('shows durations to a tenth, dropping a trailing zero', () => {
    expect(formatKpiValue(4.04, 'days')).toBe('4 days');
    expect(formatKpiValue(12.36, 'days')).toBe('12.4 days');
  });

  it('keeps two significant digits of a small rate so it does not read as zero', () => {
    expect(formatKpiValue(0.04, 'per-kloc')).toBe('0.04 per KLOC');
    expect(formatKpiValue(0.666, 'count')).toBe('0.67');
  });

  it('groups thousands and writes a true minus, never "−0"', () => {
    expect(formatKpiValue(1234, 'points')).toBe('1,234 points');
    expect(formatKpiValue(-0.3, 'days')).toBe('\u22120.3 days');
    expect(formatKpiValue(-0.01, 'days')).toBe('0 days');
  });
});

describe('formatKpiChange', () => {
  it('adds decimals for a small change instead of rounding it to zero', () => {
    expect(formatKpiChange(0.03, 'days')).toBe('0.03 days');
    expect(formatKpiChange(0.0042, 'days')).toBe('0.004 days');
    expect(formatKpiChange(-0.3, 'days')).toBe('\u22120.3 days');
    expect(formatKpiChange(2, 'percent')).toBe('2%');
  });
});

describe('formatKpiValueApartFrom', () => {
  it('adds a decimal when the rounded value would read the same as the line it is compared with', () => {
    expect(formatKpiValueApartFrom(79.6, 80, 'percent')).toBe('79.6%');
    expect(formatKpiValueApartFrom(79.99, 80, 'percent')).toBe('79.99%');
    expect(formatKpiValueApartFrom(72, 80, 'percent')).toBe('72%');
    expect(formatKpiValueApartFrom(80, 80, 'percent')).toBe('80%');
  });
});

describe('formatShare', () => {
  it('writes a ratio as a percentage', () => {
    expect(formatShare(0.14)).toBe('14%');
    expect(formatShare(0.075)).toBe('7.5%');
  });
});

describe('sprint wording', () => {
  it('names one sprint, a range, a pair and broken runs', () => {
    expect(sprintRangeText(12, 12)).toBe('sprint 12');
    expect(sprintRangeText(10, 12)).toBe('sprints 10\u201312');
    expect(sprintRangeText(11, 12)).toBe('sprints 11 and 12');
    expect(sprintListText([12])).toBe('sprint 12');
    expect(sprintListText([12, 10, 11])).toBe('sprints 10\u201312');
    expect(sprintListText([10, 11])).toBe('sprints 10 and 11');
    expect(sprintListText([3, 4, 5, 8, 10])).toBe('sprints 3\u20135, 8 and 10');
    expect(sprintListText([])).toBe('no sprints');
  });

  it('lowers a KPI name inside a sentence but leaves acronyms alone', () => {
    expect(nameInSentence('Cycle time')).toBe('cycle time');
    expect(nameInSentence('QA pass rate')).toBe('QA pass rate');
    expect(nameInSentence('WIP')).toBe('WIP');
  });
});

describe('kpiUnitLabels', () => {
  it('has a short header label for every unit', () => {
    expect(kpiUnitLabels).toEqual({
      percent: '%',
      count: 'count',
      days: 'days',
      hours: 'hours',
      points: 'points',
      items: 'items',
      'per-kloc': 'per KLOC',
      'per-week': 'per week',
    });
  });
});

import { describe, expect, it } from 'vitest';
import {
  checkKpiInput,
  gridValueText,
  parseClipboardRows,
  parseKpiInput,
  parseLocaleNumber,
  planPaste,
  valueProblem,
  type EntryKpi,
} from '@shared/kpi/measurement-entry';

const commitment: EntryKpi = { id: 'k-commit', name: 'Sprint commitment rate', unit: 'percent', validRange: { min: 0, max: 100 } };
const cycleTime: EntryKpi = { id: 'k-cycle', name: 'Cycle time', unit: 'days', validRange: { min: 0, max: 365 } };
const escaped: EntryKpi = { id: 'k-escaped', name: 'Escaped defects', unit: 'count', validRange: { min: 0, max: 10000 } };
const kpis = [commitment, cycleTime, escaped];
const sprints = [
  { id: 's5', number: 5 },
  { id: 's6', number: 6 },
  { id: 's7', number: 7 },
];

describe('parseLocaleNumber', () => {
  it.each([
    ['4.5', 4.5],
    ['4,5', 4.5],
    [' 12 ', 12],
    ['-3', -3],
    ['\u22123', -3],
    ['0,125', 0.125],
    ['4.333', 4.333],
    ['1,234.5', 1234.5],
    ['1.234,5', 1234.5],
    ['1,234,567', 1234567],
    ['.5', 0.5],
  ])('reads %s as %d', (text, value) => {
    expect(parseLocaleNumber(text)).toEqual({ ok: true, value });
  });

  it('refuses a lone comma before three digits as ambiguous', () => {
    expect(parseLocaleNumber('1,234')).toEqual({
      ok: false,
      message: '"1,234" is ambiguous: write 1234 for the whole number or 1.234 for the decimal',
    });
  });

  it.each(['abc', '4.5.6', '1,2,3', '12 days', '--1', ''])('refuses %j', (text) => {
    expect(parseLocaleNumber(text).ok).toBe(false);
  });
});

describe('parseKpiInput and checkKpiInput', () => {
  it('reads empty input as no value', () => {
    expect(parseKpiInput('  ', cycleTime)).toEqual({ ok: true, value: null });
  });

  it('accepts a percent sign for percent KPIs only', () => {
    expect(parseKpiInput('85%', commitment)).toEqual({ ok: true, value: 85 });
    expect(parseKpiInput('85,5 %', commitment)).toEqual({ ok: true, value: 85.5 });
    expect(parseKpiInput('85%', cycleTime)).toEqual({
      ok: false,
      message: 'Cycle time is not a percentage, so "85%" cannot be recorded (enter the number only)',
    });
  });

  it('rejects values outside the KPI range with the reason', () => {
    expect(checkKpiInput('140%', commitment)).toEqual({ ok: false, message: '140% is above the 100% maximum of Sprint commitment rate' });
    expect(checkKpiInput('-2', cycleTime)).toEqual({
      ok: false,
      message: 'negative durations are impossible: \u22122 days for Cycle time',
    });
    expect(checkKpiInput('-1', escaped)).toEqual({ ok: false, message: 'negative values are impossible: \u22121 for Escaped defects' });
    expect(checkKpiInput('100', commitment)).toEqual({ ok: true, value: 100 });
    expect(checkKpiInput('0', cycleTime)).toEqual({ ok: true, value: 0 });
  });
});

describe('valueProblem', () => {
  it('states a minimum that is not zero', () => {
    expect(valueProblem(2, { name: 'Team size', unit: 'count', validRange: { min: 3, max: 50 } })).toBe(
      '2 is below the 3 minimum of Team size',
    );
  });
});

describe('parseClipboardRows', () => {
  it('splits tab-separated rows with CRLF and ignores one trailing line end', () => {
    expect(parseClipboardRows('80\t85\r\n4.5\t5\r\n')).toEqual([
      ['80', '85'],
      ['4.5', '5'],
    ]);
  });

  it('reads LF and CR line ends and keeps empty cells', () => {
    expect(parseClipboardRows('1\t\t3\n\t2\r7')).toEqual([['1', '', '3'], ['', '2'], ['7']]);
  });

  it('unquotes cells a spreadsheet quoted', () => {
    expect(parseClipboardRows('"4,5"\t"a ""b"" c"\n')).toEqual([['4,5', 'a "b" c']]);
  });

  it('returns no rows for empty text', () => {
    expect(parseClipboardRows('')).toEqual([]);
  });
});

describe('planPaste', () => {
  it('fills a block from the anchor, reading decimal commas and percent signs', () => {
    expect(planPaste('80%\t85\r\n4,5\t5\r\n', kpis, sprints, { row: 0, column: 1 })).toEqual({
      ok: true,
      values: [
        { kpiId: 'k-commit', sprintId: 's6', value: 80 },
        { kpiId: 'k-commit', sprintId: 's7', value: 85 },
        { kpiId: 'k-cycle', sprintId: 's6', value: 4.5 },
        { kpiId: 'k-cycle', sprintId: 's7', value: 5 },
      ],
      leftAsIs: 0,
    });
  });

  it('leaves the values under empty pasted cells as they are (short rows included)', () => {
    expect(planPaste('3\t\t4\n2\n', kpis, sprints, { row: 1, column: 0 })).toEqual({
      ok: true,
      values: [
        { kpiId: 'k-cycle', sprintId: 's5', value: 3 },
        { kpiId: 'k-cycle', sprintId: 's7', value: 4 },
        { kpiId: 'k-escaped', sprintId: 's5', value: 2 },
      ],
      leftAsIs: 3,
    });
  });

  it('refuses a block wider than the sprints to the right', () => {
    expect(planPaste('1\t2\t3', kpis, sprints, { row: 0, column: 1 })).toEqual({
      ok: false,
      reason:
        'The pasted block is 3 columns wide, but there are only 2 sprints from sprint 6 to the right. Add sprints first or paste further left.',
      problems: [],
    });
  });

  it('refuses a block taller than the KPIs below', () => {
    const result = planPaste('1\n2\n3', kpis, sprints, { row: 2, column: 0 });
    expect(result).toEqual({
      ok: false,
      reason: 'The pasted block is 3 rows high, but there is only 1 KPI from Escaped defects down. Paste further up.',
      problems: [],
    });
  });

  it('writes nothing when any cell is invalid and names every bad cell', () => {
    expect(planPaste('90\t140%\n-2\tsoon\n', kpis, sprints, { row: 0, column: 0 })).toEqual({
      ok: false,
      reason: 'Nothing was pasted: 3 cells are not a valid value.',
      problems: [
        {
          kpiId: 'k-commit',
          sprintId: 's6',
          message: 'Sprint commitment rate, sprint 6: 140% is above the 100% maximum of Sprint commitment rate',
        },
        {
          kpiId: 'k-cycle',
          sprintId: 's5',
          message: 'Cycle time, sprint 5: negative durations are impossible: \u22122 days for Cycle time',
        },
        { kpiId: 'k-cycle', sprintId: 's6', message: 'Cycle time, sprint 6: "soon" is not a number' },
      ],
    });
  });

  it('refuses a paste of nothing but blanks', () => {
    expect(planPaste('\t\n\n', kpis, sprints, { row: 0, column: 0 })).toEqual({
      ok: false,
      reason: 'The clipboard holds no values to paste.',
      problems: [],
    });
  });
});

describe('gridValueText', () => {
  it('shows at most two decimals without grouping', () => {
    expect(gridValueText(4.333)).toBe('4.33');
    expect(gridValueText(1250)).toBe('1250');
    expect(gridValueText(85)).toBe('85');
  });
});

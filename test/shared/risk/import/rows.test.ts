import { describe, expect, it } from 'vitest';
import { defaultRiskMatrix } from '@shared/domain/defaults';
import { autoMapColumns } from '@shared/risk/import/mapping';
import { initialImportDefaults, rowsToDrafts, shortValue, type ImportContext } from '@shared/risk/import/rows';
import { readTable, type CellValue } from '@shared/risk/import/table';
import { countRecognisedHeaders } from '@shared/risk/import/mapping';
import { parseCsv } from '@shared/risk/import/csv';

const context: ImportContext = {
  matrix: defaultRiskMatrix(5),
  people: [{ id: '7d0b0c1e-8a61-4f57-9d7e-0a4c3c3f1a01', name: 'Dana Whitfield', email: '' }],
  defaults: initialImportDefaults,
};

function tableOf(rows: CellValue[][]) {
  const result = readTable(rows, countRecognisedHeaders);
  if (!result.ok) throw new Error(result.problem);
  return result.table;
}

function importRows(rows: CellValue[][]) {
  const table = tableOf(rows);
  return rowsToDrafts(table, autoMapColumns(table.columns), context);
}

describe('readTable', () => {
  it('reports an empty file and a header-only file', () => {
    expect(readTable([], countRecognisedHeaders)).toEqual({
      ok: false,
      problem: 'The file is empty: there is no header row and no risks.',
    });
    expect(readTable([[''], ['  ']], countRecognisedHeaders)).toMatchObject({ ok: false, problem: expect.stringMatching(/empty/) });
    expect(
      readTable(
        [
          ['Risk', 'Probability', 'Impact'],
          ['', '', ''],
        ],
        countRecognisedHeaders,
      ),
    ).toEqual({
      ok: false,
      problem: 'The file has a header row (row 1) but no risks below it.',
    });
  });

  it('finds the header below title lines and numbers rows as the spreadsheet does', () => {
    const table = tableOf([
      ['Project risk register'],
      [],
      ['Risk', 'Probability', 'Impact'],
      ['Late API', 'High', 'High'],
      [],
      ['Key person', 'Low', 'High'],
    ]);
    expect(table.headerRowNumber).toBe(3);
    expect(table.rows.map((row) => row.rowNumber)).toEqual([4, 6]);
  });

  it('notes a repeated header and names an empty header by its column letter', () => {
    const table = tableOf([
      ['Risk', 'Owner', '', 'owner'],
      ['A', 'B', 'C', 'D'],
    ]);
    expect(table.columns.map((column) => column.header)).toEqual(['Risk', 'Owner', 'Column C', 'owner']);
    expect(table.notes).toEqual(['Columns B and D are both headed “owner”; only column B is mapped unless you choose otherwise.']);
  });
});

describe('rowsToDrafts', () => {
  it('turns a valid row into a draft with mapped values and defaults for missing columns', () => {
    const result = importRows([
      ['Risk', 'Description', 'Probability', 'Severity', 'Owner', 'Response', 'Status', 'Category', 'Next review'],
      ['Vendor lock-in', 'Proprietary queue', '4 - Likely', 'Major', 'dana whitfield', 'Reduce', 'Monitoring', 'Technical', '31/03/2027'],
    ]);
    expect(result.problems).toEqual([]);
    expect(result.drafts).toEqual([
      {
        rowNumber: 2,
        title: 'Vendor lock-in',
        description: 'Proprietary queue',
        category: 'technical',
        cause: '',
        trigger: '',
        likelihood: 4,
        impact: 4,
        residualLikelihood: null,
        residualImpact: null,
        ownerId: '7d0b0c1e-8a61-4f57-9d7e-0a4c3c3f1a01',
        response: 'mitigate',
        status: 'monitoring',
        proximity: 'later',
        nextReviewOn: '2027-03-31',
      },
    ]);
  });

  it('reports each problem with row number, column, value and what was expected', () => {
    const result = importRows([
      ['Risk', 'Probability', 'Impact', 'Status', 'Next review'],
      ['Fine', 3, 3, 'Open', ''],
      ['', 'Sometimes', 9, 'Pending', 'Week 4'],
      ['No levels', '', '', '', ''],
    ]);
    expect(result.drafts.map((draft) => draft.rowNumber)).toEqual([2]);
    expect(result.invalidRowCount).toBe(2);
    expect(result.problems).toEqual([
      { rowNumber: 3, column: 'A (Risk)', value: '', message: 'the title is required' },
      {
        rowNumber: 3,
        column: 'B (Probability)',
        value: 'Sometimes',
        message: 'expected a level from 1 to 5, one of Rare, Unlikely, Possible, Likely, Almost certain, or Low, Medium, High',
      },
      {
        rowNumber: 3,
        column: 'C (Impact)',
        value: '9',
        message: 'expected a level from 1 to 5, one of Negligible, Minor, Moderate, Major, Severe, or Low, Medium, High',
      },
      { rowNumber: 3, column: 'D (Status)', value: 'Pending', message: 'expected one of: open, monitoring, occurred, closed' },
      { rowNumber: 3, column: 'E (Next review)', value: 'Week 4', message: 'expected a date such as 2026-03-31 or 31/03/2026' },
      { rowNumber: 4, column: 'B (Probability)', value: '', message: 'the likelihood is required' },
      { rowNumber: 4, column: 'C (Impact)', value: '', message: 'the impact is required' },
    ]);
  });

  it('refuses wrong types without coercing them', () => {
    const result = importRows([
      ['Risk', 'Probability', 'Impact'],
      [true, true, new Date(Date.UTC(2026, 0, 3))],
    ]);
    expect(result.drafts).toEqual([]);
    expect(result.problems.map((problem) => [problem.column, problem.value])).toEqual([
      ['B (Probability)', 'TRUE'],
      ['C (Impact)', '2026-01-03'],
    ]);
  });

  it('refuses a 1 MB cell with a clear message and without reading it further', () => {
    const huge = 'A'.repeat(1024 * 1024);
    const started = performance.now();
    const result = importRows([
      ['Risk', 'Description', 'Probability', 'Impact'],
      ['Huge', huge, 3, 3],
      ['Small', 'ok', 2, 2],
    ]);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(result.drafts.map((draft) => draft.title)).toEqual(['Small']);
    expect(result.problems).toEqual([
      {
        rowNumber: 2,
        column: 'B (Description)',
        value: `${'A'.repeat(59)}…`,
        message: 'the cell holds 1,048,576 characters; a spreadsheet cell holds at most 32,767',
      },
    ]);
  });

  it('refuses text longer than the register field holds', () => {
    const result = importRows([
      ['Risk', 'Probability', 'Impact'],
      ['T'.repeat(201), 1, 1],
    ]);
    expect(result.problems.map((problem) => problem.message)).toEqual(['at most 200 characters fit, this has 201']);
  });

  it('keeps formula-looking cells as text and removes the apostrophe an export put in front', () => {
    const result = importRows([
      ['Risk', 'Cause', 'Trigger', 'Probability', 'Impact'],
      ['=HYPERLINK("http://evil.example","click")', '@SUM(A1:A2)', "'=1+1", 2, 2],
      ['+44 call centre outage', '-5 days slack', '\tcmd', 2, 2],
    ]);
    expect(result.problems).toEqual([]);
    expect(result.drafts.map((draft) => [draft.title, draft.cause, draft.trigger])).toEqual([
      ['=HYPERLINK("http://evil.example","click")', '@SUM(A1:A2)', '=1+1'],
      ['+44 call centre outage', '-5 days slack', 'cmd'],
    ]);
  });

  it('imports an unknown owner without an owner, warns, and keeps the name in the description', () => {
    const result = importRows([
      ['Risk', 'Probability', 'Impact', 'Owner', 'Mitigation', 'Ref'],
      ['Late data', 'Medium', 'High', 'Data owner', 'Chase approval weekly', 'R001'],
    ]);
    expect(result.drafts[0]).toMatchObject({
      ownerId: null,
      likelihood: 3,
      impact: 5,
      description: 'Mitigation: Chase approval weekly\n\nReference in the imported file: R001\n\nOwner in the imported file: Data owner',
    });
    expect(result.warnings).toEqual([
      {
        rowNumber: 2,
        column: 'D (Owner)',
        value: 'Data owner',
        message: 'not a person of this engagement; imported without an owner, the name kept in the description',
      },
    ]);
  });

  it('lists only the problems of a refused row, not the notes it would have had', () => {
    const result = importRows([
      ['Risk', 'Probability', 'Impact', 'Owner'],
      ['Refused', 'Often', 2, 'Somebody else'],
    ]);
    expect(result.invalidRowCount).toBe(1);
    expect(result.warnings).toEqual([]);
  });

  it('asks for both residual levels and warns when the residual rating is above the inherent one', () => {
    const result = importRows([
      ['Risk', 'Probability', 'Impact', 'Residual likelihood', 'Residual impact'],
      ['Half', 3, 3, 2, ''],
      ['Worse', 2, 2, 4, 2],
    ]);
    expect(result.problems).toEqual([
      { rowNumber: 2, column: 'E (Residual impact)', value: '', message: 'give both residual likelihood and residual impact, or neither' },
    ]);
    expect(result.drafts.map((draft) => [draft.title, draft.residualLikelihood, draft.residualImpact])).toEqual([['Worse', 4, 2]]);
    expect(result.warnings.map((warning) => [warning.rowNumber, warning.message])).toEqual([
      [3, 'the residual rating is above the inherent one; imported as written and flagged in the register'],
    ]);
  });

  it('uses the chosen defaults for blank cells and for fields without a column', () => {
    const table = tableOf([
      ['Risk', 'Probability', 'Impact', 'Status'],
      ['A', 1, 1, ''],
    ]);
    const result = rowsToDrafts(table, autoMapColumns(table.columns), {
      ...context,
      defaults: { category: 'Delivery', response: 'accept', status: 'monitoring', proximity: 'imminent' },
    });
    expect(result.drafts[0]).toMatchObject({ category: 'Delivery', response: 'accept', status: 'monitoring', proximity: 'imminent' });
  });

  it('follows a corrected mapping', () => {
    const table = tableOf(parseCsv('Headline,Chance,Impact,Exposure\nA,Low,2,High\n').rows);
    const auto = autoMapColumns(table.columns);
    expect(auto).toEqual(['ignore', 'likelihood', 'impact', 'ignore']);
    const result = rowsToDrafts(table, ['title', 'likelihood', 'impact', 'ignore'], context);
    expect(result.drafts.map((draft) => [draft.title, draft.likelihood, draft.impact])).toEqual([['A', 1, 2]]);
  });
});

describe('shortValue', () => {
  it('quotes short values whole, collapses white space and cuts long ones', () => {
    expect(shortValue('  two\n\nlines ')).toBe(' two lines ');
    expect(shortValue(4.5)).toBe('4.5');
    expect(shortValue(null)).toBe('');
    expect(shortValue('x'.repeat(60))).toBe('x'.repeat(60));
    expect(shortValue('x'.repeat(61))).toBe(`${'x'.repeat(59)}…`);
    expect(shortValue(`${' '.repeat(300)}tail`)).toBe(' …');
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import writeXlsxFile from 'write-excel-file/universal';
import { defaultRiskMatrix } from '@shared/domain/defaults';
import { autoMapColumns } from '@shared/risk/import/mapping';
import { initialImportDefaults, rowsToDrafts } from '@shared/risk/import/rows';
import { readSpreadsheet } from '../../../../../renderer/features/risks/import/read-spreadsheet';

const encode = (text: string) => new TextEncoder().encode(text);

/** A small workbook as a user keeps it: a cover sheet, then the register with real dates and text levels. */
async function registerWorkbook(): Promise<Uint8Array> {
  const blob = await writeXlsxFile([
    { sheet: 'Cover', data: [['Atlas risk register'], ['Owner: PMO']] },
    {
      sheet: 'Risks',
      data: [
        ['Risk register, November'],
        [],
        ['Ref', 'Risk title', 'Probability', 'Severity', 'Risk Owner', 'Next review date', 'Status'],
        [
          'R1',
          'Key engineer leaves',
          'High',
          'Major',
          'Dana Whitfield',
          { value: new Date(Date.UTC(2027, 0, 15)), type: Date, format: 'dd/mm/yyyy' },
          'Open',
        ],
        [
          'R2',
          '=HYPERLINK("http://evil.example","click")',
          2,
          'Minor',
          '',
          { value: new Date(Date.UTC(2026, 11, 1)), type: Date, format: 'yyyy-mm-dd' },
          'Monitoring',
        ],
        ['R3', 'Typo in level', 'Hgh', 3, '', null, 'Open'],
      ],
    },
  ]).toBlob();
  return new Uint8Array(await blob.arrayBuffer());
}

describe('readSpreadsheet', () => {
  it('reads the register sheet of a workbook, below its title, with dates as dates', async () => {
    const result = await readSpreadsheet('register.xlsx', await registerWorkbook());
    if (!result.ok) throw new Error(result.problem);
    expect(result.description).toBe('sheet “Risks” of 2');
    expect(result.table.headerRowNumber).toBe(3);
    const mapping = autoMapColumns(result.table.columns);
    expect(mapping).toEqual(['sourceReference', 'title', 'likelihood', 'impact', 'owner', 'nextReviewOn', 'status']);

    const rows = rowsToDrafts(result.table, mapping, {
      matrix: defaultRiskMatrix(5),
      people: [{ id: '2b9d4e6f-1a3c-4e5b-9d7f-0a1b2c3d4e5f', name: 'Dana Whitfield', email: '' }],
      defaults: initialImportDefaults,
    });
    expect(
      rows.drafts.map((draft) => [
        draft.rowNumber,
        draft.title,
        draft.likelihood,
        draft.impact,
        draft.ownerId,
        draft.nextReviewOn,
        draft.status,
      ]),
    ).toEqual([
      [4, 'Key engineer leaves', 5, 4, '2b9d4e6f-1a3c-4e5b-9d7f-0a1b2c3d4e5f', '2027-01-15', 'open'],
      [5, '=HYPERLINK("http://evil.example","click")', 2, 2, null, '2026-12-01', 'monitoring'],
    ]);
    expect(rows.problems.map((problem) => [problem.rowNumber, problem.column, problem.value])).toEqual([[6, 'C (Probability)', 'Hgh']]);
  });

  it('reads CSV with a BOM and semicolons, and says how it read it', async () => {
    const result = await readSpreadsheet('risks.csv', encode('\uFEFFRisk;Probability;Impact\r\nLate API;3;4\r\n\r\n\r\n'));
    if (!result.ok) throw new Error(result.problem);
    expect(result.description).toBe('CSV, UTF-8, semicolon-separated');
    expect(result.table.rows).toEqual([{ rowNumber: 2, cells: ['Late API', '3', '4'] }]);
  });

  it('reads the fixture register', async () => {
    const bytes = new Uint8Array(readFileSync(new URL('../../../../fixtures/risk-register-example.csv', import.meta.url)));
    const result = await readSpreadsheet('risk-register-example.csv', bytes);
    expect(result.ok && result.table.rows.length).toBe(4);
  });

  it.each([
    ['empty.csv', new Uint8Array(), 'empty.csv is empty.'],
    ['blank.csv', encode('\r\n\r\n'), 'The file is empty: there is no header row and no risks.'],
    ['header.csv', encode('Risk,Probability,Impact\r\n'), 'The file has a header row (row 1) but no risks below it.'],
    [
      'old.xls',
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]),
      'old.xls is an old Excel 97-2003 workbook. Save it as .xlsx or .csv in Excel, then import that file.',
    ],
    ['fake.xlsx', encode('not a zip'), 'fake.xlsx is not a valid .xlsx workbook.'],
    [
      'broken.csv',
      encode('Risk,Impact\n"never closed,3\n'),
      'Row 2: a quoted cell (column 1) is never closed, so the rest of the file cannot be read. Check for a missing closing quote.',
    ],
  ])('explains why %s cannot be imported', async (name, bytes, problem) => {
    expect(await readSpreadsheet(name, bytes)).toEqual({ ok: false, problem });
  });

  it('refuses a file above 20 MB before reading it', async () => {
    const result = await readSpreadsheet('huge.csv', new Uint8Array(21 * 1024 * 1024));
    expect(result).toEqual({ ok: false, problem: 'huge.csv is 21.0 MB; a register to import can be at most 20 MB.' });
  });

  it('reports a damaged workbook', async () => {
    const bytes = (await registerWorkbook()).slice(0, 400);
    const result = await readSpreadsheet('damaged.xlsx', bytes);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problem).toMatch(/^damaged\.xlsx could not be read as a workbook: /);
  });
});

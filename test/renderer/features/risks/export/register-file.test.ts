import { describe, expect, it } from 'vitest';
import readXlsxFile from 'read-excel-file/universal';
import { defaultRiskMatrix } from '@shared/domain/defaults';
import type { Risk } from '@shared/domain/risk';
import { autoMapColumns } from '@shared/risk/import/mapping';
import { initialImportDefaults, rowsToDrafts } from '@shared/risk/import/rows';
import { buildRegisterFile, registerFileName } from '../../../../../renderer/features/risks/export/register-file';
import { readSpreadsheet } from '../../../../../renderer/features/risks/import/read-spreadsheet';

const dana = { id: '5c2e8f1a-7b3d-4a9e-b6c4-1d0f2e3a4b5c', name: 'Dana Whitfield' };
const base: Risk = {
  id: '9b1f6c2d-3e4a-4b5c-8d6e-7f8091a2b3c4',
  engagementId: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
  createdAt: '2026-10-01T09:00:00.000Z',
  updatedAt: '2026-11-02T15:30:00.000Z',
  revision: 2,
  reference: 'R-004',
  title: '=HYPERLINK("http://evil.example","click me")',
  description: 'Two lines\nof text',
  category: 'data-security-and-access',
  cause: '',
  trigger: 'Shared admin account seen in audit log',
  likelihood: 4,
  impact: 5,
  residualLikelihood: 2,
  residualImpact: 4,
  ownerId: dana.id,
  response: 'mitigate',
  status: 'open',
  proximity: 'imminent',
  nextReviewOn: '2026-12-01',
  lastReviewedAt: null,
  closedAt: null,
  kpiIds: [],
  escalationIds: [],
};
const second: Risk = {
  ...base,
  id: 'c0ffee00-1111-4222-8333-444455556666',
  reference: 'R-005',
  title: 'Unowned',
  ownerId: null,
  residualLikelihood: null,
  residualImpact: null,
  nextReviewOn: null,
  category: 'Vendor finances',
};
const input = {
  engagement: { name: 'Atlas: payments/ledger' },
  // Out of order on purpose: the whole register is written by reference.
  risks: [second, base],
  people: [dana],
  matrix: defaultRiskMatrix(5),
  scope: 'whole' as const,
};

describe('registerFileName', () => {
  it('names the file after the engagement, scope and day, without characters file systems refuse', () => {
    expect(registerFileName('Atlas: payments/ledger', 'filtered', 'xlsx', '2026-11-21')).toBe(
      'Atlas payments ledger risk register (filtered) 2026-11-21.xlsx',
    );
    expect(registerFileName('Atlas', 'whole', 'csv', '2026-11-21')).toBe('Atlas risk register 2026-11-21.csv');
  });
});

describe('buildRegisterFile', () => {
  it('writes an XLSX with numbers as numbers, dates as dates and formulas neutralised', async () => {
    const file = await buildRegisterFile({ ...input, format: 'xlsx' }, '2026-11-21');
    expect(file.fileName).toBe('Atlas payments ledger risk register 2026-11-21.xlsx');
    const [sheet] = await readXlsxFile(file.content.buffer);
    expect(sheet!.sheet).toBe('Risk register');
    const [header, first, secondRow] = sheet!.data;
    const cell = (row: unknown[] | undefined, name: string) => row![header!.indexOf(name)];
    expect(header!.slice(0, 3)).toEqual(['Reference', 'Title', 'Description']);
    expect(cell(first, 'Title')).toBe('\'=HYPERLINK("http://evil.example","click me")');
    expect(cell(first, 'Likelihood')).toBe(4);
    expect(cell(first, 'Impact label')).toBe('Severe');
    expect(cell(first, 'Inherent band')).toBe('Critical');
    expect(cell(first, 'Residual band')).toBe('High');
    expect(cell(first, 'Owner')).toBe('Dana Whitfield');
    expect(cell(first, 'Category')).toBe('Data security and access');
    expect(cell(first, 'Next review')).toEqual(new Date('2026-12-01T00:00:00.000Z'));
    expect(cell(first, 'Created')).toEqual(new Date('2026-10-01T00:00:00.000Z'));
    expect(cell(secondRow, 'Owner')).toBeNull();
    expect(cell(secondRow, 'Next review')).toBeNull();
    expect(cell(secondRow, 'Category')).toBe('Vendor finances');
  });

  it('orders the whole register by reference and keeps the order of a filtered view', async () => {
    const firstReference = async (scope: 'whole' | 'filtered') => {
      const file = await buildRegisterFile({ ...input, scope, format: 'csv' }, '2026-11-21');
      return new TextDecoder().decode(file.content).split('\r\n')[1]!.slice(0, 5);
    };
    expect(await firstReference('whole')).toBe('R-004');
    expect(await firstReference('filtered')).toBe('R-005');
  });

  it('writes a CSV with BOM and CRLF', async () => {
    const file = await buildRegisterFile({ ...input, format: 'csv' }, '2026-11-21');
    const bytes = file.content;
    expect([bytes[0], bytes[1], bytes[2]]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.split('\r\n')).toHaveLength(4);
  });

  it.each(['csv', 'xlsx'] as const)('imports its own %s export back to the same register fields', async (format) => {
    const file = await buildRegisterFile({ ...input, format }, '2026-11-21');
    const read = await readSpreadsheet(file.fileName, file.content);
    if (!read.ok) throw new Error(read.problem);
    const result = rowsToDrafts(read.table, autoMapColumns(read.table.columns), {
      matrix: defaultRiskMatrix(5),
      people: [{ ...dana, email: '' }],
      defaults: initialImportDefaults,
    });
    expect(result.problems).toEqual([]);
    expect(
      result.drafts.map(({ rowNumber: _row, description, ...fields }) => ({ ...fields, description: description.split('\n\n')[0] })),
    ).toEqual(
      [base, second].map((risk) => ({
        title: risk.title,
        description: risk.description,
        category: risk.category,
        cause: risk.cause,
        trigger: risk.trigger,
        likelihood: risk.likelihood,
        impact: risk.impact,
        residualLikelihood: risk.residualLikelihood,
        residualImpact: risk.residualImpact,
        ownerId: risk.ownerId,
        response: risk.response,
        status: risk.status,
        proximity: risk.proximity,
        nextReviewOn: risk.nextReviewOn,
      })),
    );
  });
});

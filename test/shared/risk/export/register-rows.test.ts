import { describe, expect, it } from 'vitest';
import { defaultRiskMatrix } from '@shared/domain/defaults';
import type { Risk } from '@shared/domain/risk';
import { decodeCsvBytes, parseCsv } from '@shared/risk/import/csv';
import { neutraliseFormula, registerExportColumns, registerExportRows, toCsv } from '@shared/risk/export/register-rows';

const ownerId = '5c2e8f1a-7b3d-4a9e-b6c4-1d0f2e3a4b5c';
const exportedRisk: Risk = {
  id: '9b1f6c2d-3e4a-4b5c-8d6e-7f8091a2b3c4',
  engagementId: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
  createdAt: '2026-10-01T09:00:00.000Z',
  updatedAt: '2026-11-02T15:30:00.000Z',
  revision: 3,
  reference: 'R-004',
  title: '=HYPERLINK("http://evil.example","click me")',
  description: 'Line one\nLine two, "quoted"',
  category: 'ip-and-code-ownership',
  cause: '-5 days of slack',
  trigger: '@risk',
  likelihood: 4,
  impact: 3,
  residualLikelihood: 2,
  residualImpact: 3,
  ownerId,
  response: 'mitigate',
  status: 'monitoring',
  proximity: 'this-quarter',
  nextReviewOn: '2026-12-01',
  lastReviewedAt: '2026-11-02T15:30:00.000Z',
  closedAt: null,
  kpiIds: [],
  escalationIds: [],
};

const context = { matrix: defaultRiskMatrix(5), personName: (id: string) => (id === ownerId ? 'Dana Whitfield' : null) };

describe('registerExportRows', () => {
  it('writes people by name, levels with labels, bands and dates', () => {
    const [row] = registerExportRows([exportedRisk], context);
    expect(Object.fromEntries(registerExportColumns.map((column, index) => [column.header, row![index]]))).toEqual({
      Reference: 'R-004',
      Title: '=HYPERLINK("http://evil.example","click me")',
      Description: 'Line one\nLine two, "quoted"',
      Category: 'IP and code ownership',
      Cause: '-5 days of slack',
      Trigger: '@risk',
      Likelihood: 4,
      'Likelihood label': 'Likely',
      Impact: 3,
      'Impact label': 'Moderate',
      'Inherent band': 'High',
      'Residual likelihood': 2,
      'Residual likelihood label': 'Unlikely',
      'Residual impact': 3,
      'Residual impact label': 'Moderate',
      'Residual band': 'Medium',
      Owner: 'Dana Whitfield',
      Response: 'Mitigate',
      Status: 'Monitoring',
      Proximity: 'This quarter',
      'Next review': { date: '2026-12-01' },
      'Last reviewed': { date: '2026-11-02' },
      Closed: null,
      Created: { date: '2026-10-01' },
      Updated: { date: '2026-11-02' },
    });
  });

  it('leaves residual columns empty until assessed and keeps a user-defined category as typed', () => {
    const [row] = registerExportRows(
      [{ ...exportedRisk, residualLikelihood: null, residualImpact: null, category: 'Vendor finances', ownerId: null }],
      context,
    );
    const cell = (header: string) => row![registerExportColumns.findIndex((column) => column.header === header)];
    expect([
      cell('Residual likelihood'),
      cell('Residual likelihood label'),
      cell('Residual band'),
      cell('Category'),
      cell('Owner'),
    ]).toEqual([null, null, null, 'Vendor finances', null]);
  });
});

describe('toCsv', () => {
  it('neutralises formula-looking text with an apostrophe', () => {
    expect(['=1+1', '+44 20', '-5', '@SUM(A1)', '\tTab', '\rCR', 'Plain', ''].map(neutraliseFormula)).toEqual([
      "'=1+1",
      "'+44 20",
      "'-5",
      "'@SUM(A1)",
      "'\tTab",
      "'\rCR",
      'Plain',
      '',
    ]);
  });

  it('writes UTF-8 with a BOM, CRLF line ends and quotes only where needed, and reads back', () => {
    const rows = registerExportRows([exportedRisk], context);
    const csv = toCsv(
      registerExportColumns.map((column) => column.header),
      rows,
    );
    expect(csv.startsWith('\uFEFFReference,Title,Description,')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv).toContain(
      'R-004,"\'=HYPERLINK(""http://evil.example"",""click me"")","Line one\nLine two, ""quoted""",IP and code ownership,\'-5 days of slack,\'@risk,4,Likely,3,',
    );
    expect(csv).toContain(',Dana Whitfield,Mitigate,Monitoring,This quarter,2026-12-01,2026-11-02,,2026-10-01,2026-11-02\r\n');

    const back = parseCsv(decodeCsvBytes(new TextEncoder().encode(csv)).text).rows;
    expect(back).toHaveLength(2);
    expect(back[1]!.slice(0, 7)).toEqual([
      'R-004',
      '\'=HYPERLINK("http://evil.example","click me")',
      'Line one\nLine two, "quoted"',
      'IP and code ownership',
      "'-5 days of slack",
      "'@risk",
      '4',
    ]);
  });
});

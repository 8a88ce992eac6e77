/**
 * The register as a file: CSV (UTF-8 with BOM, CRLF) or XLSX (real dates, bold frozen
 * header). write-excel-file is loaded only when an XLSX export is asked for.
 */
import type { Engagement, Person } from '@shared/domain/engagement';
import type { Risk } from '@shared/domain/risk';
import type { RiskMatrix } from '@shared/domain/settings';
import { referenceNumber } from '@shared/risk/reference';
import { neutraliseFormula, registerExportColumns, registerExportRows, toCsv, type ExportCell } from '@shared/risk/export/register-rows';

export type RegisterExportFormat = 'csv' | 'xlsx';
export type RegisterExportScope = 'filtered' | 'whole';

export interface RegisterExportInput {
  engagement: Pick<Engagement, 'name'>;
  risks: ReadonlyArray<Risk>;
  people: ReadonlyArray<Pick<Person, 'id' | 'name'>>;
  matrix: RiskMatrix;
  format: RegisterExportFormat;
  scope: RegisterExportScope;
}

export interface RegisterFile {
  fileName: string;
  content: Uint8Array<ArrayBuffer>;
  filter: { name: string; extensions: string[] };
}

/** "Atlas payments risk register (filtered) 2026-11-21.xlsx", without characters file systems refuse. */
export function registerFileName(engagementName: string, scope: RegisterExportScope, format: RegisterExportFormat, today: string): string {
  const name =
    engagementName
      .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 120) || 'Engagement';
  return `${name} risk register${scope === 'filtered' ? ' (filtered)' : ''} ${today}.${format}`;
}

export async function buildRegisterFile(input: RegisterExportInput, today: string): Promise<RegisterFile> {
  const names = new Map(input.people.map((person) => [person.id, person.name]));
  // A filtered export keeps the register's order; the whole register reads best by reference.
  const risks = input.scope === 'whole' ? [...input.risks].sort(byReference) : input.risks;
  const rows = registerExportRows(risks, { matrix: input.matrix, personName: (id) => names.get(id) ?? null });
  const headers = registerExportColumns.map((column) => column.header);
  const fileName = registerFileName(input.engagement.name, input.scope, input.format, today);
  if (input.format === 'csv') {
    return { fileName, content: new TextEncoder().encode(toCsv(headers, rows)), filter: { name: 'CSV', extensions: ['csv'] } };
  }
  const { default: writeXlsxFile } = await import('write-excel-file/universal');
  const header = headers.map((text) => ({ value: text, fontWeight: 'bold' as const }));
  const blob = await writeXlsxFile([header, ...rows.map((row) => row.map(xlsxCell))], {
    sheet: 'Risk register',
    stickyRowsCount: 1,
    columns: registerExportColumns.map((column) => ({ width: column.width })),
  }).toBlob();
  return { fileName, content: new Uint8Array(await blob.arrayBuffer()), filter: { name: 'Excel workbook', extensions: ['xlsx'] } };
}

function byReference(a: Risk, b: Risk): number {
  return (referenceNumber(a.reference) ?? 0) - (referenceNumber(b.reference) ?? 0);
}

function xlsxCell(cell: ExportCell) {
  if (cell === null) return null;
  if (typeof cell === 'number') return { value: cell, type: Number };
  if (typeof cell === 'string') return { value: neutraliseFormula(cell), type: String };
  return { value: new Date(`${cell.date}T00:00:00Z`), type: Date, format: 'yyyy-mm-dd' };
}

/**
 * Reads the file the user picked into sheet rows: CSV with the shared parser, XLSX with
 * read-excel-file, loaded only when an XLSX file is opened so the main bundle stays small.
 */
import { CsvFormatError, csvSeparatorNames, decodeCsvBytes, parseCsv } from '@shared/risk/import/csv';
import { countRecognisedHeaders } from '@shared/risk/import/mapping';
import { readTable, type CellValue, type ImportTable } from '@shared/risk/import/table';

/** Far above any register; a bigger pick is the wrong file and would only freeze the window. */
export const MAX_IMPORT_FILE_BYTES = 20 * 1024 * 1024;

export type SpreadsheetResult =
  | {
      ok: true;
      table: ImportTable;
      /** How the file was read, in words: "CSV, UTF-8, semicolon-separated" or "sheet “Risks”". */
      description: string;
    }
  | { ok: false; problem: string };

export const importFileFilters = [{ name: 'Spreadsheets', extensions: ['csv', 'txt', 'tsv', 'xlsx'] }];

function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

export async function readSpreadsheet(fileName: string, bytes: Uint8Array): Promise<SpreadsheetResult> {
  if (bytes.length === 0) return { ok: false, problem: `${fileName} is empty.` };
  if (bytes.length > MAX_IMPORT_FILE_BYTES) {
    return {
      ok: false,
      problem: `${fileName} is ${(bytes.length / 1024 / 1024).toFixed(1)} MB; a register to import can be at most 20 MB.`,
    };
  }
  if (/\.xls$/i.test(fileName) || (bytes[0] === 0xd0 && bytes[1] === 0xcf)) {
    return {
      ok: false,
      problem: `${fileName} is an old Excel 97-2003 workbook. Save it as .xlsx or .csv in Excel, then import that file.`,
    };
  }
  if (isZip(bytes)) return readWorkbook(fileName, bytes);
  if (/\.xlsx$/i.test(fileName)) return { ok: false, problem: `${fileName} is not a valid .xlsx workbook.` };
  return readCsv(bytes);
}

function readCsv(bytes: Uint8Array): SpreadsheetResult {
  const { text, encoding } = decodeCsvBytes(bytes);
  try {
    const csv = parseCsv(text);
    const read = readTable(csv.rows, countRecognisedHeaders);
    if (!read.ok) return read;
    const encodingName = encoding === 'windows-1252' ? 'Windows-1252 (not UTF-8)' : encoding.toUpperCase();
    return { ok: true, table: read.table, description: `CSV, ${encodingName}, ${csvSeparatorNames[csv.separator]}-separated` };
  } catch (error) {
    if (error instanceof CsvFormatError) return { ok: false, problem: error.message };
    throw error;
  }
}

async function readWorkbook(fileName: string, bytes: Uint8Array): Promise<SpreadsheetResult> {
  const { default: readXlsxFile } = await import('read-excel-file/universal');
  let sheets: Array<{ sheet: string; data: unknown[][] }>;
  try {
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    sheets = (await readXlsxFile(buffer)) as unknown as Array<{ sheet: string; data: unknown[][] }>;
  } catch (error) {
    return { ok: false, problem: `${fileName} could not be read as a workbook: ${error instanceof Error ? error.message : String(error)}` };
  }
  // A workbook often has a cover or a legend sheet: take the one whose headers name the most register fields.
  let best: { name: string; rows: CellValue[][]; score: number } | null = null;
  for (const sheet of sheets) {
    const rows = sheet.data.map((row) => row.map(toCellValue));
    const score = Math.max(
      0,
      ...rows.slice(0, 10).map((row) => countRecognisedHeaders(row.map((cell) => (typeof cell === 'string' ? cell : '')))),
    );
    if (best === null || score > best.score) best = { name: sheet.sheet, rows, score };
  }
  if (best === null) return { ok: false, problem: `${fileName} has no sheets.` };
  const read = readTable(best.rows, countRecognisedHeaders);
  if (!read.ok) return read;
  return {
    ok: true,
    table: read.table,
    description: sheets.length > 1 ? `sheet “${best.name}” of ${sheets.length}` : `sheet “${best.name}”`,
  };
}

function toCellValue(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  return String(value);
}

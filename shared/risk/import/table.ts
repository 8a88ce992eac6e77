/**
 * A sheet as the importer sees it, whatever the file format: a header row, the columns
 * under it, and the data rows, each with the row number a spreadsheet shows.
 */
import { isBlankRow } from './csv';

/** What a cell can hold: text from CSV, and also numbers, booleans and dates from XLSX. */
export type CellValue = string | number | boolean | Date | null;

/** Excel's own limit on the text of one cell; anything longer was not written by a spreadsheet. */
export const MAX_CELL_CHARACTERS = 32_767;
/** Far above any real register (the stress workspace has 15,000 risks over 50 engagements). */
export const MAX_IMPORT_ROWS = 20_000;
/** A header is looked for among the first rows, below any title lines above the table. */
const HEADER_SEARCH_ROWS = 10;

export interface SourceColumn {
  /** 0-based position in the row. */
  index: number;
  /** Spreadsheet letter: A, B, ..., Z, AA. */
  letter: string;
  /** Header text as written (trimmed); "Column C" when the header cell is empty. */
  header: string;
}

export interface SourceRow {
  /** As the spreadsheet shows it: the first row of the file is row 1. */
  rowNumber: number;
  cells: CellValue[];
}

export interface ImportTable {
  headerRowNumber: number;
  columns: SourceColumn[];
  /** Non-blank rows below the header. */
  rows: SourceRow[];
  /** Things the user should know that do not stop the import, e.g. a repeated header. */
  notes: string[];
}

export type TableResult = { ok: true; table: ImportTable } | { ok: false; problem: string };

export function columnLetter(index: number): string {
  let letter = '';
  for (let rest = index + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letter = String.fromCharCode(65 + ((rest - 1) % 26)) + letter;
  }
  return letter;
}

/** Text of a cell as the user would read it, for headers and messages. */
export function cellText(value: CellValue): string {
  if (value === null) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}

/**
 * Finds the header row (the first non-blank row, or a later one among the first few
 * that `looksLikeHeader` recognises better, for sheets with a title above the table)
 * and the data rows below it.
 */
export function readTable(
  sheetRows: ReadonlyArray<ReadonlyArray<CellValue>>,
  recognisedHeaders: (headers: string[]) => number,
): TableResult {
  const nonBlank = sheetRows.findIndex((row) => !isBlankRow(row));
  if (nonBlank === -1) return { ok: false, problem: 'The file is empty: there is no header row and no risks.' };

  let headerIndex = nonBlank;
  let bestScore = recognisedHeaders(sheetRows[nonBlank]!.map(cellText));
  for (let index = nonBlank + 1; index < Math.min(sheetRows.length, nonBlank + HEADER_SEARCH_ROWS); index++) {
    const score = recognisedHeaders(sheetRows[index]!.map(cellText));
    if (score > bestScore) {
      bestScore = score;
      headerIndex = index;
    }
  }

  const headerCells = sheetRows[headerIndex]!.map((cell) => cellText(cell).trim());
  const width = Math.max(headerCells.length, ...sheetRows.slice(headerIndex + 1).map((row) => row.length));
  const columns: SourceColumn[] = [];
  const notes: string[] = [];
  const firstByName = new Map<string, SourceColumn>();
  for (let index = 0; index < width; index++) {
    const letter = columnLetter(index);
    const header = headerCells[index] || `Column ${letter}`;
    const column = { index, letter, header };
    const key = header.toLowerCase();
    const first = firstByName.get(key);
    if (first)
      notes.push(
        `Columns ${first.letter} and ${letter} are both headed “${header}”; only column ${first.letter} is mapped unless you choose otherwise.`,
      );
    else firstByName.set(key, column);
    columns.push(column);
  }

  const rows: SourceRow[] = [];
  for (let index = headerIndex + 1; index < sheetRows.length; index++) {
    const cells = sheetRows[index]!;
    if (isBlankRow(cells)) continue;
    rows.push({ rowNumber: index + 1, cells: [...cells] });
  }
  // A column with neither header nor any value is padding from the spreadsheet, not data.
  const used = columns.filter(
    (column) => headerCells[column.index] || rows.some((row) => cellText(row.cells[column.index] ?? null).trim() !== ''),
  );

  if (rows.length === 0) {
    return { ok: false, problem: `The file has a header row (row ${headerIndex + 1}) but no risks below it.` };
  }
  if (rows.length > MAX_IMPORT_ROWS) {
    return {
      ok: false,
      problem: `The file has ${rows.length.toLocaleString('en-GB')} rows; at most ${MAX_IMPORT_ROWS.toLocaleString('en-GB')} can be imported at once. Split the file and import it in parts.`,
    };
  }
  return { ok: true, table: { headerRowNumber: headerIndex + 1, columns: used, rows, notes } };
}

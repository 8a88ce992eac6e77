/**
 * Reading CSV as spreadsheets write it: UTF-8 with or without a byte-order mark (or
 * UTF-16 from Excel's "Unicode text"), comma, semicolon or tab separators, quoted cells
 * with doubled quotes and line breaks, CRLF or LF. Written by hand rather than taken from
 * a library because the importer needs spreadsheet row numbers for every problem and
 * the whole parser is one linear pass (a 1 MB cell costs one `indexOf`, never a hang).
 */

export type CsvSeparator = ',' | ';' | '\t';

export const csvSeparatorNames: Record<CsvSeparator, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab' };

export interface CsvTable {
  separator: CsvSeparator;
  /** One entry per spreadsheet row: `rows[0]` is row 1. A quoted line break stays inside its row. */
  rows: string[][];
}

/** A problem with the file as a whole; nothing in it can be imported. */
export class CsvFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CsvFormatError';
  }
}

export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
}

/**
 * Text of a CSV file. Without a BOM, bytes that are not valid UTF-8 are read as
 * Windows-1252, which is what Excel on Windows writes for "CSV (comma delimited)".
 */
export function decodeCsvBytes(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}

/** The separator used most often in the first line, outside quotes; a comma when there is none. */
export function sniffSeparator(text: string): CsvSeparator {
  const counts: Record<CsvSeparator, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && (char === ',' || char === ';' || char === '\t')) counts[char]++;
  }
  // Ties go to the comma, then the semicolon: a header rarely contains either.
  let best: CsvSeparator = ',';
  for (const separator of [';', '\t'] as const) if (counts[separator] > counts[best]) best = separator;
  return best;
}

/**
 * Splits CSV text into rows of cells. Trailing blank rows are dropped; blank rows in the
 * middle stay (as empty rows) so later row numbers match what a spreadsheet shows.
 */
export function parseCsv(input: string, separator: CsvSeparator = sniffSeparator(input.replace(/^\uFEFF/, ''))): CsvTable {
  const text = input.replace(/^\uFEFF/, '');
  const rows: string[][] = [];
  let row: string[] = [];
  let index = 0;
  const length = text.length;

  while (index <= length) {
    if (index === length) {
      // The last row had no line break after it.
      if (row.length > 0) rows.push(row);
      break;
    }
    let cell: string;
    if (text[index] === '"') {
      const startRow = rows.length + 1;
      let value = '';
      let cursor = index + 1;
      for (;;) {
        const quote = text.indexOf('"', cursor);
        if (quote === -1) {
          throw new CsvFormatError(
            `Row ${startRow}: a quoted cell (column ${row.length + 1}) is never closed, so the rest of the file cannot be read. Check for a missing closing quote.`,
          );
        }
        value += text.slice(cursor, quote);
        if (text[quote + 1] === '"') {
          value += '"';
          cursor = quote + 2;
        } else {
          cursor = quote + 1;
          break;
        }
      }
      // Spreadsheets never write text between a closing quote and the separator; keep any as typed.
      const end = findCellEnd(text, cursor, separator);
      cell = value + text.slice(cursor, end);
      index = end;
    } else {
      const end = findCellEnd(text, index, separator);
      cell = text.slice(index, end);
      index = end;
    }
    row.push(cell);
    const char = text[index];
    if (char === separator) {
      index++;
      // A separator at the very end still opens one more (empty) cell.
      if (index === length) row.push('');
    } else if (char === '\r' || char === '\n') {
      index += char === '\r' && text[index + 1] === '\n' ? 2 : 1;
      rows.push(row);
      row = [];
    }
  }

  while (rows.length > 0 && isBlankRow(rows[rows.length - 1]!)) rows.pop();
  return { separator, rows };
}

function findCellEnd(text: string, from: number, separator: CsvSeparator): number {
  for (let index = from; index < text.length; index++) {
    const char = text[index];
    if (char === separator || char === '\n' || char === '\r') return index;
  }
  return text.length;
}

export function isBlankRow(cells: ReadonlyArray<unknown>): boolean {
  return cells.every((cell) => cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === ''));
}

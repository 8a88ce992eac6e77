/**
 * Reading KPI values as people type or paste them, and judging them against the KPI's
 * plausible range, before anything is written. Pure: the grid, the repository and the
 * importer all ask the same questions and get the same reasons.
 *
 * Pasted blocks follow one rule for empty cells: an empty cell leaves the value under it
 * as it is, so a sparse block from a spreadsheet can fill gaps without wiping what is
 * already recorded. Clearing is deliberate: Delete on a cell, or an empty edit.
 */
import type { KpiDefinition, Sprint } from '../domain/kpi';
import { formatKpiValue } from './format';

export type EntryKpi = Pick<KpiDefinition, 'id' | 'name' | 'unit' | 'validRange'>;
export type EntrySprint = Pick<Sprint, 'id' | 'number'>;

export type ParsedInput = { ok: true; value: number | null } | { ok: false; message: string };

const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const GROUPED_WITH_DOT_DECIMAL = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
const GROUPED_WITH_COMMA_DECIMAL = /^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$/;
const COMMA_DECIMAL = /^[+-]?\d*,\d+$/;

/**
 * A number as people write it: "4.5", "4,5" (decimal comma), "1,234.5" or "1.234,5"
 * (grouping plus decimal). "1,234" alone is refused as ambiguous: it means a thousand
 * times more in some countries than in others.
 */
export function parseLocaleNumber(raw: string): { ok: true; value: number } | { ok: false; message: string } {
  const text = raw.trim().replace(/^\u2212/, '-');
  const fail = () => ({ ok: false as const, message: `"${raw.trim()}" is not a number` });
  if (text === '') return fail();
  // A lone dot is a decimal point: spreadsheets copy computed values such as 4.333 that way.
  if (PLAIN_NUMBER.test(text)) return { ok: true, value: Number(text) };
  // A lone comma before exactly three digits may group thousands or mark decimals.
  if (/^[+-]?[1-9]\d{0,2},\d{3}$/.test(text)) return ambiguous(text);
  if (COMMA_DECIMAL.test(text)) return { ok: true, value: Number(text.replace(',', '.')) };
  if (GROUPED_WITH_DOT_DECIMAL.test(text)) return { ok: true, value: Number(text.replaceAll(',', '')) };
  if (GROUPED_WITH_COMMA_DECIMAL.test(text)) return { ok: true, value: Number(text.replaceAll('.', '').replace(',', '.')) };
  return fail();
}

function ambiguous(text: string) {
  return {
    ok: false as const,
    message: `"${text}" is ambiguous: write ${text.replace(',', '')} for the whole number or ${text.replace(',', '.')} for the decimal`,
  };
}

/**
 * One typed or pasted cell for `kpi`: empty means no value (null); "85%" is accepted for
 * percent KPIs only. Range is not checked here (see `valueProblem`).
 */
export function parseKpiInput(raw: string, kpi: Pick<EntryKpi, 'name' | 'unit'>): ParsedInput {
  let text = raw.trim();
  if (text === '') return { ok: true, value: null };
  if (text.endsWith('%')) {
    if (kpi.unit !== 'percent') {
      return { ok: false, message: `${kpi.name} is not a percentage, so "${text}" cannot be recorded (enter the number only)` };
    }
    text = text.slice(0, -1).trimEnd();
  }
  const parsed = parseLocaleNumber(text);
  if (!parsed.ok) return parsed;
  if (!Number.isFinite(parsed.value)) return { ok: false, message: `"${raw.trim()}" is too large` };
  return { ok: true, value: parsed.value };
}

const durationUnits = new Set<EntryKpi['unit']>(['days', 'hours']);

/** Why `value` cannot be a value of `kpi`, or null when it is plausible. */
export function valueProblem(value: number, kpi: Pick<EntryKpi, 'name' | 'unit' | 'validRange'>): string | null {
  if (!Number.isFinite(value)) return `${kpi.name} needs a finite number`;
  const { min, max } = kpi.validRange;
  if (value < min) {
    if (value < 0 && min >= 0) {
      const what = durationUnits.has(kpi.unit) ? 'durations' : kpi.unit === 'percent' ? 'percentages' : 'values';
      return `negative ${what} are impossible: ${formatKpiValue(value, kpi.unit)} for ${kpi.name}`;
    }
    return `${formatKpiValue(value, kpi.unit)} is below the ${formatKpiValue(min, kpi.unit)} minimum of ${kpi.name}`;
  }
  if (value > max) return `${formatKpiValue(value, kpi.unit)} is above the ${formatKpiValue(max, kpi.unit)} maximum of ${kpi.name}`;
  return null;
}

/** A typed cell: parsed and range-checked in one step. */
export function checkKpiInput(raw: string, kpi: EntryKpi): ParsedInput {
  const parsed = parseKpiInput(raw, kpi);
  if (!parsed.ok || parsed.value === null) return parsed;
  const problem = valueProblem(parsed.value, kpi);
  return problem === null ? parsed : { ok: false, message: problem };
}

/**
 * Clipboard text from a spreadsheet as rows of cells: tab-separated, CRLF, LF or CR line
 * ends, one trailing line end ignored, cells in double quotes (as spreadsheets write a
 * cell holding a tab or line break) unquoted.
 */
export function parseClipboardRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let index = 0;
  let quotedCell = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
    quotedCell = false;
  };
  while (index < text.length) {
    const char = text[index]!;
    if (char === '"' && cell.trim() === '' && !quotedCell) {
      // A quoted cell runs to the next lone quote; "" inside stands for one quote.
      let end = index + 1;
      let content = '';
      while (end < text.length) {
        if (text[end] === '"') {
          if (text[end + 1] === '"') {
            content += '"';
            end += 2;
            continue;
          }
          break;
        }
        content += text[end];
        end++;
      }
      if (end < text.length) {
        cell = content;
        quotedCell = true;
        index = end + 1;
        continue;
      }
    }
    if (char === '\t') {
      endCell();
    } else if (char === '\r' || char === '\n') {
      endCell();
      rows.push(row);
      row = [];
      index += char === '\r' && text[index + 1] === '\n' ? 2 : 1;
      continue;
    } else {
      cell += char;
    }
    index++;
  }
  if (cell !== '' || row.length > 0 || quotedCell) {
    endCell();
    rows.push(row);
  }
  return rows;
}

export interface GridPosition {
  /** Index into the grid's KPIs (rows). */
  row: number;
  /** Index into the grid's sprints (columns). */
  column: number;
}

export interface PlannedValue {
  kpiId: string;
  sprintId: string;
  value: number;
}

export interface CellProblem {
  kpiId: string;
  sprintId: string;
  /** "Sprint commitment rate, sprint 7: 140% is above the 100% maximum of Sprint commitment rate". */
  message: string;
}

export type PastePlan = { ok: true; values: PlannedValue[]; leftAsIs: number } | { ok: false; reason: string; problems: CellProblem[] };

const cellName = (kpi: EntryKpi, sprint: EntrySprint) => `${kpi.name}, sprint ${sprint.number}`;

/**
 * What pasting `text` with the top-left cell at `anchor` would write, or why it must not
 * write anything: a block larger than the grid from there, or any cell that is not a
 * plausible value. All or nothing, so a paste never leaves half a block behind.
 */
export function planPaste(text: string, kpis: readonly EntryKpi[], sprints: readonly EntrySprint[], anchor: GridPosition): PastePlan {
  const rows = parseClipboardRows(text);
  if (rows.length === 0 || rows.every((row) => row.every((cell) => cell.trim() === ''))) {
    return { ok: false, reason: 'The clipboard holds no values to paste.', problems: [] };
  }
  const width = Math.max(...rows.map((row) => row.length));
  const sprintsLeft = sprints.length - anchor.column;
  const kpisLeft = kpis.length - anchor.row;
  const fromSprint = sprints[anchor.column];
  const fromKpi = kpis[anchor.row];
  if (!fromSprint || !fromKpi) return { ok: false, reason: 'Choose a cell to paste into first.', problems: [] };
  if (width > sprintsLeft) {
    return {
      ok: false,
      reason: `The pasted block is ${plural(width, 'column')} wide, but there ${sprintsLeft === 1 ? 'is' : 'are'} only ${plural(sprintsLeft, 'sprint')} from sprint ${fromSprint.number} to the right. Add sprints first or paste further left.`,
      problems: [],
    };
  }
  if (rows.length > kpisLeft) {
    return {
      ok: false,
      reason: `The pasted block is ${plural(rows.length, 'row')} high, but there ${kpisLeft === 1 ? 'is' : 'are'} only ${plural(kpisLeft, 'KPI')} from ${fromKpi.name} down. Paste further up.`,
      problems: [],
    };
  }
  const values: PlannedValue[] = [];
  const problems: CellProblem[] = [];
  let leftAsIs = 0;
  rows.forEach((row, rowOffset) => {
    const kpi = kpis[anchor.row + rowOffset]!;
    for (let columnOffset = 0; columnOffset < width; columnOffset++) {
      const sprint = sprints[anchor.column + columnOffset]!;
      const checked = checkKpiInput(row[columnOffset] ?? '', kpi);
      if (!checked.ok) problems.push({ kpiId: kpi.id, sprintId: sprint.id, message: `${cellName(kpi, sprint)}: ${checked.message}` });
      else if (checked.value === null) leftAsIs++;
      else values.push({ kpiId: kpi.id, sprintId: sprint.id, value: checked.value });
    }
  });
  if (problems.length > 0) {
    return {
      ok: false,
      reason: `Nothing was pasted: ${plural(problems.length, 'cell')} ${problems.length === 1 ? 'is' : 'are'} not a valid value.`,
      problems,
    };
  }
  return { ok: true, values, leftAsIs };
}

function plural(count: number, word: string): string {
  return `${count} ${count === 1 ? word : `${word}s`}`;
}

/**
 * A value as a grid cell shows it: the number alone (the unit is in the row header), at
 * most two decimals, no grouping. Editing starts from the full stored value instead.
 */
export function gridValueText(value: number): string {
  return String(Math.round(value * 100) / 100);
}

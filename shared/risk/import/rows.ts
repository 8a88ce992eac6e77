/**
 * Turning the rows of a mapped sheet into register drafts. Every row either becomes a
 * draft or is rejected with its problems (row number, column, the value found and what
 * was expected); nothing is coerced silently.
 */
import type { Risk } from '../../domain/risk';
import type { RiskMatrix } from '../../domain/settings';
import { isResidualAboveInherent } from '../scoring';
import {
  importTargetLabels,
  isRiskItemType,
  levelReader,
  ownerMatcher,
  readCategory,
  readDate,
  readProximity,
  readResponse,
  readStatus,
  type ColumnTarget,
  type ImportTarget,
  type PersonName,
  type ValueResult,
} from './mapping';
import { MAX_CELL_CHARACTERS, cellText, type CellValue, type ImportTable, type SourceColumn } from './table';

/** Values for fields the file has no column for (or leaves blank); the wizard shows and edits them. */
export interface ImportDefaults {
  category: string;
  response: Risk['response'];
  status: Risk['status'];
  proximity: Risk['proximity'];
}

export const initialImportDefaults: ImportDefaults = { category: 'operational', response: 'mitigate', status: 'open', proximity: 'later' };

/** A risk as read from one row; the reference, ids and review date are given when it is written. */
export interface RiskImportDraft {
  rowNumber: number;
  title: string;
  description: string;
  category: string;
  cause: string;
  trigger: string;
  likelihood: number;
  impact: number;
  residualLikelihood: number | null;
  residualImpact: number | null;
  ownerId: string | null;
  response: Risk['response'];
  status: Risk['status'];
  proximity: Risk['proximity'];
  /** From the file; null: set from the rating band when written. */
  nextReviewOn: string | null;
}

export interface RowIssue {
  rowNumber: number;
  /** "C (Probability)"; empty when the issue concerns a field without a column. */
  column: string;
  /** The cell as found, shortened for display. */
  value: string;
  message: string;
}

export interface RowsResult {
  drafts: RiskImportDraft[];
  /** Rows that cannot be imported; one entry per problem. */
  problems: RowIssue[];
  /** Rows imported with something left out (an owner who is not in the engagement). */
  warnings: RowIssue[];
  /** Rows that are not risks (assumptions, issues, dependencies of a RAID log). */
  skipped: RowIssue[];
  /** Rows with at least one problem. */
  invalidRowCount: number;
}

export interface ImportContext {
  matrix: RiskMatrix;
  people: ReadonlyArray<PersonName>;
  defaults: ImportDefaults;
}

/** Longest value quoted back in a message. */
const SHOWN_VALUE_CHARACTERS = 60;

export function shortValue(value: CellValue): string {
  const text = cellText(value);
  // Only the start is looked at, so quoting a 1 MB cell costs no more than a short one.
  const head = text.slice(0, SHOWN_VALUE_CHARACTERS * 4).replace(/\s+/g, ' ');
  const cut = head.length > SHOWN_VALUE_CHARACTERS || text.length > SHOWN_VALUE_CHARACTERS * 4;
  return cut ? `${head.slice(0, SHOWN_VALUE_CHARACTERS - 1)}…` : head;
}

const textLimits = { title: 200, description: 8000, cause: 4000, trigger: 4000 } as const;

/** Strips the apostrophe that an export put before a formula-looking cell, so a round trip keeps the text. */
function undoFormulaGuard(text: string): string {
  return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

export function rowsToDrafts(table: ImportTable, mapping: ReadonlyArray<ColumnTarget>, context: ImportContext): RowsResult {
  const columnOf = new Map<ImportTarget, SourceColumn>();
  table.columns.forEach((column, index) => {
    const target = mapping[index];
    if (target && target !== 'ignore' && !columnOf.has(target)) columnOf.set(target, column);
  });
  const valuesOf = (target: ImportTarget) => {
    const column = columnOf.get(target);
    return column ? table.rows.map((row) => row.cells[column.index] ?? null) : [];
  };
  const readers = {
    likelihood: levelReader(context.matrix, 'likelihood', valuesOf('likelihood')),
    impact: levelReader(context.matrix, 'impact', valuesOf('impact')),
    residualLikelihood: levelReader(context.matrix, 'likelihood', valuesOf('residualLikelihood')),
    residualImpact: levelReader(context.matrix, 'impact', valuesOf('residualImpact')),
  };
  const matchOwner = ownerMatcher(context.people);
  const result: RowsResult = { drafts: [], problems: [], warnings: [], skipped: [], invalidRowCount: 0 };

  for (const row of table.rows) {
    const problems: RowIssue[] = [];
    const describe = (target: ImportTarget) => {
      const column = columnOf.get(target);
      return column ? `${column.letter} (${column.header})` : importTargetLabels[target];
    };
    const raw = (target: ImportTarget): CellValue => {
      const column = columnOf.get(target);
      return column ? (row.cells[column.index] ?? null) : null;
    };
    const problem = (target: ImportTarget, message: string) =>
      problems.push({ rowNumber: row.rowNumber, column: describe(target), value: shortValue(raw(target)), message });
    const isBlank = (target: ImportTarget) => cellText(raw(target)).trim() === '';

    if (columnOf.has('itemType') && !isRiskItemType(raw('itemType'))) {
      result.skipped.push({
        rowNumber: row.rowNumber,
        column: describe('itemType'),
        value: shortValue(raw('itemType')),
        message: 'not a risk',
      });
      continue;
    }

    // A cell longer than a spreadsheet can hold is refused before anything reads it.
    let oversized = false;
    for (const [target, column] of columnOf) {
      const value = row.cells[column.index];
      if (typeof value === 'string' && value.length > MAX_CELL_CHARACTERS) {
        problem(
          target,
          `the cell holds ${value.length.toLocaleString('en-GB')} characters; a spreadsheet cell holds at most ${MAX_CELL_CHARACTERS.toLocaleString('en-GB')}`,
        );
        oversized = true;
      }
    }
    if (oversized) {
      result.problems.push(...problems);
      result.invalidRowCount++;
      continue;
    }

    const text = (target: 'title' | 'description' | 'cause' | 'trigger' | 'mitigation' | 'contingency' | 'sourceReference') =>
      undoFormulaGuard(cellText(raw(target)).trim());

    const title = text('title');
    if (title === '') problem('title', 'the title is required');

    const read = <T>(target: ImportTarget, reader: (value: CellValue) => ValueResult<T>, fallback: T): T => {
      if (isBlank(target)) return fallback;
      const outcome = reader(raw(target));
      if (outcome.ok) return outcome.value;
      problem(target, `expected ${outcome.expected}`);
      return fallback;
    };
    const level = (target: 'likelihood' | 'impact' | 'residualLikelihood' | 'residualImpact', required: boolean): number | null => {
      if (isBlank(target)) {
        if (required) problem(target, `the ${importTargetLabels[target].toLowerCase()} is required`);
        return null;
      }
      return read<number | null>(target, readers[target], null);
    };

    const likelihood = level('likelihood', true);
    const impact = level('impact', true);
    const residualLikelihood = level('residualLikelihood', false);
    const residualImpact = level('residualImpact', false);
    if (isBlank('residualLikelihood') !== isBlank('residualImpact')) {
      problem(
        isBlank('residualLikelihood') ? 'residualLikelihood' : 'residualImpact',
        'give both residual likelihood and residual impact, or neither',
      );
    }

    const category = read('category', readCategory, context.defaults.category);
    const response = read('response', readResponse, context.defaults.response);
    const status = read('status', readStatus, context.defaults.status);
    const proximity = read('proximity', readProximity, context.defaults.proximity);
    const nextReviewOn = read<string | null>('nextReviewOn', readDate, null);

    let ownerId: string | null = null;
    const notes: string[] = [];
    // Notes only matter for rows that are imported; a refused row lists its problems alone.
    const warnings: RowIssue[] = [];
    if (!isBlank('owner')) {
      const match = matchOwner(cellText(raw('owner')));
      if (match.kind === 'person') ownerId = match.personId;
      else {
        warnings.push({
          rowNumber: row.rowNumber,
          column: describe('owner'),
          value: shortValue(raw('owner')),
          message:
            match.kind === 'ambiguous'
              ? 'more than one person of this engagement has this name; imported without an owner, the name kept in the description'
              : 'not a person of this engagement; imported without an owner, the name kept in the description',
        });
        notes.push(`Owner in the imported file: ${match.name}`);
      }
    }

    const mitigation = text('mitigation');
    const contingency = text('contingency');
    const reference = text('sourceReference');
    const description = [
      text('description'),
      mitigation && `Mitigation: ${mitigation}`,
      contingency && `Contingency: ${contingency}`,
      reference && `Reference in the imported file: ${reference}`,
      ...notes,
    ]
      .filter(Boolean)
      .join('\n\n');

    const cause = text('cause');
    const trigger = text('trigger');
    const lengths = { title, description, cause, trigger };
    for (const field of ['title', 'description', 'cause', 'trigger'] as const) {
      if (lengths[field].length > textLimits[field]) {
        problem(
          field,
          `at most ${textLimits[field].toLocaleString('en-GB')} characters fit, this has ${lengths[field].length.toLocaleString('en-GB')}`,
        );
      }
    }

    if (problems.length > 0 || likelihood === null || impact === null) {
      result.problems.push(...problems);
      result.invalidRowCount++;
      continue;
    }
    const draft: RiskImportDraft = {
      rowNumber: row.rowNumber,
      title,
      description,
      category,
      cause,
      trigger,
      likelihood,
      impact,
      residualLikelihood,
      residualImpact,
      ownerId,
      response,
      status,
      proximity,
      nextReviewOn,
    };
    if (isResidualAboveInherent(draft)) {
      warnings.push({
        rowNumber: row.rowNumber,
        column: describe('residualLikelihood'),
        value: `${residualLikelihood} × ${residualImpact}`,
        message: 'the residual rating is above the inherent one; imported as written and flagged in the register',
      });
    }
    result.drafts.push(draft);
    result.warnings.push(...warnings);
  }
  return result;
}

/**
 * The register table as a keyboard grid: its columns, how the arrow keys move the active
 * cell, and what an inline edit of each column turns into. Kept free of React so the
 * rules can be tested on their own.
 */
import type { Risk } from '@shared/domain/risk';
import type { RiskMatrix } from '@shared/domain/settings';
import type { RiskSortColumn } from '@shared/risk/register-query';
import type { RiskChanges } from '../../data/risk-repository';
import { CalendarDateSchema } from '@shared/domain/primitives';
import { parseLevel, RESIDUAL_PAIR_PROBLEM, REVIEW_DATE_REQUIRED } from './risk-form-model';

export type RegisterColumnKey =
  'reference' | 'title' | 'category' | 'inherent' | 'residual' | 'owner' | 'response' | 'status' | 'proximity' | 'nextReview' | 'updated';

/** How a cell is edited in place; null: it is not (Enter opens the risk instead). */
export type CellEditor = 'text' | 'select' | 'levels' | 'residual-levels' | 'date' | null;

export interface RegisterColumn {
  key: RegisterColumnKey;
  label: string;
  sort: RiskSortColumn | null;
  /** Says what the sort uses when the header alone would not. */
  sortNote?: string;
  editor: CellEditor;
  /** CSS grid track. */
  width: string;
}

export const registerColumns: readonly RegisterColumn[] = [
  { key: 'reference', label: 'Ref.', sort: 'reference', editor: null, width: '4.6rem' },
  { key: 'title', label: 'Title', sort: 'title', editor: 'text', width: 'minmax(13rem, 1fr)' },
  { key: 'category', label: 'Category', sort: 'category', editor: 'select', width: '9.5rem' },
  { key: 'inherent', label: 'Inherent', sort: null, editor: 'levels', width: '8.4rem' },
  {
    key: 'residual',
    label: 'Residual',
    sort: 'rating',
    sortNote: 'sorts by the current rating: residual once assessed, inherent before',
    editor: 'residual-levels',
    width: '9.4rem',
  },
  { key: 'owner', label: 'Owner', sort: 'owner', editor: 'select', width: '9rem' },
  { key: 'response', label: 'Response', sort: null, editor: 'select', width: '6.6rem' },
  { key: 'status', label: 'Status', sort: 'status', editor: 'select', width: '7rem' },
  { key: 'proximity', label: 'Proximity', sort: null, editor: 'select', width: '7rem' },
  { key: 'nextReview', label: 'Next review', sort: 'nextReviewOn', editor: 'date', width: '9rem' },
  { key: 'updated', label: 'Updated', sort: 'updatedAt', editor: null, width: '7.6rem' },
];

export const gridTemplateColumns = registerColumns.map((column) => column.width).join(' ');

/** The active cell; row -1 is the header row. */
export interface GridPosition {
  row: number;
  col: number;
}

export interface GridSize {
  rows: number;
  cols: number;
  /** Rows one Page Up / Page Down moves. */
  page: number;
}

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/**
 * Where a navigation key moves the active cell, or null when the key does not move it.
 * Arrows move one cell, Home/End to the row's ends (with Ctrl, the grid's), Page Up/Down
 * a screenful. The header row sits above the first risk.
 */
export function moveInGrid(
  position: GridPosition,
  key: { key: string; ctrlKey?: boolean; metaKey?: boolean },
  size: GridSize,
): GridPosition | null {
  const lastRow = size.rows - 1;
  const lastCol = size.cols - 1;
  const jump = key.ctrlKey || key.metaKey;
  const at = (row: number, col: number) => ({ row: clamp(row, -1, lastRow), col: clamp(col, 0, lastCol) });
  switch (key.key) {
    case 'ArrowUp':
      return at(position.row - 1, position.col);
    case 'ArrowDown':
      return at(position.row + 1, position.col);
    case 'ArrowLeft':
      return at(position.row, position.col - 1);
    case 'ArrowRight':
      return at(position.row, position.col + 1);
    case 'Home':
      return jump ? at(size.rows > 0 ? 0 : -1, 0) : at(position.row, 0);
    case 'End':
      return jump ? at(lastRow, lastCol) : at(position.row, lastCol);
    case 'PageUp':
      return at(Math.max(position.row - size.page, size.rows > 0 ? 0 : -1), position.col);
    case 'PageDown':
      return at(position.row + size.page, position.col);
    default:
      return null;
  }
}

/** The cell Tab (or Shift+Tab) moves to after an edit: along the row, then on to the next row; null past either end. */
export function nextCell(position: GridPosition, backwards: boolean, size: GridSize): GridPosition | null {
  const index = position.row * size.cols + position.col + (backwards ? -1 : 1);
  if (index < 0 || index >= size.rows * size.cols) return null;
  return { row: Math.floor(index / size.cols), col: index % size.cols };
}

/** What an editor holds: the inputs' strings, named as the risk's fields. */
export type EditValues = Record<string, string>;

export function editValuesFor(column: RegisterColumnKey, risk: Risk): EditValues {
  const level = (value: number | null) => (value === null ? '' : String(value));
  switch (column) {
    case 'title':
      return { title: risk.title };
    case 'category':
      return { category: risk.category };
    case 'inherent':
      return { likelihood: String(risk.likelihood), impact: String(risk.impact) };
    case 'residual':
      return { residualLikelihood: level(risk.residualLikelihood), residualImpact: level(risk.residualImpact) };
    case 'owner':
      return { ownerId: risk.ownerId ?? '' };
    case 'response':
      return { response: risk.response };
    case 'status':
      return { status: risk.status };
    case 'proximity':
      return { proximity: risk.proximity };
    case 'nextReview':
      return { nextReviewOn: risk.nextReviewOn ?? '' };
    default:
      return {};
  }
}

export type EditResult = { ok: true; changes: RiskChanges } | { ok: false; field: string; message: string };

/**
 * Turns an inline edit into the changes to save, or says what is wrong with it. Values
 * the repository checks against fresh data (an owner of the engagement, a level on the
 * matrix in force when saving) are checked there again.
 */
export function changesFromEdit(column: RegisterColumnKey, values: EditValues, risk: Risk, matrix: RiskMatrix): EditResult {
  const level = (field: string): { value: number | null } | { problem: string } => {
    const text = values[field] ?? '';
    if (text.trim() === '') return { value: null };
    const parsed = parseLevel(text, matrix.size);
    return 'level' in parsed ? { value: parsed.level } : { problem: parsed.problem };
  };
  switch (column) {
    case 'title': {
      const title = (values.title ?? '').trim();
      if (title === '') return { ok: false, field: 'title', message: 'Title is required.' };
      return { ok: true, changes: { title } };
    }
    case 'inherent':
    case 'residual': {
      const [likelihoodField, impactField] =
        column === 'inherent' ? (['likelihood', 'impact'] as const) : (['residualLikelihood', 'residualImpact'] as const);
      const likelihood = level(likelihoodField);
      const impact = level(impactField);
      if ('problem' in likelihood) return { ok: false, field: likelihoodField, message: `Likelihood ${likelihood.problem}.` };
      if ('problem' in impact) return { ok: false, field: impactField, message: `Impact ${impact.problem}.` };
      if (column === 'inherent') {
        if (likelihood.value === null) return { ok: false, field: 'likelihood', message: 'Likelihood is required.' };
        if (impact.value === null) return { ok: false, field: 'impact', message: 'Impact is required.' };
        return { ok: true, changes: { likelihood: likelihood.value, impact: impact.value } };
      }
      if ((likelihood.value === null) !== (impact.value === null)) {
        return {
          ok: false,
          field: likelihood.value === null ? 'residualLikelihood' : 'residualImpact',
          message: `Please ${RESIDUAL_PAIR_PROBLEM}.`,
        };
      }
      return { ok: true, changes: { residualLikelihood: likelihood.value, residualImpact: impact.value } };
    }
    case 'owner':
      return { ok: true, changes: { ownerId: values.ownerId ? values.ownerId : null } };
    case 'category':
      return { ok: true, changes: { category: values.category ?? risk.category } };
    case 'response':
      return { ok: true, changes: { response: (values.response ?? risk.response) as Risk['response'] } };
    case 'status':
      return { ok: true, changes: { status: (values.status ?? risk.status) as Risk['status'] } };
    case 'proximity':
      return { ok: true, changes: { proximity: (values.proximity ?? risk.proximity) as Risk['proximity'] } };
    case 'nextReview': {
      const date = (values.nextReviewOn ?? '').trim();
      if (date === '') {
        if (risk.status !== 'closed') return { ok: false, field: 'nextReviewOn', message: `Next review ${REVIEW_DATE_REQUIRED}.` };
        return { ok: true, changes: { nextReviewOn: null } };
      }
      if (!CalendarDateSchema.safeParse(date).success) return { ok: false, field: 'nextReviewOn', message: 'Next review must be a date.' };
      return { ok: true, changes: { nextReviewOn: date } };
    }
    default:
      return { ok: false, field: '', message: 'This column is not edited here; open the risk to change it.' };
  }
}

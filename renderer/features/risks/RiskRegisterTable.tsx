import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import type { Person } from '@shared/domain/engagement';
import { riskProximities, riskResponses, riskStatuses, type Risk } from '@shared/domain/risk';
import type { RiskMatrix } from '@shared/domain/settings';
import type { IndexedRisk } from '@shared/risk/register-filter';
import { riskCategoryLabel } from '@shared/risk/register-filter';
import type { RiskQuery, RiskSortColumn } from '@shared/risk/register-query';
import type { Rating } from '@shared/risk/scoring';
import { RecordConflictError, RecordNotFoundError, RecordValidationError } from '@shared/validation';
import { repositories } from '../../data';
import type { RiskChanges } from '../../data/risk-repository';
import { formatCalendarDate } from '../../app/format';
import { formatInstantDate } from './risk-dates';
import { historyFieldLabels } from './risk-history-text';
import { bandLabels, impactText, levelText, likelihoodText, proximityLabels, responseLabels, statusLabels } from './risk-labels';
import { RiskConflictDialog } from './RiskConflictDialog';
import {
  changesFromEdit,
  editValuesFor,
  gridTemplateColumns,
  moveInGrid,
  nextCell,
  registerColumns,
  type EditValues,
  type GridPosition,
  type RegisterColumn,
  type RegisterColumnKey,
} from './register-grid';
import { LabelledOptions } from '../../app/form-parts';

export const ROW_HEIGHT = 52;
const HEADER_HEIGHT = 38;
/** Rows Page Up / Page Down move. */
const PAGE_ROWS = 10;

interface Editing {
  /** The risk as it was when editing began: its revision guards the save. */
  risk: Risk;
  column: RegisterColumnKey;
  values: EditValues;
  error: string | null;
  saving: boolean;
}

/** The active cell, tied to a risk so it follows the risk when the order changes. */
interface Active {
  riskId: string | null;
  row: number;
  col: number;
}

/** Why an inline save was refused, said in place (a save overtaken by another window opens the conflict dialog instead). */
export function inlineSaveError(error: unknown): string {
  if (error instanceof RecordNotFoundError) return 'Not saved: this risk no longer exists.';
  if (error instanceof RecordValidationError) {
    return `Not saved: ${error.problems.map((problem) => `${historyFieldLabels[problem.field] ?? 'The risk'} ${problem.message}`).join('; ')}.`;
  }
  return `Not saved: ${error instanceof Error ? error.message : String(error)}`;
}

/**
 * The register as a keyboard grid: one tab stop, arrows move the active cell, Enter or F2
 * edits it in place, Enter saves, Escape cancels, Tab saves and moves on. Only the rows
 * in view (and the active one) are rendered, so thousands of risks scroll smoothly.
 */
export function RiskRegisterTable(props: {
  rows: readonly IndexedRisk[];
  matrix: RiskMatrix;
  people: readonly Person[];
  categories: readonly string[];
  sort: RiskQuery['sort'];
  /** The rows lag behind the filters while they catch up with typing. */
  stale: boolean;
  onSort(column: RiskSortColumn): void;
  onOpen(risk: Risk): void;
}) {
  const { rows, matrix } = props;
  const cols = registerColumns.length;
  const scrollRef = useRef<HTMLDivElement>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  const focusPending = useRef(false);
  const [active, setActive] = useState<Active>({ riskId: null, row: 0, col: 0 });
  const [editing, setEditing] = useState<Editing | null>(null);
  /** A save refused because another window saved the risk first; the editor waits (disabled) while the user decides. */
  const [conflict, setConflict] = useState<{ editing: Editing; changes: RiskChanges; target: GridPosition | null } | null>(null);

  const rowIndexById = useMemo(() => new Map(rows.map((entry, index) => [entry.risk.id, index])), [rows]);
  const activeRow =
    active.row === -1 || rows.length === 0
      ? -1
      : ((active.riskId !== null ? rowIndexById.get(active.riskId) : undefined) ?? Math.min(active.row, rows.length - 1));
  const activeCol = active.col;

  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      // The active row stays rendered while scrolled away, so focus is never lost with it.
      if (activeRow >= 0 && activeRow < range.count && !indexes.includes(activeRow)) indexes.push(activeRow);
      return indexes;
    },
    [activeRow],
  );
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    rangeExtractor,
  });

  const place = useCallback(
    (position: GridPosition, focus = true) => {
      const row = position.row;
      setActive({ riskId: row >= 0 ? (rows[row]?.risk.id ?? null) : null, row, col: position.col });
      if (focus) focusPending.current = true;
      if (row >= 0) virtualizer.scrollToIndex(row, { align: 'auto' });
    },
    [rows, virtualizer],
  );

  // Moves DOM focus to the active cell after a keyboard move, an edit or a save.
  useLayoutEffect(() => {
    if (!focusPending.current || editing) return;
    const cell = gridRef.current?.querySelector<HTMLElement>(`[data-cell="${activeRow}:${activeCol}"]`);
    if (cell) {
      focusPending.current = false;
      cell.focus({ preventScroll: activeRow === -1 });
    }
  });

  // An editor left behind by a risk that was filtered away or removed is dropped.
  useEffect(() => {
    if (editing && !rowIndexById.has(editing.risk.id)) setEditing(null);
  }, [editing, rowIndexById]);

  function startEditing(row: number, col: number) {
    const entry = rows[row];
    const column = registerColumns[col];
    if (!entry || !column) return;
    if (column.editor === null) {
      props.onOpen(entry.risk);
      return;
    }
    setActive({ riskId: entry.risk.id, row, col });
    setEditing({ risk: entry.risk, column: column.key, values: editValuesFor(column.key, entry.risk), error: null, saving: false });
  }

  function cancelEditing() {
    setEditing(null);
    focusPending.current = true;
  }

  async function commit(direction: 'stay' | 'next' | 'previous') {
    if (!editing || editing.saving) return;
    const result = changesFromEdit(editing.column, editing.values, editing.risk, matrix);
    if (!result.ok) {
      setEditing({ ...editing, error: result.message });
      return;
    }
    const row = rowIndexById.get(editing.risk.id) ?? activeRow;
    const col = registerColumns.findIndex((column) => column.key === editing.column);
    const target =
      direction === 'stay' ? null : nextCell({ row, col }, direction === 'previous', { rows: rows.length, cols, page: PAGE_ROWS });
    setEditing({ ...editing, saving: true, error: null });
    try {
      await repositories.riskRegister.update(editing.risk.id, result.changes, editing.risk.revision);
      saved(editing.risk.id, target);
    } catch (error) {
      // Another window saved this risk first: ask, rather than refuse and lose the edit.
      if (error instanceof RecordConflictError) setConflict({ editing, changes: result.changes, target });
      else setEditing({ ...editing, saving: false, error: inlineSaveError(error) });
    }
  }

  function saved(riskId: string, target: GridPosition | null) {
    setEditing(null);
    setConflict(null);
    // The active cell follows the risk (a new rating may move it in the sort order); Tab goes on to the neighbour it had.
    const row = rowIndexById.get(riskId) ?? activeRow;
    const col = activeCol;
    setActive(target ? { riskId: rows[target.row]?.risk.id ?? null, row: target.row, col: target.col } : { riskId, row, col });
    focusPending.current = true;
  }

  function onCellPointer(row: number, col: number) {
    if (editing) return;
    setActive({ riskId: row >= 0 ? (rows[row]?.risk.id ?? null) : null, row, col });
  }

  // Rows are memoised; they get stable callbacks that always reach the latest handlers.
  const latest = useRef({ startEditing, cancelEditing, commit, onCellPointer, onOpen: props.onOpen });
  latest.current = { startEditing, cancelEditing, commit, onCellPointer, onOpen: props.onOpen };
  const rowHandlers = useMemo(
    () => ({
      onPointer: (row: number, col: number) => latest.current.onCellPointer(row, col),
      onStartEditing: (row: number, col: number) => latest.current.startEditing(row, col),
      onOpen: (risk: Risk) => latest.current.onOpen(risk),
      onEditValues: (values: EditValues) => setEditing((current) => (current ? { ...current, values, error: null } : current)),
      onCommit: (direction: 'stay' | 'next' | 'previous') => void latest.current.commit(direction),
      onCancel: () => latest.current.cancelEditing(),
    }),
    [],
  );

  function onGridKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (editing) return;
    const position = { row: activeRow, col: activeCol };
    const moved = moveInGrid(position, event, { rows: rows.length, cols, page: PAGE_ROWS });
    if (moved) {
      event.preventDefault();
      place(moved);
      return;
    }
    if (event.key === 'Enter' || event.key === 'F2' || (event.key === ' ' && activeRow === -1)) {
      event.preventDefault();
      if (activeRow === -1) {
        const sort = registerColumns[activeCol]?.sort;
        if (sort) props.onSort(sort);
        return;
      }
      startEditing(activeRow, activeCol);
    }
  }

  const items = virtualizer.getVirtualItems();
  const editingRow = editing ? (rowIndexById.get(editing.risk.id) ?? -1) : -1;

  return (
    <div className="risk-grid-scroll table-wrap" ref={scrollRef} data-testid="risk-register-scroll">
      <div
        ref={gridRef}
        role="grid"
        aria-label="Risk register"
        aria-rowcount={rows.length + 1}
        aria-colcount={cols}
        aria-busy={props.stale || undefined}
        className="risk-grid"
        data-testid="risk-register"
        onKeyDown={onGridKeyDown}
      >
        <div role="rowgroup" className="risk-grid-head">
          <div role="row" aria-rowindex={1} className="risk-grid-row" style={{ gridTemplateColumns, height: HEADER_HEIGHT }}>
            {registerColumns.map((column, col) => (
              <HeaderCell
                key={column.key}
                column={column}
                col={col}
                sort={props.sort}
                active={activeRow === -1 && activeCol === col}
                onSort={props.onSort}
                onPointer={rowHandlers.onPointer}
              />
            ))}
          </div>
        </div>
        <div role="rowgroup" className="risk-grid-body" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const entry = rows[item.index]!;
            return (
              <RiskRow
                key={entry.risk.id}
                entry={entry}
                index={item.index}
                top={item.start - HEADER_HEIGHT}
                activeCol={activeRow === item.index ? activeCol : -1}
                editing={editingRow === item.index ? editing : null}
                blockPointer={editing !== null}
                matrix={matrix}
                people={props.people}
                categories={props.categories}
                {...rowHandlers}
              />
            );
          })}
        </div>
      </div>
      {conflict && (
        <RiskConflictDialog
          base={conflict.editing.risk}
          changes={conflict.changes}
          matrix={matrix}
          people={props.people}
          onKeepTheirs={() => {
            setConflict(null);
            cancelEditing();
          }}
          onApplied={() => saved(conflict.editing.risk.id, conflict.target)}
          onCancel={() => {
            setConflict(null);
            setEditing({ ...conflict.editing, saving: false, error: null });
          }}
        />
      )}
    </div>
  );
}

function HeaderCell(props: {
  column: RegisterColumn;
  col: number;
  sort: RiskQuery['sort'];
  active: boolean;
  onSort(column: RiskSortColumn): void;
  onPointer(row: number, col: number): void;
}) {
  const { column } = props;
  const sorted = column.sort !== null && props.sort.column === column.sort;
  const direction = sorted ? (props.sort.direction === 'asc' ? 'ascending' : 'descending') : undefined;
  return (
    <div
      role="columnheader"
      aria-colindex={props.col + 1}
      aria-sort={column.sort === null ? undefined : (direction ?? 'none')}
      tabIndex={props.active ? 0 : -1}
      data-cell={`-1:${props.col}`}
      className="risk-grid-header"
      data-sortable={column.sort !== null || undefined}
      title={column.sortNote ? `Sort: ${column.sortNote}` : column.sort ? `Sort by ${column.label.toLowerCase()}` : undefined}
      onMouseDown={() => props.onPointer(-1, props.col)}
      onClick={() => column.sort && props.onSort(column.sort)}
    >
      {column.label}
      {column.sort !== null && (
        <span className="risk-sort-mark" aria-hidden="true">
          {sorted ? (props.sort.direction === 'asc' ? '▲' : '▼') : '↕'}
        </span>
      )}
      {column.sortNote && <span className="visually-hidden">, {column.sortNote}</span>}
    </div>
  );
}

interface RowProps {
  entry: IndexedRisk;
  index: number;
  top: number;
  /** The active column when this row holds the active cell, else -1. */
  activeCol: number;
  editing: Editing | null;
  blockPointer: boolean;
  matrix: RiskMatrix;
  people: readonly Person[];
  categories: readonly string[];
  onPointer(row: number, col: number): void;
  onStartEditing(row: number, col: number): void;
  onOpen(risk: Risk): void;
  onEditValues(values: EditValues): void;
  onCommit(direction: 'stay' | 'next' | 'previous'): void;
  onCancel(): void;
}

const RiskRow = memo(function RiskRow(props: RowProps) {
  const { entry, index, editing } = props;
  const { risk } = entry;
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      className="risk-grid-row"
      data-testid="risk-row"
      data-reference={risk.reference}
      data-editing={editing ? 'true' : undefined}
      style={{ gridTemplateColumns, transform: `translateY(${props.top}px)`, height: ROW_HEIGHT }}
    >
      {registerColumns.map((column, col) => {
        const isActive = props.activeCol === col;
        const isEditing = editing !== null && editing.column === column.key;
        return (
          <div
            key={column.key}
            role="gridcell"
            aria-colindex={col + 1}
            aria-readonly={column.editor === null || undefined}
            tabIndex={isActive && !isEditing ? 0 : -1}
            data-cell={`${index}:${col}`}
            data-column={column.key}
            className="risk-grid-cell"
            onMouseDown={(event) => {
              if (props.blockPointer) {
                if (!isEditing) event.preventDefault();
                return;
              }
              props.onPointer(index, col);
            }}
            onDoubleClick={() => !props.blockPointer && column.editor !== null && props.onStartEditing(index, col)}
          >
            {isEditing ? (
              <CellEditor
                column={column}
                editing={editing}
                risk={risk}
                matrix={props.matrix}
                people={props.people}
                categories={props.categories}
                onValues={props.onEditValues}
                onCommit={props.onCommit}
                onCancel={props.onCancel}
              />
            ) : (
              <CellContent column={column.key} entry={entry} matrix={props.matrix} onOpen={props.onOpen} />
            )}
          </div>
        );
      })}
    </div>
  );
});

function RatingText(props: { rating: Rating | null; likelihood: number; impact: number; matrix: RiskMatrix }) {
  const { rating, likelihood, impact, matrix } = props;
  return (
    <span className="risk-rating">
      <span aria-hidden="true">
        {likelihood}×{impact}
      </span>
      <span className="visually-hidden">
        likelihood {likelihoodText(matrix, likelihood)}, impact {impactText(matrix, impact)},
      </span>
      {rating ? (
        <span className="pill risk-band" data-band={rating.band}>
          {bandLabels[rating.band]}
        </span>
      ) : (
        <span className="flag">beyond the matrix</span>
      )}
    </span>
  );
}

function CellContent(props: { column: RegisterColumnKey; entry: IndexedRisk; matrix: RiskMatrix; onOpen(risk: Risk): void }) {
  const { entry, matrix } = props;
  const { risk } = entry;
  switch (props.column) {
    case 'reference':
      return (
        <button type="button" className="link risk-ref" tabIndex={-1} onClick={() => props.onOpen(risk)}>
          {risk.reference}
        </button>
      );
    case 'title':
      return (
        <span className="risk-clamp" title={risk.title}>
          {risk.title}
        </span>
      );
    case 'category':
      return <span className="risk-clamp">{entry.categoryLabel}</span>;
    case 'inherent':
      return <RatingText rating={entry.inherent} likelihood={risk.likelihood} impact={risk.impact} matrix={matrix} />;
    case 'residual':
      if (risk.residualLikelihood === null || risk.residualImpact === null) return <span className="muted">Not assessed</span>;
      return (
        <span className="risk-stacked">
          <RatingText rating={entry.residual} likelihood={risk.residualLikelihood} impact={risk.residualImpact} matrix={matrix} />
          {entry.inconsistent && (
            <span className="flag" title="The residual rating is above the inherent one">
              ⚠ Inconsistent
            </span>
          )}
        </span>
      );
    case 'owner':
      return entry.ownerName === null ? <span className="muted">Nobody</span> : <span className="risk-clamp">{entry.ownerName}</span>;
    case 'response':
      return <>{responseLabels[risk.response]}</>;
    case 'status':
      return <>{statusLabels[risk.status]}</>;
    case 'proximity':
      return <>{proximityLabels[risk.proximity]}</>;
    case 'nextReview':
      return (
        <span className="risk-stacked">
          {risk.nextReviewOn ? (
            <time dateTime={risk.nextReviewOn}>{formatCalendarDate(risk.nextReviewOn)}</time>
          ) : (
            <span className="muted">None</span>
          )}
          {entry.overdue && <span className="flag">⚠ Overdue</span>}
          {entry.untouched && <span className="flag">⚠ Untouched 90 days</span>}
        </span>
      );
    case 'updated':
      return <time dateTime={risk.updatedAt}>{formatInstantDate(risk.updatedAt)}</time>;
  }
}

function CellEditor(props: {
  column: RegisterColumn;
  editing: Editing;
  risk: Risk;
  matrix: RiskMatrix;
  people: readonly Person[];
  categories: readonly string[];
  onValues(values: EditValues): void;
  onCommit(direction: 'stay' | 'next' | 'previous'): void;
  onCancel(): void;
}) {
  const { column, editing, risk, matrix } = props;
  const wrapperRef = useRef<HTMLDivElement>(null);
  const errorId = `risk-cell-error-${risk.id}`;
  const set = (field: string, value: string) => props.onValues({ ...editing.values, [field]: value });
  const invalid = editing.error !== null;
  const common = (field: string, label: string) => ({
    'aria-label': `${label} of ${risk.reference}`,
    'aria-invalid': invalid || undefined,
    'aria-describedby': invalid ? errorId : undefined,
    disabled: editing.saving,
    name: field,
    value: editing.values[field] ?? '',
    onChange: (event: { target: { value: string } }) => set(field, event.target.value),
  });

  // A refused save keeps the editor open with its value; focus returns to it so the user can fix or Escape.
  useEffect(() => {
    if (!editing.saving) wrapperRef.current?.querySelector<HTMLElement>('input, select')?.focus();
  }, [editing.saving]);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    // Keys typed into the editor belong to it, not to the grid's navigation.
    event.stopPropagation();
    if (event.key === 'Enter') {
      event.preventDefault();
      props.onCommit('stay');
    } else if (event.key === 'Escape') {
      event.preventDefault();
      props.onCancel();
    } else if (event.key === 'Tab') {
      const controls = [...(wrapperRef.current?.querySelectorAll<HTMLElement>('input, select') ?? [])];
      const position = controls.indexOf(event.target as HTMLElement);
      const staysInside = event.shiftKey ? position > 0 : position >= 0 && position < controls.length - 1;
      if (staysInside) return;
      event.preventDefault();
      props.onCommit(event.shiftKey ? 'previous' : 'next');
    }
  }

  const levelOptions = (labels: readonly string[]) =>
    labels.map((_, index) => (
      <option key={index + 1} value={String(index + 1)}>
        {levelText(labels, index + 1)}
      </option>
    ));
  const keepUnknown = (value: string | undefined, known: boolean, text: string): ReactNode =>
    value !== undefined && value !== '' && !known ? <option value={value}>{text}</option> : null;

  let control: ReactNode;
  switch (column.key) {
    case 'title':
      control = <input {...common('title', 'Title')} maxLength={200} />;
      break;
    case 'category':
      control = (
        <select {...common('category', 'Category')}>
          {props.categories.map((category) => (
            <option key={category} value={category}>
              {riskCategoryLabel(category)}
            </option>
          ))}
          {keepUnknown(
            editing.values.category,
            props.categories.includes(editing.values.category ?? ''),
            riskCategoryLabel(editing.values.category ?? ''),
          )}
        </select>
      );
      break;
    case 'inherent':
    case 'residual': {
      const residual = column.key === 'residual';
      const [likelihoodField, impactField] = residual ? ['residualLikelihood', 'residualImpact'] : ['likelihood', 'impact'];
      const beyond = (value: string | undefined) => keepUnknown(value, Number(value) <= matrix.size, `${value} (beyond the matrix)`);
      control = (
        <span className="risk-level-editor">
          <select {...common(likelihoodField!, residual ? 'Residual likelihood' : 'Likelihood')}>
            {residual && <option value="">Not assessed</option>}
            {levelOptions(matrix.likelihoodLabels)}
            {beyond(editing.values[likelihoodField!])}
          </select>
          <select {...common(impactField!, residual ? 'Residual impact' : 'Impact')}>
            {residual && <option value="">Not assessed</option>}
            {levelOptions(matrix.impactLabels)}
            {beyond(editing.values[impactField!])}
          </select>
        </span>
      );
      break;
    }
    case 'owner':
      control = (
        <select {...common('ownerId', 'Owner')}>
          <option value="">Nobody</option>
          {props.people.map((person) => (
            <option key={person.id} value={person.id}>
              {person.name}
            </option>
          ))}
          {keepUnknown(
            editing.values.ownerId,
            props.people.some((person) => person.id === editing.values.ownerId),
            'A person no longer recorded',
          )}
        </select>
      );
      break;
    case 'response':
      control = (
        <select {...common('response', 'Response')}>
          <LabelledOptions values={riskResponses} labels={responseLabels} />
        </select>
      );
      break;
    case 'status':
      control = (
        <select {...common('status', 'Status')}>
          <LabelledOptions values={riskStatuses} labels={statusLabels} />
        </select>
      );
      break;
    case 'proximity':
      control = (
        <select {...common('proximity', 'Proximity')}>
          <LabelledOptions values={riskProximities} labels={proximityLabels} />
        </select>
      );
      break;
    case 'nextReview':
      control = <input type="date" {...common('nextReviewOn', 'Next review')} />;
      break;
    default:
      control = null;
  }

  return (
    <div className="risk-cell-editor" ref={wrapperRef} onKeyDown={onKeyDown} data-testid="risk-cell-editor">
      {control}
      {editing.error && (
        <div className="risk-cell-error" id={errorId} role="alert">
          {editing.error}
        </div>
      )}
    </div>
  );
}

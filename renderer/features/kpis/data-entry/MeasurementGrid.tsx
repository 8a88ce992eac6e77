import {
  memo,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ClipboardEvent,
  type KeyboardEvent,
  type MouseEvent,
  type ReactNode,
} from 'react';
import type { KpiDefinition, KpiMeasurement, Sprint } from '@shared/domain/kpi';
import type { Team } from '@shared/domain/engagement';
import { formatKpiValue, kpiUnitLabels } from '@shared/kpi/format';
import { checkKpiInput, gridValueText, planPaste, valueProblem, type CellProblem } from '@shared/kpi/measurement-entry';
import { describeSprint } from '@shared/kpi/sprints';
import { repositories } from '../../../data';
import type { MeasurementEntry } from '../../../data/kpi-data-repository';
import { useUiStore } from '../../../app/ui-store';
import { formatCalendarDate, plural } from '../../../app/format';
import { saveErrorMessage } from '../../../app/form-parts';
import { useDataEntryStore } from './data-entry-store';

/** Sprints the grid shows unless asked for all: about half a year of two-week sprints. */
export const RECENT_SPRINT_COLUMNS = 12;

const sourceLabels: Record<KpiMeasurement['source'], string> = {
  manual: 'typed in',
  'jira-csv': 'imported from a Jira CSV export',
  'jira-json': 'imported from a Jira JSON export',
  spreadsheet: 'pasted from a spreadsheet',
  demo: 'demo data',
};

export const cellKey = (kpiId: string, sprintId: string) => `${kpiId}|${sprintId}`;

/** "Cycle time (days)"; a count needs no unit, its name says what is counted. */
export function kpiRowLabel(kpi: Pick<KpiDefinition, 'name' | 'unit'>): { name: string; unit: string | null } {
  return { name: kpi.name, unit: kpi.unit === 'count' ? null : kpiUnitLabels[kpi.unit] };
}

interface CellView {
  text: string;
  label: string;
  title: string;
  source: KpiMeasurement['source'] | null;
  outOfRange: boolean;
  pasteProblem: boolean;
}

interface Editing {
  text: string;
  /** Started by typing: arrows save and move, as in a spreadsheet. Started by Enter or F2: arrows move the caret. */
  mode: 'enter' | 'edit';
  error: string | null;
}

interface Position {
  row: number;
  column: number;
}

type Move = 'up' | 'down' | 'left' | 'right' | 'stay';

/**
 * The keyboard-first grid of one team's values: KPIs down, sprints across (latest at the
 * right). Arrows move; typing, Enter or F2 edit; Enter saves and moves down; Tab and
 * Shift+Tab save and move across; Escape cancels; Delete clears; a block pasted from a
 * spreadsheet fills from the focused cell, or is refused whole with every bad cell named.
 */
export function MeasurementGrid(props: {
  engagementId: string;
  team: Team;
  kpis: KpiDefinition[];
  sprints: Sprint[];
  valueAt: ReadonlyMap<string, KpiMeasurement>;
}) {
  const { engagementId, team, kpis, sprints, valueAt } = props;
  const notify = useUiStore((state) => state.notify);
  const showAll = useDataEntryStore((state) => state.allSprintsByTeam[team.id] ?? false);
  const setShowAll = useDataEntryStore((state) => state.showAllSprints);
  const visibleSprints = useMemo(() => (showAll ? sprints : sprints.slice(-RECENT_SPRINT_COLUMNS)), [sprints, showAll]);
  const hiddenColumns = sprints.length - visibleSprints.length;

  const [activeIds, setActiveIds] = useState<{ kpiId: string; sprintId: string } | null>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [pending, setPending] = useState<ReadonlyMap<string, number | null>>(new Map());
  const [refusal, setRefusal] = useState<{ reason: string; problems: CellProblem[] } | null>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  const wrapRef = useRef<HTMLDivElement>(null);
  const tableRef = useRef<HTMLTableElement>(null);

  // The active cell is kept by ids, so it survives new sprints and live updates; it
  // falls back to the latest sprint of the first KPI.
  const active: Position | null = useMemo(() => {
    if (kpis.length === 0 || visibleSprints.length === 0) return null;
    const row = activeIds ? kpis.findIndex((kpi) => kpi.id === activeIds.kpiId) : -1;
    const column = activeIds ? visibleSprints.findIndex((sprint) => sprint.id === activeIds.sprintId) : -1;
    return { row: row === -1 ? 0 : row, column: column === -1 ? visibleSprints.length - 1 : column };
  }, [activeIds, kpis, visibleSprints]);

  // A pending value shows at once; it is dropped when the stored value has caught up.
  useEffect(() => {
    setPending((current) => {
      if (current.size === 0) return current;
      const next = new Map(current);
      for (const [key, value] of current) if ((valueAt.get(key)?.value ?? null) === value) next.delete(key);
      return next.size === current.size ? current : next;
    });
  }, [valueAt]);

  // Latest sprint in view when the team or the column set changes.
  useLayoutEffect(() => {
    const wrap = wrapRef.current;
    if (wrap) wrap.scrollLeft = wrap.scrollWidth;
  }, [team.id, showAll, sprints.length]);

  // Focus follows the active cell only when a key, a paste or a save asked for it, never
  // because live data changed, so the grid does not take the focus from elsewhere.
  const activeRef = useRef(active);
  activeRef.current = active;
  useEffect(() => {
    const position = activeRef.current;
    if (focusRequest === 0 || !position) return;
    const cell = tableRef.current?.querySelector<HTMLElement>(`[data-row="${position.row}"][data-column="${position.column}"]`);
    cell?.focus({ preventScroll: true });
    cell?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [focusRequest]);

  const problemKeys = useMemo(
    () => new Set((refusal?.problems ?? []).map((problem) => cellKey(problem.kpiId, problem.sprintId))),
    [refusal],
  );

  const rows = useMemo(
    () =>
      kpis.map((kpi) =>
        visibleSprints.map((sprint): CellView => {
          const key = cellKey(kpi.id, sprint.id);
          const stored = valueAt.get(key);
          const value = pending.has(key) ? (pending.get(key) ?? null) : (stored?.value ?? null);
          const where = `${kpi.name}, sprint ${sprint.number}`;
          const pasteProblem = problemKeys.has(key);
          if (value === null)
            return { text: '', label: `${where}: no value`, title: 'No value', source: null, outOfRange: false, pasteProblem };
          const shown = formatKpiValue(value, kpi.unit);
          const outOfRange = valueProblem(value, kpi);
          const origin =
            stored && stored.value === value
              ? `${sourceLabels[stored.source]} on ${formatCalendarDate(stored.recordedAt.slice(0, 10))}`
              : 'saving…';
          return {
            text: gridValueText(value),
            label: `${where}: ${shown}`,
            title: [`${shown}, ${origin}`, stored?.note, outOfRange ? `Outside the plausible range: ${outOfRange}` : null]
              .filter(Boolean)
              .join('\n'),
            source: stored && stored.value === value ? stored.source : 'manual',
            outOfRange: outOfRange !== null,
            pasteProblem,
          };
        }),
      ),
    [kpis, visibleSprints, valueAt, pending, problemKeys],
  );

  const moveTo = useCallback(
    (position: Position) => {
      const kpi = kpis[position.row];
      const sprint = visibleSprints[position.column];
      if (!kpi || !sprint) return;
      setActiveIds({ kpiId: kpi.id, sprintId: sprint.id });
      setFocusRequest((count) => count + 1);
    },
    [kpis, visibleSprints],
  );

  function moved(from: Position, move: Move): Position {
    const lastRow = kpis.length - 1;
    const lastColumn = visibleSprints.length - 1;
    switch (move) {
      case 'up':
        return { ...from, row: Math.max(0, from.row - 1) };
      case 'down':
        return { ...from, row: Math.min(lastRow, from.row + 1) };
      case 'left':
        return { ...from, column: Math.max(0, from.column - 1) };
      case 'right':
        return { ...from, column: Math.min(lastColumn, from.column + 1) };
      default:
        return from;
    }
  }

  function write(entries: MeasurementEntry[], success?: string) {
    if (entries.length === 0) return;
    setPending((current) => {
      const next = new Map(current);
      for (const entry of entries) next.set(cellKey(entry.kpiId, entry.sprintId), entry.value);
      return next;
    });
    repositories.kpiData.setMeasurements(engagementId, entries).then(
      () => {
        if (success) notify('success', success);
      },
      (error: unknown) => {
        setPending((current) => {
          const next = new Map(current);
          for (const entry of entries) next.delete(cellKey(entry.kpiId, entry.sprintId));
          return next;
        });
        notify('error', `The values were not saved: ${saveErrorMessage(error, 'value')}`);
      },
    );
  }

  function currentValue(position: Position): number | null {
    const key = cellKey(kpis[position.row]!.id, visibleSprints[position.column]!.id);
    return pending.has(key) ? (pending.get(key) ?? null) : (valueAt.get(key)?.value ?? null);
  }

  function setCell(position: Position, value: number | null) {
    if (currentValue(position) === value) return;
    const kpi = kpis[position.row]!;
    const sprint = visibleSprints[position.column]!;
    write([{ teamId: team.id, sprintId: sprint.id, kpiId: kpi.id, value, source: 'manual' }]);
  }

  /**
   * Saves the edited value and moves (or, with `refocus` false, leaves the focus where the
   * person put it); false, with the reason shown, when the value is not valid.
   */
  function commit(move: Move, refocus = true): boolean {
    if (!active || !editing) return true;
    const kpi = kpis[active.row]!;
    const checked = checkKpiInput(editing.text, kpi);
    if (!checked.ok) {
      setEditing({ ...editing, error: `${kpi.name}, sprint ${visibleSprints[active.column]!.number}: ${checked.message}` });
      return false;
    }
    setCell(active, checked.value);
    setEditing(null);
    if (refocus) moveTo(moved(active, move));
    return true;
  }

  function cancelEditing() {
    setEditing(null);
    setFocusRequest((count) => count + 1);
  }

  function startEditing(text: string, mode: Editing['mode']) {
    setRefusal(null);
    setEditing({ text, mode, error: null });
  }

  function onGridKeyDown(event: KeyboardEvent<HTMLTableElement>) {
    if (!active || editing || !(event.target as HTMLElement).matches('[data-column]')) return;
    const { key } = event;
    const modifier = event.ctrlKey || event.metaKey || event.altKey;
    const arrows: Record<string, Move> = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' };
    let handled = true;
    if (key in arrows && !modifier) moveTo(moved(active, arrows[key]!));
    else if (key === 'Home') moveTo({ row: event.ctrlKey ? 0 : active.row, column: 0 });
    else if (key === 'End') moveTo({ row: event.ctrlKey ? kpis.length - 1 : active.row, column: visibleSprints.length - 1 });
    else if (key === 'Tab') {
      const next = moved(active, event.shiftKey ? 'left' : 'right');
      // At the grid's edge Tab leaves the grid, so it never traps the keyboard.
      if (next.column === active.column) handled = false;
      else moveTo(next);
    } else if (key === 'Enter' || key === 'F2') {
      const value = currentValue(active);
      startEditing(value === null ? '' : String(value), 'edit');
    } else if (key === 'Delete' || key === 'Backspace') {
      setRefusal(null);
      setCell(active, null);
    } else if (key.length === 1 && !modifier) startEditing(key, 'enter');
    else handled = false;
    if (handled) event.preventDefault();
  }

  function onEditorKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (!editing) return;
    event.stopPropagation();
    const { key } = event;
    let move: Move | null = null;
    if (key === 'Enter') move = event.shiftKey ? 'up' : 'down';
    else if (key === 'Tab') move = event.shiftKey ? 'left' : 'right';
    else if (editing.mode === 'enter' && key === 'ArrowUp') move = 'up';
    else if (editing.mode === 'enter' && key === 'ArrowDown') move = 'down';
    else if (editing.mode === 'enter' && key === 'ArrowLeft') move = 'left';
    else if (editing.mode === 'enter' && key === 'ArrowRight') move = 'right';
    else if (key === 'Escape') {
      event.preventDefault();
      cancelEditing();
      return;
    }
    if (move) {
      event.preventDefault();
      commit(move);
    }
  }

  function positionOf(target: EventTarget): Position | null {
    const cell = (target as HTMLElement).closest<HTMLElement>('[data-column]');
    if (!cell) return null;
    return { row: Number(cell.dataset.row), column: Number(cell.dataset.column) };
  }

  function onGridMouseDown(event: MouseEvent<HTMLTableElement>) {
    const position = positionOf(event.target);
    if (!position || (editing && active && position.row === active.row && position.column === active.column)) return;
    if (editing && !commit('stay', false)) {
      event.preventDefault();
      return;
    }
    const kpi = kpis[position.row];
    const sprint = visibleSprints[position.column];
    if (kpi && sprint) setActiveIds({ kpiId: kpi.id, sprintId: sprint.id });
  }

  function onGridDoubleClick(event: MouseEvent<HTMLTableElement>) {
    const position = positionOf(event.target);
    if (!position || editing) return;
    const value = currentValue(position);
    startEditing(value === null ? '' : String(value), 'edit');
  }

  function onGridPaste(event: ClipboardEvent<HTMLTableElement>) {
    if (!active) return;
    const text = event.clipboardData.getData('text/plain');
    // A single value pasted while editing goes into the editor like any text.
    if (editing && !/[\t\r\n]/.test(text.replace(/(\r\n|\n|\r)$/, ''))) return;
    event.preventDefault();
    setEditing(null);
    const plan = planPaste(text, kpis, visibleSprints, active);
    if (!plan.ok) {
      setRefusal({ reason: plan.reason, problems: plan.problems });
      setFocusRequest((count) => count + 1);
      return;
    }
    setRefusal(null);
    const changed = plan.values.filter((planned) => {
      const key = cellKey(planned.kpiId, planned.sprintId);
      return (pending.has(key) ? pending.get(key) : valueAt.get(key)?.value) !== planned.value;
    });
    const sprintNumbers = [
      ...new Set(plan.values.map((planned) => visibleSprints.find((sprint) => sprint.id === planned.sprintId)!.number)),
    ];
    const span = sprintNumbers.length === 1 ? `sprint ${sprintNumbers[0]}` : `sprints ${sprintNumbers[0]}–${sprintNumbers.at(-1)}`;
    const summary = `Pasted ${plural(plan.values.length, 'value')} into ${team.name}, ${span}${
      plan.leftAsIs > 0 ? `; ${plural(plan.leftAsIs, 'empty cell')} left as ${plan.leftAsIs === 1 ? 'it was' : 'they were'}` : ''
    }.`;
    if (changed.length === 0) notify('success', `${summary} Nothing changed.`);
    else
      write(
        changed.map((planned) => ({
          teamId: team.id,
          sprintId: planned.sprintId,
          kpiId: planned.kpiId,
          value: planned.value,
          source: 'spreadsheet',
        })),
        summary,
      );
    setFocusRequest((count) => count + 1);
  }

  function onGridCopy(event: ClipboardEvent<HTMLTableElement>) {
    if (!active || editing) return;
    const value = currentValue(active);
    event.clipboardData.setData('text/plain', value === null ? '' : String(value));
    event.preventDefault();
  }

  if (kpis.length === 0) {
    return <p className="muted">This engagement has no active KPIs. Add or reinstate one in the catalogue to record values.</p>;
  }
  if (sprints.length === 0) {
    return <p className="muted">{team.name} has no sprints yet. Add a sprint above to start recording values.</p>;
  }

  const columnOffset = hiddenColumns;
  const editError = editing?.error ?? null;
  const editor = (kpi: KpiDefinition, sprint: Sprint): ReactNode =>
    editing && (
      <input
        className="grid-editor"
        aria-label={`${kpi.name}, sprint ${sprint.number}${kpi.unit === 'count' ? '' : ` (${kpiUnitLabels[kpi.unit]})`}`}
        aria-invalid={editError ? true : undefined}
        aria-describedby={editError ? 'grid-edit-error' : undefined}
        value={editing.text}
        autoFocus
        onFocus={(event) => {
          const length = event.target.value.length;
          event.target.setSelectionRange(length, length);
        }}
        onChange={(event) => setEditing({ ...editing, text: event.target.value, error: null })}
        onKeyDown={onEditorKeyDown}
        onBlur={(event) => {
          // Leaving the editor for elsewhere on the page keeps a valid value, as a spreadsheet does.
          if (!tableRef.current?.contains(event.relatedTarget as Node | null)) commit('stay', false);
        }}
      />
    );

  return (
    <div className="stack data-grid-block">
      <div className="row data-grid-toolbar">
        <p className="muted" style={{ margin: 0 }}>
          {hiddenColumns > 0
            ? `Showing the latest ${visibleSprints.length} of ${sprints.length} sprints.`
            : `${plural(sprints.length, 'sprint')}, latest on the right.`}
        </p>
        {sprints.length > RECENT_SPRINT_COLUMNS && (
          <button type="button" onClick={() => setShowAll(team.id, !showAll)}>
            {showAll ? `Show the latest ${RECENT_SPRINT_COLUMNS} only` : `Show all ${sprints.length} sprints`}
          </button>
        )}
      </div>
      {editError && (
        <p className="field-error grid-message" id="grid-edit-error" role="alert">
          {editError}
        </p>
      )}
      {refusal && (
        <div className="error-summary grid-message" role="alert" data-testid="paste-refusal">
          <strong>{refusal.reason}</strong>
          {refusal.problems.length > 0 && (
            <ul>
              {refusal.problems.map((problem) => (
                <li key={cellKey(problem.kpiId, problem.sprintId)}>{problem.message}</li>
              ))}
            </ul>
          )}
          <button type="button" className="link" onClick={() => setRefusal(null)}>
            Dismiss
          </button>
        </div>
      )}
      <div className="data-grid-wrap" ref={wrapRef}>
        <table
          ref={tableRef}
          role="grid"
          className="data-grid"
          aria-label={`${team.name}: KPI values by sprint`}
          aria-rowcount={kpis.length + 1}
          aria-colcount={sprints.length + 1}
          onKeyDown={onGridKeyDown}
          onMouseDown={onGridMouseDown}
          onDoubleClick={onGridDoubleClick}
          onPaste={onGridPaste}
          onCopy={onGridCopy}
        >
          <thead>
            <tr role="row" aria-rowindex={1}>
              <th role="columnheader" scope="col" className="kpi-head" aria-colindex={1}>
                KPI (unit)
              </th>
              {visibleSprints.map((sprint, index) => (
                <th
                  key={sprint.id}
                  role="columnheader"
                  scope="col"
                  aria-colindex={columnOffset + index + 2}
                  title={`${describeSprint(sprint)}${sprint.name ? `: ${sprint.name}` : ''}`}
                >
                  <span className="sprint-number">Sprint {sprint.number}</span>
                  <span className="sprint-date">{formatCalendarDate(sprint.startDate).replace(/,? \d{4}$/, '')}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {kpis.map((kpi, rowIndex) => (
              <GridRow
                key={kpi.id}
                kpi={kpi}
                rowIndex={rowIndex}
                columnOffset={columnOffset}
                cells={rows[rowIndex]!}
                activeColumn={active?.row === rowIndex ? active.column : -1}
                editor={editing && active?.row === rowIndex ? editor(kpi, visibleSprints[active.column]!) : null}
              />
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted grid-help">
        Arrows move; type, Enter or F2 to edit; Enter saves and moves down; Tab moves right; Escape cancels; Delete clears. Paste a block
        copied from a spreadsheet into the focused cell: empty cells in it leave values as they are, and nothing is written if any value is
        invalid. <span className="source-mark-sample" aria-hidden="true" /> marks a value imported or pasted; hover a value to see where it
        came from.
      </p>
    </div>
  );
}

/** One KPI's row; memoised so moving around the grid re-renders only the rows the focus leaves and enters. */
const GridRow = memo(function GridRow(props: {
  kpi: KpiDefinition;
  rowIndex: number;
  columnOffset: number;
  cells: CellView[];
  activeColumn: number;
  editor: ReactNode;
}) {
  const label = kpiRowLabel(props.kpi);
  return (
    <tr role="row" aria-rowindex={props.rowIndex + 2}>
      <th role="rowheader" scope="row" className="kpi-head" aria-colindex={1}>
        {label.name}
        {label.unit && <span className="kpi-unit"> ({label.unit})</span>}
      </th>
      {props.cells.map((cell, column) => {
        const isActive = column === props.activeColumn;
        const isEditing = isActive && props.editor !== null;
        return (
          <td
            key={column}
            role="gridcell"
            tabIndex={isActive ? 0 : -1}
            aria-colindex={props.columnOffset + column + 2}
            aria-label={isEditing ? undefined : cell.label}
            aria-selected={isActive}
            aria-invalid={cell.outOfRange || cell.pasteProblem || undefined}
            title={isEditing ? undefined : cell.title}
            data-row={props.rowIndex}
            data-column={column}
            data-source={cell.source ?? undefined}
            data-out-of-range={cell.outOfRange || undefined}
            data-paste-problem={cell.pasteProblem || undefined}
          >
            {isEditing ? props.editor : cell.text}
          </td>
        );
      })}
    </tr>
  );
});

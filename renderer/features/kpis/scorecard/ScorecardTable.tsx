import { memo, type KeyboardEvent } from 'react';
import { kpiCategoryLabels } from '@shared/kpi/catalogue';
import { formatKpiValue, kpiUnitLabels } from '@shared/kpi/format';
import type { Scorecard, ScorecardCell } from '@shared/kpi/scorecard';
import { KpiStatusChip } from './KpiStatusChip';
import { Sparkline } from './Sparkline';
import './scorecard.css';

export interface ScorecardSelection {
  kpiId: string;
  teamId: string;
}

/** Up and down arrows walk the rows, as in a list; Enter or Space opens one. */
function onRowKey(event: KeyboardEvent<HTMLTableRowElement>, open: () => void) {
  if (event.key === 'Enter' || event.key === ' ') {
    event.preventDefault();
    open();
    return;
  }
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  const rows = [...(event.currentTarget.closest('table')?.querySelectorAll<HTMLTableRowElement>('tr.kpi-row') ?? [])];
  const next = rows[rows.indexOf(event.currentTarget) + (event.key === 'ArrowDown' ? 1 : -1)];
  if (next) {
    event.preventDefault();
    next.focus();
  }
}

/**
 * KPI x team: each KPI a group with its target in words, each team a row with its latest
 * value, status, the reason for that status, and its recent history. Takes the model only
 * (no queries), so the checkpoint pack prints the same block; without `onOpen` the rows
 * are plain, not interactive.
 */
export const ScorecardTable = memo(function ScorecardTable(props: {
  scorecard: Scorecard;
  selected?: ScorecardSelection | null;
  onOpen?(selection: ScorecardSelection): void;
  caption?: string;
}) {
  const { scorecard, selected, onOpen } = props;
  const teamName = new Map(scorecard.teams.map((team) => [team.id, team.name]));

  return (
    <div className="table-wrap">
      <table className="data kpi-scorecard-table" data-testid="scorecard-table">
        {props.caption && <caption className="visually-hidden">{props.caption}</caption>}
        <colgroup>
          <col className="team" />
          <col className="latest" />
          <col className="status" />
          <col className="reason" />
          <col className="trend" />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">Team</th>
            <th scope="col">Latest</th>
            <th scope="col">Status</th>
            <th scope="col">Reason</th>
            <th scope="col">Trend</th>
          </tr>
        </thead>
        {scorecard.rows.map((row) => {
          const groupId = `kpi-group-${row.kpi.id}`;
          return (
            <tbody key={row.kpi.id} data-testid="scorecard-group" data-kpi={row.kpi.key}>
              <tr className="kpi-group">
                <th colSpan={5} scope="colgroup" id={groupId}>
                  <div className="kpi-group-title">
                    <strong id={`${groupId}-name`}>{row.kpi.name}</strong>
                    <span className="pill">{kpiCategoryLabels[row.kpi.category]}</span>
                    <span className="muted">Unit: {kpiUnitLabels[row.kpi.unit]}</span>
                    <span className="kpi-target">Target: {row.target}</span>
                  </div>
                </th>
              </tr>
              {row.cells.map((cell) => (
                <ScorecardRow
                  key={cell.teamId}
                  cell={cell}
                  teamName={teamName.get(cell.teamId) ?? 'Unknown team'}
                  kpiName={row.kpi.name}
                  unit={row.kpi.unit}
                  groupId={groupId}
                  selected={selected?.kpiId === cell.kpiId && selected.teamId === cell.teamId}
                  onOpen={onOpen}
                />
              ))}
            </tbody>
          );
        })}
      </table>
    </div>
  );
});

const ScorecardRow = memo(function ScorecardRow(props: {
  cell: ScorecardCell;
  teamName: string;
  kpiName: string;
  unit: Scorecard['rows'][number]['kpi']['unit'];
  groupId: string;
  selected: boolean;
  onOpen?(selection: ScorecardSelection): void;
}) {
  const { cell, teamName, kpiName, unit, groupId, selected, onOpen } = props;
  const open = onOpen ? () => onOpen({ kpiId: cell.kpiId, teamId: cell.teamId }) : undefined;
  const rowHeaderId = `${groupId}-${cell.teamId}`;
  return (
    <tr
      className="kpi-row"
      data-testid="scorecard-row"
      data-team={teamName}
      data-status={cell.evaluation.status}
      tabIndex={open ? 0 : undefined}
      aria-current={selected ? 'true' : undefined}
      aria-labelledby={open ? `${groupId}-name ${rowHeaderId}` : undefined}
      aria-describedby={open ? `${rowHeaderId}-reason` : undefined}
      onClick={open}
      onKeyDown={open ? (event) => onRowKey(event, open) : undefined}
    >
      <th scope="row" id={rowHeaderId} headers={groupId}>
        {teamName}
      </th>
      <td className="kpi-latest">
        {cell.latest ? (
          <>
            {formatKpiValue(cell.latest.value, unit)}
            <small>sprint {cell.latest.sprintNumber}</small>
          </>
        ) : (
          <span className="muted">No value</span>
        )}
      </td>
      <td>
        <KpiStatusChip status={cell.evaluation.status} provisional={cell.evaluation.provisional} />
      </td>
      <td className="kpi-reason" id={`${rowHeaderId}-reason`}>
        {cell.evaluation.reason}
      </td>
      <td>
        <Sparkline name={`${kpiName}, ${teamName}`} unit={unit} series={cell.series} target={cell.evaluation.guides.target} />
      </td>
    </tr>
  );
});

import { useMemo } from 'react';
import type { Sprint } from '@shared/domain/kpi';
import { formatKpiValue } from '@shared/kpi/format';
import type { ScorecardCell, ScorecardRow } from '@shared/kpi/scorecard';
import { Dialog } from '../../../app/Dialog';
import { formatCalendarDate } from '../../../app/format';
import { controlSignals, type PointSignal } from './chart-scale';
import { KpiStatusChip } from './KpiStatusChip';
import { KpiTrendChart } from './KpiTrendChart';
import { sprintValueRows } from './scorecard-view';

const signalNotes: Record<PointSignal, string> = {
  'above-limit': 'Above the upper control limit',
  'below-limit': 'Below the lower control limit',
  run: 'In a run on one side of the mean',
};

/**
 * One KPI of one team in detail: why it has its status, the trend chart with the lines the
 * rule judges against, and every sprint's value underneath (missing ones included).
 */
export function KpiTrendDialog(props: {
  row: ScorecardRow;
  cell: ScorecardCell;
  teamName: string;
  sprints: readonly Sprint[];
  onClose(): void;
}) {
  const { row, cell, teamName, sprints, onClose } = props;
  const { kpi } = row;
  const { evaluation } = cell;
  const runLength = kpi.rule.kind === 'control-chart' ? kpi.rule.runLength : undefined;
  const teamSprints = useMemo(() => sprints.filter((sprint) => sprint.teamId === cell.teamId), [sprints, cell.teamId]);
  const values = useMemo(() => sprintValueRows(teamSprints, cell.series), [teamSprints, cell.series]);
  const notes = useMemo(() => {
    const byNumber = new Map<number, string>();
    const { controlLimits, baseline } = evaluation.guides;
    if (controlLimits) {
      controlSignals(cell.series, controlLimits, runLength).forEach((signal, index) => {
        if (signal) byNumber.set(cell.series[index]!.sprintNumber, signalNotes[signal]);
      });
    }
    if (baseline) {
      for (let sprint = baseline.fromSprint; sprint <= baseline.toSprint; sprint++) {
        byNumber.set(sprint, baseline.provisional ? 'Baseline sprint (provisional)' : 'Baseline sprint');
      }
    }
    return byNumber;
  }, [evaluation.guides, cell.series, runLength]);
  const sprintNumbers = teamSprints.map((sprint) => sprint.number);
  const sprintRange = sprintNumbers.length > 0 ? { first: Math.min(...sprintNumbers), last: Math.max(...sprintNumbers) } : undefined;
  const title = `${kpi.name}: ${teamName}`;

  return (
    <Dialog
      title={title}
      onClose={onClose}
      footer={
        <button type="button" onClick={onClose} autoFocus>
          Close
        </button>
      }
    >
      <div className="stack kpi-trend-detail" data-testid="kpi-trend-detail">
        <div className="kpi-trend-facts">
          <KpiStatusChip status={evaluation.status} provisional={evaluation.provisional} />
          <p>
            {cell.latest ? (
              <>
                Latest <strong>{formatKpiValue(cell.latest.value, kpi.unit)}</strong> in sprint {cell.latest.sprintNumber}
              </>
            ) : (
              'No value recorded yet'
            )}
          </p>
          <p className="muted">Target: {row.target}</p>
        </div>
        <p style={{ margin: 0 }} data-testid="kpi-trend-reason">
          {evaluation.reason}
        </p>
        <KpiTrendChart
          title={`${kpi.name}, ${teamName}, by sprint`}
          description={evaluation.reason}
          unit={kpi.unit}
          series={cell.series}
          guides={evaluation.guides}
          sprintRange={sprintRange}
          runLength={runLength}
        />
        <div className="kpi-values-wrap">
          <table className="data" data-testid="kpi-trend-values">
            <caption className="visually-hidden">
              {kpi.name} of {teamName} by sprint, newest first
            </caption>
            <thead>
              <tr>
                <th scope="col">Sprint</th>
                <th scope="col">Dates</th>
                <th scope="col" className="number">
                  Value
                </th>
                {notes.size > 0 && <th scope="col">Note</th>}
              </tr>
            </thead>
            <tbody>
              {values.map((value) => (
                <tr key={value.sprintNumber}>
                  <th scope="row">{value.sprintNumber}</th>
                  <td>
                    {value.startDate && value.endDate
                      ? `${formatCalendarDate(value.startDate)} \u2013 ${formatCalendarDate(value.endDate)}`
                      : 'Sprint not recorded'}
                  </td>
                  <td className="number">
                    {value.value === null ? <span className="muted">No value</span> : formatKpiValue(value.value, kpi.unit)}
                  </td>
                  {notes.size > 0 && <td>{notes.get(value.sprintNumber) ?? ''}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </Dialog>
  );
}

import type { KpiStatus } from '@shared/kpi/types';
import './scorecard.css';

export const kpiStatusLabels: Record<KpiStatus, string> = {
  green: 'On target',
  amber: 'Watch',
  red: 'Off target',
  'no-data': 'No data',
};

/**
 * A different shape per status (tick in a circle, triangle, octagon, dashed circle), so the
 * status reads without colour: in grey print, and for people who cannot tell red from green.
 */
function StatusIcon({ status }: { status: KpiStatus }) {
  return (
    <svg className="kpi-status-icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
      {status === 'green' && (
        <>
          <circle cx="8" cy="8" r="7" className="fill" />
          <path d="M4.6 8.3 7 10.6 11.4 5.6" className="mark" />
        </>
      )}
      {status === 'amber' && (
        <>
          <path d="M8 1.2 15.2 14.4H0.8Z" className="fill" />
          <path d="M8 5.6V9.6M8 11.6V12" className="mark" />
        </>
      )}
      {status === 'red' && (
        <>
          <path d="M5.1 1h5.8L15 5.1v5.8L10.9 15H5.1L1 10.9V5.1Z" className="fill" />
          <path d="M5.5 5.5 10.5 10.5M10.5 5.5 5.5 10.5" className="mark" />
        </>
      )}
      {status === 'no-data' && (
        <>
          <circle cx="8" cy="8" r="6.3" className="outline" strokeDasharray="2.4 2" />
          <path d="M5.5 8H10.5" className="mark" />
        </>
      )}
    </svg>
  );
}

/**
 * The status of a KPI as a word, a colour and a shape. A provisional judgement (a baseline
 * still being built) says so, since it may change as the first sprints settle.
 */
export function KpiStatusChip({ status, provisional = false, count }: { status: KpiStatus; provisional?: boolean; count?: number }) {
  return (
    <span className="kpi-status" data-status={status} data-provisional={provisional || undefined}>
      <StatusIcon status={status} />
      <span className="kpi-status-label">{kpiStatusLabels[status]}</span>
      {count !== undefined && <span className="kpi-status-count">{count.toLocaleString()}</span>}
      {provisional && <span className="kpi-status-provisional">provisional</span>}
    </span>
  );
}

/** The pack's tables of risks, escalations, decisions and actions, shared by several sections. */
import type { ReactNode } from 'react';
import type { PackActionRow, PackDecisionRow, PackEscalationRow, PackRiskMovement, PackRiskRow } from '@shared/pack/model';
import { actionStatusLabels, bandLabels, decisionStatusLabels, packDate, packTimestamp, position, trendLabels } from './pack-format';

export function Empty({ children }: { children: ReactNode }) {
  return <p className="pack-empty">{children}</p>;
}

function Band({ row }: { row: PackRiskRow }) {
  return (
    <span className="pack-band" data-band={row.band}>
      {row.score} {bandLabels[row.band]}
    </span>
  );
}

/** Risks as rows; `full` adds the columns the appendix register shows. */
export function RiskTable({ rows, full = false, caption }: { rows: readonly PackRiskRow[]; full?: boolean; caption: string }) {
  return (
    <table className={full ? 'pack-table pack-register' : 'pack-table'} aria-label={caption}>
      <thead>
        <tr>
          <th>Ref</th>
          <th>Risk</th>
          <th>Owner</th>
          {full && <th>Status</th>}
          {/* The register has two more columns than portrait paper fits comfortably: its score cell carries the position too. */}
          {!full && <th className="pack-nowrap">L × I</th>}
          <th>{full ? 'Score (L × I)' : 'Score'}</th>
          <th>Trend</th>
          <th>Response</th>
          <th>Next review</th>
          {full && <th>Mitigation</th>}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.reference} data-overdue={row.reviewOverdueDays > 0 || undefined}>
            <td className="pack-nowrap">{row.reference}</td>
            <td>
              {row.title}
              <span className="pack-cell-sub">{row.category}</span>
            </td>
            <td>{row.owner}</td>
            {full && <td>{row.status}</td>}
            {!full && <td className="pack-nowrap">{position(row)}</td>}
            <td className="pack-nowrap">
              <Band row={row} />
              {full && <span className="pack-cell-sub">{position(row)}</span>}
            </td>
            <td>{trendLabels[row.trend]}</td>
            <td>{row.response}</td>
            <td className="pack-nowrap">
              {row.nextReviewOn === null ? '—' : packDate(row.nextReviewOn)}
              {row.reviewOverdueDays > 0 && <span className="pack-flag">{row.reviewOverdueDays} d overdue</span>}
            </td>
            {full && <td className="pack-pre">{row.mitigation}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function MovementTable({ rows, caption }: { rows: readonly PackRiskMovement[]; caption: string }) {
  return (
    <table className="pack-table" aria-label={caption}>
      <thead>
        <tr>
          <th>Ref</th>
          <th>Risk</th>
          <th>Change</th>
          <th className="pack-nowrap">From</th>
          <th className="pack-nowrap">To</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row, index) => (
          <tr key={`${row.reference}-${index}`}>
            <td className="pack-nowrap">{row.reference}</td>
            <td>{row.title}</td>
            <td>{trendLabels[row.trend]}</td>
            <td className="pack-nowrap">{row.from === null ? 'Not open' : position(row.from)}</td>
            <td className="pack-nowrap">{row.to === null ? 'Not open' : position(row.to)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function EscalationTable({ rows, caption }: { rows: readonly PackEscalationRow[]; caption: string }) {
  return (
    <table className="pack-table" aria-label={caption}>
      <thead>
        <tr>
          <th>Ref</th>
          <th>Escalation</th>
          <th>Step</th>
          <th>Raised</th>
          <th>Resolved</th>
          <th>Response time</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.reference}>
            <td className="pack-nowrap">{row.reference}</td>
            <td>
              {row.title}
              <span className="pack-cell-sub">{row.trigger}</span>
            </td>
            <td>{row.step}</td>
            <td>{packTimestamp(row.raisedAt)}</td>
            <td>{row.resolvedAt === null ? 'Open' : packTimestamp(row.resolvedAt)}</td>
            <td>
              {!row.withinTarget && <span className="pack-flag">Late</span>} {row.responseText}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function DecisionTable({ rows, caption, needed = false }: { rows: readonly PackDecisionRow[]; caption: string; needed?: boolean }) {
  return (
    <table className="pack-table" aria-label={caption}>
      <thead>
        <tr>
          <th>Ref</th>
          <th>Decision</th>
          <th>{needed ? 'Why now' : 'Decided'}</th>
          <th>Who decides</th>
          <th>Done means</th>
          <th>Status</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.reference}>
            <td className="pack-nowrap">{row.reference}</td>
            <td>
              <strong>{row.title}</strong>
              {row.decision && <span className="pack-cell-sub pack-pre">{row.decision}</span>}
              {row.links.length > 0 && <span className="pack-cell-sub">{row.links.join(' · ')}</span>}
            </td>
            <td className="pack-pre">{needed ? row.whyNow : `${packDate(row.date)}, ${row.forum} (${row.level})`}</td>
            <td>{row.decidedBy}</td>
            <td className="pack-pre">{row.doneMeans}</td>
            <td>{decisionStatusLabels[row.status]}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ActionTable({ rows, caption }: { rows: readonly PackActionRow[]; caption: string }) {
  return (
    <table className="pack-table" aria-label={caption}>
      <thead>
        <tr>
          <th>Ref</th>
          <th>Action</th>
          <th>Owner</th>
          <th>Due</th>
          <th>Status</th>
          <th>Source</th>
          <th>Links</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.reference} data-overdue={row.overdue || undefined}>
            <td className="pack-nowrap">{row.reference}</td>
            <td>
              {row.title}
              {row.carriedOverCount > 0 && (
                <span className="pack-cell-sub">
                  <span className="pack-flag" data-tone="info">
                    Carried over ×{row.carriedOverCount}
                  </span>
                </span>
              )}
            </td>
            <td>{row.owner}</td>
            <td className="pack-nowrap">
              {row.dueOn === null ? '—' : packDate(row.dueOn)}
              {row.overdue && (
                <span className="pack-cell-sub">
                  <span className="pack-flag">Overdue</span>
                </span>
              )}
            </td>
            <td>{actionStatusLabels[row.status]}</td>
            <td>{row.source}</td>
            <td className="pack-links">
              {row.links.length === 0
                ? '—'
                : row.links.map((link, index) => (
                    <span key={index}>
                      {link}
                      {index < row.links.length - 1 ? ', ' : ''}
                    </span>
                  ))}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

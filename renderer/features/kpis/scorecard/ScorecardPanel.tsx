import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'wouter';
import type { Engagement } from '@shared/domain/engagement';
import { kpiStatuses } from '@shared/kpi/types';
import { formatCalendarDate, plural } from '../../../app/format';
import { engagementSectionHref } from '../../engagements/engagement-sections';
import { useKpiViewStore } from '../kpi-view-store';
import { KpiStatusChip, kpiStatusLabels } from './KpiStatusChip';
import { KpiTrendDialog } from './KpiTrendDialog';
import { ScorecardTable, type ScorecardSelection } from './ScorecardTable';
import { scorecardForTeam } from './scorecard-view';
import { useScorecard } from './use-scorecard';
import './scorecard.css';

/**
 * The engagement's KPI scorecard: how many KPIs are on target, and for each KPI and team
 * the latest value, its status and the reason in words. A row opens the KPI's trend chart.
 */
export function ScorecardPanel({ engagement }: { engagement: Engagement }) {
  const data = useScorecard(engagement.id);
  const showView = useKpiViewStore((state) => state.showView);
  const [chosenTeamId, setTeamId] = useState<string | null>(null);
  const [selection, setSelection] = useState<ScorecardSelection | null>(null);
  // A team removed while chosen falls back to all teams rather than an empty table.
  const teamId = chosenTeamId !== null && data?.teams.some((team) => team.id === chosenTeamId) ? chosenTeamId : null;
  const visible = useMemo(() => (data ? scorecardForTeam(data.scorecard, teamId) : undefined), [data, teamId]);
  // The dialog unmounts rather than closes, so the browser cannot hand focus back itself:
  // the row that opened it gets focus again, and keyboard users keep their place.
  const returnFocus = useRef<HTMLElement | null>(null);
  const open = useCallback((next: ScorecardSelection) => {
    returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setSelection(next);
  }, []);
  useEffect(() => {
    if (selection === null && returnFocus.current) {
      returnFocus.current.focus();
      returnFocus.current = null;
    }
  }, [selection]);

  if (!data || !visible) return null;
  const { scorecard, teams, sprints, measurementCount, today } = data;

  if (teams.length === 0) {
    return (
      <section className="card empty-state" aria-labelledby="scorecard-title" data-testid="scorecard-empty">
        <h2 id="scorecard-title">No teams to score yet</h2>
        <p className="muted">KPIs are measured per team. Add a team first, then record its sprints and values.</p>
        <div className="row">
          <Link className="button" href={engagementSectionHref(engagement.id, 'teams')}>
            Go to Teams and roles
          </Link>
        </div>
      </section>
    );
  }
  if (scorecard.rows.length === 0) {
    return (
      <section className="card empty-state" aria-labelledby="scorecard-title" data-testid="scorecard-empty">
        <h2 id="scorecard-title">No KPIs in use</h2>
        <p className="muted">Every KPI of this engagement is retired. Reinstate one or add your own in the catalogue.</p>
        <div className="row">
          <button type="button" onClick={() => showView(engagement.id, 'catalogue')}>
            Open the catalogue
          </button>
        </div>
      </section>
    );
  }
  if (measurementCount === 0) {
    return (
      <section className="card empty-state" aria-labelledby="scorecard-title" data-testid="scorecard-empty">
        <h2 id="scorecard-title">No KPI values yet</h2>
        <p className="muted">
          Enter values in Sprints and data, or import from Jira with the button above. The scorecard judges each team as soon as its first
          values are in.
        </p>
        <div className="row">
          <button type="button" onClick={() => showView(engagement.id, 'data')}>
            Open Sprints and data
          </button>
        </div>
      </section>
    );
  }

  const selectedRow = selection && scorecard.rows.find((row) => row.kpi.id === selection.kpiId);
  const selectedCell = selection && selectedRow?.cells.find((cell) => cell.teamId === selection.teamId);
  const selectedTeam = selection && teams.find((team) => team.id === selection.teamId);
  const results = visible.rows.reduce((total, row) => total + row.cells.length, 0);

  return (
    <section className="card stack kpi-scorecard" aria-labelledby="scorecard-title" data-testid="kpi-scorecard">
      <div className="kpi-scorecard-head">
        <h2 id="scorecard-title">Scorecard</h2>
        <ul className="kpi-status-summary" aria-label="Results by status" data-testid="scorecard-summary">
          {kpiStatuses.map((status) => (
            <li key={status} data-status={status}>
              <KpiStatusChip status={status} count={visible.statusCounts[status]} />
            </li>
          ))}
        </ul>
        <div className="team-filter">
          <label htmlFor={`${engagement.id}-scorecard-team`}>Team</label>
          <select
            id={`${engagement.id}-scorecard-team`}
            value={teamId ?? ''}
            onChange={(event) => setTeamId(event.target.value === '' ? null : event.target.value)}
          >
            <option value="">All teams</option>
            {teams.map((team) => (
              <option key={team.id} value={team.id}>
                {team.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p className="muted" style={{ margin: 0 }}>
        {plural(results, 'result')} for {plural(visible.rows.length, 'KPI')} and {plural(visible.teams.length, 'team')}, judged on each
        team&rsquo;s sprints up to {formatCalendarDate(today)}. A status is a prompt for a question, not a verdict: the reason says what it
        rests on. Open a row for its trend chart.
      </p>
      <ScorecardTable
        scorecard={visible}
        selected={selection}
        onOpen={open}
        caption={`KPI scorecard, ${kpiStatuses.map((status) => `${visible.statusCounts[status]} ${kpiStatusLabels[status].toLowerCase()}`).join(', ')}`}
      />
      {selectedRow && selectedCell && selectedTeam && (
        <KpiTrendDialog
          row={selectedRow}
          cell={selectedCell}
          teamName={selectedTeam.name}
          sprints={sprints}
          onClose={() => setSelection(null)}
        />
      )}
    </section>
  );
}

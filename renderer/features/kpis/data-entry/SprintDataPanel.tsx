import { useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Engagement, Team } from '@shared/domain/engagement';
import { kpiCategories, type KpiDefinition, type KpiMeasurement, type Sprint } from '@shared/domain/kpi';
import { describeSprint } from '@shared/kpi/sprints';
import { db, repositories } from '../../../data';
import { teamMeasurements } from '../../../data/kpi-data-repository';
import { ConfirmDialog } from '../../../app/Dialog';
import { useUiStore } from '../../../app/ui-store';
import { formatCalendarDate, plural } from '../../../app/format';
import { saveErrorMessage } from '../../../app/form-parts';
import { SprintForm } from './SprintForm';
import { MeasurementGrid, cellKey } from './MeasurementGrid';
import { useDataEntryStore } from './data-entry-store';
import './data-entry.css';

type OpenDialog = { kind: 'sprint'; sprint: Sprint | null } | { kind: 'remove'; sprint: Sprint } | null;

const categoryOrder = new Map<string, number>(kpiCategories.map((category, index) => [category, index]));

/** Active KPIs in a stable reading order: by category as the catalogue lists them, then by name. */
function gridOrder(kpis: KpiDefinition[]): KpiDefinition[] {
  return kpis
    .filter((kpi) => !kpi.retired)
    .sort((a, b) => (categoryOrder.get(a.category) ?? 0) - (categoryOrder.get(b.category) ?? 0) || a.name.localeCompare(b.name));
}

/**
 * Sprints and KPI values per team: the team's sprints (added, edited, removed with their
 * values) and the grid to type or paste values into. Only the chosen team's sprints and
 * values are read, so a team with two years of sprints stays quick.
 */
export function SprintDataPanel({ engagement }: { engagement: Engagement }) {
  const engagementData = useLiveQuery(async () => {
    const [teams, kpis] = await Promise.all([
      db.teams.where('engagementId').equals(engagement.id).sortBy('name'),
      db.kpiDefinitions.where('engagementId').equals(engagement.id).toArray(),
    ]);
    return { teams, kpis: gridOrder(kpis) };
  }, [engagement.id]);
  const chosenTeamId = useDataEntryStore((state) => state.teamByEngagement[engagement.id]);
  const selectTeam = useDataEntryStore((state) => state.selectTeam);

  if (!engagementData) return null;
  const { teams, kpis } = engagementData;
  const team = teams.find((candidate) => candidate.id === chosenTeamId) ?? teams[0];

  return (
    <section className="card stack sprint-data" aria-labelledby="sprint-data-title" data-testid="sprint-data-panel">
      <div className="row">
        <h2 id="sprint-data-title" style={{ margin: 0 }}>
          Sprints and values
        </h2>
        {teams.length > 0 && (
          <label className="team-picker">
            Team
            <select value={team?.id} onChange={(event) => selectTeam(engagement.id, event.target.value)}>
              {teams.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {candidate.name}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      {team ? (
        <TeamData key={team.id} engagementId={engagement.id} team={team} kpis={kpis} />
      ) : (
        <p className="muted">This engagement has no teams yet. Add a team in the engagement's details to record its sprints and values.</p>
      )}
    </section>
  );
}

function TeamData(props: { engagementId: string; team: Team; kpis: KpiDefinition[] }) {
  const { team } = props;
  const notify = useUiStore((state) => state.notify);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [busy, setBusy] = useState(false);

  const data = useLiveQuery(async () => {
    const [sprints, measurements] = await Promise.all([
      db.sprints.where('teamId').equals(team.id).toArray(),
      teamMeasurements(db, team.id),
    ]);
    return { sprints: sprints.sort((a, b) => a.number - b.number), measurements };
  }, [team.id]);

  const indexed = useMemo(() => {
    const activeKpiIds = new Set(props.kpis.map((kpi) => kpi.id));
    const valueAt = new Map<string, KpiMeasurement>();
    // All values go with a removed sprint; the list counts those of the KPIs in the grid.
    const countBySprint = new Map<string, number>();
    const activeCountBySprint = new Map<string, number>();
    for (const measurement of data?.measurements ?? []) {
      valueAt.set(cellKey(measurement.kpiId, measurement.sprintId), measurement);
      countBySprint.set(measurement.sprintId, (countBySprint.get(measurement.sprintId) ?? 0) + 1);
      if (activeKpiIds.has(measurement.kpiId)) {
        activeCountBySprint.set(measurement.sprintId, (activeCountBySprint.get(measurement.sprintId) ?? 0) + 1);
      }
    }
    return { valueAt, countBySprint, activeCountBySprint };
  }, [data?.measurements, props.kpis]);

  if (!data) return null;
  const { sprints } = data;
  const valuesOf = (sprint: Sprint) => indexed.countBySprint.get(sprint.id) ?? 0;

  async function remove(sprint: Sprint) {
    setBusy(true);
    try {
      const { removedMeasurements } = await repositories.kpiData.removeSprint(sprint.id, sprint.revision);
      notify('success', `Removed sprint ${sprint.number} of ${team.name} and ${plural(removedMeasurements, 'value')}.`);
    } catch (error) {
      notify('error', `Sprint ${sprint.number} could not be removed: ${saveErrorMessage(error, 'sprint')}`);
    } finally {
      setBusy(false);
      setDialog(null);
    }
  }

  return (
    <>
      <section className="stack sprint-list" aria-labelledby="sprint-list-title">
        <div className="row">
          <h3 id="sprint-list-title" style={{ margin: 0 }}>
            Sprints of {team.name}
          </h3>
          <button type="button" style={{ marginLeft: 'auto' }} onClick={() => setDialog({ kind: 'sprint', sprint: null })}>
            Add sprint
          </button>
        </div>
        {sprints.length === 0 ? (
          <p className="muted" style={{ margin: 0 }}>
            No sprints yet. Add the team's first sprint; the next ones follow on with the same length.
          </p>
        ) : (
          <div className="table-wrap sprint-table-wrap">
            <table className="data sprint-table">
              <thead>
                <tr>
                  <th className="number">Sprint</th>
                  <th>Name</th>
                  <th>Start</th>
                  <th>End</th>
                  <th className="number">Values</th>
                  <th>
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {sprints
                  .slice()
                  .reverse()
                  .map((sprint) => (
                    <tr key={sprint.id} data-testid="sprint-row">
                      <td className="number">{sprint.number}</td>
                      <td>{sprint.name || <span className="muted">—</span>}</td>
                      <td>{formatCalendarDate(sprint.startDate)}</td>
                      <td>{formatCalendarDate(sprint.endDate)}</td>
                      <td className="number">
                        {indexed.activeCountBySprint.get(sprint.id) ?? 0} <span className="muted">of {props.kpis.length}</span>
                      </td>
                      <td className="actions">
                        <button type="button" className="link" onClick={() => setDialog({ kind: 'sprint', sprint })}>
                          Edit<span className="visually-hidden"> sprint {sprint.number}</span>
                        </button>
                        <button type="button" className="link" onClick={() => setDialog({ kind: 'remove', sprint })}>
                          Remove<span className="visually-hidden"> sprint {sprint.number}</span>
                        </button>
                      </td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="stack" aria-labelledby="grid-title">
        <h3 id="grid-title" style={{ margin: 0 }}>
          Values of {team.name}
        </h3>
        <MeasurementGrid engagementId={props.engagementId} team={team} kpis={props.kpis} sprints={sprints} valueAt={indexed.valueAt} />
      </section>

      {dialog?.kind === 'sprint' && (
        <SprintForm
          engagementId={props.engagementId}
          team={team}
          teamSprints={sprints}
          sprint={dialog.sprint}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'remove' && (
        <ConfirmDialog
          title={`Remove sprint ${dialog.sprint.number} of ${team.name}?`}
          confirmLabel="Remove sprint"
          danger
          busy={busy}
          onCancel={() => setDialog(null)}
          onConfirm={() => void remove(dialog.sprint)}
        >
          <p>
            {describeSprint(dialog.sprint)} is removed
            {valuesOf(dialog.sprint) === 0
              ? '. No values are recorded for it.'
              : ` with the ${plural(valuesOf(dialog.sprint), 'value')} recorded for it.`}{' '}
            The scorecard stops counting them.
          </p>
        </ConfirmDialog>
      )}
    </>
  );
}

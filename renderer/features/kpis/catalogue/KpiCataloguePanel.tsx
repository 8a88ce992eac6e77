import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Engagement, Person } from '@shared/domain/engagement';
import type { KpiDefinition } from '@shared/domain/kpi';
import { describeRule } from '@shared/kpi/describe-rule';
import { kpiUnitLabels } from '@shared/kpi/format';
import {
  groupKpisByCategory,
  isBuiltInKpi,
  kpiCategoryLabels,
  kpiDirectionLabels,
  ratioDependents,
  reviewTurns,
  type KpiRemovalVerdict,
} from '@shared/kpi/catalogue';
import { db, repositories } from '../../../data';
import { ConfirmDialog, Dialog } from '../../../app/Dialog';
import { saveErrorMessage } from '../../../app/form-parts';
import { useUiStore } from '../../../app/ui-store';
import { useToday } from '../../../app/use-today';
import { KpiForm } from './KpiForm';
import { readKpiRemoval, removeKpi, setKpiRetired } from './kpi-catalogue-data';
import './catalogue.css';

type OpenDialog =
  | { kind: 'form'; kpi: KpiDefinition | null }
  | { kind: 'retire'; kpi: KpiDefinition }
  | { kind: 'remove'; kpi: KpiDefinition; verdict: KpiRemovalVerdict }
  | null;

/**
 * The engagement's KPIs by category: what each measures, its target in words, who owns
 * it and whose turn it is to review it. Targets are edited here and the scorecard, which
 * reads the same records live, re-judges at once.
 */
export function KpiCataloguePanel({ engagement }: { engagement: Engagement }) {
  const today = useToday();
  const notify = useUiStore((state) => state.notify);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [busy, setBusy] = useState(false);

  const data = useLiveQuery(async () => {
    const byEngagement = { engagementId: engagement.id };
    const [kpis, people, roleAssignments] = await Promise.all([
      db.kpiDefinitions.where(byEngagement).toArray(),
      db.people.where(byEngagement).sortBy('name'),
      db.roleAssignments.where(byEngagement).toArray(),
    ]);
    return { kpis, people, roleAssignments };
  }, [engagement.id]);

  if (!data) return null;
  const { kpis, people, roleAssignments } = data;
  const peopleById = new Map(people.map((person) => [person.id, person]));
  const nameOfKpi = (key: string) => kpis.find((kpi) => kpi.key === key)?.name;
  const active = kpis.filter((kpi) => !kpi.retired);
  const retired = kpis.filter((kpi) => kpi.retired).sort((a, b) => a.name.localeCompare(b.name, 'en'));

  async function setRetired(kpi: KpiDefinition, retire: boolean) {
    setBusy(true);
    try {
      await setKpiRetired(repositories.kpiDefinitions, kpi, retire);
      notify('success', retire ? `Retired ${kpi.name}. It leaves the scorecard; its recorded values are kept.` : `Reinstated ${kpi.name}.`);
      setDialog(null);
    } catch (error) {
      notify('error', `${kpi.name} could not be ${retire ? 'retired' : 'reinstated'}: ${saveErrorMessage(error, 'KPI')}`);
    } finally {
      setBusy(false);
    }
  }

  async function askRemoval(kpi: KpiDefinition) {
    setBusy(true);
    try {
      setDialog({ kind: 'remove', kpi, verdict: await readKpiRemoval(db, kpi) });
    } catch (error) {
      notify('error', `Could not check what depends on ${kpi.name}: ${saveErrorMessage(error, 'KPI')}`);
    } finally {
      setBusy(false);
    }
  }

  async function remove(kpi: KpiDefinition) {
    setBusy(true);
    try {
      await removeKpi(db, repositories.kpiDefinitions, kpi);
      notify('success', `Removed ${kpi.name}.`);
      setDialog(null);
    } catch (error) {
      notify('error', saveErrorMessage(error, 'KPI'));
      setDialog(null);
    } finally {
      setBusy(false);
    }
  }

  const table = (rows: KpiDefinition[], caption: string) => (
    <div className="table-wrap">
      <table className="data kpi-catalogue-table">
        <caption className="visually-hidden">{caption}</caption>
        {/* Fixed column widths, so the tables of all categories line up under each other. */}
        <colgroup>
          <col className="kpi-col-name" />
          <col className="kpi-col-unit" />
          <col className="kpi-col-direction" />
          <col className="kpi-col-target" />
          <col className="kpi-col-owner" />
          <col className="kpi-col-review" />
          <col className="kpi-col-actions" />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">KPI</th>
            <th scope="col">Unit</th>
            <th scope="col">Direction</th>
            <th scope="col">Target</th>
            <th scope="col">Owner</th>
            <th scope="col">Review</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((kpi) => (
            <KpiRow
              key={kpi.id}
              kpi={kpi}
              target={describeRule(kpi.rule, kpi, nameOfKpi)}
              owner={kpi.ownerId === null ? null : (peopleById.get(kpi.ownerId) ?? 'unknown')}
              review={reviewTurns(kpi.reviewRotation, engagement.startDate, today)}
              peopleById={peopleById}
              busy={busy}
              onEdit={() => setDialog({ kind: 'form', kpi })}
              onRetire={() => setDialog({ kind: 'retire', kpi })}
              onReinstate={() => void setRetired(kpi, false)}
              onRemove={() => void askRemoval(kpi)}
            />
          ))}
        </tbody>
      </table>
    </div>
  );

  return (
    <section className="card stack" aria-labelledby="kpi-catalogue-title" data-testid="kpi-catalogue">
      <div className="row">
        <h2 id="kpi-catalogue-title" style={{ margin: 0 }}>
          KPI catalogue
        </h2>
        <button type="button" style={{ marginLeft: 'auto' }} onClick={() => setDialog({ kind: 'form', kpi: null })}>
          Add KPI
        </button>
      </div>
      <p className="muted" style={{ margin: 0 }}>
        Each KPI has one owner. Team leads take turns reviewing it, changing each calendar month counted from the engagement's start, so
        every monthly governance checkpoint has a named reviewer. A changed target is applied to the scorecard at once.
      </p>

      {active.length === 0 ? (
        <p>No active KPIs. Add one, or reinstate a retired one.</p>
      ) : (
        groupKpisByCategory(active).map((group) => (
          <section key={group.category} className="stack kpi-category" aria-labelledby={`kpi-category-${group.category}`}>
            <h3 id={`kpi-category-${group.category}`}>
              {group.label} <span className="muted kpi-count">({group.kpis.length})</span>
            </h3>
            {table(group.kpis, `${group.label} KPIs`)}
          </section>
        ))
      )}

      {retired.length > 0 && (
        <details data-testid="retired-kpis">
          <summary>Retired KPIs ({retired.length})</summary>
          <p className="muted">Retired KPIs are left out of the scorecard; their recorded values are kept.</p>
          {table(retired, 'Retired KPIs')}
        </details>
      )}

      {dialog?.kind === 'form' && (
        <KpiForm
          engagementId={engagement.id}
          engagementStart={engagement.startDate}
          kpi={dialog.kpi}
          kpis={kpis}
          people={people}
          roleAssignments={roleAssignments}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'retire' && (
        <ConfirmDialog
          title={`Retire ${dialog.kpi.name}?`}
          confirmLabel="Retire KPI"
          danger
          busy={busy}
          onCancel={() => setDialog(null)}
          onConfirm={() => void setRetired(dialog.kpi, true)}
        >
          <p>It leaves the scorecard and the data grid. Its recorded values are kept, and you can reinstate it later.</p>
          <RatioWarning dependents={ratioDependents(kpis, dialog.kpi)} kpi={dialog.kpi} />
        </ConfirmDialog>
      )}
      {dialog?.kind === 'remove' &&
        (dialog.verdict.removable ? (
          <ConfirmDialog
            title={`Remove ${dialog.kpi.name}?`}
            confirmLabel="Remove KPI"
            danger
            busy={busy}
            onCancel={() => setDialog(null)}
            onConfirm={() => void remove(dialog.kpi)}
          >
            <p>Nothing refers to it: no recorded values, no linked risks, no ratio rules. It is deleted for good.</p>
          </ConfirmDialog>
        ) : (
          <Dialog
            title={`${dialog.kpi.name} cannot be removed`}
            narrow
            onClose={() => setDialog(null)}
            footer={
              <>
                <button type="button" onClick={() => setDialog(null)} autoFocus>
                  Cancel
                </button>
                {!dialog.kpi.retired && (
                  <button type="button" className="primary" disabled={busy} onClick={() => void setRetired(dialog.kpi, true)}>
                    Retire instead
                  </button>
                )}
              </>
            }
          >
            <p>Removing it would leave other records pointing at nothing, because:</p>
            <ul data-testid="removal-reasons">
              {dialog.verdict.reasons.map((reason) => (
                <li key={reason}>{reason}</li>
              ))}
            </ul>
            <p>
              {dialog.kpi.retired
                ? 'It is already retired: it stays out of the scorecard and keeps its history.'
                : 'Retire it instead: it leaves the scorecard and keeps its history, and you can reinstate it later.'}
            </p>
          </Dialog>
        ))}
    </section>
  );
}

function RatioWarning({ dependents, kpi }: { dependents: KpiDefinition[]; kpi: KpiDefinition }) {
  if (dependents.length === 0) return null;
  const names = dependents.map((dependent) => dependent.name).join(', ');
  return (
    <p className="flag" data-testid="ratio-warning">
      ⚠ {names} {dependents.length === 1 ? 'is' : 'are'} judged as a ratio to {kpi.name} and will show no data until {kpi.name} is
      reinstated or {dependents.length === 1 ? 'its rule compares' : 'their rules compare'} with another KPI.
    </p>
  );
}

function KpiRow(props: {
  kpi: KpiDefinition;
  target: string;
  owner: Person | 'unknown' | null;
  review: ReturnType<typeof reviewTurns>;
  peopleById: Map<string, Person>;
  busy: boolean;
  onEdit(): void;
  onRetire(): void;
  onReinstate(): void;
  onRemove(): void;
}) {
  const { kpi, review } = props;
  const nameOf = (id: string) => props.peopleById.get(id)?.name ?? 'A person no longer recorded';
  const forKpi = <span className="visually-hidden"> {kpi.name}</span>;
  const userDefined = !isBuiltInKpi(kpi);
  return (
    <tr data-testid="kpi-row" data-kpi-key={kpi.key}>
      <th scope="row" className="kpi-name-cell">
        <span className="kpi-name">{kpi.name}</span>
        {userDefined && <span className="pill">Added</span>}
        {kpi.retired && <span className="pill">{kpiCategoryLabels[kpi.category]}</span>}
        {kpi.formula && <span className="kpi-formula">{kpi.formula}</span>}
      </th>
      <td>{kpiUnitLabels[kpi.unit]}</td>
      <td className="kpi-direction">{kpiDirectionLabels[kpi.direction]}</td>
      <td data-testid="kpi-target">{props.target}</td>
      <td>
        {props.owner === null ? (
          <span className="flag">No owner</span>
        ) : props.owner === 'unknown' ? (
          <span className="flag">A person no longer recorded</span>
        ) : (
          props.owner.name
        )}
      </td>
      <td data-testid="kpi-review">
        {kpi.retired ? (
          <span className="muted">None while retired</span>
        ) : review === null ? (
          <span className="muted">No rotation</span>
        ) : (
          <>
            <div>
              {nameOf(review.current.personId)} <span className="muted">in {review.current.month}</span>
            </div>
            {kpi.reviewRotation.length > 1 && (
              <div className="muted">
                Next: {nameOf(review.next.personId)}, {review.next.month}
              </div>
            )}
          </>
        )}
      </td>
      <td>
        <div className="kpi-actions">
          {kpi.retired ? (
            <button type="button" onClick={props.onReinstate} disabled={props.busy}>
              Reinstate{forKpi}
            </button>
          ) : (
            <>
              <button type="button" onClick={props.onEdit}>
                Edit{forKpi}
              </button>
              <button type="button" onClick={props.onRetire}>
                Retire{forKpi}
              </button>
            </>
          )}
          {userDefined && (
            <button type="button" className="danger" onClick={props.onRemove} disabled={props.busy}>
              Remove{forKpi}
            </button>
          )}
        </div>
      </td>
    </tr>
  );
}

import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Person } from '@shared/domain/engagement';
import type { Risk } from '@shared/domain/risk';
import type { WorkspaceSettings } from '@shared/domain/settings';
import { REMOVED_PERSON_NAME, riskCategoryLabel } from '@shared/risk/register-filter';
import { isReviewOverdue, isUntouched } from '@shared/risk/review';
import { isOnMatrix, isResidualAboveInherent, rate } from '@shared/risk/scoring';
import { db, repositories } from '../../data';
import { Dialog } from '../../app/Dialog';
import { saveErrorMessage } from '../../app/form-parts';
import { useUiStore } from '../../app/ui-store';
import { useToday } from '../../app/use-today';
import { formatCalendarDate } from '../../app/format';
import { formatInstant, lastTouchedOn } from './risk-dates';
import { MitigationActions } from './MitigationActions';
import { changeInWords, recordedRatingText, timelineOrder, type HistoryNames } from './risk-history-text';
import { bandLabels, eventKindLabels, impactText, likelihoodText, proximityLabels, responseLabels, statusLabels } from './risk-labels';

/** One risk in full, with its linked records and its history, newest first. */
export function RiskDetail(props: {
  riskId: string;
  people: readonly Person[];
  settings: Pick<WorkspaceSettings, 'riskMatrix'>;
  onEdit(risk: Risk): void;
  onClose(): void;
}) {
  const today = useToday();
  const notify = useUiStore((state) => state.notify);
  const [busy, setBusy] = useState(false);
  const matrix = props.settings.riskMatrix;

  const data = useLiveQuery(async () => {
    const risk = await db.risks.get(props.riskId);
    if (!risk) return null;
    const [events, kpis, escalations] = await Promise.all([
      db.riskEvents.where({ riskId: risk.id }).toArray(),
      db.kpiDefinitions.where({ engagementId: risk.engagementId }).toArray(),
      db.escalations.where({ engagementId: risk.engagementId }).toArray(),
    ]);
    return { risk, events, kpis, escalations };
  }, [props.riskId]);

  if (data === undefined) return null;
  if (data === null) {
    return (
      <Dialog title="Risk not found" narrow onClose={props.onClose} footer={<button onClick={props.onClose}>Close</button>}>
        <p>This risk no longer exists. It may have been removed in another window.</p>
      </Dialog>
    );
  }

  const { risk, events, kpis, escalations } = data;
  const personName = (id: string) => props.people.find((person) => person.id === id)?.name;
  const names: HistoryNames = {
    matrix,
    personName,
    kpiName: (id) => kpis.find((kpi) => kpi.id === id)?.name,
    escalationTitle: (id) => escalations.find((escalation) => escalation.id === id)?.title,
  };
  const ratingText = (likelihood: number | null, impact: number | null) => {
    if (likelihood === null || impact === null) return <span className="muted">Not assessed</span>;
    if (!isOnMatrix(matrix, likelihood, impact)) return `${likelihood}×${impact}, beyond the ${matrix.size}x${matrix.size} matrix`;
    const rating = rate(matrix, likelihood, impact);
    return (
      <>
        {likelihoodText(matrix, likelihood)} × {impactText(matrix, impact)}{' '}
        <span className="pill risk-band" data-band={rating.band}>
          {bandLabels[rating.band]}
        </span>
      </>
    );
  };
  const closed = risk.status === 'closed';
  const overdue = isReviewOverdue(risk, today);
  const untouched = isUntouched(risk, lastTouchedOn(risk), today);

  async function act(what: 'review' | 'close' | 'reopen') {
    setBusy(true);
    try {
      await repositories.riskRegister[what](risk.id, risk.revision);
      notify('success', `${what === 'review' ? 'Reviewed' : what === 'close' ? 'Closed' : 'Reopened'} ${risk.reference}.`);
    } catch (error) {
      notify(
        'error',
        `${risk.reference} could not be ${what === 'review' ? 'marked reviewed' : what === 'close' ? 'closed' : 'reopened'}: ${saveErrorMessage(error, 'risk')}`,
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog
      title={`${risk.reference} ${risk.title}`}
      onClose={props.onClose}
      footer={
        <>
          <button type="button" onClick={props.onClose}>
            Done
          </button>
          {!closed && (
            <button type="button" onClick={() => void act('review')} disabled={busy}>
              Mark reviewed today
            </button>
          )}
          <button type="button" onClick={() => void act(closed ? 'reopen' : 'close')} disabled={busy}>
            {closed ? 'Reopen risk' : 'Close risk'}
          </button>
          <button type="button" className="primary" onClick={() => props.onEdit(risk)}>
            Edit risk
          </button>
        </>
      }
    >
      <div className="stack risk-detail" data-testid="risk-detail">
        <div className="row">
          <span className="pill">{statusLabels[risk.status]}</span>
          <span className="pill">{riskCategoryLabel(risk.category)}</span>
          {overdue && <span className="flag">⚠ Review overdue</span>}
          {untouched && <span className="flag">⚠ Untouched for 90 days or more</span>}
          {isResidualAboveInherent(risk) && <span className="flag">⚠ Residual above inherent: inconsistent</span>}
        </div>
        {risk.description && <p className="risk-detail-text">{risk.description}</p>}
        <dl className="facts">
          <dt>Inherent rating</dt>
          <dd>{ratingText(risk.likelihood, risk.impact)}</dd>
          <dt>Residual rating</dt>
          <dd>{ratingText(risk.residualLikelihood, risk.residualImpact)}</dd>
          <dt>Owner</dt>
          <dd>{risk.ownerId === null ? 'Nobody yet' : (personName(risk.ownerId) ?? REMOVED_PERSON_NAME)}</dd>
          <dt>Response</dt>
          <dd>{responseLabels[risk.response]}</dd>
          <dt>Proximity</dt>
          <dd>{proximityLabels[risk.proximity]}</dd>
          <dt>Cause</dt>
          <dd>{risk.cause || <span className="muted">Not recorded</span>}</dd>
          <dt>Trigger</dt>
          <dd>{risk.trigger || <span className="muted">Not recorded</span>}</dd>
          <dt>Next review</dt>
          <dd>{risk.nextReviewOn ? formatCalendarDate(risk.nextReviewOn) : <span className="muted">None</span>}</dd>
          <dt>Last reviewed</dt>
          <dd>{risk.lastReviewedAt ? formatInstant(risk.lastReviewedAt) : <span className="muted">Not yet</span>}</dd>
          <dt>Created</dt>
          <dd>{formatInstant(risk.createdAt)}</dd>
          <dt>Updated</dt>
          <dd>{formatInstant(risk.updatedAt)}</dd>
          {risk.closedAt && (
            <>
              <dt>Closed</dt>
              <dd>{formatInstant(risk.closedAt)}</dd>
            </>
          )}
          <dt>Linked KPIs</dt>
          <dd>
            {risk.kpiIds.length === 0 ? (
              <span className="muted">None</span>
            ) : (
              risk.kpiIds.map((id) => names.kpiName(id) ?? 'A KPI no longer recorded').join(', ')
            )}
          </dd>
          <dt>Linked escalations</dt>
          <dd>
            {risk.escalationIds.length === 0 ? (
              <span className="muted">None</span>
            ) : (
              risk.escalationIds.map((id) => names.escalationTitle(id) ?? 'An escalation no longer recorded').join(', ')
            )}
          </dd>
        </dl>

        <section aria-labelledby="risk-detail-actions">
          <h3 id="risk-detail-actions" className="risk-subheading">
            Mitigation actions
          </h3>
          <MitigationActions risk={risk} people={props.people} />
        </section>

        <section aria-labelledby="risk-detail-history">
          <h3 id="risk-detail-history" className="risk-subheading">
            History
          </h3>
          {events.length === 0 ? (
            <p className="muted">No history recorded.</p>
          ) : (
            <ol className="risk-timeline" data-testid="risk-history">
              {timelineOrder(events).map((event) => {
                const rating = recordedRatingText(event.rating);
                return (
                  <li key={event.id} data-kind={event.kind}>
                    <div className="risk-timeline-head">
                      <strong>{eventKindLabels[event.kind]}</strong>
                      <time dateTime={event.at}>{formatInstant(event.at)}</time>
                      <span className="muted">by {event.by}</span>
                      {rating && <span className="muted">· rating then {rating}</span>}
                    </div>
                    {event.changes.length > 0 && (
                      <ul className="risk-changes">
                        {event.changes.map((change) => {
                          const words = changeInWords(change, names);
                          return (
                            <li key={change.field}>
                              {words.label}: <span className="risk-change-from">{words.from}</span> →{' '}
                              <span className="risk-change-to">{words.to}</span>
                            </li>
                          );
                        })}
                      </ul>
                    )}
                  </li>
                );
              })}
            </ol>
          )}
        </section>
      </div>
    </Dialog>
  );
}

import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Engagement, Person } from '@shared/domain/engagement';
import { roleLabels } from '@shared/domain/engagement';
import { triggerName, type Escalation, type EscalationPath, type EscalationStep } from '@shared/domain/escalation';
import { WORKSPACE_SETTINGS_ID } from '@shared/domain/settings';
import { HEALTH_WINDOW_DAYS, describeOpenEscalation, healthPeriod } from '@shared/governance/health';
import { escalateToNextStep, escalationStatistics, reopenEscalation, resolveEscalation } from '@shared/governance/escalations';
import { RecordConflictError } from '@shared/validation';
import { db, repositories } from '../../data';
import { systemClock } from '../../data/clock';
import { useUiStore } from '../../app/ui-store';
import { useNow, useToday } from '../../app/use-today';
import { formatDuration } from '../../app/format';
import { RaiseEscalationDialog } from './RaiseEscalationDialog';
import { EscalationActionDialog, type EscalationAction } from './EscalationActionDialog';
import { EscalationConflictDialog } from './EscalationConflictDialog';

/** An action as a change of the escalation at an instant, so it can be repeated on a later version. */
type EscalationChange = (current: Escalation, at: string) => Escalation;

function ownerLabel(step: EscalationStep, people: Map<string, Person>): string {
  return step.owner.kind === 'role' ? roleLabels[step.owner.role] : (people.get(step.owner.personId)?.name ?? 'a removed person');
}

/**
 * Live escalations: raise one, see its step and deadline (in the client's and the
 * owner's time), move it up its ladder, resolve or reopen it; every change is kept in
 * its history. With the period's statistics.
 */
export function EscalationsPanel({ engagement }: { engagement: Engagement }) {
  const today = useToday();
  const now = useNow();
  const notify = useUiStore((state) => state.notify);
  const [raising, setRaising] = useState(false);
  const [action, setAction] = useState<{ kind: EscalationAction; escalation: Escalation } | null>(null);
  /** An action refused because another window saved the escalation first, waiting for the user's choice. */
  const [conflict, setConflict] = useState<{ base: Escalation; mine: Escalation; change: EscalationChange; success: string } | null>(null);

  const data = useLiveQuery(async () => {
    const byEngagement = { engagementId: engagement.id };
    const [escalations, paths, people, assignments, teams, settings] = await Promise.all([
      db.escalations.where(byEngagement).toArray(),
      db.escalationPaths.where(byEngagement).toArray(),
      db.people.where(byEngagement).toArray(),
      db.roleAssignments.where(byEngagement).toArray(),
      db.teams.where(byEngagement).toArray(),
      db.settings.get(WORKSPACE_SETTINGS_ID),
    ]);
    return { escalations, paths, people, assignments, teams, userName: settings?.userName ?? 'Engagement lead' };
  }, [engagement.id]);
  if (!data) return null;

  const pathsById = new Map(data.paths.map((path) => [path.id, path]));
  const peopleById = new Map(data.people.map((person) => [person.id, person]));
  const period = healthPeriod(today);
  const statistics = escalationStatistics(data.escalations, data.paths, period, now);
  const zoneContext = { people: data.people, assignments: data.assignments, teams: data.teams, clientTimeZone: engagement.clientTimeZone };
  const open = data.escalations
    .filter((escalation) => escalation.status === 'open' && pathsById.has(escalation.pathId))
    .map((escalation) => describeOpenEscalation(escalation, pathsById.get(escalation.pathId)!, zoneContext, now))
    .sort((a, b) => (a.deadline?.deadline ?? '').localeCompare(b.deadline?.deadline ?? ''));
  const resolved = data.escalations
    .filter(
      (escalation) =>
        escalation.status === 'resolved' && escalation.resolvedAt !== null && escalation.resolvedAt.slice(0, 10) >= period.from,
    )
    .sort((a, b) => b.resolvedAt!.localeCompare(a.resolvedAt!));

  // `escalation` is the version the user acted on (kept when the action dialog opened); its
  // revision guards the save, so a change saved meanwhile in another window is never overwritten unseen.
  async function apply(escalation: Escalation, change: EscalationChange, success: string) {
    let next: Escalation | null = null;
    try {
      next = change(escalation, systemClock.now().toISOString());
      const { id: _id, engagementId: _engagementId, createdAt: _createdAt, updatedAt: _updatedAt, revision: _revision, ...changes } = next;
      await repositories.escalations.update(escalation.id, changes, escalation.revision);
      notify('success', success);
      setAction(null);
    } catch (error) {
      if (error instanceof RecordConflictError && next) {
        setConflict({ base: escalation, mine: next, change, success });
        return;
      }
      notify('error', error instanceof Error ? error.message : String(error));
    }
  }

  function runAction(kind: EscalationAction, escalation: Escalation, text: string) {
    const path = pathsById.get(escalation.pathId)!;
    const by = data!.userName;
    if (kind === 'escalate')
      void apply(
        escalation,
        (current, at) => escalateToNextStep(current, path, { by, at, note: text }),
        `Escalated "${escalation.title}" to the next step.`,
      );
    else if (kind === 'resolve')
      void apply(escalation, (current, at) => resolveEscalation(current, { by, at, resolution: text }), `Resolved "${escalation.title}".`);
    else void apply(escalation, (current, at) => reopenEscalation(current, { by, at, note: text }), `Reopened "${escalation.title}".`);
  }

  const median = statistics.medianMinutesToResolve;
  const share = statistics.answeredWithinResponseTime;

  return (
    <section className="card stack" aria-labelledby="escalations-title" data-testid="escalations-panel">
      <div className="row">
        <h2 id="escalations-title" style={{ margin: 0 }}>
          Escalations
        </h2>
        <button
          type="button"
          className="primary"
          style={{ marginLeft: 'auto' }}
          onClick={() => setRaising(true)}
          disabled={data.paths.length === 0}
        >
          Raise escalation
        </button>
      </div>

      <div className="stat-grid" aria-label="Escalation statistics" data-testid="escalation-statistics">
        <div className="stat">
          <span className="muted">Raised</span>
          <strong>{statistics.raised}</strong>
          <span className="muted">last {HEALTH_WINDOW_DAYS} days</span>
        </div>
        <div className="stat">
          <span className="muted">Resolved</span>
          <strong>{statistics.resolved}</strong>
        </div>
        <div className="stat">
          <span className="muted">Median time to resolve</span>
          <strong>{median === null ? '–' : formatDuration(Math.round(median))}</strong>
        </div>
        <div className="stat" data-alert={share.share !== null && share.share < 0.8 ? 'true' : undefined}>
          <span className="muted">Answered within response time</span>
          <strong>{share.share === null ? '–' : `${Math.round(share.share * 100)}%`}</strong>
          <span className="muted">
            {share.count} of {share.of}
          </span>
        </div>
      </div>

      <h3>Open</h3>
      {open.length === 0 ? (
        <p>No open escalations.</p>
      ) : (
        <ul className="escalation-cards" data-testid="open-escalation-list">
          {open.map(({ escalation, path, deadline: current, overdue, deadlineInZones }) => {
            const deadline = current!;
            return (
              <li key={escalation.id} className="escalation-card" data-overdue={overdue ? 'true' : undefined} data-testid="escalation">
                <div className="row">
                  <strong>{escalation.title}</strong>
                  <span className="pill">{triggerName(path)}</span>
                  {overdue && (
                    <span className="pill health" data-health="poor">
                      Overdue
                    </span>
                  )}
                </div>
                <div>
                  Step {deadline.stepIndex + 1} of {path.steps.length}: {deadline.step.level}, {ownerLabel(deadline.step, peopleById)} ·{' '}
                  {overdue ? 'answer was due' : 'answer due'}{' '}
                  {deadlineInZones
                    .map(
                      (zoned) =>
                        `${zoned.local} ${zoned.label}${zoned.dayOffset !== 0 ? ` (${zoned.dayOffset > 0 ? '+' : ''}${zoned.dayOffset} day)` : ''}`,
                    )
                    .join(' / ')}
                </div>
                <div className="row">
                  <button type="button" onClick={() => setAction({ kind: 'escalate', escalation })} disabled={deadline.isLastStep}>
                    Escalate to step {deadline.stepIndex + 2 > path.steps.length ? path.steps.length : deadline.stepIndex + 2}
                  </button>
                  <button type="button" onClick={() => setAction({ kind: 'resolve', escalation })}>
                    Resolve…
                  </button>
                </div>
                <EscalationHistory escalation={escalation} path={path} people={peopleById} />
              </li>
            );
          })}
        </ul>
      )}

      {resolved.length > 0 && (
        <>
          <h3>Resolved in the last {HEALTH_WINDOW_DAYS} days</h3>
          <ul className="escalation-cards" data-testid="resolved-escalation-list">
            {resolved.map((escalation) => {
              const path = pathsById.get(escalation.pathId)!;
              return (
                <li key={escalation.id} className="escalation-card">
                  <div className="row">
                    <strong>{escalation.title}</strong>
                    <span className="pill">{triggerName(path)}</span>
                    <button
                      type="button"
                      className="link"
                      style={{ marginLeft: 'auto' }}
                      onClick={() => setAction({ kind: 'reopen', escalation })}
                    >
                      Reopen
                    </button>
                  </div>
                  <div className="muted">Resolution: {escalation.resolution}</div>
                  <EscalationHistory escalation={escalation} path={path} people={peopleById} />
                </li>
              );
            })}
          </ul>
        </>
      )}

      {raising && (
        <RaiseEscalationDialog
          engagement={engagement}
          paths={data.paths}
          defaultRaisedBy={data.userName}
          onClose={() => setRaising(false)}
        />
      )}
      {action && (
        <EscalationActionDialog
          action={action.kind}
          escalation={action.escalation}
          onCancel={() => setAction(null)}
          onConfirm={(text) => runAction(action.kind, action.escalation, text)}
        />
      )}
      {conflict && (
        <EscalationConflictDialog
          base={conflict.base}
          mine={conflict.mine}
          change={conflict.change}
          onKeepTheirs={() => {
            setConflict(null);
            setAction(null);
          }}
          onApplied={() => {
            notify('success', conflict.success);
            setConflict(null);
            setAction(null);
          }}
          onCancel={() => setConflict(null)}
        />
      )}
    </section>
  );
}

const eventWords = {
  raised: 'Raised',
  escalated: 'Escalated to step',
  resolved: 'Resolved at step',
  reopened: 'Reopened at step',
  note: 'Note at step',
} as const;

function EscalationHistory({ escalation, path, people }: { escalation: Escalation; path: EscalationPath; people: Map<string, Person> }) {
  return (
    <details className="history">
      <summary>History ({escalation.history.length})</summary>
      <ol data-testid="escalation-history">
        {escalation.history.map((event, index) => {
          const step = path.steps[event.stepIndex];
          return (
            <li key={index}>
              <time dateTime={event.at}>{new Date(event.at).toLocaleString()}</time> · {event.by}: {eventWords[event.kind]}
              {event.kind !== 'raised' && ` ${event.stepIndex + 1}`}
              {step && ` (${step.level}, ${ownerLabel(step, people)})`}
              {event.note && <span className="muted"> · {event.note}</span>}
            </li>
          );
        })}
      </ol>
    </details>
  );
}

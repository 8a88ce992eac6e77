import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { roleLabels, type Person } from '@shared/domain/engagement';
import type { CommunicationPlanEntry } from '@shared/domain/governance';
import { RecordConflictError, RecordNotFoundError } from '@shared/validation';
import { db, repositories } from '../../data';
import { systemClock } from '../../data/clock';
import { ConfirmDialog } from '../../app/Dialog';
import { useUiStore } from '../../app/ui-store';
import { useNow } from '../../app/use-today';
import { plural } from '../../app/format';
import { saveErrorMessage } from '../../app/form-parts';
import { CommunicationForm } from './CommunicationForm';
import {
  communicationStates,
  comparePlanOrder,
  describeInterval,
  describeLateness,
  isLate,
  type CommunicationState,
} from './communication-state';
import './communication.css';

type OpenDialog = { kind: 'edit'; entry: CommunicationPlanEntry | null } | { kind: 'remove'; entry: CommunicationPlanEntry } | null;

const dateTimeFormatter = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const formatInstant = (instant: string) => dateTimeFormatter.format(new Date(instant));

function ownerText(entry: CommunicationPlanEntry, peopleById: Map<string, Person>): string {
  if (entry.ownerId !== null) {
    const name = peopleById.get(entry.ownerId)?.name ?? 'A person no longer recorded';
    return entry.ownerRole === null ? name : `${name} (${roleLabels[entry.ownerRole]})`;
  }
  return entry.ownerRole === null ? 'Nobody named' : roleLabels[entry.ownerRole];
}

/**
 * Communication ownership: who communicates what, through which channel and how often,
 * with the entries that have gone quiet for longer than their cadence allows.
 */
export function CommunicationPanel({ engagementId }: { engagementId: string }) {
  const now = useNow();
  const notify = useUiStore((state) => state.notify);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [busy, setBusy] = useState(false);

  const data = useLiveQuery(async () => {
    const byEngagement = { engagementId };
    const [entries, people] = await Promise.all([
      db.communicationPlan.where(byEngagement).toArray(),
      db.people.where(byEngagement).sortBy('name'),
    ]);
    return { entries: entries.sort(comparePlanOrder), people };
  }, [engagementId]);

  if (!data) return null;
  const { entries, people } = data;
  const peopleById = new Map(people.map((person) => [person.id, person]));
  const states = communicationStates(entries, now);
  const lateCount = entries.filter((entry) => isLate(states.get(entry.id)!)).length;

  async function markDone(entry: CommunicationPlanEntry) {
    setBusy(true);
    try {
      // The same clock the escalations record their times with, so a test's injected clock applies.
      await repositories.communicationPlan.update(entry.id, { lastDoneAt: systemClock.now().toISOString() }, entry.revision);
      notify('success', `Recorded ${entry.communication} as done just now.`);
    } catch (error) {
      notify('error', `${entry.communication} could not be marked done: ${saveErrorMessage(error, 'communication')}`);
    } finally {
      setBusy(false);
    }
  }

  async function remove(entry: CommunicationPlanEntry) {
    setBusy(true);
    try {
      // With the revision the confirmation showed, so an entry edited in another window since is not deleted unseen.
      await repositories.communicationPlan.remove(entry.id, entry.revision);
      notify('success', `Removed ${entry.communication} from the communication plan.`);
    } catch (error) {
      notify(
        'error',
        error instanceof RecordNotFoundError
          ? `${entry.communication} was already removed in another window.`
          : error instanceof RecordConflictError
            ? `${entry.communication} was not removed: it was changed in another window since you asked. The plan now shows the latest version; remove it again if you still want to.`
            : `${entry.communication} could not be removed: ${saveErrorMessage(error, 'communication')}`,
      );
    } finally {
      setBusy(false);
      setDialog(null);
    }
  }

  return (
    <section className="card stack" aria-labelledby="communication-title" data-testid="communication-panel">
      <div className="row">
        <h2 id="communication-title" style={{ margin: 0 }}>
          Communication ownership
        </h2>
        {entries.length > 0 && (
          <span className="pill health" data-health={lateCount > 0 ? 'poor' : 'good'} data-testid="late-count">
            {lateCount === 0 ? 'All on time' : `${plural(lateCount, 'communication')} late`}
          </span>
        )}
        <button type="button" style={{ marginLeft: 'auto' }} onClick={() => setDialog({ kind: 'edit', entry: null })}>
          Add communication
        </button>
      </div>
      <p className="muted" style={{ margin: 0 }}>
        Who tells whom what, where and how often. A communication with a maximum interval is late once it goes longer than that without
        being done, or has never been done; press “Done now” when it goes out.
      </p>

      {entries.length === 0 ? (
        <p>No communications are planned. Add the updates, reports and decisions people rely on, each with its owner.</p>
      ) : (
        <div className="table-wrap">
          <table className="data communication-plan" data-testid="communication-plan">
            <caption className="visually-hidden">Communication plan, late entries marked</caption>
            <thead>
              <tr>
                <th scope="col">Communication</th>
                <th scope="col">Channel</th>
                <th scope="col">Owner</th>
                <th scope="col">Cadence or deadline</th>
                <th scope="col" className="number">
                  Max interval
                </th>
                <th scope="col">Last done</th>
                <th scope="col">State</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => {
                const state = states.get(entry.id)!;
                const forEntry = <span className="visually-hidden"> {entry.communication}</span>;
                return (
                  <tr key={entry.id} data-testid="communication" data-late={isLate(state) ? 'true' : undefined}>
                    <th scope="row">{entry.communication}</th>
                    <td>{entry.channel}</td>
                    <td>{ownerText(entry, peopleById)}</td>
                    <td>{entry.cadence}</td>
                    <td className="number">
                      {entry.maxIntervalHours === null ? <span className="muted">–</span> : describeInterval(entry.maxIntervalHours)}
                    </td>
                    <td data-testid="last-done">
                      {entry.lastDoneAt === null ? (
                        <span className="muted">Never</span>
                      ) : (
                        <time dateTime={entry.lastDoneAt}>{formatInstant(entry.lastDoneAt)}</time>
                      )}
                    </td>
                    <td data-testid="communication-state">
                      <StateText state={state} />
                    </td>
                    <td>
                      <div className="communication-actions">
                        <button type="button" onClick={() => void markDone(entry)} disabled={busy}>
                          Done now{forEntry}
                        </button>
                        <button type="button" className="link" onClick={() => setDialog({ kind: 'edit', entry })}>
                          Edit{forEntry}
                        </button>
                        <button type="button" className="link" onClick={() => setDialog({ kind: 'remove', entry })}>
                          Remove{forEntry}
                        </button>
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}

      {dialog?.kind === 'edit' && (
        <CommunicationForm engagementId={engagementId} entry={dialog.entry} people={people} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'remove' && (
        <ConfirmDialog
          title={`Remove ${dialog.entry.communication}?`}
          confirmLabel="Remove communication"
          danger
          busy={busy}
          onCancel={() => setDialog(null)}
          onConfirm={() => void remove(dialog.entry)}
        >
          <p>
            It leaves the communication plan ({dialog.entry.channel}, {dialog.entry.cadence.toLowerCase()}) and is no longer checked for
            lateness. You can add it again later.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}

function StateText({ state }: { state: CommunicationState }) {
  switch (state.kind) {
    case 'never-done':
      return <span className="communication-late">⚠ Never done</span>;
    case 'late':
      return <span className="communication-late">⚠ {capitalise(describeLateness(state.hoursOverdue))}</span>;
    case 'on-time':
      return (
        <>
          On time
          <div className="muted communication-due">
            next by <time dateTime={state.dueBy}>{formatInstant(state.dueBy)}</time>
          </div>
        </>
      );
    case 'no-deadline':
      return <span className="muted">No fixed interval</span>;
  }
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

import { useState } from 'react';
import { Link } from 'wouter';
import type { ActionItem, Checkpoint, Decision } from '@shared/domain/decisions';
import type { Engagement } from '@shared/domain/engagement';
import { previousCheckpoint, wasActionOpenOn } from '@shared/pack/checkpoint-timeline';
import { repositories } from '../../data';
import { saveErrorMessage } from '../../app/form-parts';
import { useUiStore } from '../../app/ui-store';
import { useToday } from '../../app/use-today';
import { formatCalendarDate, plural } from '../../app/format';
import { AgendaEditor } from './AgendaEditor';
import { ActionTable } from './ActionTable';
import { ActionForm } from './ActionForm';
import { DecisionForm } from './DecisionForm';
import { CheckpointForm } from './CheckpointForm';
import { QuickAction, QuickDecision } from './QuickCapture';
import { PackLink } from './PackLink';
import { PackVersions } from '../pack/PackVersions';
import { initialActionFields } from './action-form-model';
import { initialDecisionFields } from './decision-form-model';
import { decisionStatusLabels } from './meeting-labels';
import { lookups, type MeetingData } from './use-meeting-data';

/**
 * One checkpoint, as the lead runs it: its facts, the agenda with notes, what the meeting
 * decides and who does what next, and the previous checkpoint's actions to chase.
 */
export function CheckpointPage({ engagement, data, checkpointId }: { engagement: Engagement; data: MeetingData; checkpointId: string }) {
  const today = useToday();
  const notify = useUiStore((state) => state.notify);
  const [dialog, setDialog] = useState<
    { kind: 'facts' } | { kind: 'decision'; decision: Decision } | { kind: 'action'; action: ActionItem } | null
  >(null);
  const [busy, setBusy] = useState(false);
  const checkpoint = data.checkpoints.find((candidate) => candidate.id === checkpointId);
  const listHref = `/engagements/${engagement.id}/checkpoints`;
  if (!checkpoint) {
    return (
      <section className="card">
        <h2>Checkpoint not found</h2>
        <p>It may have been deleted, or the workspace was replaced by an import.</p>
        <Link href={listHref}>Back to the checkpoints</Link>
      </section>
    );
  }
  const names = lookups(data);
  const previous = previousCheckpoint(data.checkpoints, checkpoint);
  const decisions = data.decisions.filter((decision) => decision.checkpointId === checkpoint.id);
  const fromMeeting = (action: ActionItem) => action.source.kind === 'checkpoint' && action.source.id === checkpoint.id;
  const captured = data.actions.filter(fromMeeting);
  // What the meeting chases: actions still open when the previous checkpoint ended (for the first one, when its period began).
  const toChase = data.actions.filter(
    (action) => !fromMeeting(action) && wasActionOpenOn(action, previous?.date ?? checkpoint.periodStart, data.timeZone),
  );

  async function setStatus(target: Checkpoint, status: Checkpoint['status']) {
    setBusy(true);
    try {
      await repositories.meetings.updateCheckpoint(target.id, { status }, target.revision);
      notify('success', status === 'held' ? `Marked ${target.title} as held.` : `${target.title} is planned again.`);
    } catch (error) {
      notify('error', `${target.title} could not be changed: ${saveErrorMessage(error, 'checkpoint')}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="stack" data-testid="checkpoint-page">
      <nav aria-label="Checkpoint" className="muted">
        <Link href={listHref}>Checkpoints</Link> / {checkpoint.title}
      </nav>
      <section className="card stack" aria-labelledby="checkpoint-title">
        <div className="row">
          <h2 id="checkpoint-title" style={{ margin: 0 }}>
            {checkpoint.title}
          </h2>
          <span className="pill" data-testid="checkpoint-status">
            {checkpoint.status === 'held' ? '✓ Held' : 'Planned'}
          </span>
          <div className="row" style={{ marginLeft: 'auto', gap: '0.5rem' }}>
            {checkpoint.status === 'planned' ? (
              <button type="button" className="primary" disabled={busy} onClick={() => void setStatus(checkpoint, 'held')}>
                Mark as held
              </button>
            ) : (
              <button type="button" disabled={busy} onClick={() => void setStatus(checkpoint, 'planned')}>
                Mark as planned
              </button>
            )}
            <button type="button" onClick={() => setDialog({ kind: 'facts' })}>
              Edit details
            </button>
            <PackLink engagementId={engagement.id} checkpointId={checkpoint.id} title={checkpoint.title} />
          </div>
        </div>
        <dl className="facts" data-testid="checkpoint-facts">
          <dt>Date</dt>
          <dd>{formatCalendarDate(checkpoint.date)}</dd>
          <dt>Forum</dt>
          <dd>{names.forumName(checkpoint.forumId)}</dd>
          <dt>Period</dt>
          <dd>
            {formatCalendarDate(checkpoint.periodStart)} – {formatCalendarDate(checkpoint.periodEnd)}
            {previous ? <span className="muted"> (since {previous.title})</span> : <span className="muted"> (the first checkpoint)</span>}
          </dd>
          <dt>Prepared by</dt>
          <dd>{checkpoint.preparedBy || <span className="muted">Nobody named</span>}</dd>
          <dt>Attendees</dt>
          <dd>
            {checkpoint.attendeeIds.length === 0 ? (
              <span className="muted">None listed</span>
            ) : (
              checkpoint.attendeeIds.map((id) => names.personName(id)).join(', ')
            )}
          </dd>
        </dl>
      </section>

      <AgendaEditor key={checkpoint.id} checkpoint={checkpoint} />

      <section className="card stack" aria-labelledby="checkpoint-pack-title">
        <h2 id="checkpoint-pack-title" style={{ margin: 0 }}>
          Pack
        </h2>
        <PackVersions engagementId={engagement.id} checkpointId={checkpoint.id} />
      </section>

      <section className="card stack" aria-labelledby="captured-decisions-title">
        <h2 id="captured-decisions-title" style={{ margin: 0 }}>
          Decisions taken in this meeting <span className="muted">({decisions.length})</span>
        </h2>
        {decisions.length > 0 && (
          <ul className="meeting-captured" data-testid="captured-decisions">
            {decisions.map((decision) => (
              <li key={decision.id}>
                <span className="meeting-ref">{decision.reference}</span> {decision.title}{' '}
                <span className="pill">{decisionStatusLabels[decision.status]}</span>{' '}
                <button type="button" className="link" onClick={() => setDialog({ kind: 'decision', decision })}>
                  Edit<span className="visually-hidden"> {decision.reference}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
        <QuickDecision checkpoint={checkpoint} data={data} />
      </section>

      <section className="card stack" aria-labelledby="captured-actions-title">
        <h2 id="captured-actions-title" style={{ margin: 0 }}>
          Actions agreed in this meeting <span className="muted">({captured.length})</span>
        </h2>
        {captured.length > 0 && (
          <ActionTable
            caption="Actions agreed in this meeting"
            actions={captured}
            data={data}
            today={today}
            carriedAt={null}
            onEdit={(action) => setDialog({ kind: 'action', action })}
          />
        )}
        <QuickAction checkpoint={checkpoint} data={data} />
      </section>

      <section className="card stack" aria-labelledby="chased-actions-title" data-testid="chased-actions">
        <h2 id="chased-actions-title" style={{ margin: 0 }}>
          {previous ? `Actions open after ${previous.title}` : 'Actions open when the period began'}{' '}
          <span className="muted">({toChase.length})</span>
        </h2>
        <p className="muted" style={{ margin: 0 }}>
          Update their status as the meeting goes through them. Carried over counts the checkpoints, up to this one, that found each still
          open.
        </p>
        {toChase.length === 0 ? (
          <p>Nothing to chase: {previous ? 'every action was closed by then' : 'no action was open'}.</p>
        ) : (
          <ActionTable
            caption={`${plural(toChase.length, 'action')} to chase`}
            actions={toChase}
            data={data}
            today={today}
            carriedAt={checkpoint}
            onEdit={(action) => setDialog({ kind: 'action', action })}
          />
        )}
      </section>

      {dialog?.kind === 'facts' && (
        <CheckpointForm engagement={engagement} data={data} checkpoint={checkpoint} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'decision' && (
        <DecisionForm
          engagementId={engagement.id}
          data={data}
          decision={dialog.decision}
          initial={initialDecisionFields({ date: checkpoint.date, forum: null })}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'action' && (
        <ActionForm
          engagementId={engagement.id}
          data={data}
          action={dialog.action}
          initial={initialActionFields()}
          onClose={() => setDialog(null)}
        />
      )}
    </div>
  );
}

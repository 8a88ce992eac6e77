import { useState } from 'react';
import type { ActionItem, Checkpoint } from '@shared/domain/decisions';
import { isActionOpen, isActionOverdue } from '@shared/pack/checkpoint-timeline';
import { useToday } from '../../app/use-today';
import { plural } from '../../app/format';
import { ActionForm } from './ActionForm';
import { ActionTable } from './ActionTable';
import { initialActionFields } from './action-form-model';
import type { MeetingData } from './use-meeting-data';

type Show = 'open' | 'overdue' | 'all';

/** The latest checkpoint held by `today`: the one carried-over counts are read at. */
export function latestCheckpoint(checkpoints: readonly Checkpoint[], today: string): Checkpoint | null {
  return [...checkpoints].reverse().find((checkpoint) => checkpoint.date <= today) ?? null;
}

/** The engagement's action log: open, overdue or all, by owner, with quick status changes. */
export function ActionLog({ engagementId, data }: { engagementId: string; data: MeetingData }) {
  const today = useToday();
  const [show, setShow] = useState<Show>('open');
  const [ownerId, setOwnerId] = useState('');
  const [editing, setEditing] = useState<{ action: ActionItem | null } | null>(null);
  const carriedAt = latestCheckpoint(data.checkpoints, today);
  const shown = data.actions.filter(
    (action) =>
      (show === 'all' || (show === 'open' ? isActionOpen(action) : isActionOverdue(action, today))) &&
      (ownerId === '' || (ownerId === 'none' ? action.ownerId === null : action.ownerId === ownerId)),
  );
  const overdue = data.actions.filter((action) => isActionOverdue(action, today)).length;
  const open = data.actions.filter(isActionOpen).length;

  return (
    <section className="card stack" aria-labelledby="action-log-title" data-testid="action-log">
      <div className="row">
        <h2 id="action-log-title" style={{ margin: 0 }}>
          Action log
        </h2>
        <button type="button" className="primary" style={{ marginLeft: 'auto' }} onClick={() => setEditing({ action: null })}>
          Add action
        </button>
      </div>
      <p className="muted" style={{ margin: 0 }}>
        {plural(open, 'open action')}, {overdue} overdue.{' '}
        {carriedAt
          ? `Carried over counts the checkpoints up to ${carriedAt.title} that found an action still open.`
          : 'No checkpoint held yet, so nothing has been carried over.'}
      </p>
      <div className="meeting-toolbar" role="search" aria-label="Filter the action log">
        <label>
          Show
          <select name="action-filter" value={show} onChange={(event) => setShow(event.target.value as Show)}>
            <option value="open">Open</option>
            <option value="overdue">Overdue</option>
            <option value="all">All</option>
          </select>
        </label>
        <label>
          Owner
          <select name="action-owner-filter" value={ownerId} onChange={(event) => setOwnerId(event.target.value)}>
            <option value="">Anyone</option>
            <option value="none">Nobody yet</option>
            {data.people.map((person) => (
              <option key={person.id} value={person.id}>
                {person.name}
              </option>
            ))}
          </select>
        </label>
        <p className="meeting-count" aria-live="polite" data-testid="action-count">
          {shown.length.toLocaleString()} of {plural(data.actions.length, 'action')}
        </p>
      </div>
      {data.actions.length === 0 ? (
        <p>No actions recorded yet. Add one here, or capture them during a checkpoint.</p>
      ) : shown.length === 0 ? (
        <p>No actions match these filters.</p>
      ) : (
        <ActionTable
          caption="Action log"
          actions={shown}
          data={data}
          today={today}
          carriedAt={carriedAt}
          onEdit={(action) => setEditing({ action })}
        />
      )}
      {editing && (
        <ActionForm
          engagementId={engagementId}
          data={data}
          action={editing.action}
          initial={initialActionFields()}
          onClose={() => setEditing(null)}
        />
      )}
    </section>
  );
}

import { useState } from 'react';
import { Link } from 'wouter';
import type { Engagement } from '@shared/domain/engagement';
import { formatCalendarDate } from '../../app/format';
import { CheckpointForm } from './CheckpointForm';
import { PackVersions } from '../pack/PackVersions';
import { lookups, type MeetingData } from './use-meeting-data';

/** The engagement's checkpoints, newest first, and the way to plan the next one. */
export function CheckpointsList({ engagement, data }: { engagement: Engagement; data: MeetingData }) {
  const [planning, setPlanning] = useState(false);
  const names = lookups(data);
  const newestFirst = [...data.checkpoints].reverse();
  return (
    <section className="card stack" aria-labelledby="checkpoints-title" data-testid="checkpoints-list">
      <div className="row">
        <h2 id="checkpoints-title" style={{ margin: 0 }}>
          Checkpoints
        </h2>
        <button type="button" className="primary" style={{ marginLeft: 'auto' }} onClick={() => setPlanning(true)}>
          New checkpoint
        </button>
      </div>
      <p className="muted" style={{ margin: 0 }}>
        Each checkpoint covers the time since the one before. Open one to write notes against its agenda and capture decisions and actions;
        its pack is built from the records as they stood on its date.
      </p>
      {newestFirst.length === 0 ? (
        <p>No checkpoints yet. Plan the first one: it looks back over the last 30 days.</p>
      ) : (
        <div className="table-wrap">
          <table className="data meeting-table">
            <caption className="visually-hidden">Checkpoints, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Checkpoint</th>
                <th scope="col">Period</th>
                <th scope="col">Status</th>
                <th scope="col" className="number">
                  Decisions
                </th>
                <th scope="col" className="number">
                  Actions
                </th>
                <th scope="col">Pack</th>
              </tr>
            </thead>
            <tbody>
              {newestFirst.map((checkpoint) => {
                const decisions = data.decisions.filter((decision) => decision.checkpointId === checkpoint.id).length;
                const actions = data.actions.filter(
                  (action) => action.source.kind === 'checkpoint' && action.source.id === checkpoint.id,
                ).length;
                return (
                  <tr key={checkpoint.id} data-testid="checkpoint-row">
                    <td>
                      <time dateTime={checkpoint.date}>{formatCalendarDate(checkpoint.date)}</time>
                    </td>
                    <td>
                      <Link href={`/engagements/${engagement.id}/checkpoints/${checkpoint.id}`}>{checkpoint.title}</Link>
                      <div className="muted">{names.forumName(checkpoint.forumId)}</div>
                    </td>
                    <td>
                      {formatCalendarDate(checkpoint.periodStart)} – {formatCalendarDate(checkpoint.periodEnd)}
                    </td>
                    <td>
                      <span className="pill" data-status={checkpoint.status}>
                        {checkpoint.status === 'held' ? '✓ Held' : 'Planned'}
                      </span>
                    </td>
                    <td className="number">{decisions}</td>
                    <td className="number">{actions}</td>
                    <td>
                      <PackVersions engagementId={engagement.id} checkpointId={checkpoint.id} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {planning && <CheckpointForm engagement={engagement} data={data} checkpoint={null} onClose={() => setPlanning(false)} />}
    </section>
  );
}

import { useState } from 'react';
import { decisionStatuses, type Decision } from '@shared/domain/decisions';
import { governanceLevelLabels } from '@shared/domain/primitives';
import { LabelledOptions } from '../../app/form-parts';
import { useToday } from '../../app/use-today';
import { formatCalendarDate, plural } from '../../app/format';
import { DecisionForm } from './DecisionForm';
import { defaultCheckpointForum } from './checkpoint-form-model';
import { initialDecisionFields } from './decision-form-model';
import { decisionStatusLabels } from './meeting-labels';
import { lookups, type MeetingData } from './use-meeting-data';

/** The engagement's decision register, D-001 onwards, with what replaced what and the actions that follow from each. */
export function DecisionRegister({ engagementId, data }: { engagementId: string; data: MeetingData }) {
  const today = useToday();
  const [status, setStatus] = useState<Decision['status'] | ''>('');
  const [editing, setEditing] = useState<{ decision: Decision | null } | null>(null);
  const names = lookups(data);
  const shown = data.decisions.filter((decision) => status === '' || decision.status === status);
  const actionsOf = (decision: Decision) => data.actions.filter((action) => action.decisionIds.includes(decision.id));

  return (
    <section className="card stack" aria-labelledby="decision-register-title" data-testid="decision-register">
      <div className="row">
        <h2 id="decision-register-title" style={{ margin: 0 }}>
          Decision register
        </h2>
        <button type="button" className="primary" style={{ marginLeft: 'auto' }} onClick={() => setEditing({ decision: null })}>
          Record a decision
        </button>
      </div>
      <div className="meeting-toolbar" role="search" aria-label="Filter the decision register">
        <label>
          Status
          <select
            name="decision-status-filter"
            value={status}
            onChange={(event) => setStatus(event.target.value as Decision['status'] | '')}
          >
            <option value="">Any status</option>
            <LabelledOptions values={decisionStatuses} labels={decisionStatusLabels} />
          </select>
        </label>
        <p className="meeting-count" aria-live="polite" data-testid="decision-count">
          {shown.length.toLocaleString()} of {plural(data.decisions.length, 'decision')}
        </p>
      </div>
      {data.decisions.length === 0 ? (
        <p>No decisions recorded yet. Record one here, or capture it during a checkpoint.</p>
      ) : shown.length === 0 ? (
        <p>No decisions have this status.</p>
      ) : (
        <div className="table-wrap">
          <table className="data meeting-table">
            <caption className="visually-hidden">Decision register</caption>
            <thead>
              <tr>
                <th scope="col">Ref</th>
                <th scope="col">Decision</th>
                <th scope="col">Status</th>
                <th scope="col">Date</th>
                <th scope="col">Forum</th>
                <th scope="col">Actions</th>
                <th scope="col">
                  <span className="visually-hidden">Edit</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((decision) => {
                const replaces = names.decision(decision.supersedesId);
                const replacedBy = names.decision(decision.supersededById);
                const actions = actionsOf(decision);
                return (
                  <tr key={decision.id} data-testid="decision-row" data-reference={decision.reference} data-status={decision.status}>
                    <td className="meeting-ref">{decision.reference}</td>
                    <td>
                      <strong>{decision.title}</strong>
                      {decision.decision && <div className="meeting-clamp">{decision.decision}</div>}
                      {decision.decidedBy && <div className="muted">Decided by {decision.decidedBy}</div>}
                      {replaces && <div className="muted">Supersedes {replaces.reference}</div>}
                      {replacedBy && <div className="muted">Superseded by {replacedBy.reference}</div>}
                    </td>
                    <td>
                      <span className="pill" data-status={decision.status}>
                        {decisionStatusLabels[decision.status]}
                      </span>
                    </td>
                    <td>
                      <time dateTime={decision.date}>{formatCalendarDate(decision.date)}</time>
                    </td>
                    <td>
                      {names.forumName(decision.forumId)}
                      <div className="muted">{governanceLevelLabels[decision.level]}</div>
                    </td>
                    <td data-testid="decision-actions">
                      {actions.length === 0 ? (
                        <span className="muted">None</span>
                      ) : (
                        actions.map((action) => (
                          <div key={action.id} title={action.title}>
                            {action.reference} <span className="muted">{action.status === 'done' ? '(done)' : ''}</span>
                          </div>
                        ))
                      )}
                    </td>
                    <td>
                      <button type="button" className="link" onClick={() => setEditing({ decision })}>
                        Edit<span className="visually-hidden"> {decision.reference}</span>
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {editing && (
        <DecisionForm
          engagementId={engagementId}
          data={data}
          decision={editing.decision}
          initial={initialDecisionFields({ date: today, forum: defaultCheckpointForum(data.forums) })}
          onClose={() => setEditing(null)}
        />
      )}
    </section>
  );
}

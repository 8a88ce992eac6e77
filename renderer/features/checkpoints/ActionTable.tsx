import { useState } from 'react';
import { actionStatuses, type ActionItem, type Checkpoint } from '@shared/domain/decisions';
import { calendarDateOf, carriedOverCount, isActionOverdue } from '@shared/pack/checkpoint-timeline';
import { repositories } from '../../data';
import { LabelledOptions, saveErrorMessage } from '../../app/form-parts';
import { useUiStore } from '../../app/ui-store';
import { formatCalendarDate } from '../../app/format';
import { actionSourceLabels, actionStatusLabels, carriedOverText } from './meeting-labels';
import { lookups, type MeetingData } from './use-meeting-data';

/** Changes an action's status on the spot; the log records when it was completed. */
export function ActionStatusSelect({ action }: { action: ActionItem }) {
  const notify = useUiStore((state) => state.notify);
  const [saving, setSaving] = useState(false);
  async function change(status: ActionItem['status']) {
    setSaving(true);
    try {
      await repositories.meetings.setActionStatus(action.id, status, action.revision);
    } catch (error) {
      notify('error', `${action.reference} could not be changed: ${saveErrorMessage(error, 'action')}`);
    } finally {
      setSaving(false);
    }
  }
  return (
    <select
      name="action-status"
      aria-label={`Status of ${action.reference}`}
      value={action.status}
      disabled={saving}
      onChange={(event) => void change(event.target.value as ActionItem['status'])}
    >
      <LabelledOptions values={actionStatuses} labels={actionStatusLabels} />
    </select>
  );
}

/**
 * Actions as a table: owner, due date with an overdue flag, source, a status that changes
 * in place and, when `carriedAt` is given, how often the action was carried over up to it.
 */
export function ActionTable(props: {
  caption: string;
  actions: ActionItem[];
  data: MeetingData;
  today: string;
  carriedAt: Checkpoint | null;
  onEdit(action: ActionItem): void;
}) {
  const names = lookups(props.data);
  const sourceText = (action: ActionItem) => {
    const kind = actionSourceLabels[action.source.kind];
    if (action.source.kind === 'checkpoint') {
      const checkpoint = props.data.checkpoints.find((candidate) => candidate.id === action.source.id);
      return checkpoint ? `${kind}, ${formatCalendarDate(checkpoint.date)}` : kind;
    }
    return kind;
  };
  const linkText = (action: ActionItem) => {
    const decisions = action.decisionIds.map((id) => names.decision(id)?.reference).filter(Boolean);
    const risks = action.riskIds.map((id) => props.data.risks.find((risk) => risk.id === id)?.reference).filter(Boolean);
    const parts = [...decisions, ...risks];
    if (action.escalationIds.length > 0)
      parts.push(`${action.escalationIds.length} escalation${action.escalationIds.length === 1 ? '' : 's'}`);
    return parts.join(', ');
  };
  return (
    <div className="table-wrap">
      <table className="data meeting-table" data-testid="action-table">
        <caption className="visually-hidden">{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">Ref</th>
            <th scope="col">Action</th>
            <th scope="col">Owner</th>
            <th scope="col">Due</th>
            <th scope="col">Source</th>
            {props.carriedAt && <th scope="col">Carried over</th>}
            <th scope="col">Links</th>
            <th scope="col">Status</th>
            <th scope="col">
              <span className="visually-hidden">Edit</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {props.actions.map((action) => {
            const overdue = isActionOverdue(action, props.today);
            const carried = props.carriedAt ? carriedOverCount(action, props.data.checkpoints, props.carriedAt, props.data.timeZone) : 0;
            return (
              <tr key={action.id} data-testid="action-row" data-reference={action.reference} data-overdue={overdue ? 'true' : undefined}>
                <td className="meeting-ref">{action.reference}</td>
                <td>
                  {action.title}
                  {action.description && <div className="muted meeting-clamp">{action.description}</div>}
                </td>
                <td>{names.personName(action.ownerId)}</td>
                <td>
                  {action.dueOn ? (
                    <time dateTime={action.dueOn}>{formatCalendarDate(action.dueOn)}</time>
                  ) : (
                    <span className="muted">None</span>
                  )}
                  {overdue && (
                    <div>
                      <span className="flag" data-testid="overdue-flag">
                        ⚠ Overdue
                      </span>
                    </div>
                  )}
                </td>
                <td>{sourceText(action)}</td>
                {props.carriedAt && (
                  <td data-testid="carried-over" data-count={carried}>
                    {carried > 0 ? <span className="meeting-carried">↻ {carriedOverText(carried)}</span> : <span className="muted">–</span>}
                  </td>
                )}
                <td>{linkText(action) || <span className="muted">–</span>}</td>
                <td>
                  <ActionStatusSelect action={action} />
                  {action.completedAt && (
                    <div className="muted">on {formatCalendarDate(calendarDateOf(action.completedAt, props.data.timeZone))}</div>
                  )}
                </td>
                <td>
                  <button type="button" className="link" onClick={() => props.onEdit(action)}>
                    Edit<span className="visually-hidden"> {action.reference}</span>
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

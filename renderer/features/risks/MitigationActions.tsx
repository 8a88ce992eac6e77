import { useLiveQuery } from 'dexie-react-hooks';
import type { ActionItem } from '@shared/domain/decisions';
import type { Person } from '@shared/domain/engagement';
import type { Risk } from '@shared/domain/risk';
import { REMOVED_PERSON_NAME } from '@shared/risk/register-filter';
import { db } from '../../data';
import { formatCalendarDate } from '../../app/format';
import { useToday } from '../../app/use-today';

const actionStatusLabels: Record<ActionItem['status'], string> = {
  open: 'Open',
  'in-progress': 'In progress',
  done: 'Done',
  cancelled: 'Cancelled',
};

/** The action items that mitigate a risk: those linking to it, with their status. Read-only here. */
export function MitigationActions(props: { risk: Pick<Risk, 'id' | 'engagementId'>; people: readonly Person[] }) {
  const today = useToday();
  const actions = useLiveQuery(
    () =>
      db.actionItems
        .where({ engagementId: props.risk.engagementId })
        .filter((action) => action.riskIds.includes(props.risk.id))
        .sortBy('reference'),
    [props.risk.engagementId, props.risk.id],
  );
  if (!actions) return null;
  if (actions.length === 0) return <p className="muted risk-links-empty">No action items are linked to this risk.</p>;
  const nameOf = (id: string | null) =>
    id === null ? 'Nobody' : (props.people.find((person) => person.id === id)?.name ?? REMOVED_PERSON_NAME);
  return (
    <ul className="risk-actions" data-testid="mitigation-actions">
      {actions.map((action) => {
        const pending = action.status === 'open' || action.status === 'in-progress';
        const late = pending && action.dueOn !== null && action.dueOn < today;
        return (
          <li key={action.id}>
            <span className="risk-action-ref">{action.reference}</span>
            <span>{action.title}</span>
            <span className="pill">{actionStatusLabels[action.status]}</span>
            <span className="muted">
              {nameOf(action.ownerId)}
              {action.dueOn && `, due ${formatCalendarDate(action.dueOn)}`}
            </span>
            {late && <span className="flag">⚠ Past its due date</span>}
          </li>
        );
      })}
    </ul>
  );
}

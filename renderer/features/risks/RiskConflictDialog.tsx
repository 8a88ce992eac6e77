import { useLiveQuery } from 'dexie-react-hooks';
import type { Person } from '@shared/domain/engagement';
import type { Risk } from '@shared/domain/risk';
import type { RiskMatrix } from '@shared/domain/settings';
import type { FieldEdit } from '@shared/domain/concurrent-edit';
import { compareInstants, type FieldChange } from '@shared/risk/history';
import { RecordConflictError, RecordNotFoundError, RecordValidationError } from '@shared/validation';
import { db, repositories } from '../../data';
import type { RiskChanges } from '../../data/risk-repository';
import { ConflictDialog, listInWords, type ChangeLine } from '../../app/ConflictDialog';
import { changeInWords, historyFieldLabels, timelineOrder, type HistoryNames } from './risk-history-text';
import { eventKindLabels } from './risk-labels';
import { formatInstant } from './risk-dates';
import { compareRiskVersions, rebaseRiskChanges, type RiskField } from './risk-conflict';

/**
 * The conflict dialog for a risk whose save was refused because another window saved it
 * first. It reads the stored risk live, so a third save while the user decides shows up
 * here too, and "Apply my changes on top" writes over the revision the user is looking at.
 */
export function RiskConflictDialog(props: {
  base: Risk;
  changes: RiskChanges;
  matrix: RiskMatrix;
  people: readonly Person[];
  onKeepTheirs(latest: Risk): void;
  onApplied(saved: Risk): void;
  onCancel(): void;
}) {
  const { base } = props;
  const data = useLiveQuery(async () => {
    const theirs = (await db.risks.get(base.id)) ?? null;
    const [events, kpis, escalations] = await Promise.all([
      db.riskEvents.where({ riskId: base.id }).toArray(),
      db.kpiDefinitions.where({ engagementId: base.engagementId }).toArray(),
      db.escalations.where({ engagementId: base.engagementId }).toArray(),
    ]);
    return { theirs, events: events.filter((event) => compareInstants(event.at, base.updatedAt) > 0), kpis, escalations };
  }, [base.id, base.engagementId, base.updatedAt]);
  if (!data) return null;

  const names: HistoryNames = {
    matrix: props.matrix,
    personName: (id) => props.people.find((person) => person.id === id)?.name,
    kpiName: (id) => data.kpis.find((kpi) => kpi.id === id)?.name,
    escalationTitle: (id) => data.escalations.find((escalation) => escalation.id === id)?.title,
  };
  const words = (change: FieldChange): ChangeLine => changeInWords(change, names);
  const what = `risk ${base.reference}, ${base.title}`;

  const { theirs } = data;
  if (theirs === null) {
    return (
      <ConflictDialog
        what={what}
        theirChanges={[]}
        myChanges={[]}
        conflicting={[]}
        problem="This risk was removed in another window, so there is nothing to put your changes on. Cancel to go back."
        onKeepTheirs={props.onCancel}
        onApplyMine={() => Promise.reject(new Error('This risk no longer exists.'))}
        onCancel={props.onCancel}
      />
    );
  }

  const { comparison } = compareRiskVersions(base, props.changes, theirs);
  const asChange = (edit: FieldEdit<RiskField>, side: 'mine' | 'theirs') =>
    words({ field: edit.field, from: edit.base as FieldChange['from'], to: edit[side] as FieldChange['to'] });
  const conflicting = comparison.conflicting.map((edit) => ({
    field: edit.field,
    label: historyFieldLabels[edit.field] ?? edit.field,
    mine: asChange(edit, 'mine').to,
    theirs: asChange(edit, 'theirs').to,
  }));

  async function applyMine(overwrite: boolean) {
    const rebased = rebaseRiskChanges(base, props.changes, theirs!, overwrite);
    if (!rebased.ok) {
      throw new Error(
        `Not applied: ${listInWords(rebased.conflicting.map((field) => historyFieldLabels[field] ?? field))} changed on both sides.`,
      );
    }
    try {
      props.onApplied(await repositories.riskRegister.update(base.id, rebased.changes, theirs!.revision));
    } catch (error) {
      if (error instanceof RecordConflictError) {
        throw new Error('The risk was saved again in another window while you were deciding; the lists now show the latest. Choose again.');
      }
      if (error instanceof RecordNotFoundError) throw new Error('This risk was removed in another window.');
      if (error instanceof RecordValidationError) {
        throw new Error(
          `Not saved: ${error.problems.map((problem) => `${historyFieldLabels[problem.field] ?? 'The risk'} ${problem.message}`).join('; ')}.`,
        );
      }
      throw error;
    }
  }

  return (
    <ConflictDialog
      what={what}
      theirChanges={comparison.changedByThem.map((edit) => asChange(edit, 'theirs'))}
      myChanges={comparison.changedByMe.map((edit) => asChange(edit, 'mine'))}
      conflicting={conflicting}
      context={
        data.events.length > 0 && (
          <div className="conflict-history" data-testid="conflict-history">
            <span className="muted">Recorded in its history since you opened it:</span>
            <ol>
              {timelineOrder(data.events).map((event) => (
                <li key={event.id}>
                  {eventKindLabels[event.kind]} by {event.by}, <time dateTime={event.at}>{formatInstant(event.at)}</time>
                  {event.changes.length > 0 && (
                    <span className="muted"> · {event.changes.map((change) => words(change).label).join(', ')}</span>
                  )}
                </li>
              ))}
            </ol>
          </div>
        )
      }
      onKeepTheirs={() => props.onKeepTheirs(theirs)}
      onApplyMine={applyMine}
      onCancel={props.onCancel}
    />
  );
}

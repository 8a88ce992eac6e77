import { useLiveQuery } from 'dexie-react-hooks';
import type { Escalation, EscalationEvent, EscalationPath } from '@shared/domain/escalation';
import { applyMineOnTheirs, compareEdits, type FieldEdit } from '@shared/domain/concurrent-edit';
import { RecordConflictError, RecordNotFoundError } from '@shared/validation';
import { db, repositories } from '../../data';
import { systemClock } from '../../data/clock';
import { ConflictDialog, listInWords, type ChangeLine } from '../../app/ConflictDialog';

/** The fields an escalation's actions change; the history only grows, so both sides' entries are kept. */
export const escalationEditFields = [
  'title',
  'description',
  'currentStepIndex',
  'stepStartedAt',
  'status',
  'resolvedAt',
  'resolution',
  'riskIds',
  'history',
] as const satisfies ReadonlyArray<keyof Escalation>;
type EscalationField = (typeof escalationEditFields)[number];
const appendOnly = { appendOnly: ['history'] as EscalationField[] };

const fieldLabels: Record<EscalationField, string> = {
  title: 'Title',
  description: 'What happened',
  currentStepIndex: 'Current step',
  stepStartedAt: 'Current step started',
  status: 'Status',
  resolvedAt: 'Resolved at',
  resolution: 'Resolution',
  riskIds: 'Linked risks',
  history: 'History',
};

const eventWords: Record<EscalationEvent['kind'], string> = {
  raised: 'raised',
  escalated: 'escalated to step',
  resolved: 'resolved at step',
  reopened: 'reopened at step',
  note: 'note at step',
};

const instant = (value: string) => new Date(value).toLocaleString();

function eventInWords(event: EscalationEvent): string {
  const step = event.kind === 'raised' ? '' : ` ${event.stepIndex + 1}`;
  return `${eventWords[event.kind]}${step} by ${event.by}${event.note ? ` (“${event.note}”)` : ''}`;
}

/** One field's change, as the escalation panel would say it. */
export function escalationValueInWords(field: EscalationField, value: unknown, path: EscalationPath | undefined): string {
  if (value === null || value === undefined) return 'none';
  switch (field) {
    case 'currentStepIndex': {
      const index = Number(value);
      const step = path?.steps[index];
      return step ? `step ${index + 1} (${step.level})` : `step ${index + 1}`;
    }
    case 'stepStartedAt':
    case 'resolvedAt':
      return typeof value === 'string' ? instant(value) : String(value);
    case 'status':
      return value === 'open' ? 'Open' : 'Resolved';
    case 'riskIds':
      return Array.isArray(value) ? `${value.length} linked` : String(value);
    default:
      return typeof value === 'string' ? (value.trim() === '' ? 'empty' : `“${value}”`) : String(value);
  }
}

function changeLine(edit: FieldEdit<EscalationField>, side: 'mine' | 'theirs', path: EscalationPath | undefined): ChangeLine {
  const label = fieldLabels[edit.field];
  if (edit.field === 'history') {
    const before = edit.base as EscalationEvent[];
    const after = edit[side] as EscalationEvent[];
    const added = after.slice(before.length);
    return {
      field: edit.field,
      label,
      from: `${before.length} ${before.length === 1 ? 'entry' : 'entries'}`,
      to: added.length > 0 ? `added: ${added.map(eventInWords).join('; ')}` : `${after.length} entries`,
    };
  }
  return {
    field: edit.field,
    label,
    from: escalationValueInWords(edit.field, edit.base, path),
    to: escalationValueInWords(edit.field, edit[side], path),
  };
}

/**
 * Asked when an action on an escalation (escalate, resolve, reopen) finds that another
 * window saved it first. "Apply my changes on top" repeats the action on the latest
 * version, so its history entry names the step the escalation is really at; when both
 * sides changed the same fields and the user confirms, their values are replaced by
 * this window's.
 */
export function EscalationConflictDialog(props: {
  base: Escalation;
  mine: Escalation;
  /** The action as a change of an escalation at a given instant, to repeat it on the latest version. */
  change(current: Escalation, at: string): Escalation;
  onKeepTheirs(): void;
  onApplied(): void;
  onCancel(): void;
}) {
  const { base, mine } = props;
  const data = useLiveQuery(async () => {
    const theirs = (await db.escalations.get(base.id)) ?? null;
    const path = await db.escalationPaths.get(base.pathId);
    return { theirs, path };
  }, [base.id, base.pathId]);
  if (!data) return null;
  const { theirs, path } = data;
  const what = `escalation “${base.title}”`;

  if (theirs === null) {
    return (
      <ConflictDialog
        what={what}
        theirChanges={[]}
        myChanges={[]}
        conflicting={[]}
        problem="This escalation was removed in another window, so there is nothing to apply your change to. Cancel to go back."
        onKeepTheirs={props.onKeepTheirs}
        onApplyMine={() => Promise.reject(new Error('This escalation no longer exists.'))}
        onCancel={props.onCancel}
      />
    );
  }

  const versions = { base, mine, theirs };
  const comparison = compareEdits(versions, escalationEditFields, appendOnly);
  const conflicting = comparison.conflicting.map((edit) => ({
    field: edit.field,
    label: fieldLabels[edit.field],
    mine: changeLine(edit, 'mine', path).to,
    theirs: changeLine(edit, 'theirs', path).to,
  }));

  async function applyMine(overwrite: boolean) {
    const refusal = (fields: readonly EscalationField[]) =>
      new Error(`Not applied: ${listInWords(fields.map((field) => fieldLabels[field]))} changed on both sides.`);
    let changes: Partial<Escalation>;
    if (overwrite) {
      // The user chose their own values for the fields both sides changed; the history keeps both sides' entries.
      const rebased = applyMineOnTheirs(versions, escalationEditFields, { ...appendOnly, overwriteConflicts: true });
      if (!rebased.ok) throw refusal(rebased.conflicting);
      changes = rebased.changes;
    } else {
      if (comparison.conflicting.length > 0) throw refusal(comparison.conflicting.map((edit) => edit.field));
      let next: Escalation;
      try {
        next = props.change(theirs!, systemClock.now().toISOString());
      } catch (error) {
        throw new Error(`Your change cannot go on top of theirs: ${error instanceof Error ? error.message : String(error)}`);
      }
      const { id: _id, engagementId: _engagementId, createdAt: _createdAt, updatedAt: _updatedAt, revision: _revision, ...fields } = next;
      changes = fields;
    }
    try {
      await repositories.escalations.update(base.id, changes, theirs!.revision);
    } catch (error) {
      if (error instanceof RecordConflictError) {
        throw new Error(
          'The escalation was saved again in another window while you were deciding; the lists now show the latest. Choose again.',
        );
      }
      if (error instanceof RecordNotFoundError) throw new Error('This escalation was removed in another window.');
      throw error;
    }
    props.onApplied();
  }

  return (
    <ConflictDialog
      what={what}
      theirChanges={comparison.changedByThem.map((edit) => changeLine(edit, 'theirs', path))}
      myChanges={comparison.changedByMe.map((edit) => changeLine(edit, 'mine', path))}
      conflicting={conflicting}
      onKeepTheirs={props.onKeepTheirs}
      onApplyMine={applyMine}
      onCancel={props.onCancel}
    />
  );
}

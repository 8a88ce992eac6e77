import { useState } from 'react';
import type { RecordReference, ReferenceEffect } from '@shared/domain/references';
import { repositories } from '../../data';
import { PersonRemovalPlanChangedError, PersonRemovalRefusedError, type PersonRemovalPreview } from '../../data/people-repository';
import { ConfirmDialog, Dialog } from '../../app/Dialog';
import { useUiStore } from '../../app/ui-store';
import { saveErrorMessage } from '../../app/form-parts';
import { plural } from '../../app/format';

const effectWords: Record<ReferenceEffect, string> = {
  'remove-from-list': 'taken off the list',
  clear: 'left empty',
  'delete-record': 'deleted',
  'blocks-removal': 'needs someone else first',
};

/**
 * Confirms removing a person after showing everywhere they are named and what becomes of
 * each place; while they hold a place that cannot be empty, explains it and offers no removal.
 * If those places changed in another window before the user confirmed, it shows the new
 * list with what changed, to be confirmed again.
 */
export function RemovePersonDialog(props: { preview: PersonRemovalPreview; onClose(): void }) {
  const { onClose } = props;
  const notify = useUiStore((state) => state.notify);
  const [busy, setBusy] = useState(false);
  const [preview, setPreview] = useState(props.preview);
  const [planChange, setPlanChange] = useState<string | null>(null);
  const { person, plan } = preview;

  async function remove() {
    setBusy(true);
    try {
      const result = await repositories.peopleAndRoles.remove(person.id, person.revision, plan.references);
      const details = [
        result.deletedAssignments > 0 ? `${plural(result.deletedAssignments, 'role')} deleted` : null,
        result.updated > 0 ? `${plural(result.updated, 'record')} no longer name them` : null,
      ].filter((part): part is string => part !== null);
      notify('success', `Removed ${person.name}${details.length > 0 ? `: ${details.join(', ')}` : ''}.`);
      onClose();
    } catch (error) {
      if (error instanceof PersonRemovalPlanChangedError) {
        setPreview(error.preview);
        setPlanChange(error.message);
        return;
      }
      notify(
        'error',
        error instanceof PersonRemovalRefusedError
          ? error.message
          : `${person.name} could not be removed: ${saveErrorMessage(error, 'person')}`,
      );
      onClose();
    } finally {
      setBusy(false);
    }
  }

  if (plan.blockers.length > 0) {
    return (
      <Dialog
        title={`${person.name} cannot be removed yet`}
        narrow
        onClose={onClose}
        footer={
          <button type="button" className="primary" onClick={onClose} autoFocus>
            Close
          </button>
        }
      >
        <PlanChangedNotice message={planChange} />
        <div role="alert" data-testid="removal-blockers">
          <p>
            {person.name} still holds {plan.blockers.length === 1 ? 'a place' : 'places'} that cannot be left empty. Give{' '}
            {plan.blockers.length === 1 ? 'it' : 'each'} to someone else or to a role, then try again. Nothing has been changed.
          </p>
          <ul className="reference-list">
            {plan.blockers.map((blocker) => (
              <li key={`${blocker.table}-${blocker.recordId}-${blocker.field}`}>
                <strong>{capitalise(blocker.field)}</strong> of the {blocker.recordLabel}
              </li>
            ))}
          </ul>
        </div>
        {plan.references.length > plan.blockers.length && (
          <details>
            <summary>Everywhere else {person.name} is named</summary>
            <ReferenceGroups references={plan.references.filter((reference) => reference.effect !== 'blocks-removal')} />
          </details>
        )}
      </Dialog>
    );
  }

  return (
    <ConfirmDialog
      title={`Remove ${person.name}?`}
      confirmLabel="Remove person"
      danger
      busy={busy}
      onCancel={onClose}
      onConfirm={() => void remove()}
    >
      <PlanChangedNotice message={planChange} />
      {plan.references.length === 0 ? (
        <p data-testid="removal-references">{person.name} holds no role and is named nowhere else, so nothing else changes.</p>
      ) : (
        <div data-testid="removal-references">
          <p>
            {person.name} is named in {plural(plan.references.length, 'place')}. Removing them changes each as shown; it cannot be undone.
          </p>
          <ReferenceGroups references={plan.references} />
        </div>
      )}
    </ConfirmDialog>
  );
}

function PlanChangedNotice({ message }: { message: string | null }) {
  if (message === null) return null;
  return (
    <div className="error-summary" role="alert" data-testid="removal-plan-changed">
      {message}
    </div>
  );
}

/** Groups of more entries than this start folded, showing what happens to them in one line. */
const FOLDED_GROUP_SIZE = 5;

function ReferenceGroups({ references }: { references: RecordReference[] }) {
  const groups = new Map<string, RecordReference[]>();
  for (const reference of references) groups.set(reference.tableLabel, [...(groups.get(reference.tableLabel) ?? []), reference]);
  return (
    <ul className="reference-groups">
      {[...groups].map(([tableLabel, entries]) => {
        const list = (
          <ul className="reference-list">
            {entries.map((reference) => (
              <li key={`${reference.recordId}-${reference.field}`}>
                {reference.effect === 'delete-record' ? reference.recordLabel : `${reference.recordLabel}: ${reference.field}`}{' '}
                <span className="muted">({effectWords[reference.effect]})</span>
              </li>
            ))}
          </ul>
        );
        if (entries.length <= FOLDED_GROUP_SIZE) {
          return (
            <li key={tableLabel} data-testid="reference-group">
              <strong>{capitalise(tableLabel)}</strong>
              {list}
            </li>
          );
        }
        const outcomes = [...new Set(entries.map((reference) => `${reference.field}, ${effectWords[reference.effect]}`))];
        return (
          <li key={tableLabel} data-testid="reference-group">
            <details>
              <summary>
                <strong>{capitalise(tableLabel)}</strong>: {entries.length} <span className="muted">({outcomes.join('; ')})</span>
              </summary>
              {list}
            </details>
          </li>
        );
      })}
    </ul>
  );
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

import { useState } from 'react';
import { roleKeys, roleLabels, type Person } from '@shared/domain/engagement';
import type { CommunicationPlanEntry } from '@shared/domain/governance';
import { repositories } from '../../data';
import { systemClock } from '../../data/clock';
import { FormDialog } from '../../app/Dialog';
import { useUiStore } from '../../app/ui-store';
import { ErrorSummary, Field, invalidProps, useFormSubmission, LabelledOptions } from '../../app/form-parts';
import { PersonOptions } from '../people/PersonOptions';
import {
  fieldsFromEntry,
  initialCommunicationFields,
  intervalUnitLabels,
  intervalUnits,
  labelForCommunicationField,
  toCommunicationDraft,
  toLocalDateTimeInput,
  type CommunicationFields,
} from './communication-form-model';

const fieldId = (field: string) => `communication-field-${field}`;
const ERRORS_ID = 'communication-form-errors';

/** Adds an entry to the communication plan, or edits one. */
export function CommunicationForm(props: {
  engagementId: string;
  entry: CommunicationPlanEntry | null;
  people: Person[];
  onClose(): void;
}) {
  const notify = useUiStore((state) => state.notify);
  const existing = props.entry;
  const [fields, setFields] = useState<CommunicationFields>(() => (existing ? fieldsFromEntry(existing) : initialCommunicationFields()));
  const { problems, saving, submitDraft } = useFormSubmission({ errorsId: ERRORS_ID, what: 'communication' });

  const errorFor = (field: keyof CommunicationFields) => problems.find((problem) => problem.field === field)?.message;
  const control = (field: keyof CommunicationFields) => ({
    ...invalidProps(fieldId(field), errorFor(field)),
    name: field,
    value: fields[field],
    onChange: (event: { target: { value: string } }) => setFields((current) => ({ ...current, [field]: event.target.value })),
  });

  async function submit() {
    const result = toCommunicationDraft(fields, {
      now: systemClock.now().toISOString(),
      personIds: props.people.map((person) => person.id),
      originalOwnerId: existing?.ownerId ?? null,
      originalLastDoneAt: existing?.lastDoneAt ?? null,
    });
    await submitDraft(result, async (draft) => {
      if (existing) {
        await repositories.communicationPlan.update(existing.id, draft, existing.revision);
        notify('success', `Saved ${draft.communication}.`);
      } else {
        await repositories.communicationPlan.create({ ...draft, engagementId: props.engagementId });
        notify('success', `Added ${draft.communication} to the communication plan.`);
      }
      props.onClose();
    });
  }

  const knownOwner = fields.ownerId === '' || props.people.some((person) => person.id === fields.ownerId);

  return (
    <FormDialog
      title={existing ? `Edit ${existing.communication}` : 'Add a communication'}
      formId="communication-form"
      submitLabel={existing ? 'Save changes' : 'Add communication'}
      saving={saving}
      onClose={props.onClose}
      onSubmit={() => void submit()}
    >
      <ErrorSummary id={ERRORS_ID} problems={problems} fieldId={fieldId} labelFor={labelForCommunicationField} />
      <div className="form-grid">
        <Field
          id={fieldId('communication')}
          label="Communication"
          hint="What is communicated, e.g. release notes"
          error={errorFor('communication')}
        >
          <input {...control('communication')} autoFocus />
        </Field>
        <Field id={fieldId('channel')} label="Channel" hint="Where it goes, e.g. team chat or e-mail" error={errorFor('channel')}>
          <input {...control('channel')} />
        </Field>
        <Field id={fieldId('ownerRole')} label="Owner role" hint="The role that owns it, whoever holds it" error={errorFor('ownerRole')}>
          <select {...control('ownerRole')}>
            <option value="">No role</option>
            <LabelledOptions values={roleKeys} labels={roleLabels} />
          </select>
        </Field>
        <Field id={fieldId('ownerId')} label="Named owner" hint="The person who does it, if one is agreed" error={errorFor('ownerId')}>
          <select {...control('ownerId')}>
            <option value="">Nobody named</option>
            {!knownOwner && <option value={fields.ownerId}>A person no longer recorded</option>}
            <PersonOptions people={props.people} />
          </select>
        </Field>
        <Field
          id={fieldId('cadence')}
          label="Cadence or deadline"
          hint="In words, e.g. end of each working day"
          error={errorFor('cadence')}
        >
          <input {...control('cadence')} />
        </Field>
        <Field
          id={fieldId('maxInterval')}
          label="Maximum interval"
          hint="Longest it may go without being done; empty when it has no fixed rhythm"
          error={errorFor('maxInterval')}
        >
          <span className="interval-input">
            <input {...control('maxInterval')} inputMode="decimal" />
            <select {...control('maxIntervalUnit')} id={fieldId('maxIntervalUnit')} aria-label="Unit of the maximum interval">
              <LabelledOptions values={intervalUnits} labels={intervalUnitLabels} />
            </select>
          </span>
        </Field>
        <Field
          id={fieldId('lastDoneAt')}
          label="Last done"
          hint="Your local time; empty if it has not happened yet"
          error={errorFor('lastDoneAt')}
        >
          <input {...control('lastDoneAt')} type="datetime-local" max={toLocalDateTimeInput(systemClock.now())} />
        </Field>
      </div>
    </FormDialog>
  );
}

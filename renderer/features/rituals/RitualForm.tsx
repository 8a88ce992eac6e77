import { useState } from 'react';
import { governanceLevelLabels as levelLabels, governanceLevels } from '@shared/domain/primitives';
import { roleKeys, roleLabels, type Person } from '@shared/domain/engagement';
import type { Ritual } from '@shared/domain/governance';
import { repositories } from '../../data';
import { FormDialog } from '../../app/Dialog';
import { useUiStore } from '../../app/ui-store';
import { useToday } from '../../app/use-today';
import { formatCalendarDate } from '../../app/format';
import {
  MAX_DURATION_MINUTES,
  MIN_DURATION_MINUTES,
  cadencePreview,
  fieldsFromRitual,
  initialRitualFields,
  labelForRitualField,
  personFacilitator,
  roleFacilitator,
  toRitualDraft,
  type RitualFields,
} from './ritual-form-model';
import { CadenceFieldset } from '../governance/CadenceFields';
import { ErrorSummary, Field, invalidProps, useFormSubmission, LabelledOptions } from '../../app/form-parts';

const fieldId = (field: string) => `ritual-field-${field}`;
const ERRORS_ID = 'ritual-form-errors';

/** Adds a custom ritual, or edits one (its kind, teams and retirement stay as they are). */
export function RitualForm(props: { engagementId: string; ritual: Ritual | null; people: Person[]; onClose(): void }) {
  const today = useToday();
  const notify = useUiStore((state) => state.notify);
  const [fields, setFields] = useState<RitualFields>(() => (props.ritual ? fieldsFromRitual(props.ritual) : initialRitualFields(today)));
  const { problems, saving, submitDraft } = useFormSubmission({ errorsId: ERRORS_ID, what: 'ritual' });
  const existing = props.ritual;

  const errorFor = (field: keyof RitualFields) => problems.find((problem) => problem.field === field)?.message;
  const set = <K extends keyof RitualFields>(key: K, value: RitualFields[K]) => setFields((current) => ({ ...current, [key]: value }));
  const text = (field: keyof RitualFields) => ({
    ...invalidProps(fieldId(field), errorFor(field)),
    name: field,
    value: fields[field] as string,
    onChange: (event: { target: { value: string } }) => set(field, event.target.value as never),
  });
  const preview = cadencePreview(fields, today);

  async function submit() {
    const result = toRitualDraft(fields);
    await submitDraft(result, async (draft) => {
      if (existing) {
        await repositories.rituals.update(existing.id, draft, existing.revision);
        notify('success', `Saved ${draft.name}.`);
      } else {
        await repositories.rituals.create({ ...draft, engagementId: props.engagementId, kind: 'custom', teamIds: [], retiredOn: null });
        notify('success', `Added ${draft.name}.`);
      }
      props.onClose();
    });
  }

  const clientPeople = props.people.filter((person) => person.organisation === 'client');
  const partnerPeople = props.people.filter((person) => person.organisation === 'partner');
  const knownFacilitator =
    fields.facilitator === '' ||
    fields.facilitator.startsWith('role:') ||
    props.people.some((person) => personFacilitator(person.id) === fields.facilitator);

  return (
    <FormDialog
      title={existing ? `Edit ${existing.name}` : 'Add ritual'}
      formId="ritual-form"
      submitLabel={existing ? 'Save changes' : 'Save ritual'}
      saving={saving}
      onClose={props.onClose}
      onSubmit={() => void submit()}
    >
      <ErrorSummary id={ERRORS_ID} problems={problems} fieldId={fieldId} labelFor={labelForRitualField} />
      <div className="form-grid">
        <Field id={fieldId('name')} label="Name" error={errorFor('name')}>
          <input {...text('name')} autoFocus />
        </Field>
        <Field id={fieldId('level')} label="Governance level" error={errorFor('level')}>
          <select {...text('level')}>
            <LabelledOptions values={governanceLevels} labels={levelLabels} />
          </select>
        </Field>
        <Field
          id={fieldId('expectedOutput')}
          label="Expected output"
          hint="What the meeting must produce, e.g. decision records"
          error={errorFor('expectedOutput')}
        >
          <input {...text('expectedOutput')} />
        </Field>
        <Field id={fieldId('purpose')} label="Purpose" error={errorFor('purpose')} wide>
          <textarea {...text('purpose')} rows={2} />
        </Field>
      </div>

      <CadenceFieldset
        fields={fields}
        onChange={set}
        fieldId={fieldId}
        errorFor={errorFor}
        preview={
          preview === null
            ? 'Complete the cadence to see when the ritual meets.'
            : preview.nextDates.length === 0
              ? `${preview.description}. No scheduled dates: it meets when someone calls it.`
              : `${preview.description}. Next: ${preview.nextDates.map(formatCalendarDate).join(', ')}.`
        }
      />

      <div className="form-grid">
        <Field id={fieldId('startTime')} label="Start time" hint="In the client's time zone" error={errorFor('startTime')}>
          <input {...text('startTime')} type="time" />
        </Field>
        <Field id={fieldId('durationMinutes')} label="Duration (minutes)" error={errorFor('durationMinutes')}>
          <input
            {...text('durationMinutes')}
            type="number"
            min={MIN_DURATION_MINUTES}
            max={MAX_DURATION_MINUTES}
            step={5}
            inputMode="numeric"
          />
        </Field>
        <Field id={fieldId('firstDate')} label="First date" hint="The series starts on or after it" error={errorFor('firstDate')}>
          <input {...text('firstDate')} type="date" />
        </Field>
        <Field id={fieldId('facilitator')} label="Facilitator" hint="A person of the engagement, or a role" error={errorFor('facilitator')}>
          <select {...text('facilitator')}>
            <option value="">Nobody named</option>
            {!knownFacilitator && <option value={fields.facilitator}>A person no longer recorded</option>}
            {clientPeople.length > 0 && (
              <optgroup label="Client people">
                {clientPeople.map((person) => (
                  <option key={person.id} value={personFacilitator(person.id)}>
                    {person.title ? `${person.name}, ${person.title}` : person.name}
                  </option>
                ))}
              </optgroup>
            )}
            {partnerPeople.length > 0 && (
              <optgroup label="Partner people">
                {partnerPeople.map((person) => (
                  <option key={person.id} value={personFacilitator(person.id)}>
                    {person.title ? `${person.name}, ${person.title}` : person.name}
                  </option>
                ))}
              </optgroup>
            )}
            <optgroup label="Roles">
              {roleKeys.map((role) => (
                <option key={role} value={roleFacilitator(role)}>
                  {roleLabels[role]}
                </option>
              ))}
            </optgroup>
          </select>
        </Field>
      </div>
    </FormDialog>
  );
}

import { useState } from 'react';
import type { Engagement, Person } from '@shared/domain/engagement';
import { standardAreas, type StandardArea, type StandardItem } from '@shared/domain/governance';
import { repositories } from '../../data';
import { FormDialog } from '../../app/Dialog';
import { useUiStore } from '../../app/ui-store';
import { useToday } from '../../app/use-today';
import { ErrorSummary, Field, invalidProps, useFormSubmission, LabelledOptions } from '../../app/form-parts';
import {
  changeStandardField,
  fieldsFromStandard,
  initialStandardFields,
  labelForStandardField,
  standardAreaLabels,
  standardStatusChoices,
  standardStatusLabels,
  toStandardDraft,
  type StandardFields,
} from './standard-form-model';
import { PersonOptions } from '../people/PersonOptions';

const fieldId = (field: string) => `standard-field-${field}`;
const ERRORS_ID = 'standard-form-errors';

/** Judges a standard (status, evidence, owner, review date), or adds a custom one to an area. */
export function StandardForm(props: {
  engagement: Engagement;
  /** The standard to edit, or the area a new one goes into. */
  target: { item: StandardItem } | { area: StandardArea };
  people: Person[];
  onClose(): void;
}) {
  const today = useToday();
  const notify = useUiStore((state) => state.notify);
  const existing = 'item' in props.target ? props.target.item : null;
  const [fields, setFields] = useState<StandardFields>(() =>
    'item' in props.target ? fieldsFromStandard(props.target.item) : initialStandardFields(props.target.area),
  );
  const { problems, saving, submitDraft } = useFormSubmission({ errorsId: ERRORS_ID, what: 'standard' });

  const errorFor = (field: keyof StandardFields) => problems.find((problem) => problem.field === field)?.message;
  const control = <K extends Exclude<keyof StandardFields, 'reviewDateChosen'>>(field: K) => ({
    ...invalidProps(fieldId(field), errorFor(field)),
    name: field,
    value: fields[field] as string,
    onChange: (event: { target: { value: string } }) =>
      setFields((current) => changeStandardField(current, field, event.target.value as StandardFields[K], { original: existing, today })),
  });

  async function submit() {
    const result = toStandardDraft(fields, {
      today,
      engagementStartDate: props.engagement.startDate,
      personIds: props.people.map((person) => person.id),
      originalOwnerId: existing?.ownerId ?? null,
    });
    await submitDraft(result, async (draft) => {
      const areaName = standardAreaLabels[draft.area].toLowerCase();
      if (existing) {
        await repositories.standardItems.update(existing.id, draft, existing.revision);
        notify('success', `Saved the ${areaName} standard: ${standardStatusLabels[draft.status].toLowerCase()}.`);
      } else {
        await repositories.standardItems.create({ ...draft, engagementId: props.engagement.id });
        notify('success', `Added a ${areaName} standard.`);
      }
      props.onClose();
    });
  }

  const knownOwner = fields.ownerId === '' || props.people.some((person) => person.id === fields.ownerId);

  return (
    <FormDialog
      title={
        existing
          ? `Review the ${standardAreaLabels[existing.area].toLowerCase()} standard`
          : `Add a ${standardAreaLabels[fields.area].toLowerCase()} standard`
      }
      formId="standard-form"
      submitLabel={existing ? 'Save changes' : 'Add standard'}
      saving={saving}
      onClose={props.onClose}
      onSubmit={() => void submit()}
    >
      <ErrorSummary id={ERRORS_ID} problems={problems} fieldId={fieldId} labelFor={labelForStandardField} />
      <div className="form-grid">
        <Field
          id={fieldId('standard')}
          label="Standard"
          hint="The minimum the engagement must meet, in one or two sentences"
          error={errorFor('standard')}
          wide
        >
          <textarea {...control('standard')} rows={3} autoFocus={!existing} />
        </Field>
        <Field id={fieldId('area')} label="Area" error={errorFor('area')}>
          <select {...control('area')}>
            <LabelledOptions values={standardAreas} labels={standardAreaLabels} />
          </select>
        </Field>
        <Field id={fieldId('status')} label="Status" error={errorFor('status')}>
          <select {...control('status')} autoFocus={existing !== null}>
            <LabelledOptions values={standardStatusChoices} labels={standardStatusLabels} />
          </select>
        </Field>
        <Field
          id={fieldId('evidence')}
          label="Evidence"
          hint="What shows it, and where to find it; https:// links can be opened from the list"
          error={errorFor('evidence')}
          wide
        >
          <textarea {...control('evidence')} rows={3} />
        </Field>
        <Field id={fieldId('ownerId')} label="Owner" hint="Who keeps the standard met" error={errorFor('ownerId')}>
          <select {...control('ownerId')}>
            <option value="">Nobody named</option>
            {!knownOwner && <option value={fields.ownerId}>A person no longer recorded</option>}
            <PersonOptions people={props.people} />
          </select>
        </Field>
        <Field
          id={fieldId('lastReviewedOn')}
          label="Last reviewed"
          hint="Becomes today when the status or evidence changes"
          error={errorFor('lastReviewedOn')}
        >
          <input {...control('lastReviewedOn')} type="date" min={props.engagement.startDate} max={today} />
        </Field>
      </div>
      {props.people.length === 0 && (
        <p className="muted" style={{ margin: 0 }}>
          No people are recorded for this engagement yet, so nobody can be named as owner.
        </p>
      )}
    </FormDialog>
  );
}

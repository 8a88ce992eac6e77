import { useState } from 'react';
import type { Sprint } from '@shared/domain/kpi';
import type { Team } from '@shared/domain/engagement';
import { RecordValidationError } from '@shared/validation';
import { repositories } from '../../../data';
import { FormDialog } from '../../../app/Dialog';
import { ErrorSummary, Field, invalidProps, useFormSubmission } from '../../../app/form-parts';
import { useUiStore } from '../../../app/ui-store';
import { useToday } from '../../../app/use-today';
import { fieldsFromSprint, initialSprintFields, labelForSprintField, toSprintDraft, type SprintFields } from './sprint-form-model';

const fieldId = (field: string) => `sprint-field-${field}`;
const ERRORS_ID = 'sprint-form-errors';

/** Adds a sprint to a team, suggesting the next one, or edits one; overlaps are refused on the field to change. */
export function SprintForm(props: { engagementId: string; team: Team; teamSprints: Sprint[]; sprint: Sprint | null; onClose(): void }) {
  const today = useToday();
  const notify = useUiStore((state) => state.notify);
  const existing = props.sprint;
  const [fields, setFields] = useState<SprintFields>(() =>
    existing ? fieldsFromSprint(existing) : initialSprintFields(props.teamSprints, today),
  );
  const { problems, saving, submitDraft } = useFormSubmission({
    errorsId: ERRORS_ID,
    what: 'sprint',
    problemsOf: (error) => (error instanceof RecordValidationError ? error.problems : null),
  });
  const errorFor = (field: keyof SprintFields) => problems.find((problem) => problem.field === field)?.message;
  const input = (field: keyof SprintFields) => ({
    ...invalidProps(fieldId(field), errorFor(field)),
    name: field,
    value: fields[field],
    onChange: (event: { target: { value: string } }) => setFields((current) => ({ ...current, [field]: event.target.value })),
  });

  async function submit() {
    await submitDraft(toSprintDraft(fields, props.teamSprints, existing?.id), async (draft) => {
      await repositories.kpiData.saveSprint(
        { ...draft, engagementId: props.engagementId, teamId: props.team.id },
        existing ? { id: existing.id, revision: existing.revision } : undefined,
      );
      notify('success', `${existing ? 'Saved' : 'Added'} sprint ${draft.number} of ${props.team.name}.`);
      props.onClose();
    });
  }

  return (
    <FormDialog
      title={existing ? `Edit sprint ${existing.number} of ${props.team.name}` : `Add a sprint to ${props.team.name}`}
      formId="sprint-form"
      submitLabel={existing ? 'Save changes' : 'Add sprint'}
      saving={saving}
      narrow
      onClose={props.onClose}
      onSubmit={() => void submit()}
    >
      <ErrorSummary id={ERRORS_ID} problems={problems} fieldId={fieldId} labelFor={labelForSprintField} />
      <div className="form-grid">
        <Field id={fieldId('number')} label="Number" error={errorFor('number')}>
          <input {...input('number')} inputMode="numeric" autoFocus />
        </Field>
        <Field id={fieldId('name')} label="Name" hint="Optional, e.g. the sprint goal" error={errorFor('name')}>
          <input {...input('name')} />
        </Field>
        <Field id={fieldId('startDate')} label="Start date" error={errorFor('startDate')}>
          <input {...input('startDate')} type="date" />
        </Field>
        <Field id={fieldId('endDate')} label="End date" hint="The sprint's last day" error={errorFor('endDate')}>
          <input {...input('endDate')} type="date" />
        </Field>
      </div>
    </FormDialog>
  );
}

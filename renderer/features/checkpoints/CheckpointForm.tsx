import { useState } from 'react';
import { useLocation } from 'wouter';
import type { Checkpoint } from '@shared/domain/decisions';
import type { Engagement } from '@shared/domain/engagement';
import { governanceLevelLabels } from '@shared/domain/primitives';
import { RecordValidationError } from '@shared/validation';
import { repositories } from '../../data';
import { FormDialog } from '../../app/Dialog';
import { ErrorSummary, Field, invalidProps, useFormSubmission } from '../../app/form-parts';
import { useUiStore } from '../../app/ui-store';
import { useToday } from '../../app/use-today';
import { plural } from '../../app/format';
import { personLabel } from '../people/PersonOptions';
import {
  fieldsFromCheckpoint,
  initialCheckpointFields,
  labelForCheckpointField,
  toCheckpointDraft,
  withDate,
  withForum,
  type CheckpointFields,
} from './checkpoint-form-model';
import type { MeetingData } from './use-meeting-data';

const fieldId = (field: string) => `checkpoint-field-${field}`;
const ERRORS_ID = 'checkpoint-form-errors';

/** Plans a checkpoint (then opens it), or edits one's facts. */
export function CheckpointForm(props: { engagement: Engagement; data: MeetingData; checkpoint: Checkpoint | null; onClose(): void }) {
  const today = useToday();
  const [, navigate] = useLocation();
  const notify = useUiStore((state) => state.notify);
  const { data, checkpoint: existing } = props;
  const others = data.checkpoints.filter((checkpoint) => checkpoint.id !== existing?.id);
  const [fields, setFields] = useState<CheckpointFields>(() =>
    existing
      ? fieldsFromCheckpoint(existing)
      : initialCheckpointFields({ forums: data.forums, checkpoints: others, engagementLead: props.engagement.engagementLead, today }),
  );
  const { problems, saving, submitDraft } = useFormSubmission({
    errorsId: ERRORS_ID,
    what: 'checkpoint',
    problemsOf: (error) => (error instanceof RecordValidationError ? error.problems : null),
  });
  const errorFor = (field: keyof CheckpointFields) => problems.find((problem) => problem.field === field)?.message;
  const text = (field: Exclude<keyof CheckpointFields, 'attendeeIds'>) => ({
    ...invalidProps(fieldId(field), errorFor(field)),
    name: field,
    value: fields[field],
    onChange: (event: { target: { value: string } }) => setFields((current) => ({ ...current, [field]: event.target.value })),
  });

  async function submit() {
    await submitDraft(toCheckpointDraft(fields), async (draft) => {
      if (existing) {
        await repositories.meetings.updateCheckpoint(existing.id, draft, existing.revision);
        notify('success', `Saved ${draft.title}.`);
        props.onClose();
      } else {
        const created = await repositories.meetings.createCheckpoint({ ...draft, engagementId: props.engagement.id });
        notify('success', `Planned ${created.title}. Its agenda comes from the engagement template.`);
        props.onClose();
        navigate(`/engagements/${props.engagement.id}/checkpoints/${created.id}`);
      }
    });
  }

  const toggleAttendee = (id: string, on: boolean) =>
    setFields((current) => ({
      ...current,
      attendeeIds: on ? [...current.attendeeIds, id] : current.attendeeIds.filter((attendee) => attendee !== id),
    }));
  const unknownAttendees = fields.attendeeIds.filter((id) => !data.people.some((person) => person.id === id)).length;

  return (
    <FormDialog
      title={existing ? `Edit ${existing.title}` : 'New checkpoint'}
      formId="checkpoint-form"
      submitLabel={existing ? 'Save changes' : 'Plan checkpoint'}
      saving={saving}
      onClose={props.onClose}
      onSubmit={() => void submit()}
    >
      <ErrorSummary id={ERRORS_ID} problems={problems} fieldId={fieldId} labelFor={labelForCheckpointField} />
      <div className="form-grid">
        <Field id={fieldId('title')} label="Title" error={errorFor('title')}>
          <input {...text('title')} autoFocus />
        </Field>
        <Field id={fieldId('forumId')} label="Forum" hint="The governance forum that meets" error={errorFor('forumId')}>
          <select {...text('forumId')} onChange={(event) => setFields((current) => withForum(current, event.target.value, data.forums))}>
            <option value="">No forum</option>
            {data.forums.map((forum) => (
              <option key={forum.id} value={forum.id}>
                {forum.forumName} ({governanceLevelLabels[forum.level]})
              </option>
            ))}
          </select>
        </Field>
        <Field id={fieldId('date')} label="Date" error={errorFor('date')}>
          <input
            {...text('date')}
            type="date"
            onChange={(event) => setFields((current) => withDate(current, event.target.value, others))}
          />
        </Field>
        <Field id={fieldId('preparedBy')} label="Prepared by" hint="Shown on the pack’s cover" error={errorFor('preparedBy')}>
          <input {...text('preparedBy')} />
        </Field>
        <Field id={fieldId('periodStart')} label="Period from" hint="Since the previous checkpoint" error={errorFor('periodStart')}>
          <input {...text('periodStart')} type="date" />
        </Field>
        <Field id={fieldId('periodEnd')} label="Period to" hint="At the latest the checkpoint date" error={errorFor('periodEnd')}>
          <input {...text('periodEnd')} type="date" />
        </Field>
      </div>
      <fieldset id={fieldId('attendeeIds')} tabIndex={-1}>
        <legend>Attendees</legend>
        {data.people.length === 0 ? (
          <p className="muted">No people recorded for this engagement yet; add them under “Teams and roles”.</p>
        ) : (
          <ul className="meeting-checks">
            {data.people.map((person) => (
              <li key={person.id}>
                <label className="meeting-check">
                  <input
                    type="checkbox"
                    name="attendeeIds"
                    value={person.id}
                    checked={fields.attendeeIds.includes(person.id)}
                    onChange={(event) => toggleAttendee(person.id, event.target.checked)}
                  />
                  <span>
                    {personLabel(person)} <span className="muted">({person.organisation})</span>
                  </span>
                </label>
              </li>
            ))}
          </ul>
        )}
        {unknownAttendees > 0 && <p className="muted">Also {plural(unknownAttendees, 'attendee')} no longer recorded.</p>}
        {errorFor('attendeeIds') && <span className="field-error">{errorFor('attendeeIds')}</span>}
      </fieldset>
    </FormDialog>
  );
}

import { useState } from 'react';
import type { Person } from '@shared/domain/engagement';
import type { MeetingOccurrence, Ritual } from '@shared/domain/governance';
import { describeCadence } from '@shared/governance/cadence-text';
import type { FieldProblem } from '@shared/validation';
import { db, repositories } from '../../data';
import { FormDialog } from '../../app/Dialog';
import { useUiStore } from '../../app/ui-store';
import { useToday } from '../../app/use-today';
import { formatCalendarDate } from '../../app/format';
import {
  fieldsFromOccurrence,
  initialOccurrenceFields,
  labelForOccurrenceField,
  suggestedScheduledDate,
  toOccurrenceDraft,
  type OccurrenceFields,
} from './occurrence-form-model';
import { ErrorSummary, Field, focusErrorSummary, invalidProps, saveErrorMessage } from '../../app/form-parts';

const fieldId = (field: string) => `occurrence-field-${field.split('.')[0]}`;
const ERRORS_ID = 'occurrence-form-errors';

/** Records what happened on one scheduled date of a ritual, or corrects such a record. */
export function OccurrenceForm(props: {
  ritual: Ritual;
  /** The meeting to edit; null records a new one. */
  occurrence: MeetingOccurrence | null;
  /** Meetings already recorded for this ritual. */
  recorded: MeetingOccurrence[];
  people: Person[];
  onClose(): void;
}) {
  const { ritual, occurrence } = props;
  const today = useToday();
  const notify = useUiStore((state) => state.notify);
  const [fields, setFields] = useState<OccurrenceFields>(() =>
    occurrence
      ? fieldsFromOccurrence(occurrence)
      : initialOccurrenceFields(
          suggestedScheduledDate(
            ritual,
            props.recorded.map((entry) => entry.scheduledDate),
            today,
          ),
        ),
  );
  // "Held on" follows the scheduled date until the user sets it to another day.
  const [heldOnFollows, setHeldOnFollows] = useState(
    () => occurrence === null || occurrence.heldOn === null || occurrence.heldOn === occurrence.scheduledDate,
  );
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [saving, setSaving] = useState(false);

  const errorFor = (field: keyof OccurrenceFields) => problems.find((problem) => problem.field.split('.')[0] === field)?.message;
  const set = <K extends keyof OccurrenceFields>(key: K, value: OccurrenceFields[K]) =>
    setFields((current) => ({ ...current, [key]: value }));
  const held = fields.status === 'held';

  async function submit() {
    setSaving(true);
    try {
      // Read the ritual's meetings afresh, so a meeting recorded in another window also counts as taken.
      const recorded = await db.meetingOccurrences.where('ritualId').equals(ritual.id).toArray();
      const result = toOccurrenceDraft(fields, {
        ritual,
        today,
        recorded,
        editingId: occurrence?.id ?? null,
        originalDate: occurrence?.scheduledDate ?? null,
      });
      if (!result.ok) {
        setProblems(result.problems);
        focusErrorSummary(ERRORS_ID);
        return;
      }
      setProblems([]);
      const when = formatCalendarDate(result.draft.scheduledDate);
      if (occurrence) {
        await repositories.meetingOccurrences.update(occurrence.id, result.draft, occurrence.revision);
        notify('success', `Saved the ${ritual.name} meeting of ${when}.`);
      } else {
        await repositories.meetingOccurrences.create({ ...result.draft, engagementId: ritual.engagementId, ritualId: ritual.id });
        notify('success', `Recorded the ${ritual.name} meeting of ${when}.`);
      }
      props.onClose();
    } catch (error) {
      setProblems([{ field: '', path: '', message: saveErrorMessage(error, 'meeting') }]);
      focusErrorSummary(ERRORS_ID);
    } finally {
      setSaving(false);
    }
  }

  const toggleAttendee = (personId: string, attended: boolean) =>
    setFields((current) => ({
      ...current,
      attendeeIds: attended ? [...current.attendeeIds, personId] : current.attendeeIds.filter((id) => id !== personId),
    }));
  const groups = [
    { title: 'Client', people: props.people.filter((person) => person.organisation === 'client') },
    { title: 'Partner', people: props.people.filter((person) => person.organisation === 'partner') },
  ].filter((group) => group.people.length > 0);
  const inlineCheckbox = { flexDirection: 'row', alignItems: 'center', fontWeight: 400 } as const;

  return (
    <FormDialog
      title={occurrence ? `Edit ${ritual.name} meeting` : `Record ${ritual.name} meeting`}
      formId="occurrence-form"
      submitLabel={occurrence ? 'Save changes' : 'Save meeting'}
      saving={saving}
      onClose={props.onClose}
      onSubmit={() => void submit()}
    >
      <ErrorSummary id={ERRORS_ID} problems={problems} fieldId={fieldId} labelFor={labelForOccurrenceField} />
      <div className="form-grid">
        <Field
          id={fieldId('scheduledDate')}
          label="Scheduled date"
          hint={describeCadence(ritual.cadence)}
          error={errorFor('scheduledDate')}
        >
          <input
            {...invalidProps(fieldId('scheduledDate'), errorFor('scheduledDate'))}
            name="scheduledDate"
            type="date"
            value={fields.scheduledDate}
            autoFocus
            onChange={(event) => {
              const value = event.target.value;
              setFields((current) => ({ ...current, scheduledDate: value, heldOn: heldOnFollows ? value : current.heldOn }));
            }}
          />
        </Field>
        <fieldset>
          <legend>What happened</legend>
          <div className="row">
            <label htmlFor={fieldId('status')} style={inlineCheckbox}>
              <input
                id={fieldId('status')}
                type="radio"
                name="status"
                value="held"
                style={{ width: 'auto' }}
                checked={held}
                onChange={() => set('status', 'held')}
              />
              Held
            </label>
            <label htmlFor="occurrence-field-status-cancelled" style={inlineCheckbox}>
              <input
                id="occurrence-field-status-cancelled"
                type="radio"
                name="status"
                value="cancelled"
                style={{ width: 'auto' }}
                checked={!held}
                onChange={() => set('status', 'cancelled')}
              />
              Cancelled
            </label>
          </div>
        </fieldset>
        {held && (
          <Field id={fieldId('heldOn')} label="Held on" hint="When it actually took place" error={errorFor('heldOn')}>
            <input
              {...invalidProps(fieldId('heldOn'), errorFor('heldOn'))}
              name="heldOn"
              type="date"
              max={today}
              value={fields.heldOn}
              onChange={(event) => {
                setHeldOnFollows(event.target.value === fields.scheduledDate);
                set('heldOn', event.target.value);
              }}
            />
          </Field>
        )}
      </div>

      {held && (
        <fieldset>
          <legend>Output</legend>
          <div className="form-grid">
            <label htmlFor={fieldId('outputProduced')} style={{ ...inlineCheckbox, alignSelf: 'end' }}>
              <input
                id={fieldId('outputProduced')}
                name="outputProduced"
                type="checkbox"
                style={{ width: 'auto' }}
                checked={fields.outputProduced}
                onChange={(event) => set('outputProduced', event.target.checked)}
              />
              Produced its output: {ritual.expectedOutput}
            </label>
            <Field
              id={fieldId('outputLink')}
              label="Output link"
              hint="Where the output lives, http:// or https://"
              error={errorFor('outputLink')}
            >
              <input
                {...invalidProps(fieldId('outputLink'), errorFor('outputLink'))}
                name="outputLink"
                type="url"
                value={fields.outputLink}
                onChange={(event) => set('outputLink', event.target.value)}
              />
            </Field>
            <Field
              id={fieldId('outputNote')}
              label="Output note"
              hint="Or say what came out, or why nothing did"
              error={errorFor('outputNote')}
              wide
            >
              <input
                {...invalidProps(fieldId('outputNote'), errorFor('outputNote'))}
                name="outputNote"
                value={fields.outputNote}
                onChange={(event) => set('outputNote', event.target.value)}
              />
            </Field>
          </div>
        </fieldset>
      )}

      {held && (
        <fieldset id={fieldId('attendeeIds')} tabIndex={-1}>
          <legend>Attendees ({fields.attendeeIds.length})</legend>
          {groups.length === 0 ? (
            <p className="muted" style={{ margin: 0 }}>
              No people are recorded for this engagement yet.
            </p>
          ) : (
            <div className="form-grid">
              {groups.map((group) => (
                <fieldset key={group.title}>
                  <legend>{group.title}</legend>
                  {group.people.map((person) => (
                    <label key={person.id} style={inlineCheckbox}>
                      <input
                        type="checkbox"
                        name="attendeeIds"
                        value={person.id}
                        style={{ width: 'auto' }}
                        checked={fields.attendeeIds.includes(person.id)}
                        onChange={(event) => toggleAttendee(person.id, event.target.checked)}
                      />
                      <span>
                        {person.name}
                        {person.title && <span className="muted"> ({person.title})</span>}
                      </span>
                    </label>
                  ))}
                </fieldset>
              ))}
            </div>
          )}
          {errorFor('attendeeIds') && <span className="field-error">{errorFor('attendeeIds')}</span>}
        </fieldset>
      )}

      <div className="form-grid">
        <Field id={fieldId('notes')} label="Notes" error={errorFor('notes')} wide>
          <textarea
            {...invalidProps(fieldId('notes'), errorFor('notes'))}
            name="notes"
            rows={2}
            value={fields.notes}
            onChange={(event) => set('notes', event.target.value)}
          />
        </Field>
      </div>
    </FormDialog>
  );
}

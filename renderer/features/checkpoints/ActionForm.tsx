import { actionSourceKinds, actionStatuses, type ActionItem } from '@shared/domain/decisions';
import { repositories } from '../../data';
import { FormDialog } from '../../app/Dialog';
import { ErrorSummary, Field, LabelledOptions, useFormFields } from '../../app/form-parts';
import { useUiStore } from '../../app/ui-store';
import { formatCalendarDate } from '../../app/format';
import { PersonOptions } from '../people/PersonOptions';
import { fieldsFromAction, labelForActionField, sourceNeedsRecord, toActionDraft, type ActionFields } from './action-form-model';
import { actionSourceLabels, actionStatusLabels } from './meeting-labels';
import { LinkChecklist } from './LinkChecklist';
import { decisionProblems } from './DecisionForm';
import { lookups, type MeetingData } from './use-meeting-data';

const fieldId = (field: string) => `action-field-${field}`;
const ERRORS_ID = 'action-form-errors';

/** The records an action of a given source can come from, newest first. */
function sourceOptions(kind: ActionFields['sourceKind'], data: MeetingData): Array<{ id: string; label: string }> {
  const names = lookups(data);
  switch (kind) {
    case 'checkpoint':
      return [...data.checkpoints]
        .reverse()
        .map((checkpoint) => ({ id: checkpoint.id, label: `${checkpoint.title}, ${formatCalendarDate(checkpoint.date)}` }));
    case 'escalation':
      return data.escalations.map((escalation) => ({ id: escalation.id, label: escalation.title }));
    case 'retrospective':
      return data.occurrences
        .filter(names.isRetrospective)
        .map((occurrence) => ({ id: occurrence.id, label: names.occurrenceLabel(occurrence) }));
    case 'ritual-occurrence':
      return data.occurrences.map((occurrence) => ({ id: occurrence.id, label: names.occurrenceLabel(occurrence) }));
    case 'other':
      return [];
  }
}

/** Adds an action with every field of the log, or edits one. */
export function ActionForm(props: {
  engagementId: string;
  data: MeetingData;
  action: ActionItem | null;
  initial: ActionFields;
  onClose(): void;
  /** Told after a save, before the dialog closes. */
  onSaved?(): void;
}) {
  const notify = useUiStore((state) => state.notify);
  const existing = props.action;
  const { fields, set, errorFor, control, problems, saving, submitDraft } = useFormFields<ActionFields>({
    initial: () => (existing ? fieldsFromAction(existing) : props.initial),
    fieldId,
    errorsId: ERRORS_ID,
    what: 'action',
    problemsOf: decisionProblems,
  });

  async function submit() {
    await submitDraft(toActionDraft(fields), async (draft) => {
      if (existing) {
        await repositories.meetings.updateAction(existing.id, draft, existing.revision);
        notify('success', `Saved ${existing.reference} ${draft.title}.`);
      } else {
        const saved = await repositories.meetings.captureAction({ ...draft, engagementId: props.engagementId });
        notify('success', `Added ${saved.reference} ${saved.title}.`);
      }
      props.onSaved?.();
      props.onClose();
    });
  }

  const sources = sourceOptions(fields.sourceKind, props.data);
  const need = sourceNeedsRecord[fields.sourceKind];

  return (
    <FormDialog
      title={existing ? `Edit ${existing.reference}` : 'Add an action'}
      formId="action-form"
      submitLabel={existing ? 'Save changes' : 'Add action'}
      saving={saving}
      onClose={props.onClose}
      onSubmit={() => void submit()}
    >
      <ErrorSummary id={ERRORS_ID} problems={problems} fieldId={fieldId} labelFor={labelForActionField} />
      <div className="form-grid">
        <Field id={fieldId('title')} label="Title" error={errorFor('title')} wide>
          <input {...control('title')} autoFocus />
        </Field>
        <Field id={fieldId('description')} label="Description" error={errorFor('description')} wide>
          <textarea {...control('description')} rows={2} />
        </Field>
        <Field id={fieldId('ownerId')} label="Owner" error={errorFor('ownerId')}>
          <select {...control('ownerId')}>
            <option value="">Nobody yet</option>
            <PersonOptions people={props.data.people} />
          </select>
        </Field>
        <Field id={fieldId('dueOn')} label="Due date" hint="Leave empty when there is none" error={errorFor('dueOn')}>
          <input {...control('dueOn')} type="date" />
        </Field>
        <Field id={fieldId('sourceKind')} label="Source" hint="Where the action came from" error={errorFor('sourceKind')}>
          <select
            {...control('sourceKind')}
            onChange={(event) => set({ sourceKind: event.target.value as ActionFields['sourceKind'], sourceId: '' })}
          >
            <LabelledOptions values={actionSourceKinds} labels={actionSourceLabels} />
          </select>
        </Field>
        {need !== 'none' && (
          <Field id={fieldId('sourceId')} label="Came from" error={errorFor('sourceId')}>
            <select {...control('sourceId')}>
              <option value="">{need === 'optional' ? 'Not named' : 'Choose…'}</option>
              {sources.map((source) => (
                <option key={source.id} value={source.id}>
                  {source.label}
                </option>
              ))}
            </select>
          </Field>
        )}
        <Field id={fieldId('status')} label="Status" error={errorFor('status')}>
          <select {...control('status')}>
            <LabelledOptions values={actionStatuses} labels={actionStatusLabels} />
          </select>
        </Field>
      </div>
      <div className="meeting-link-columns">
        <LinkChecklist
          id={fieldId('riskIds')}
          legend="Linked risks"
          name="riskIds"
          options={props.data.risks.map((risk) => ({ id: risk.id, label: `${risk.reference} ${risk.title}` }))}
          chosen={fields.riskIds}
          empty="No risks recorded."
          error={errorFor('riskIds')}
          onChange={(riskIds) => set({ riskIds })}
        />
        <LinkChecklist
          id={fieldId('escalationIds')}
          legend="Linked escalations"
          name="escalationIds"
          options={props.data.escalations.map((escalation) => ({ id: escalation.id, label: escalation.title }))}
          chosen={fields.escalationIds}
          empty="No escalations raised."
          error={errorFor('escalationIds')}
          onChange={(escalationIds) => set({ escalationIds })}
        />
        <LinkChecklist
          id={fieldId('decisionIds')}
          legend="Linked decisions"
          name="decisionIds"
          options={props.data.decisions.map((decision) => ({ id: decision.id, label: `${decision.reference} ${decision.title}` }))}
          chosen={fields.decisionIds}
          empty="No decisions recorded."
          error={errorFor('decisionIds')}
          onChange={(decisionIds) => set({ decisionIds })}
        />
      </div>
    </FormDialog>
  );
}

import { decisionStatuses, type Decision } from '@shared/domain/decisions';
import { governanceLevelLabels, governanceLevels } from '@shared/domain/primitives';
import { RecordValidationError } from '@shared/validation';
import { repositories } from '../../data';
import { FormDialog } from '../../app/Dialog';
import { ErrorSummary, Field, LabelledOptions, useFormFields } from '../../app/form-parts';
import { useUiStore } from '../../app/ui-store';
import { formatCalendarDate } from '../../app/format';
import { fieldsFromDecision, labelForDecisionField, toDecisionDraft, type DecisionFields } from './decision-form-model';
import { decisionStatusLabels } from './meeting-labels';
import { LinkChecklist } from './LinkChecklist';
import type { MeetingData } from './use-meeting-data';

const fieldId = (field: string) => `decision-field-${field}`;
const ERRORS_ID = 'decision-form-errors';

export const decisionProblems = (error: unknown) => (error instanceof RecordValidationError ? error.problems : null);

/** Records a decision with every field of the register, or edits one. */
export function DecisionForm(props: {
  engagementId: string;
  data: MeetingData;
  decision: Decision | null;
  initial: DecisionFields;
  onClose(): void;
  /** Told after a save, before the dialog closes. */
  onSaved?(): void;
}) {
  const notify = useUiStore((state) => state.notify);
  const existing = props.decision;
  const { fields, set, errorFor, control, problems, saving, submitDraft } = useFormFields<DecisionFields>({
    initial: () => (existing ? fieldsFromDecision(existing) : props.initial),
    fieldId,
    errorsId: ERRORS_ID,
    what: 'decision',
    problemsOf: decisionProblems,
  });

  async function submit() {
    await submitDraft(toDecisionDraft(fields, existing?.id ?? null, existing?.supersededById ?? null), async (draft) => {
      if (existing) {
        await repositories.meetings.updateDecision(existing.id, draft, existing.revision);
        notify('success', `Saved ${existing.reference} ${draft.title}.`);
      } else {
        const saved = await repositories.meetings.captureDecision({ ...draft, engagementId: props.engagementId });
        notify('success', `Recorded ${saved.reference} ${saved.title}.`);
      }
      props.onSaved?.();
      props.onClose();
    });
  }

  // Superseded is set by the register when a later decision names this one, and only then.
  const statusChoices = decisionStatuses.filter((status) =>
    existing?.supersededById ? status === 'superseded' : status !== 'superseded' || fields.status === 'superseded',
  );

  // A decision can replace one not yet replaced by another (or the one it already replaces).
  const supersedable = props.data.decisions.filter(
    (decision) => decision.id !== existing?.id && (decision.supersededById === null || decision.supersededById === existing?.id),
  );

  return (
    <FormDialog
      title={existing ? `Edit ${existing.reference}` : 'Record a decision'}
      formId="decision-form"
      submitLabel={existing ? 'Save changes' : 'Record decision'}
      saving={saving}
      onClose={props.onClose}
      onSubmit={() => void submit()}
    >
      <ErrorSummary id={ERRORS_ID} problems={problems} fieldId={fieldId} labelFor={labelForDecisionField} />
      <div className="form-grid">
        <Field id={fieldId('title')} label="Title" error={errorFor('title')} wide>
          <input {...control('title')} autoFocus />
        </Field>
        <Field id={fieldId('decision')} label="What is decided" error={errorFor('decision')} wide>
          <textarea {...control('decision')} rows={3} />
        </Field>
        <Field id={fieldId('whyNow')} label="Why now" error={errorFor('whyNow')}>
          <textarea {...control('whyNow')} rows={2} />
        </Field>
        <Field
          id={fieldId('doneMeans')}
          label="What “done” means"
          hint="How everyone will know it is carried out"
          error={errorFor('doneMeans')}
        >
          <textarea {...control('doneMeans')} rows={2} />
        </Field>
        <Field id={fieldId('decidedBy')} label="Who decides" hint="A person, a role or a forum" error={errorFor('decidedBy')}>
          <input {...control('decidedBy')} />
        </Field>
        <Field id={fieldId('status')} label="Status" error={errorFor('status')}>
          <select {...control('status')}>
            <LabelledOptions values={statusChoices} labels={decisionStatusLabels} />
          </select>
        </Field>
        <Field id={fieldId('date')} label="Date" error={errorFor('date')}>
          <input {...control('date')} type="date" />
        </Field>
        <Field id={fieldId('forumId')} label="Forum" error={errorFor('forumId')}>
          <select {...control('forumId')}>
            <option value="">No forum</option>
            {props.data.forums.map((forum) => (
              <option key={forum.id} value={forum.id}>
                {forum.forumName}
              </option>
            ))}
          </select>
        </Field>
        <Field id={fieldId('level')} label="Governance level" error={errorFor('level')}>
          <select {...control('level')}>
            <LabelledOptions values={governanceLevels} labels={governanceLevelLabels} />
          </select>
        </Field>
        <Field id={fieldId('checkpointId')} label="Checkpoint" hint="The meeting where it was taken" error={errorFor('checkpointId')}>
          <select {...control('checkpointId')}>
            <option value="">Outside a checkpoint</option>
            {props.data.checkpoints.map((checkpoint) => (
              <option key={checkpoint.id} value={checkpoint.id}>
                {checkpoint.title}, {formatCalendarDate(checkpoint.date)}
              </option>
            ))}
          </select>
        </Field>
        <Field
          id={fieldId('supersedesId')}
          label="Supersedes"
          hint="The earlier decision this one replaces; it is marked superseded"
          error={errorFor('supersedesId')}
          wide
        >
          <select {...control('supersedesId')}>
            <option value="">Nothing</option>
            {supersedable.map((decision) => (
              <option key={decision.id} value={decision.id}>
                {decision.reference} {decision.title} ({decisionStatusLabels[decision.status].toLowerCase()})
              </option>
            ))}
          </select>
        </Field>
      </div>
      <LinkChecklist
        id={fieldId('riskIds')}
        legend="Linked risks"
        name="riskIds"
        options={props.data.risks.map((risk) => ({ id: risk.id, label: `${risk.reference} ${risk.title}` }))}
        chosen={fields.riskIds}
        empty="No risks recorded for this engagement."
        error={errorFor('riskIds')}
        onChange={(riskIds) => set({ riskIds })}
      />
    </FormDialog>
  );
}

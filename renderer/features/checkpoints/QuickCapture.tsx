/**
 * Capturing decisions and actions while the meeting runs: a few fields inline, pre-linked to
 * the checkpoint, with "More fields…" opening the full form with what was typed so far.
 */
import { useState, type ReactNode } from 'react';
import { decisionStatuses, type Checkpoint } from '@shared/domain/decisions';
import { repositories } from '../../data';
import { ErrorSummary, Field, LabelledOptions, useFormFields, type DraftResult, type FormFields } from '../../app/form-parts';
import { useUiStore } from '../../app/ui-store';
import { PersonOptions } from '../people/PersonOptions';
import { initialDecisionFields, labelForDecisionField, toDecisionDraft } from './decision-form-model';
import { initialActionFields, labelForActionField, toActionDraft } from './action-form-model';
import { decisionProblems, DecisionForm } from './DecisionForm';
import { ActionForm } from './ActionForm';
import { decisionStatusLabels } from './meeting-labels';
import { lookups, type MeetingData } from './use-meeting-data';

/**
 * One inline capture: the fields `children` lays out, saved by `save` (which says what to
 * tell the user) and then cleared; `fullForm` is the dialog "More fields…" opens.
 */
function QuickCapture<F extends object, D>(props: {
  kind: 'decision' | 'action';
  label: string;
  submitLabel: string;
  fresh(): F;
  labelFor(field: string): string;
  toDraft(fields: F): DraftResult<D>;
  save(draft: D): Promise<string>;
  fullForm(initial: F, onSaved: () => void, onClose: () => void): ReactNode;
  children(form: FormFields<F>): ReactNode;
}) {
  const notify = useUiStore((state) => state.notify);
  const errorsId = `quick-${props.kind}-errors`;
  const form = useFormFields<F>({
    initial: props.fresh,
    fieldId: (field) => `quick-${props.kind}-${field}`,
    errorsId,
    what: props.kind,
    problemsOf: decisionProblems,
  });
  const [full, setFull] = useState<F | null>(null);

  async function submit() {
    await form.submitDraft(props.toDraft(form.fields), async (draft) => {
      notify('success', await props.save(draft));
      form.setFields(props.fresh());
    });
  }

  return (
    <>
      <form
        className="stack meeting-capture"
        noValidate
        aria-label={props.label}
        data-testid={`quick-${props.kind}`}
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <ErrorSummary id={errorsId} problems={form.problems} fieldId={form.fieldId} labelFor={props.labelFor} />
        <div className="form-grid">{props.children(form)}</div>
        <div className="row">
          <button type="submit" className="primary" disabled={form.saving}>
            {form.saving ? 'Saving…' : props.submitLabel}
          </button>
          <button type="button" onClick={() => setFull(form.fields)}>
            More fields…
          </button>
        </div>
      </form>
      {full &&
        props.fullForm(
          full,
          () => form.setFields(props.fresh()),
          () => setFull(null),
        )}
    </>
  );
}

export function QuickDecision({ checkpoint, data }: { checkpoint: Checkpoint; data: MeetingData }) {
  return (
    <QuickCapture
      kind="decision"
      label="Capture a decision"
      submitLabel="Record decision"
      fresh={() =>
        initialDecisionFields({ date: checkpoint.date, forum: lookups(data).forum(checkpoint.forumId), checkpointId: checkpoint.id })
      }
      labelFor={labelForDecisionField}
      toDraft={toDecisionDraft}
      save={async (draft) => {
        const saved = await repositories.meetings.captureDecision({ ...draft, engagementId: checkpoint.engagementId });
        return `Recorded ${saved.reference} ${saved.title}.`;
      }}
      fullForm={(initial, onSaved, onClose) => (
        <DecisionForm
          engagementId={checkpoint.engagementId}
          data={data}
          decision={null}
          initial={initial}
          onSaved={onSaved}
          onClose={onClose}
        />
      )}
    >
      {({ fieldId, errorFor, control }) => (
        <>
          <Field id={fieldId('title')} label="Decision title" error={errorFor('title')}>
            <input {...control('title')} />
          </Field>
          <Field id={fieldId('decidedBy')} label="Who decides" error={errorFor('decidedBy')}>
            <input {...control('decidedBy')} />
          </Field>
          <Field id={fieldId('status')} label="Status" error={errorFor('status')}>
            <select {...control('status')}>
              <LabelledOptions values={decisionStatuses} labels={decisionStatusLabels} />
            </select>
          </Field>
          <Field id={fieldId('decision')} label="What is decided" error={errorFor('decision')} wide>
            <textarea {...control('decision')} rows={2} />
          </Field>
        </>
      )}
    </QuickCapture>
  );
}

export function QuickAction({ checkpoint, data }: { checkpoint: Checkpoint; data: MeetingData }) {
  return (
    <QuickCapture
      kind="action"
      label="Capture an action"
      submitLabel="Add action"
      fresh={() => initialActionFields({ kind: 'checkpoint', id: checkpoint.id })}
      labelFor={labelForActionField}
      toDraft={toActionDraft}
      save={async (draft) => {
        const saved = await repositories.meetings.captureAction({ ...draft, engagementId: checkpoint.engagementId });
        return `Added ${saved.reference} ${saved.title}.`;
      }}
      fullForm={(initial, onSaved, onClose) => (
        <ActionForm
          engagementId={checkpoint.engagementId}
          data={data}
          action={null}
          initial={initial}
          onSaved={onSaved}
          onClose={onClose}
        />
      )}
    >
      {({ fieldId, errorFor, control }) => (
        <>
          <Field id={fieldId('title')} label="Action title" error={errorFor('title')}>
            <input {...control('title')} />
          </Field>
          <Field id={fieldId('ownerId')} label="Owner" error={errorFor('ownerId')}>
            <select {...control('ownerId')}>
              <option value="">Nobody yet</option>
              <PersonOptions people={data.people} />
            </select>
          </Field>
          <Field id={fieldId('dueOn')} label="Due date" error={errorFor('dueOn')}>
            <input {...control('dueOn')} type="date" />
          </Field>
        </>
      )}
    </QuickCapture>
  );
}

/**
 * Capturing decisions and actions while the meeting runs: a few fields inline, pre-linked to
 * the checkpoint, with "More fields…" opening the full form with what was typed so far.
 */
import { useState } from 'react';
import { decisionStatuses, type Checkpoint } from '@shared/domain/decisions';
import { repositories } from '../../data';
import { ErrorSummary, Field, LabelledOptions, invalidProps, useFormSubmission } from '../../app/form-parts';
import { useUiStore } from '../../app/ui-store';
import { PersonOptions } from '../people/PersonOptions';
import { initialDecisionFields, labelForDecisionField, toDecisionDraft, type DecisionFields } from './decision-form-model';
import { initialActionFields, labelForActionField, toActionDraft, type ActionFields } from './action-form-model';
import { decisionProblems, DecisionForm } from './DecisionForm';
import { ActionForm } from './ActionForm';
import { decisionStatusLabels } from './meeting-labels';
import { lookups, type MeetingData } from './use-meeting-data';

export function QuickDecision({ checkpoint, data }: { checkpoint: Checkpoint; data: MeetingData }) {
  const notify = useUiStore((state) => state.notify);
  const fresh = () =>
    initialDecisionFields({ date: checkpoint.date, forum: lookups(data).forum(checkpoint.forumId), checkpointId: checkpoint.id });
  const [fields, setFields] = useState<DecisionFields>(fresh);
  const [full, setFull] = useState<DecisionFields | null>(null);
  const errorsId = 'quick-decision-errors';
  const fieldId = (field: string) => `quick-decision-${field}`;
  const { problems, saving, submitDraft } = useFormSubmission({ errorsId, what: 'decision', problemsOf: decisionProblems });
  const errorFor = (field: string) => problems.find((problem) => problem.field === field)?.message;
  const control = (field: 'title' | 'decision' | 'decidedBy' | 'status') => ({
    ...invalidProps(fieldId(field), errorFor(field)),
    name: field,
    value: fields[field],
    onChange: (event: { target: { value: string } }) => setFields((current) => ({ ...current, [field]: event.target.value })),
  });

  async function submit() {
    await submitDraft(toDecisionDraft(fields), async (draft) => {
      const saved = await repositories.meetings.captureDecision({ ...draft, engagementId: checkpoint.engagementId });
      notify('success', `Recorded ${saved.reference} ${saved.title}.`);
      setFields(fresh());
    });
  }

  return (
    <>
      <form
        className="stack meeting-capture"
        noValidate
        aria-label="Capture a decision"
        data-testid="quick-decision"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <ErrorSummary id={errorsId} problems={problems} fieldId={fieldId} labelFor={labelForDecisionField} />
        <div className="form-grid">
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
        </div>
        <div className="row">
          <button type="submit" className="primary" disabled={saving}>
            {saving ? 'Saving…' : 'Record decision'}
          </button>
          <button type="button" onClick={() => setFull(fields)}>
            More fields…
          </button>
        </div>
      </form>
      {full && (
        <DecisionForm
          engagementId={checkpoint.engagementId}
          data={data}
          decision={null}
          initial={full}
          onSaved={() => setFields(fresh())}
          onClose={() => setFull(null)}
        />
      )}
    </>
  );
}

export function QuickAction({ checkpoint, data }: { checkpoint: Checkpoint; data: MeetingData }) {
  const notify = useUiStore((state) => state.notify);
  const fresh = () => initialActionFields({ kind: 'checkpoint', id: checkpoint.id });
  const [fields, setFields] = useState<ActionFields>(fresh);
  const [full, setFull] = useState<ActionFields | null>(null);
  const errorsId = 'quick-action-errors';
  const fieldId = (field: string) => `quick-action-${field}`;
  const { problems, saving, submitDraft } = useFormSubmission({ errorsId, what: 'action', problemsOf: decisionProblems });
  const errorFor = (field: string) => problems.find((problem) => problem.field === field)?.message;
  const control = (field: 'title' | 'ownerId' | 'dueOn') => ({
    ...invalidProps(fieldId(field), errorFor(field)),
    name: field,
    value: fields[field],
    onChange: (event: { target: { value: string } }) => setFields((current) => ({ ...current, [field]: event.target.value })),
  });

  async function submit() {
    await submitDraft(toActionDraft(fields), async (draft) => {
      const saved = await repositories.meetings.captureAction({ ...draft, engagementId: checkpoint.engagementId });
      notify('success', `Added ${saved.reference} ${saved.title}.`);
      setFields(fresh());
    });
  }

  return (
    <>
      <form
        className="stack meeting-capture"
        noValidate
        aria-label="Capture an action"
        data-testid="quick-action"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <ErrorSummary id={errorsId} problems={problems} fieldId={fieldId} labelFor={labelForActionField} />
        <div className="form-grid">
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
        </div>
        <div className="row">
          <button type="submit" className="primary" disabled={saving}>
            {saving ? 'Saving…' : 'Add action'}
          </button>
          <button type="button" onClick={() => setFull(fields)}>
            More fields…
          </button>
        </div>
      </form>
      {full && (
        <ActionForm
          engagementId={checkpoint.engagementId}
          data={data}
          action={null}
          initial={full}
          onSaved={() => setFields(fresh())}
          onClose={() => setFull(null)}
        />
      )}
    </>
  );
}

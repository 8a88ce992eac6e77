import { useState } from 'react';
import { FormDialog } from '../../app/Dialog';
import { ErrorSummary, Field, invalidProps, useFormSubmission } from '../../app/form-parts';
import { useUiStore } from '../../app/ui-store';
import { repositories } from '../../data';
import { ISSUED_BY_MAX, ISSUE_NOTE_MAX, issueFieldLabels, toIssueInput, type IssueFields } from './issue-form-model';

const ERRORS_ID = 'issue-pack-errors';
const fieldId = (field: string) => `issue-pack-${field}`;

/** Freezes the draft as the next version, after saying what that means. */
export function IssuePackDialog(props: {
  checkpointId: string;
  checkpointTitle: string;
  nextVersion: number;
  defaultIssuedBy: string;
  onIssued(version: number): void;
  onClose(): void;
}) {
  const notify = useUiStore((state) => state.notify);
  const [fields, setFields] = useState<IssueFields>({ issuedBy: props.defaultIssuedBy, note: '' });
  const { problems, saving, submitDraft } = useFormSubmission({ errorsId: ERRORS_ID, what: 'pack' });
  const errorFor = (field: keyof IssueFields) => problems.find((problem) => problem.field === field)?.message;

  async function submit() {
    await submitDraft(toIssueInput(fields), async (input) => {
      const issued = await repositories.packs.issue(props.checkpointId, input);
      notify('success', `Issued v${issued.version} of the pack for ${props.checkpointTitle}.`);
      props.onIssued(issued.version);
    });
  }

  return (
    <FormDialog
      title={`Issue v${props.nextVersion}`}
      formId="issue-pack-form"
      submitLabel={`Issue v${props.nextVersion}`}
      saving={saving}
      narrow
      onClose={props.onClose}
      onSubmit={() => void submit()}
    >
      <p>
        Issuing freezes the pack's content as it stands now. Version {props.nextVersion} will export the same text later, whatever changes
        in the workspace afterwards; the draft keeps following the live data.
      </p>
      <ErrorSummary
        id={ERRORS_ID}
        problems={problems}
        fieldId={fieldId}
        labelFor={(field) => issueFieldLabels[field as keyof IssueFields] ?? field}
      />
      <Field
        id={fieldId('issuedBy')}
        label="Issued by"
        hint="Printed on the cover and at the foot of every page."
        error={errorFor('issuedBy')}
      >
        <input
          {...invalidProps(fieldId('issuedBy'), errorFor('issuedBy'))}
          name="issuedBy"
          maxLength={ISSUED_BY_MAX + 50}
          value={fields.issuedBy}
          onChange={(event) => setFields((current) => ({ ...current, issuedBy: event.target.value }))}
        />
      </Field>
      <Field
        id={fieldId('note')}
        label="Note (optional)"
        hint={props.nextVersion > 1 ? 'What changed since the previous version.' : 'Kept with the version; not printed.'}
        error={errorFor('note')}
      >
        <textarea
          {...invalidProps(fieldId('note'), errorFor('note'))}
          name="note"
          rows={3}
          value={fields.note}
          onChange={(event) => setFields((current) => ({ ...current, note: event.target.value }))}
        />
      </Field>
      <p className="muted">
        Limits: name {ISSUED_BY_MAX} characters, note {ISSUE_NOTE_MAX}.
      </p>
    </FormDialog>
  );
}

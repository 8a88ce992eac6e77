import { useState } from 'react';
import { FormDialog } from '../../app/Dialog';
import { ErrorSummary, Field, focusErrorSummary, invalidProps } from '../../app/form-parts';
import { useUiStore } from '../../app/ui-store';
import type { FieldProblem } from '@shared/validation';
import { errorText, exportEncryptedWorkspace } from './backup-service';
import { passphraseFieldLabels, passphraseFormProblems, type PassphraseFields } from './passphrase-form-model';

const ERRORS_ID = 'export-encrypted-errors';
const fieldId = (field: string) => `export-encrypted-${field}`;

/** "Export encrypted backup…": the whole workspace in one file that opens only with its passphrase. */
export function ExportEncryptedDialog(props: { onClose(): void }) {
  const notify = useUiStore((state) => state.notify);
  const [fields, setFields] = useState<PassphraseFields>({ passphrase: '', confirmation: '' });
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [saving, setSaving] = useState(false);
  const errorFor = (field: string) => problems.find((problem) => problem.field === field)?.message;

  async function submit() {
    const found = passphraseFormProblems(fields);
    setProblems(found);
    if (found.length > 0) return focusErrorSummary(ERRORS_ID);
    setSaving(true);
    try {
      const result = await exportEncryptedWorkspace(fields.passphrase);
      if (result.status === 'saved') {
        notify(
          'success',
          `Encrypted backup saved as ${result.fileName}. Keep the passphrase somewhere safe: without it the file cannot be opened.`,
        );
        props.onClose();
      }
    } catch (error) {
      setProblems([{ field: '', path: '', message: `The encrypted backup could not be exported: ${errorText(error)}` }]);
      focusErrorSummary(ERRORS_ID);
    } finally {
      setSaving(false);
    }
  }

  const input = (field: keyof PassphraseFields, autoFocus = false) => (
    <input
      {...invalidProps(fieldId(field), errorFor(field))}
      type="password"
      autoComplete="new-password"
      autoFocus={autoFocus}
      value={fields[field]}
      onChange={(event) => {
        setFields((current) => ({ ...current, [field]: event.target.value }));
        setProblems((current) => current.filter((problem) => problem.field !== field));
      }}
    />
  );

  return (
    <FormDialog
      title="Export an encrypted backup"
      formId="export-encrypted-form"
      submitLabel={saving ? 'Encrypting…' : 'Export encrypted backup'}
      saving={saving}
      narrow
      onClose={props.onClose}
      onSubmit={() => void submit()}
    >
      <p>
        The whole workspace, encrypted with a passphrase of your choice (AES-256). Anyone who finds the file cannot read it without the
        passphrase, and neither can you: nothing can recover a forgotten one.
      </p>
      <ErrorSummary
        id={ERRORS_ID}
        problems={problems}
        fieldId={fieldId}
        labelFor={(field) => passphraseFieldLabels[field as keyof PassphraseFields]}
      />
      <Field
        id={fieldId('passphrase')}
        label={passphraseFieldLabels.passphrase}
        hint="At least 10 characters; a few words work well"
        error={errorFor('passphrase')}
      >
        {input('passphrase', true)}
      </Field>
      <Field id={fieldId('confirmation')} label={passphraseFieldLabels.confirmation} error={errorFor('confirmation')}>
        {input('confirmation')}
      </Field>
    </FormDialog>
  );
}

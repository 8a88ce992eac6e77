import { useState } from 'react';
import type { Escalation } from '@shared/domain/escalation';
import { FormDialog } from '../../app/Dialog';

export type EscalationAction = 'escalate' | 'resolve' | 'reopen';

const texts: Record<EscalationAction, { title: string; label: string; confirm: string; required: boolean }> = {
  escalate: { title: 'Escalate to the next step', label: 'Why it goes up (optional)', confirm: 'Escalate', required: false },
  resolve: { title: 'Resolve the escalation', label: 'Resolution', confirm: 'Resolve', required: true },
  reopen: { title: 'Reopen the escalation', label: 'Why it is reopened (optional)', confirm: 'Reopen', required: false },
};

/** The note, resolution or reason that goes into the escalation's history with the action. */
export function EscalationActionDialog(props: {
  action: EscalationAction;
  escalation: Escalation;
  onCancel(): void;
  onConfirm(text: string): void;
}) {
  const text = texts[props.action];
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <FormDialog
      title={`${text.title}: ${props.escalation.title}`}
      formId="escalation-action-form"
      submitLabel={text.confirm}
      narrow
      className=""
      onClose={props.onCancel}
      onSubmit={() => {
        if (text.required && value.trim() === '') {
          setError('Say how it was resolved: a resolution is required.');
          return;
        }
        props.onConfirm(value.trim());
      }}
    >
      <label htmlFor="escalation-action-text">
        {text.label}
        <textarea
          id="escalation-action-text"
          rows={3}
          value={value}
          autoFocus
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'escalation-action-error' : undefined}
          onChange={(event) => setValue(event.target.value)}
        />
        {error && (
          <span className="field-error" id="escalation-action-error">
            {error}
          </span>
        )}
      </label>
    </FormDialog>
  );
}

/** Pieces the form dialogs share: the error summary, a labelled field, and how a failed save reads. */
import { useState, type ReactNode } from 'react';
import { RecordConflictError, type FieldProblem } from '@shared/validation';

/** "This ritual was changed in another window; reopen to see the latest." */
export function saveErrorMessage(error: unknown, what: string): string {
  if (error instanceof RecordConflictError) return `This ${what} was changed in another window; reopen to see the latest.`;
  return error instanceof Error ? error.message : String(error);
}

export function focusErrorSummary(id: string): void {
  requestAnimationFrame(() => document.getElementById(id)?.focus());
}

export type DraftResult<D> = { ok: true; draft: D } | { ok: false; problems: FieldProblem[] };

/**
 * The submit cycle the dialog forms share: show the form model's problems, or save once
 * (the button stays disabled meanwhile), or say why saving failed, in the error summary.
 * `problemsOf` turns a save error into field problems when it carries them.
 */
export function useFormSubmission(options: { errorsId: string; what: string; problemsOf?(error: unknown): FieldProblem[] | null }) {
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [saving, setSaving] = useState(false);

  async function submitDraft<D>(result: DraftResult<D>, save: (draft: D) => Promise<void>): Promise<void> {
    if (!result.ok) {
      setProblems(result.problems);
      focusErrorSummary(options.errorsId);
      return;
    }
    setProblems([]);
    setSaving(true);
    try {
      await save(result.draft);
    } catch (error) {
      setProblems(options.problemsOf?.(error) ?? [{ field: '', path: '', message: saveErrorMessage(error, options.what) }]);
      focusErrorSummary(options.errorsId);
    } finally {
      setSaving(false);
    }
  }

  return { problems, setProblems, saving, submitDraft };
}

/** The keys of a form's fields held as one string, which an input, textarea or select edits as it is. */
type TextFieldOf<F> = { [K in keyof F]: F[K] extends string ? K : never }[keyof F] & string;

/**
 * A dialog form's fields with its submit cycle (`useFormSubmission`): `errorFor` gives a
 * field's problem, `set` changes fields, and `control(field)` gives the props that bind a
 * control to its field (id, name, value, onChange and the invalid state).
 */
export function useFormFields<F extends object>(options: {
  initial: F | (() => F);
  fieldId(field: string): string;
  errorsId: string;
  what: string;
  problemsOf?(error: unknown): FieldProblem[] | null;
}) {
  const [fields, setFields] = useState<F>(options.initial);
  const submission = useFormSubmission(options);
  const errorFor = (field: keyof F & string) => submission.problems.find((problem) => problem.field === field)?.message;
  const set = (changes: Partial<F>) => setFields((current) => ({ ...current, ...changes }));
  const control = (field: TextFieldOf<F>) => ({
    ...invalidProps(options.fieldId(field), errorFor(field)),
    name: field,
    value: fields[field] as string,
    onChange: (event: { target: { value: string } }) => set({ [field]: event.target.value } as Partial<F>),
  });
  return { ...submission, fields, setFields, set, errorFor, control, fieldId: options.fieldId };
}

export type FormFields<F extends object> = ReturnType<typeof useFormFields<F>>;

/** Lists the problems, each linking to the field it concerns. */
export function ErrorSummary(props: {
  id: string;
  problems: FieldProblem[];
  fieldId(field: string): string;
  labelFor(field: string): string;
}) {
  if (props.problems.length === 0) return null;
  return (
    <div className="error-summary" id={props.id} tabIndex={-1} role="alert">
      <strong>{props.problems.length === 1 ? 'One thing to fix:' : `${props.problems.length} things to fix:`}</strong>
      <ul>
        {props.problems.map((problem, index) => (
          <li key={index}>
            {problem.field ? (
              <a
                href={`#${props.fieldId(problem.field)}`}
                onClick={(event) => {
                  event.preventDefault();
                  document.getElementById(props.fieldId(problem.field))?.focus();
                }}
              >
                {props.labelFor(problem.field)}: {problem.message}
              </a>
            ) : (
              problem.message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A labelled control with its hint and inline error, wired with aria-describedby. */
export function Field(props: { id: string; label: string; hint?: string; error?: string; wide?: boolean; children: ReactNode }) {
  return (
    <label className={props.wide ? 'wide' : undefined} htmlFor={props.id}>
      {props.label}
      {props.hint && <span className="field-hint">{props.hint}</span>}
      {props.children}
      {props.error && (
        <span className="field-error" id={`${props.id}-error`}>
          {props.error}
        </span>
      )}
    </label>
  );
}

/** Props that mark a control invalid and point it at its error message. */
export function invalidProps(id: string, error: string | undefined) {
  return { id, 'aria-invalid': error ? true : undefined, 'aria-describedby': error ? `${id}-error` : undefined } as const;
}

/** The `<option>`s of a select whose choices are a fixed list of values shown by their labels. */
export function LabelledOptions<V extends string>(props: { values: readonly V[]; labels: Readonly<Record<V, string>> }) {
  return (
    <>
      {props.values.map((value) => (
        <option key={value} value={value}>
          {props.labels[value]}
        </option>
      ))}
    </>
  );
}

/**
 * Asked when a save finds that another window saved the record first: what the other
 * window changed next to what this one changed, and a choice between keeping their
 * version, putting these changes on top of it, or going back to the edit.
 */
import { useState, type ReactNode } from 'react';
import { Dialog } from './Dialog';
import './conflict.css';

export interface ChangeLine {
  field: string;
  label: string;
  from: string;
  to: string;
}

export interface ConflictLine {
  field: string;
  label: string;
  mine: string;
  theirs: string;
}

/** "Likelihood and Title", "Likelihood, Impact and Title". */
export function listInWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

function ChangeList(props: { changes: readonly ChangeLine[]; conflicting: ReadonlySet<string>; empty: string; testId: string }) {
  if (props.changes.length === 0) return <p className="muted">{props.empty}</p>;
  return (
    <ul className="conflict-changes" data-testid={props.testId}>
      {props.changes.map((change) => (
        <li key={change.field} data-conflicting={props.conflicting.has(change.field) || undefined}>
          <strong>{change.label}</strong>
          {props.conflicting.has(change.field) && <span className="pill conflict-both">changed in both</span>}
          <span className="conflict-values">
            <span className="conflict-from">{change.from}</span> → <span className="conflict-to">{change.to}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}

export function ConflictDialog(props: {
  /** "risk R-003, Supplier loses key engineer". */
  what: string;
  theirChanges: readonly ChangeLine[];
  myChanges: readonly ChangeLine[];
  conflicting: readonly ConflictLine[];
  /** More about what happened meanwhile, e.g. the history recorded since. */
  context?: ReactNode;
  /** Why the latest version could not be read or the changes not applied, if so. */
  problem?: string | null;
  onKeepTheirs(): void;
  /** Saves the changes over the latest version; `overwrite` replaces their values of the conflicting fields. */
  onApplyMine(overwrite: boolean): Promise<void>;
  onCancel(): void;
}) {
  const [refused, setRefused] = useState(false);
  const [overwrite, setOverwrite] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const conflictingFields = new Set(props.conflicting.map((line) => line.field));
  const conflictLabels = listInWords(props.conflicting.map((line) => line.label));
  const problem = failure ?? props.problem ?? null;

  async function apply() {
    if (props.conflicting.length > 0 && !overwrite) {
      setRefused(true);
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      await props.onApplyMine(props.conflicting.length > 0);
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog
      title="Changed in another window"
      labelledBy="conflict-dialog-title"
      onClose={props.onCancel}
      footer={
        <>
          <button type="button" onClick={props.onCancel}>
            Cancel
          </button>
          <button type="button" onClick={props.onKeepTheirs} disabled={busy}>
            Keep their version
          </button>
          <button type="button" className="primary" onClick={() => void apply()} disabled={busy}>
            {busy ? 'Saving…' : 'Apply my changes on top'}
          </button>
        </>
      }
    >
      <div className="stack conflict-dialog" data-testid="conflict-dialog">
        <p style={{ margin: 0 }}>
          Another window saved the {props.what} after you started editing it. Nothing of yours has been saved yet.
        </p>
        {props.conflicting.length > 0 && (
          <div className="flag conflict-warning" data-testid="conflict-fields">
            Both windows changed {conflictLabels}:
            <ul>
              {props.conflicting.map((line) => (
                <li key={line.field}>
                  {line.label}: theirs {line.theirs}, yours {line.mine}
                </li>
              ))}
            </ul>
          </div>
        )}
        <div className="conflict-columns">
          <section aria-labelledby="conflict-theirs-title">
            <h3 id="conflict-theirs-title">Changed in the other window</h3>
            <ChangeList
              changes={props.theirChanges}
              conflicting={conflictingFields}
              empty="None of the fields you can edit differs from the version you started from."
              testId="conflict-their-changes"
            />
            {props.context}
          </section>
          <section aria-labelledby="conflict-mine-title">
            <h3 id="conflict-mine-title">Your changes</h3>
            <ChangeList
              changes={props.myChanges}
              conflicting={conflictingFields}
              empty="You changed nothing."
              testId="conflict-my-changes"
            />
          </section>
        </div>
        {refused && (
          <div className="error-summary" role="alert" data-testid="conflict-refused">
            <p style={{ margin: 0 }}>
              Not applied: the other window also changed {conflictLabels}, so putting your changes on top would replace their{' '}
              {props.conflicting.length === 1 ? 'value' : 'values'}. Keep their version, or confirm below that yours should win.
            </p>
            <label className="conflict-confirm">
              <input type="checkbox" checked={overwrite} onChange={(event) => setOverwrite(event.target.checked)} />
              <span>Replace their {conflictLabels} with mine</span>
            </label>
          </div>
        )}
        {problem && (
          <p className="error-summary" role="alert" data-testid="conflict-problem">
            {problem}
          </p>
        )}
      </div>
    </Dialog>
  );
}

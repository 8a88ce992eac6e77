import { WorkspaceComparison } from './WorkspaceComparison';
import { ConfirmDialog, Dialog } from '../../app/Dialog';
import { useImportDialog } from './use-workspace-backup';
import type { ImportPhase } from './workspace-import';
import './import-dialogs.css';

const phaseLabels: Record<ImportPhase, string> = {
  reading: 'Reading the file',
  checking: 'Checking every record',
  writing: 'Writing the workspace',
};

/**
 * The import's dialogs: progress while the file is read, checked and written; then either
 * the list of problems, or a confirmation of what will be replaced.
 */
export function ImportDialogs() {
  const { pending, rejected, progress, set } = useImportDialog();

  if (progress) {
    const percent = Math.floor(progress.fraction * 100);
    return (
      <Dialog
        title="Importing the workspace"
        narrow
        // An import cannot stop half-way through its transaction, and a check stops by itself.
        onClose={() => undefined}
        footer={<p className="muted import-progress-note">Keep this window open until the import finishes.</p>}
      >
        <p>
          <strong>{progress.fileName}</strong>
        </p>
        <div className="import-progress" data-testid="import-progress">
          <div className="row import-progress-label">
            <span data-testid="import-phase">{phaseLabels[progress.phase]}…</span>
            <span className="number" data-testid="import-percent">
              {percent}%
            </span>
          </div>
          <progress max={100} value={percent} aria-label={`${phaseLabels[progress.phase]}, ${percent}%`} />
          <ol className="import-phases" aria-label="Steps">
            {(Object.keys(phaseLabels) as ImportPhase[]).map((phase) => (
              <li key={phase} aria-current={phase === progress.phase ? 'step' : undefined}>
                {phaseLabels[phase]}
              </li>
            ))}
          </ol>
        </div>
      </Dialog>
    );
  }

  if (rejected) {
    const more = rejected.totalProblems - rejected.problems.length;
    return (
      <Dialog
        title="This file cannot be imported"
        onClose={() => set({ rejected: null })}
        footer={
          <button type="button" className="primary" onClick={() => set({ rejected: null })} autoFocus>
            Close
          </button>
        }
      >
        <p data-testid="import-rejected">
          <strong>{rejected.fileName}</strong> is not a valid workspace backup. Nothing was changed: your workspace is exactly as it was.
        </p>
        <p>{rejected.totalProblems === 1 ? 'The problem:' : `The first problems (${rejected.totalProblems} found):`}</p>
        <ul className="problem-list">
          {rejected.problems.map((problem, index) => (
            <li key={index}>
              <code>{problem.path}</code> {problem.message}
            </li>
          ))}
        </ul>
        {more > 0 && <p className="muted">…and {more} more.</p>}
      </Dialog>
    );
  }

  if (pending) {
    return (
      <ConfirmDialog
        title="Replace the workspace?"
        confirmLabel="Replace workspace"
        danger
        onCancel={() => pending.answer(false)}
        onConfirm={() => pending.answer(true)}
      >
        <p>
          Importing <strong>{pending.fileName}</strong> replaces everything in this workspace. Export a backup first if you may need the
          current data.
        </p>
        <WorkspaceComparison
          current={pending.current}
          incoming={pending.incoming}
          incomingLabel="After import"
          testId="import-comparison"
        />
      </ConfirmDialog>
    );
  }
  return null;
}

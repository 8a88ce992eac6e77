import { tableLabels, workspaceTableNames } from '@shared/domain/workspace';
import { ConfirmDialog, Dialog } from '../../app/Dialog';
import { useImportDialog, useWorkspaceBackup } from './use-workspace-backup';

/** The two outcomes of reading a backup file: a list of problems, or a confirmation of what will be replaced. */
export function ImportDialogs() {
  const { pending, rejected, busy, set } = useImportDialog();
  const { confirmImport } = useWorkspaceBackup();

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
    const rows = workspaceTableNames.filter((table) => table !== 'settings' && (pending.current[table] > 0 || pending.incoming[table] > 0));
    return (
      <ConfirmDialog
        title="Replace the workspace?"
        confirmLabel="Replace workspace"
        danger
        busy={busy}
        onCancel={() => set({ pending: null })}
        onConfirm={confirmImport}
      >
        <p>
          Importing <strong>{pending.fileName}</strong> replaces everything in this workspace. Export a backup first if you may need the
          current data.
        </p>
        <table className="data" data-testid="import-comparison">
          <thead>
            <tr>
              <th scope="col">Records</th>
              <th scope="col" className="number">
                Now
              </th>
              <th scope="col" className="number">
                After import
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((table) => (
              <tr key={table}>
                <td>{tableLabels[table]}</td>
                <td className="number">{pending.current[table].toLocaleString()}</td>
                <td className="number">{pending.incoming[table].toLocaleString()}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ConfirmDialog>
    );
  }
  return null;
}

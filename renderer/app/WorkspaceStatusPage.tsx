/**
 * The full page shown instead of the app when the workspace database cannot be used as it
 * is: another window upgraded it, an upgrade is waiting for another window, it belongs to a
 * newer version of the app, or an upgrade (or the copy before it) failed. Each says what
 * happened and what to do, so the user never faces a blank window.
 */
import type { ReactNode } from 'react';
import './workspace-status.css';

export type WorkspaceStatus =
  | { kind: 'updated-elsewhere' }
  | { kind: 'blocked' }
  | { kind: 'newer-version'; storedVersion: number; appVersion: number }
  | { kind: 'backup-failed'; storedVersion: number; appVersion: number; error: string }
  | { kind: 'upgrade-failed'; storedVersion: number; appVersion: number; error: string; preUpgradeBackup: string }
  | { kind: 'open-failed'; error: string };

export function WorkspaceStatusPage({ status, onReload = () => location.reload() }: { status: WorkspaceStatus; onReload?: () => void }) {
  const reload = (
    <button type="button" className="primary" onClick={onReload}>
      Reload
    </button>
  );
  switch (status.kind) {
    case 'updated-elsewhere':
      return (
        <StatusCard title="The cockpit was updated in another window; reload to continue" actions={reload}>
          <p>
            Another window opened this workspace with a newer version of Governance Cockpit. This window has stopped using the workspace so
            that it cannot write anything in the old layout. Your saved work is kept.
          </p>
        </StatusCard>
      );
    case 'blocked':
      return (
        <StatusCard title="Waiting for another window to let go of the workspace">
          <p>
            This version of the cockpit needs to upgrade the workspace, and another window or tab is still holding it with an older version.
            Close or reload that window; the upgrade then carries on here by itself.
          </p>
        </StatusCard>
      );
    case 'newer-version':
      return (
        <StatusCard title="This workspace was opened by a newer version of the cockpit; update this app" actions={reload}>
          <p>
            The workspace is stored in schema version {status.storedVersion}, and this copy of the app understands versions up to{' '}
            {status.appVersion}. It was not opened, so nothing in it was changed. Install the current version of Governance Cockpit (or use
            the window that has it), then reload.
          </p>
        </StatusCard>
      );
    case 'backup-failed':
      return (
        <StatusCard title="The workspace was not upgraded" actions={reload}>
          <p>
            This version of the cockpit upgrades the workspace from schema version {status.storedVersion} to {status.appVersion}, and first
            keeps a copy of it. That copy could not be written, so the upgrade did not start and the workspace is as it was.
          </p>
          <ErrorText error={status.error} />
          <p>Free some disk space (or give the backup passphrase), then reload. Until then, an older version of the app still opens it.</p>
        </StatusCard>
      );
    case 'upgrade-failed':
      return (
        <StatusCard title="The workspace could not be upgraded" actions={reload}>
          <p>
            Upgrading the workspace from schema version {status.storedVersion} to {status.appVersion} failed. Nothing was changed: the
            workspace is still in version {status.storedVersion}, exactly as the previous version of the app left it.
          </p>
          <ErrorText error={status.error} />
          <p>
            A copy taken just before the upgrade is in your automatic backups as{' '}
            <code className="workspace-status-name">{status.preUpgradeBackup}</code>.
          </p>
          <p>
            What to do: keep using the previous version of Governance Cockpit for now, and send this backup file with the message above to
            whoever supports the app, so the upgrade can be fixed for your data.
          </p>
        </StatusCard>
      );
    case 'open-failed':
      return (
        <StatusCard title="The workspace could not be opened" actions={reload}>
          <ErrorText error={status.error} />
          <p>Nothing was changed. Reload to try again; if it keeps failing, restart the app.</p>
        </StatusCard>
      );
  }
}

function StatusCard({ title, actions, children }: { title: string; actions?: ReactNode; children: ReactNode }) {
  return (
    <main className="workspace-status">
      <section className="card workspace-status-card" role="alert" aria-labelledby="workspace-status-title">
        <h1 id="workspace-status-title">{title}</h1>
        {children}
        {actions && <div className="workspace-status-actions">{actions}</div>}
      </section>
    </main>
  );
}

function ErrorText({ error }: { error: string }) {
  return (
    <p className="workspace-status-error">
      The error was: <span>{error}</span>
    </p>
  );
}

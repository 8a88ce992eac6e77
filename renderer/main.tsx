import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { WorkspaceData } from '@shared/domain/workspace';
import { isQuotaExceededError, quotaExceededMessage } from '@shared/platform/storage-errors';
import { App } from './app/App';
import { useUiStore } from './app/ui-store';
import { WorkspaceStatusPage, type WorkspaceStatus } from './app/WorkspaceStatusPage';
import { db, repositories } from './data';
import { openWorkspace } from './data/open-workspace';
import { automaticBackups, scheduleStartupBackup, unlockBackupPassphrase } from './features/backups/backup-service';
import { passphraseCheckProblem, useBackupSession } from './features/backups/backup-preferences';
import { PassphrasePromptHost } from './features/backups/PassphrasePrompt';
import { platform } from './platform';
import { PACK_PRINT_ROUTE_PREFIX } from '@shared/pack/print-route';
import './app/styles.css';

const root = createRoot(document.getElementById('root')!);

function showStatus(status: WorkspaceStatus) {
  root.render(
    <StrictMode>
      <WorkspaceStatusPage status={status} />
    </StrictMode>,
  );
}

// Another window upgraded the database schema: this one must reload rather than keep
// writing with an outdated idea of the tables.
db.on('versionchange', () => {
  db.close();
  showStatus({ kind: 'updated-elsewhere' });
  return false;
});

/**
 * The copy of the old workspace an upgrade waits for. Encrypted like every automatic
 * backup when the user chose so: the passphrase is recalled or asked for (the prompt is
 * the only thing on screen then); without it the upgrade does not start.
 */
async function backUpBeforeUpgrade(data: WorkspaceData, fromSchemaVersion: number): Promise<string> {
  const session = useBackupSession.getState();
  if (session.preferences.encrypt && session.passphrase === null) {
    const recalled = await platform.rememberedPassphrase?.recallPassphrase().catch(() => null);
    if (recalled && (await passphraseCheckProblem(session.preferences.passphraseCheck, recalled)) === null) {
      session.setPassphrase(recalled);
    } else {
      root.render(<PassphrasePromptHost />);
      const unlocked = await unlockBackupPassphrase({
        title: 'Passphrase for the backup before the upgrade',
        explanation:
          'This version of the cockpit upgrades your workspace, and keeps an encrypted copy of it first. Enter the passphrase of your automatic backups to write that copy.',
        cancelLabel: 'Do not upgrade now',
      });
      if (!unlocked) throw new Error('no passphrase was given, and the copy before an upgrade is never written unencrypted.');
    }
  }
  const backups = await automaticBackups();
  return (await backups.writePreUpgradeBackup(data, fromSchemaVersion)).written;
}

async function start() {
  // Marks let `npm run bench` tell start-up, storage and rendering apart.
  performance.mark('cockpit:script-start');
  const opening = await openWorkspace(db, { backUpBeforeUpgrade, onBlocked: () => showStatus({ kind: 'blocked' }) });
  if (opening.status !== 'ready') {
    const { status, ...details } = opening;
    showStatus({ kind: status, ...details } as WorkspaceStatus);
    return;
  }
  if (opening.preUpgradeBackup !== null) {
    useUiStore
      .getState()
      .notify(
        'success',
        `The workspace was upgraded from schema version ${opening.upgradedFrom}. A copy from before the upgrade is in Backups.`,
        [opening.preUpgradeBackup],
      );
  }
  await repositories.workspace.ensureSettings();
  performance.mark('cockpit:database-ready');
  root.render(
    <StrictMode>
      <App />
      <PassphrasePromptHost />
    </StrictMode>,
  );
  // Today's backup once the first screen is up and settled: it must never hold up or block the app.
  // A print window (the desktop's hidden one, the browser's print frame) is not a start of the app.
  if (!window.location.hash.startsWith(`#${PACK_PRINT_ROUTE_PREFIX}/`)) scheduleStartupBackup();
}

// A full disk can surface from any write a feature did not expect to fail; say so plainly.
// (Dexie aborts the whole transaction, so nothing was half-written.)
window.addEventListener('unhandledrejection', (event) => {
  if (!isQuotaExceededError(event.reason)) return;
  event.preventDefault();
  useUiStore.getState().notify('error', quotaExceededMessage('A change'));
});

start().catch((error: unknown) => {
  showStatus({ kind: 'open-failed', error: error instanceof Error ? error.message : String(error) });
});

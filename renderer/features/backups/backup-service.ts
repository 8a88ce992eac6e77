/**
 * The app's automatic backups, wired to this host: files through the platform's
 * `backups` (the desktop data folder or the browser's private file system), the workspace
 * repository, and the passphrase of this session when backups are encrypted.
 */
import { decryptBackup, encryptBackup } from '@shared/backup/encryption';
import { backupFileName } from '@shared/backup/workspace-backup';
import { isQuotaExceededError, quotaExceededMessage } from '@shared/platform/storage-errors';
import { repositories } from '../../data';
import { localCalendarDate, systemClock } from '../../data/clock';
import { BackupPassphraseMissingError, createAutomaticBackups, type AutomaticBackups } from '../../data/automatic-backups';
import { platform } from '../../platform';
import { useUiStore } from '../../app/ui-store';
import { passphraseCheckProblem, useBackupSession } from './backup-preferences';
import { askForPassphrase } from './passphrase-prompt';

/** Null for plain backups; throws (so nothing is written) when encryption is on but no passphrase was given. */
export async function automaticBackupPassphrase(): Promise<string | null> {
  const { preferences, passphrase } = useBackupSession.getState();
  if (!preferences.encrypt) return null;
  if (passphrase !== null) return passphrase;
  throw new BackupPassphraseMissingError(
    'Automatic backups are encrypted on this computer, but their passphrase has not been given in this session, so no backup was written (a backup is never written unencrypted instead).',
  );
}

let service: Promise<AutomaticBackups> | null = null;

export function automaticBackups(): Promise<AutomaticBackups> {
  service ??= platform.getAppInfo().then((info) =>
    createAutomaticBackups({
      store: platform.backups,
      workspace: repositories.workspace,
      app: { name: info.name, version: info.version },
      clock: systemClock,
      passphrase: automaticBackupPassphrase,
    }),
  );
  return service;
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The message for a failed backup write: the full-disk case in words a user can act on. */
export function backupFailureMessage(what: string, error: unknown): string {
  return isQuotaExceededError(error) ? quotaExceededMessage(what) : `${what} could not be written: ${errorText(error)}`;
}

/**
 * Asks for the automatic-backup passphrase (checked against the stored check value) and
 * keeps it for this session. Resolves false when the user declines.
 */
export async function unlockBackupPassphrase(reason: { title: string; explanation: string; cancelLabel: string }): Promise<boolean> {
  const { preferences } = useBackupSession.getState();
  if (!preferences.encrypt) return true;
  const given = await askForPassphrase({
    ...reason,
    submitLabel: 'Use this passphrase',
    check: (passphrase) => passphraseCheckProblem(preferences.passphraseCheck, passphrase),
  });
  if (given === null) return false;
  useBackupSession.getState().setPassphrase(given);
  return true;
}

let started = false;

/**
 * How long after start the day's backup waits: the first screen reads its data undisturbed
 * (a backup reads every table in one transaction, which at the stress workspace's size takes
 * long enough to slow the portfolio's first reads several times over), then the backup waits
 * for a moment the browser is idle.
 */
export const STARTUP_BACKUP_DELAY_MS = 3000;

export function scheduleStartupBackup(): void {
  setTimeout(() => {
    const run = () => void runStartupBackup();
    if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(run, { timeout: 10_000 });
    else run();
  }, STARTUP_BACKUP_DELAY_MS);
}

/**
 * Runs once per app start, after the first render: writes today's backup if it is due.
 * Never throws; a problem becomes a notice and the app carries on.
 */
export async function runStartupBackup(): Promise<void> {
  if (started) return;
  started = true;
  const notify = useUiStore.getState().notify;
  try {
    const backups = await automaticBackups();
    const session = useBackupSession.getState();
    if (session.preferences.encrypt && session.passphrase === null) {
      if (!(await backups.dailyBackupDue()) || (await backups.isEmptyWorkspace())) return;
      const recalled = await platform.rememberedPassphrase?.recallPassphrase().catch(() => null);
      if (recalled && (await passphraseCheckProblem(session.preferences.passphraseCheck, recalled)) === null) {
        session.setPassphrase(recalled);
      } else {
        const unlocked = await unlockBackupPassphrase({
          title: "Passphrase for today's backup",
          explanation:
            "Automatic backups on this computer are encrypted. Enter their passphrase to write today's backup; it is kept in memory until the app closes. Without it, today's backup is skipped: it is never written unencrypted.",
          cancelLabel: "Skip today's backup",
        });
        if (!unlocked) {
          notify(
            'error',
            "Today's automatic backup was skipped: no passphrase was given, and an encrypted backup is never written in plain instead.",
            ['Open Backups to enter the passphrase and back up now.'],
          );
          return;
        }
      }
    }
    await backups.ensureDailyBackup({ skipEmptyWorkspace: true });
  } catch (error) {
    notify('error', backupFailureMessage("Today's automatic backup", error), ['Your workspace itself is unaffected.']);
  }
}

/** The text of an encrypted file, after asking for its passphrase; null when the user gives up. */
export async function decryptWithPrompt(fileName: string, encryptedText: string, purpose: string): Promise<string | null> {
  let text: string | null = null;
  const given = await askForPassphrase({
    title: 'This backup is encrypted',
    explanation: `${fileName} is encrypted. Enter the passphrase it was encrypted with to ${purpose}.`,
    submitLabel: 'Open',
    cancelLabel: 'Cancel',
    async check(passphrase) {
      const opened = await decryptBackup(encryptedText, passphrase);
      if (!opened.ok) return opened.message;
      text = opened.text;
      return null;
    },
  });
  return given === null ? null : text;
}

/** Exports the workspace encrypted with `passphrase`, through the host's save dialog. */
export async function exportEncryptedWorkspace(
  passphrase: string,
): Promise<{ status: 'saved'; fileName: string } | { status: 'cancelled' }> {
  const info = await platform.getAppInfo();
  const plain = await repositories.workspace.exportText({ name: info.name, version: info.version });
  const encrypted = await encryptBackup(plain, passphrase);
  return platform.saveFile({
    suggestedName: backupFileName(localCalendarDate(systemClock.now())).replace(/\.json$/, '.encrypted.json'),
    filters: [{ name: 'Encrypted Governance Cockpit backup', extensions: ['json'] }],
    content: encrypted,
  });
}

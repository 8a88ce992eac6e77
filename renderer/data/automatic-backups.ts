/**
 * Automatic workspace backups: one on the first start of each day, kept by the
 * retention policy of shared/backup/retention (which also keeps pre-upgrade copies). Where the files live is the host's business: the
 * desktop app's data folder or the browser's origin-private file system, behind
 * `BackupStore`.
 *
 * Each backup gets a small sidecar summary (counts per table) so the backups screen can
 * list what each one holds without reading, or decrypting, a file of many megabytes.
 *
 * Restoring is two steps, so the screen can show what will change in between: prepare
 * (read, decrypt, validate; nothing written) and restore (a fresh "before restore" backup
 * of the current workspace first, then the replacement in one transaction).
 */
import type { WorkspaceData } from '@shared/domain/workspace';
import {
  countWorkspace,
  serializeWorkspace,
  WORKSPACE_SCHEMA_VERSION,
  type BackupProblem,
  type WorkspaceCounts,
} from '@shared/backup/workspace-backup';
import { decryptBackup, encryptBackup, isEncryptedBackup } from '@shared/backup/encryption';
import type { BackupFileInfo, BackupFiles } from '@shared/platform/api';
import {
  automaticBackupName,
  BACKUP_SUMMARY_SUFFIX,
  backupsToPrune,
  defaultRetention,
  needsDailyBackup,
  parseAutomaticBackupName,
  type AutomaticBackupKind,
  type AutomaticBackupName,
  type RetentionPolicy,
} from '@shared/backup/retention';
import type { WorkspaceRepository, AppIdentity } from './workspace-repository';
import { localCalendarDate, type Clock } from './clock';

export type { BackupFileInfo };
/** Where automatic backups live (the platform's `backups`). Implementations write atomically: temporary file, flush, rename. */
export type BackupStore = BackupFiles;

export const SUMMARY_SUFFIX = BACKUP_SUMMARY_SUFFIX;

/**
 * Thrown by a `passphrase` source when backups are to be encrypted but no passphrase is at
 * hand: the backup is then not written at all, rather than written in plain.
 */
export class BackupPassphraseMissingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupPassphraseMissingError';
  }
}

export type RestorePreparation =
  | { ok: true; name: string; data: WorkspaceData; incoming: WorkspaceCounts; current: WorkspaceCounts }
  | {
      ok: false;
      reason: 'needs-passphrase' | 'wrong-passphrase' | 'damaged' | 'invalid';
      message: string;
      /** JSON paths and messages when the decrypted file is not a valid workspace. */
      problems: BackupProblem[];
    };

export interface BackupSummary {
  writtenAt: string;
  schemaVersion: number;
  counts: WorkspaceCounts;
}

export interface AutomaticBackupListing extends AutomaticBackupName {
  size: number;
  /** Null when the summary is missing or unreadable; the backup itself may still be fine. */
  summary: BackupSummary | null;
}

export interface AutomaticBackupsOptions {
  store: BackupStore;
  workspace: WorkspaceRepository;
  app: AppIdentity;
  clock: Clock;
  /**
   * The passphrase to encrypt with, or null for plain backups. Asked each time, so a change in
   * settings applies at once; throws `BackupPassphraseMissingError` to skip the backup instead.
   */
  passphrase: () => Promise<string | null>;
  retention?: RetentionPolicy;
}

const timeOfDay = (instant: Date) =>
  [instant.getHours(), instant.getMinutes(), instant.getSeconds()].map((part) => String(part).padStart(2, '0')).join('');

export function createAutomaticBackups({
  store,
  workspace,
  app,
  clock,
  passphrase,
  retention = defaultRetention,
}: AutomaticBackupsOptions) {
  async function writeBackup(kind: AutomaticBackupKind, fromSchemaVersion?: number, rawData?: WorkspaceData): Promise<string> {
    const now = clock.now();
    const secret = await passphrase();
    const data = rawData ?? (await workspace.read());
    // A pre-upgrade copy holds records of the old schema and says so, so restoring it runs the shared upgrades.
    const plain = serializeWorkspace(data, app, fromSchemaVersion);
    const name = automaticBackupName({
      kind,
      date: localCalendarDate(now),
      time: timeOfDay(now),
      fromSchemaVersion,
      encrypted: secret !== null,
    });
    const summary: BackupSummary = {
      writtenAt: now.toISOString(),
      schemaVersion: fromSchemaVersion ?? WORKSPACE_SCHEMA_VERSION,
      counts: countWorkspace(data),
    };
    // The backup first, its summary second: a crash in between leaves a backup listed without counts, never counts without a backup.
    await store.write(name, secret === null ? plain : await encryptBackup(plain, secret));
    await store.write(name + SUMMARY_SUFFIX, JSON.stringify(summary));
    return name;
  }

  async function prune(): Promise<string[]> {
    const names = (await store.list()).map((file) => file.name);
    const doomed = backupsToPrune(names, retention);
    for (const name of doomed) {
      await store.remove(name);
      if (names.includes(name + SUMMARY_SUFFIX)) await store.remove(name + SUMMARY_SUFFIX);
    }
    return doomed;
  }

  /** True when today has no daily backup yet, so the next start (or this one) writes one. */
  async function dailyBackupDue(): Promise<boolean> {
    return needsDailyBackup(
      (await store.list()).map((file) => file.name),
      localCalendarDate(clock.now()),
    );
  }

  async function isEmptyWorkspace(): Promise<boolean> {
    // Every record but the settings belongs to an engagement, so no engagement means nothing to lose;
    // counting every table would walk hundreds of thousands of index entries on a large workspace.
    return (await workspace.engagementCount()) === 0;
  }

  return {
    writeBackup,
    prune,
    /**
     * Before a schema upgrade: `data` was read straight from the old database (opening it
     * through the workspace repository would run the upgrade first), written as schema
     * `fromSchemaVersion`.
     */
    async writePreUpgradeBackup(data: WorkspaceData, fromSchemaVersion: number): Promise<{ written: string; pruned: string[] }> {
      const written = await writeBackup('pre-upgrade', fromSchemaVersion, data);
      return { written, pruned: await prune() };
    },
    dailyBackupDue,
    isEmptyWorkspace,
    /**
     * On start: writes today's backup if there is none yet, then applies the retention policy.
     * With `skipEmptyWorkspace`, a workspace holding nothing but its settings is not backed up
     * (there is nothing to lose, and a first start should not fill the folder with empty copies).
     */
    async ensureDailyBackup(options: { skipEmptyWorkspace?: boolean } = {}): Promise<{ written: string | null; pruned: string[] }> {
      const due = await dailyBackupDue();
      const written = due && !(options.skipEmptyWorkspace && (await isEmptyWorkspace())) ? await writeBackup('daily') : null;
      return { written, pruned: await prune() };
    },
    /** "Back up now": a backup of its own kind, so it never pushes out the day's automatic copy. */
    async backUpNow(): Promise<{ written: string; pruned: string[] }> {
      const written = await writeBackup('on-request');
      return { written, pruned: await prune() };
    },
    /** Every automatic backup, newest first, with its size and summary. */
    async list(): Promise<AutomaticBackupListing[]> {
      const files = await store.list();
      const sizes = new Map(files.map((file) => [file.name, file.size]));
      const listings: AutomaticBackupListing[] = [];
      for (const file of files) {
        const parsed = parseAutomaticBackupName(file.name);
        if (!parsed) continue;
        listings.push({ ...parsed, size: file.size, summary: sizes.has(file.name + SUMMARY_SUFFIX) ? await readSummary(file.name) : null });
      }
      // Newest first; two of the same second in name order, so the list never shuffles.
      const key = (backup: AutomaticBackupListing) => backup.date + backup.time;
      return listings.sort((a, b) => (key(a) !== key(b) ? (key(a) < key(b) ? 1 : -1) : a.name < b.name ? -1 : 1));
    },
    read: (name: string) => store.read(name),

    /** Reads, decrypts and validates a backup; writes nothing. */
    async prepareRestore(name: string, backupPassphrase: string | null): Promise<RestorePreparation> {
      let text = await store.read(name);
      if (isEncryptedBackup(text)) {
        if (backupPassphrase === null)
          return {
            ok: false,
            reason: 'needs-passphrase',
            message: 'This backup is encrypted: enter its passphrase to open it.',
            problems: [],
          };
        const opened = await decryptBackup(text, backupPassphrase);
        if (!opened.ok)
          return {
            ok: false,
            reason: opened.reason === 'wrong-passphrase' ? 'wrong-passphrase' : 'damaged',
            message: opened.message,
            problems: [],
          };
        text = opened.text;
      }
      const parsed = workspace.validateBackup(text);
      if (!parsed.ok) {
        return {
          ok: false,
          reason: 'invalid',
          message: `${name} is not a valid workspace backup, so it cannot be restored. Nothing was changed.`,
          problems: parsed.problems,
        };
      }
      return { ok: true, name, data: parsed.data, incoming: parsed.counts, current: await workspace.counts() };
    },

    /**
     * Keeps the current workspace in a "before restore" backup, then replaces it with the
     * prepared data in one transaction. If the backup cannot be written, nothing is replaced.
     */
    async restore(prepared: Extract<RestorePreparation, { ok: true }>): Promise<{ beforeRestore: string }> {
      const beforeRestore = await writeBackup('before-restore');
      await workspace.replace(prepared.data);
      await prune();
      return { beforeRestore };
    },
  };

  async function readSummary(name: string): Promise<BackupSummary | null> {
    try {
      const summary = JSON.parse(await store.read(name + SUMMARY_SUFFIX)) as BackupSummary;
      return typeof summary.writtenAt === 'string' && typeof summary.counts === 'object' ? summary : null;
    } catch {
      return null;
    }
  }
}
export type AutomaticBackups = ReturnType<typeof createAutomaticBackups>;

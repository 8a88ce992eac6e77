/**
 * Automatic workspace backups: one on the first start of each day, kept by the
 * retention policy of shared/backup/retention (which also keeps pre-upgrade copies). Where the files live is the host's business: the
 * desktop app's data folder or the browser's origin-private file system, behind
 * `BackupStore`.
 *
 * Each backup gets a small sidecar summary (counts per table) so the backups screen can
 * list what each one holds without reading, or decrypting, a file of many megabytes.
 */
import { countWorkspace, serializeWorkspace, WORKSPACE_SCHEMA_VERSION, type WorkspaceCounts } from '@shared/backup/workspace-backup';
import { encryptBackup } from '@shared/backup/encryption';
import {
  automaticBackupName,
  backupsToPrune,
  defaultRetention,
  needsDailyBackup,
  parseAutomaticBackupName,
  type AutomaticBackupName,
  type RetentionPolicy,
} from '@shared/backup/retention';
import type { WorkspaceRepository, AppIdentity } from './workspace-repository';
import { localCalendarDate, type Clock } from './clock';

export interface BackupFileInfo {
  name: string;
  /** Bytes on disk. */
  size: number;
}

/** Where automatic backups live. Implementations write atomically: temporary file, flush, rename. */
export interface BackupStore {
  list(): Promise<BackupFileInfo[]>;
  read(name: string): Promise<string>;
  write(name: string, text: string): Promise<void>;
  remove(name: string): Promise<void>;
}

export const SUMMARY_SUFFIX = '.summary.json';

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
  /** The passphrase to encrypt with, or null for plain backups. Asked each time, so a change in settings applies at once. */
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
  async function writeBackup(kind: 'daily' | 'pre-upgrade', fromSchemaVersion?: number): Promise<string> {
    const now = clock.now();
    const secret = await passphrase();
    const data = await workspace.read();
    const plain = serializeWorkspace(data, app);
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

  return {
    writeBackup,
    prune,
    /** On start: writes today's backup if there is none yet, then applies the retention policy. */
    async ensureDailyBackup(): Promise<{ written: string | null; pruned: string[] }> {
      const names = (await store.list()).map((file) => file.name);
      const written = needsDailyBackup(names, localCalendarDate(clock.now())) ? await writeBackup('daily') : null;
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
      return listings.sort((a, b) => (a.date + a.time < b.date + b.time ? 1 : -1));
    },
    read: (name: string) => store.read(name),
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

/**
 * The workspace import, from a file's bytes to a replaced workspace: check the whole file
 * (in a worker when the page has one), stop at the first refusal, ask the user, and only
 * then replace everything in one transaction. The header buttons, the native menu and the
 * tests all go through `importWorkspaceBackup`, so nothing reaches the database unchecked.
 */
import type { BackupProblem, WorkspaceCounts } from '@shared/backup/workspace-backup';
import type { WorkspaceRepository } from '../../data/workspace-repository';
import { BackupCheckReceiver, runBackupCheck, type BackupCheckMessage, type BackupCheckResult, type ImportProgress } from './backup-check';

export type { ImportPhase, ImportProgress } from './backup-check';

/** Checks a backup file completely without touching the database. */
export function checkBackupFile(bytes: Uint8Array, onProgress?: (progress: ImportProgress) => void): Promise<BackupCheckResult> {
  const receiver = new BackupCheckReceiver(onProgress);
  if (typeof Worker === 'undefined') {
    runBackupCheck(bytes, (message) => receiver.receive(message));
    return Promise.resolve(receiver.result!);
  }
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./backup-check.worker.ts', import.meta.url), { type: 'module', name: 'backup-check' });
    worker.onmessage = (event: MessageEvent<BackupCheckMessage>) => {
      receiver.receive(event.data);
      if (receiver.result) {
        worker.terminate();
        resolve(receiver.result);
      }
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(`the file could not be checked (${event.message || 'the checker stopped'})`));
    };
    // Hand the bytes over rather than copying them; a view on part of a buffer is copied first.
    const owned = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
    worker.postMessage({ bytes: owned }, [owned.buffer as ArrayBuffer]);
  });
}

export interface ImportSummary {
  incoming: WorkspaceCounts;
  current: WorkspaceCounts;
}

export type ImportOutcome =
  | { status: 'rejected'; problems: BackupProblem[]; totalProblems: number }
  | { status: 'cancelled' }
  | { status: 'imported'; counts: WorkspaceCounts };

/**
 * Imports a backup file: refused files and cancelled confirmations leave the database
 * untouched; a failed write rejects and, being one transaction, also leaves it untouched.
 */
export async function importWorkspaceBackup(
  workspace: WorkspaceRepository,
  bytes: Uint8Array,
  options: {
    confirm(summary: ImportSummary): Promise<boolean>;
    onProgress?(progress: ImportProgress): void;
  },
): Promise<ImportOutcome> {
  const checked = await checkBackupFile(bytes, options.onProgress);
  if (!checked.ok) return { status: 'rejected', problems: checked.problems, totalProblems: checked.totalProblems };
  const current = await workspace.counts();
  if (!(await options.confirm({ incoming: checked.counts, current }))) return { status: 'cancelled' };
  options.onProgress?.({ phase: 'writing', fraction: 0 });
  await workspace.replace(checked.data, {
    onProgress: (written, total) => options.onProgress?.({ phase: 'writing', fraction: total === 0 ? 1 : written / total }),
  });
  options.onProgress?.({ phase: 'writing', fraction: 1 });
  return { status: 'imported', counts: checked.counts };
}

/**
 * The desktop app's automatic backups: files in `<userData>/backups`, written through
 * `writeFileAtomically` (temporary file, fsync, rename), so a crash or a full disk never
 * leaves a truncated backup under a real name.
 *
 * The IPC schema already refuses any name that is not an automatic backup's; the check
 * here again is the last gate before the file system, so no caller can reach a path.
 */
import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { isBackupStoreFileName } from '../shared/backup/retention';
import type { BackupFileInfo, BackupFiles } from '../shared/platform/api';
import { DISK_FULL_MESSAGE } from '../shared/platform/storage-errors';
import { writeFileAtomically } from './atomic-write';

export const BACKUP_FOLDER_NAME = 'backups';

/** The backup's path inside `folder`; throws for anything that is not an automatic backup's name. */
export function backupFilePath(folder: string, name: string): string {
  if (!isBackupStoreFileName(name) || path.basename(name) !== name) {
    throw new Error(`"${name}" is not the name of an automatic backup.`);
  }
  return path.join(folder, name);
}

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null ? (error as { code?: string }).code : undefined;
}

export function createBackupFolder(folder: string): BackupFiles {
  return {
    async list(): Promise<BackupFileInfo[]> {
      let entries;
      try {
        entries = await readdir(folder, { withFileTypes: true });
      } catch (error) {
        if (errorCode(error) === 'ENOENT') return [];
        throw error;
      }
      // Temporary files of an interrupted write, and anything else a user put there, are not listed.
      const names = entries.filter((entry) => entry.isFile() && isBackupStoreFileName(entry.name)).map((entry) => entry.name);
      return Promise.all(names.map(async (name) => ({ name, size: (await stat(path.join(folder, name))).size })));
    },

    async read(name) {
      try {
        return await readFile(backupFilePath(folder, name), 'utf8');
      } catch (error) {
        if (errorCode(error) === 'ENOENT') throw new Error(`There is no backup named ${name} any more.`);
        throw error;
      }
    },

    async write(name, text) {
      const target = backupFilePath(folder, name);
      try {
        await mkdir(folder, { recursive: true });
        await writeFileAtomically(target, text);
      } catch (error) {
        const code = errorCode(error);
        if (code === 'ENOSPC' || code === 'EDQUOT') {
          throw new Error(`${DISK_FULL_MESSAGE}: the backup ${name} was not written, and no partial file was left behind.`);
        }
        throw error;
      }
    },

    async remove(name) {
      await rm(backupFilePath(folder, name), { force: true });
    },
  };
}

/**
 * Automatic backups in browser mode live in the origin-private file system: private to
 * this origin, not cleared with the cache, and able to hold files of hundreds of MB.
 *
 * Writes go to a temporary file first and are renamed over the real name once closed
 * (a writable stream only commits on close, so a tab closed mid-write leaves the
 * temporary file, never a truncated backup under the real name).
 */
import type { BackupFileInfo, BackupFiles } from '@shared/platform/api';

const FOLDER = 'automatic-backups';
const TEMPORARY_SUFFIX = '.partial';

/** `move` is in Chromium's OPFS but not yet in TypeScript's DOM types. */
type MovableFileHandle = FileSystemFileHandle & { move?: (newName: string) => Promise<void> };

export function isOpfsAvailable(): boolean {
  return typeof navigator !== 'undefined' && typeof navigator.storage?.getDirectory === 'function';
}

export function createOpfsBackupStore(): BackupFiles {
  const folder = async () => (await navigator.storage.getDirectory()).getDirectoryHandle(FOLDER, { create: true });

  return {
    async list(): Promise<BackupFileInfo[]> {
      const directory = await folder();
      const files: BackupFileInfo[] = [];
      for await (const [name, handle] of directory as unknown as AsyncIterable<[string, FileSystemHandle]>) {
        if (handle.kind !== 'file' || name.endsWith(TEMPORARY_SUFFIX)) continue;
        files.push({ name, size: (await (handle as FileSystemFileHandle).getFile()).size });
      }
      return files;
    },
    async read(name) {
      const directory = await folder();
      return (await (await directory.getFileHandle(name)).getFile()).text();
    },
    async write(name, text) {
      const directory = await folder();
      const temporary = (await directory.getFileHandle(name + TEMPORARY_SUFFIX, { create: true })) as MovableFileHandle;
      const stream = await temporary.createWritable();
      try {
        await stream.write(text);
        await stream.close();
      } catch (error) {
        await stream.abort().catch(() => undefined);
        await directory.removeEntry(name + TEMPORARY_SUFFIX).catch(() => undefined);
        throw error;
      }
      if (typeof temporary.move === 'function') {
        try {
          // Replaces an existing file of that name in one step where the browser allows it.
          await temporary.move(name);
        } catch {
          await directory.removeEntry(name).catch(() => undefined);
          await temporary.move(name);
        }
      } else {
        // Without rename, the stream's own commit-on-close is the atomic step.
        const target = await directory.getFileHandle(name, { create: true });
        const targetStream = await target.createWritable();
        await targetStream.write(await (await temporary.getFile()).text());
        await targetStream.close();
        await directory.removeEntry(name + TEMPORARY_SUFFIX);
      }
    },
    async remove(name) {
      const directory = await folder();
      await directory.removeEntry(name);
    },
  };
}

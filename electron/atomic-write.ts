/**
 * Writes that never leave a half-written file behind: the data goes to a temporary
 * file beside the target, is flushed to disk, and is then renamed over the target.
 * A rename within one directory is atomic, so readers see the old file or the new one.
 */
import { randomUUID } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import path from 'node:path';

function temporaryPathBeside(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${randomUUID()}.tmp`);
}

export async function writeFileAtomically(target: string, content: string | Uint8Array): Promise<void> {
  const temporary = temporaryPathBeside(target);
  try {
    // 'wx' so we never truncate something that happens to sit at the temporary name.
    const handle = await open(temporary, 'wx');
    try {
      await handle.writeFile(content, typeof content === 'string' ? 'utf8' : undefined);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** Synchronous twin for the moment the app is closing and cannot wait for a promise. */
export function writeFileAtomicallySync(target: string, content: string): void {
  const temporary = temporaryPathBeside(target);
  try {
    const descriptor = openSync(temporary, 'wx');
    try {
      writeFileSync(descriptor, content, 'utf8');
      fsyncSync(descriptor);
    } finally {
      closeSync(descriptor);
    }
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

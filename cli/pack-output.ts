/**
 * Where the command writes: checked before any work, written in one step at the end.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomically } from '../electron/atomic-write';
import { PackCommandError } from './pack-errors';

/** Refuses a missing folder (never creates one: a typo would scatter files) and an existing folder as the file. */
export function checkOutputPath(out: string): string {
  const target = path.resolve(out);
  const folder = path.dirname(target);
  let folderIsDirectory = false;
  try {
    folderIsDirectory = statSync(folder).isDirectory();
  } catch {
    folderIsDirectory = false;
  }
  if (!folderIsDirectory)
    throw new PackCommandError(`The folder for --out does not exist: ${folder}. Create it first, or write somewhere else.`);
  try {
    if (statSync(target).isDirectory()) throw new PackCommandError(`--out names a folder, ${target}; give a file name inside it.`);
  } catch (error) {
    if (error instanceof PackCommandError) throw error;
  }
  return target;
}

/** Temporary file beside the target, flushed, then renamed: a failure never leaves a partial file at --out. */
export async function writeOutput(target: string, content: string | Uint8Array): Promise<void> {
  try {
    await writeFileAtomically(target, content);
  } catch (error) {
    throw new PackCommandError(`Could not write ${target}: ${(error as Error).message}`);
  }
}

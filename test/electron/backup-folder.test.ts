/** The desktop backup folder: atomic writes, names checked at the last gate before the file system. */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupFilePath, createBackupFolder } from '../../electron/backup-folder';

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'cockpit-backups-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('backupFilePath', () => {
  it('places an automatic backup or its summary inside the folder', () => {
    expect(backupFilePath('/data/backups', 'cockpit-auto-2026-11-21-090000.json')).toBe(
      path.join('/data/backups', 'cockpit-auto-2026-11-21-090000.json'),
    );
    expect(backupFilePath('/data/backups', 'cockpit-auto-2026-11-21-090000-before-restore.encrypted.json.summary.json')).toBe(
      path.join('/data/backups', 'cockpit-auto-2026-11-21-090000-before-restore.encrypted.json.summary.json'),
    );
  });

  it.each([
    '../cockpit-auto-2026-11-21-090000.json',
    'a/cockpit-auto-2026-11-21-090000.json',
    '..',
    'window-state.json',
    'cockpit-auto-2026-13-01-090000.json',
  ])('throws for %j', (name) => {
    expect(() => backupFilePath('/data/backups', name)).toThrow('is not the name of an automatic backup');
  });
});

describe('createBackupFolder', () => {
  it('lists nothing before the folder exists, creates it on the first write, and leaves no temporary file', async () => {
    const folder = createBackupFolder(path.join(root, 'backups'));
    await expect(folder.list()).resolves.toEqual([]);
    await folder.write('cockpit-auto-2026-11-21-090000.json', 'first');
    await folder.write('cockpit-auto-2026-11-21-090000.json', 'second, longer');
    expect(readdirSync(path.join(root, 'backups'))).toEqual(['cockpit-auto-2026-11-21-090000.json']);
    await expect(folder.read('cockpit-auto-2026-11-21-090000.json')).resolves.toBe('second, longer');
    await expect(folder.list()).resolves.toEqual([{ name: 'cockpit-auto-2026-11-21-090000.json', size: 14 }]);
  });

  it('says which backup is missing', async () => {
    await expect(createBackupFolder(root).read('cockpit-auto-2026-11-21-090000.json')).rejects.toThrow(
      'There is no backup named cockpit-auto-2026-11-21-090000.json any more.',
    );
  });
});

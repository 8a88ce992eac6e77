import { describe, expect, it } from 'vitest';
import { backupKindLabel, backupTimeOfDay, formatBytes, usedShare } from '../../../../renderer/features/backups/backup-format';
import { passphraseFormProblems } from '../../../../renderer/features/backups/passphrase-form-model';
import {
  makePassphraseCheck,
  parseBackupPreferences,
  passphraseCheckProblem,
} from '../../../../renderer/features/backups/backup-preferences';

describe('formatBytes', () => {
  it.each([
    [0, '0 bytes'],
    [1, '1 byte'],
    [1023, '1,023 bytes'],
    [1536, '1.5 KB'],
    [5 * 1024 ** 2, '5 MB'],
    [200 * 1024 ** 2, '200 MB'],
    [12.34 * 1024 ** 3, '12 GB'],
    [-1, 'unknown'],
  ])('%d bytes reads "%s"', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});

describe('backup labels', () => {
  it('name each kind, with the schema a pre-upgrade copy came from', () => {
    expect(backupKindLabel({ kind: 'daily', fromSchemaVersion: null })).toBe('Daily');
    expect(backupKindLabel({ kind: 'pre-upgrade', fromSchemaVersion: 2 })).toBe('Before an upgrade (from schema 2)');
    expect(backupKindLabel({ kind: 'before-restore', fromSchemaVersion: null })).toBe('Before a restore');
    expect(backupTimeOfDay('073005')).toBe('07:30:05');
  });

  it('give the share of the allowance in use, or null without figures', () => {
    expect(usedShare({ usage: 25, quota: 100 })).toBe(25);
    expect(usedShare({ usage: 250, quota: 100 })).toBe(100);
    expect(usedShare({ usage: 25, quota: 0 })).toBeNull();
    expect(usedShare(null)).toBeNull();
  });
});

describe('passphraseFormProblems', () => {
  it('accepts a long passphrase typed twice', () => {
    expect(passphraseFormProblems({ passphrase: 'three calm rivers', confirmation: 'three calm rivers' })).toEqual([]);
  });

  it('refuses a short one with the encryption module’s reason, and a missing or different confirmation', () => {
    expect(passphraseFormProblems({ passphrase: 'short', confirmation: '' })).toEqual([
      {
        field: 'passphrase',
        path: '$.passphrase',
        message: 'The passphrase needs at least 10 characters; a few words in a row are easier to remember than symbols.',
      },
      { field: 'confirmation', path: '$.confirmation', message: 'Type the passphrase a second time, to be sure of it.' },
    ]);
    expect(passphraseFormProblems({ passphrase: 'three calm rivers', confirmation: 'three calm river' })).toEqual([
      { field: 'confirmation', path: '$.confirmation', message: 'The two passphrases differ; type the same one in both fields.' },
    ]);
  });
});

describe('backup preferences', () => {
  it('fall back to plain backups when missing or unreadable, never half-read', () => {
    expect(parseBackupPreferences(null)).toEqual({ encrypt: false });
    expect(parseBackupPreferences('{"encrypt": true')).toEqual({ encrypt: false });
    // Encryption without a check value could not tell a mistyped passphrase: refused as a whole.
    expect(parseBackupPreferences('{"encrypt": true}')).toEqual({ encrypt: false });
    expect(parseBackupPreferences('{"encrypt": true, "passphraseCheck": "abc", "passphrase": "oops"}')).toEqual({ encrypt: false });
    expect(parseBackupPreferences('{"encrypt": true, "passphraseCheck": "abc"}')).toEqual({ encrypt: true, passphraseCheck: 'abc' });
  });

  it('recognise the passphrase by the check value, which does not contain it', async () => {
    const check = await makePassphraseCheck('three calm rivers');
    expect(check).not.toContain('three calm rivers');
    await expect(passphraseCheckProblem(check, 'three calm rivers')).resolves.toBeNull();
    await expect(passphraseCheckProblem(check, 'three calm river')).resolves.toBe(
      'That is not the passphrase set for automatic backups on this computer.',
    );
  });
});

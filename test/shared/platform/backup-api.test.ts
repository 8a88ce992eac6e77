/** The backup requests of the platform contract: only automatic-backup names, never a path or another file. */
import { describe, expect, it } from 'vitest';
import { platformChannels, platformRequestSchemas } from '../../../shared/platform/api';

describe('backup requests', () => {
  it('have a channel and a schema for every method', () => {
    for (const method of [
      'listBackups',
      'readBackup',
      'writeBackup',
      'removeBackup',
      'passphraseStorageStatus',
      'rememberPassphrase',
      'recallPassphrase',
      'forgetPassphrase',
    ] as const) {
      expect(platformChannels[method]).toMatch(/^cockpit:/);
      expect(method in platformRequestSchemas).toBe(true);
    }
  });

  it('accept an automatic backup and its summary', () => {
    expect(platformRequestSchemas.readBackup.safeParse({ name: 'cockpit-auto-2026-11-21-090000.encrypted.json' }).success).toBe(true);
    expect(
      platformRequestSchemas.writeBackup.safeParse({ name: 'cockpit-auto-2026-11-21-090000.json.summary.json', text: '{"counts":{}}' })
        .success,
    ).toBe(true);
  });

  it.each([
    '../../Preferences',
    '/etc/passwd',
    'backups\\cockpit-auto-2026-11-21-090000.json',
    'Local Storage',
    'cockpit-auto-2026-11-21-090000.json ',
  ])('refuse %j with a message saying why', (name) => {
    const result = platformRequestSchemas.removeBackup.safeParse({ name });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(
      'must be the name of an automatic backup or of its summary, not a path or any other file',
    );
  });

  it('refuse extra fields and a missing text', () => {
    expect(platformRequestSchemas.writeBackup.safeParse({ name: 'cockpit-auto-2026-11-21-090000.json' }).success).toBe(false);
    expect(platformRequestSchemas.readBackup.safeParse({ name: 'cockpit-auto-2026-11-21-090000.json', folder: '/' }).success).toBe(false);
    expect(platformRequestSchemas.rememberPassphrase.safeParse({ passphrase: 'x'.repeat(1025) }).success).toBe(false);
  });
});

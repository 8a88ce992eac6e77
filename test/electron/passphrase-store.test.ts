/**
 * When the desktop app may remember the backup passphrase: only where the operating
 * system's keychain really protects it, and then only in encrypted form.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPassphraseStore, keychainRefusal, type Keychain } from '../../electron/passphrase-store';

function fakeKeychain(options: { available?: boolean; backend?: string } = {}): Keychain {
  return {
    isEncryptionAvailable: () => options.available ?? true,
    encryptString: (text) => Buffer.from([...Buffer.from(text)].map((byte) => byte ^ 0x5a)),
    decryptString: (sealed) => {
      if (sealed[0] === 0x00) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return Buffer.from([...sealed].map((byte) => byte ^ 0x5a)).toString();
    },
    getSelectedStorageBackend: () => options.backend ?? 'gnome_libsecret',
  };
}

describe('keychainRefusal', () => {
  it('accepts a keychain that encrypts, on every platform', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) expect(keychainRefusal(fakeKeychain(), platform)).toBeNull();
    expect(keychainRefusal(fakeKeychain({ backend: 'kwallet5' }), 'linux')).toBeNull();
  });

  it('refuses, with the reason, when encryption is not available', () => {
    expect(keychainRefusal(fakeKeychain({ available: false }), 'darwin')).toMatch(/keychain cannot encrypt.*asked for it once per session/);
  });

  it.each(['basic_text', 'unknown'])('refuses the Linux %s backend, which only obscures with a fixed key', (backend) => {
    expect(keychainRefusal(fakeKeychain({ backend }), 'linux')).toMatch(/No keyring .* is running/);
    // Elsewhere the backend question does not arise.
    expect(keychainRefusal(fakeKeychain({ backend }), 'win32')).toBeNull();
  });
});

describe('createPassphraseStore', () => {
  let folder: string;
  let file: string;
  beforeEach(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'cockpit-passphrase-'));
    file = path.join(folder, 'backup-passphrase.bin');
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('stores only the encrypted form, and recalls it', async () => {
    const store = createPassphraseStore({ keychain: fakeKeychain(), file, platform: 'linux' });
    await store.rememberPassphrase({ passphrase: 'a long and memorable phrase' });
    expect(readFileSync(file).toString()).not.toContain('memorable');
    await expect(store.passphraseStorageStatus()).resolves.toEqual({ available: true, remembered: true });
    await expect(store.recallPassphrase()).resolves.toBe('a long and memorable phrase');
    await store.forgetPassphrase();
    expect(existsSync(file)).toBe(false);
    await expect(store.recallPassphrase()).resolves.toBeNull();
  });

  it('refuses to remember without a protecting keychain, leaving no file', async () => {
    const store = createPassphraseStore({ keychain: fakeKeychain({ backend: 'basic_text' }), file, platform: 'linux' });
    await expect(store.rememberPassphrase({ passphrase: 'a long and memorable phrase' })).rejects.toThrow(/No keyring/);
    expect(existsSync(file)).toBe(false);
    await expect(store.passphraseStorageStatus()).resolves.toMatchObject({
      available: false,
      message: expect.stringMatching(/No keyring/),
    });
  });

  it('recalls nothing from a file it cannot decrypt (another user, a reset keychain)', async () => {
    writeFileSync(file, Buffer.from([0x00, 0x01, 0x02]));
    const store = createPassphraseStore({ keychain: fakeKeychain(), file, platform: 'darwin' });
    await expect(store.recallPassphrase()).resolves.toBeNull();
  });

  it('recalls nothing once the keychain stops encrypting, even with a file present', async () => {
    await createPassphraseStore({ keychain: fakeKeychain(), file, platform: 'darwin' }).rememberPassphrase({
      passphrase: 'a long phrase here',
    });
    await expect(
      createPassphraseStore({ keychain: fakeKeychain({ available: false }), file, platform: 'darwin' }).recallPassphrase(),
    ).resolves.toBeNull();
  });
});

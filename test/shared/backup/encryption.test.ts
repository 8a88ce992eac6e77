import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PBKDF2_ITERATIONS,
  decryptBackup,
  encryptBackup,
  isEncryptedBackup,
  PassphraseError,
} from '../../../shared/backup/encryption';

const PASSPHRASE = 'correct horse battery staple';
const BACKUP = JSON.stringify({ format: 'governance-cockpit-workspace', note: 'Zürich – 東京 ✓', tables: { risks: [{ id: 'r1' }] } });

/** Encrypts once per test file: every derivation costs 600,000 PBKDF2 rounds. */
const encrypted = encryptBackup(BACKUP, PASSPHRASE);

function edit(fileText: string, change: (file: { header: Record<string, any>; ciphertext: string }) => void): string {
  const file = JSON.parse(fileText);
  change(file);
  return JSON.stringify(file);
}

describe('encrypted backups', () => {
  it('round-trip the exact text, and the file says how it was made', async () => {
    const fileText = await encrypted;
    expect(isEncryptedBackup(fileText)).toBe(true);
    expect(fileText).not.toContain('risks');
    const { header } = JSON.parse(fileText);
    expect(header).toMatchObject({
      format: 'governance-cockpit-encrypted-backup',
      version: 1,
      kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: DEFAULT_PBKDF2_ITERATIONS },
      cipher: { name: 'AES-GCM', keyBits: 256 },
    });
    expect(DEFAULT_PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    expect(await decryptBackup(fileText, PASSPHRASE)).toEqual({ ok: true, text: BACKUP });
  });

  it('use a fresh salt and IV every time, so the same backup never encrypts the same way twice', async () => {
    const again = await encryptBackup(BACKUP, PASSPHRASE);
    const first = JSON.parse(await encrypted);
    const second = JSON.parse(again);
    expect(second.header.kdf.salt).not.toBe(first.header.kdf.salt);
    expect(second.header.cipher.iv).not.toBe(first.header.cipher.iv);
    expect(second.ciphertext).not.toBe(first.ciphertext);
  });

  it('refuse a wrong passphrase with a message, never with garbage text', async () => {
    const result = await decryptBackup(await encrypted, 'correct horse battery stapler');
    expect(result).toEqual({ ok: false, reason: 'wrong-passphrase', message: expect.stringContaining('passphrase is wrong') });
  });

  it('detect a changed ciphertext byte', async () => {
    const tampered = edit(await encrypted, (file) => {
      const bytes = Uint8Array.from(atob(file.ciphertext), (char) => char.charCodeAt(0));
      bytes[5] = bytes[5]! ^ 0x01;
      file.ciphertext = btoa(String.fromCharCode(...bytes));
    });
    expect(await decryptBackup(tampered, PASSPHRASE)).toMatchObject({ ok: false, reason: 'wrong-passphrase' });
  });

  it('detect a changed header, because the header is authenticated with the data', async () => {
    const tampered = edit(await encrypted, (file) => {
      file.header.kdf.iterations = 700_000;
    });
    expect(await decryptBackup(tampered, PASSPHRASE)).toMatchObject({ ok: false, reason: 'wrong-passphrase' });
  });

  it('refuse files whose header is weaker than the minimum or unknown, naming the field', async () => {
    const weak = edit(await encrypted, (file) => {
      file.header.kdf.iterations = 1000;
    });
    expect(await decryptBackup(weak, PASSPHRASE)).toEqual({
      ok: false,
      reason: 'malformed',
      message: expect.stringMatching(/header\.kdf\.iterations fewer than 600,000 iterations is too weak/),
    });
    const newer = edit(await encrypted, (file) => {
      file.header.version = 2;
    });
    expect(await decryptBackup(newer, PASSPHRASE)).toMatchObject({
      ok: false,
      reason: 'malformed',
      message: expect.stringContaining('header.version'),
    });
    const badSalt = edit(await encrypted, (file) => {
      file.header.kdf.salt = 'AAAA';
    });
    expect(await decryptBackup(badSalt, PASSPHRASE)).toMatchObject({ ok: false, message: expect.stringContaining('must hold 16 bytes') });
  });

  it('say a cut-short file is damaged', async () => {
    const fileText = await encrypted;
    const cut = fileText.slice(0, Math.floor(fileText.length / 2));
    expect(await decryptBackup(cut, PASSPHRASE)).toMatchObject({
      ok: false,
      reason: 'malformed',
      message: expect.stringContaining('cut short'),
    });
  });

  it('tell a plain backup apart', async () => {
    expect(isEncryptedBackup(BACKUP)).toBe(false);
    expect(await decryptBackup(BACKUP, PASSPHRASE)).toMatchObject({ ok: false, reason: 'not-encrypted' });
  });

  it('refuse short passphrases and weak settings before encrypting anything', async () => {
    await expect(encryptBackup(BACKUP, 'short')).rejects.toBeInstanceOf(PassphraseError);
    await expect(encryptBackup(BACKUP, '         x')).rejects.toThrow(/at least 10 characters/);
    await expect(encryptBackup(BACKUP, PASSPHRASE, { iterations: 10_000 })).rejects.toThrow(/too weak/);
  });
});

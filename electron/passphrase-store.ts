/**
 * Remembers the backup passphrase through Electron's `safeStorage`, which encrypts with
 * a key the operating system keeps (Keychain, DPAPI, or the Secret Service on Linux).
 * Only the encrypted bytes touch the disk. Where `safeStorage` cannot protect it, the
 * passphrase is not remembered at all, and the user is told why.
 */
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import type { PassphraseStorageStatus, RememberedPassphrase } from '../shared/platform/api';
import { writeFileAtomically } from './atomic-write';

export const PASSPHRASE_FILE_NAME = 'backup-passphrase.bin';

/** The part of Electron's `safeStorage` used here, so the logic can be tested without Electron. */
export interface Keychain {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: which secret store backs the encryption. */
  getSelectedStorageBackend?(): string;
}

/** Linux backends that only obscure the data with a fixed key: no protection against a thief. */
const UNPROTECTED_LINUX_BACKENDS = new Set(['basic_text', 'unknown']);

/** Why the passphrase cannot be remembered on this computer, or null when it can. */
export function keychainRefusal(keychain: Keychain, platform: NodeJS.Platform): string | null {
  if (!keychain.isEncryptionAvailable()) {
    return "This computer's keychain cannot encrypt data for the cockpit, so the passphrase is not remembered. You will be asked for it once per session instead.";
  }
  if (platform === 'linux') {
    const backend = keychain.getSelectedStorageBackend?.() ?? 'unknown';
    if (UNPROTECTED_LINUX_BACKENDS.has(backend)) {
      return 'No keyring (such as GNOME Keyring or KWallet) is running, so the passphrase could only be kept with a fixed key anyone can undo. It is not remembered; you will be asked for it once per session instead.';
    }
  }
  return null;
}

export function createPassphraseStore(options: { keychain: Keychain; file: string; platform: NodeJS.Platform }): RememberedPassphrase {
  const { keychain, file, platform } = options;
  return {
    async passphraseStorageStatus(): Promise<PassphraseStorageStatus> {
      const refusal = keychainRefusal(keychain, platform);
      return refusal === null ? { available: true, remembered: existsSync(file) } : { available: false, message: refusal };
    },

    async rememberPassphrase({ passphrase }) {
      const refusal = keychainRefusal(keychain, platform);
      if (refusal !== null) throw new Error(refusal);
      await writeFileAtomically(file, new Uint8Array(keychain.encryptString(passphrase)));
    },

    async recallPassphrase() {
      if (!existsSync(file) || keychainRefusal(keychain, platform) !== null) return null;
      try {
        return keychain.decryptString(await readFile(file));
      } catch {
        // Encrypted under another user or a reset keychain: as good as not remembered.
        return null;
      }
    },

    async forgetPassphrase() {
      await rm(file, { force: true });
    },
  };
}

/**
 * The backup preferences of this computer: whether automatic backups are encrypted, and a
 * small encrypted check value to recognise the passphrase by. They live in localStorage
 * rather than in the workspace, so restoring or importing a workspace never switches
 * encryption off, and the passphrase itself is never stored here.
 *
 * The passphrase given in this session is held in memory only (a zustand store, as all UI state).
 */
import { create } from 'zustand';
import { z } from 'zod';
import { decryptBackup, encryptBackup } from '@shared/backup/encryption';

const STORAGE_KEY = 'governance-cockpit:backup-preferences';

const BackupPreferencesSchema = z.union([
  z.strictObject({ encrypt: z.literal(false) }),
  z.strictObject({
    encrypt: z.literal(true),
    /** `PASSPHRASE_CHECK_TEXT` encrypted with the passphrase: opens only with the right one. */
    passphraseCheck: z.string().min(1),
  }),
]);
export type BackupPreferences = z.infer<typeof BackupPreferencesSchema>;

export const plainBackups: BackupPreferences = { encrypt: false };

/** Stored preferences, or plain backups when there are none or they are unreadable. */
export function parseBackupPreferences(text: string | null): BackupPreferences {
  if (text === null) return plainBackups;
  try {
    const parsed = BackupPreferencesSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : plainBackups;
  } catch {
    return plainBackups;
  }
}

const PASSPHRASE_CHECK_TEXT = 'governance-cockpit backup passphrase check';

export function makePassphraseCheck(passphrase: string): Promise<string> {
  return encryptBackup(PASSPHRASE_CHECK_TEXT, passphrase);
}

/** Null when the passphrase is the one the check was made with; otherwise why not. */
export async function passphraseCheckProblem(check: string, passphrase: string): Promise<string | null> {
  const opened = await decryptBackup(check, passphrase);
  if (opened.ok && opened.text === PASSPHRASE_CHECK_TEXT) return null;
  return 'That is not the passphrase set for automatic backups on this computer.';
}

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

interface BackupSessionState {
  preferences: BackupPreferences;
  /** The automatic-backup passphrase given (or recalled) in this session; memory only. */
  passphrase: string | null;
  savePreferences(preferences: BackupPreferences): void;
  setPassphrase(passphrase: string | null): void;
}

export const useBackupSession = create<BackupSessionState>((set) => ({
  preferences: parseBackupPreferences(storage()?.getItem(STORAGE_KEY) ?? null),
  passphrase: null,
  savePreferences(preferences) {
    storage()?.setItem(STORAGE_KEY, JSON.stringify(preferences));
    set({ preferences });
  },
  setPassphrase: (passphrase) => set({ passphrase }),
}));

/**
 * The import flow's hook for encrypted files: the workspace import hands over the file's
 * bytes before validating them, and gets the plain backup back (or null: do nothing).
 */
import { isEncryptedBackup } from '@shared/backup/encryption';
import { decryptWithPrompt } from './backup-service';

/** Enough of the file's start to recognise the encrypted envelope's header. */
const HEADER_BYTES = 512;

/** The chosen file's bytes: unchanged when not encrypted, decrypted after asking for the passphrase, or null when cancelled. */
export async function plainBytesForImport(fileName: string, bytes: Uint8Array): Promise<Uint8Array | null> {
  const start = new TextDecoder().decode(bytes.subarray(0, HEADER_BYTES));
  if (!isEncryptedBackup(start)) return bytes;
  const plain = await decryptWithPrompt(fileName, new TextDecoder().decode(bytes), 'import it');
  return plain === null ? null : new TextEncoder().encode(plain);
}

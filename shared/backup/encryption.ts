/**
 * Passphrase encryption for workspace backups, through WebCrypto (present in Chromium,
 * Electron's renderer and Node 20 alike): AES-256-GCM with a key derived by
 * PBKDF2-SHA-256 from the passphrase and a random salt.
 *
 * The file stays text: a small JSON envelope whose header says how it was made, so the
 * format can change later (another KDF, more iterations) and old files still open. The
 * header is bound into the ciphertext as GCM "additional data", so editing it (say,
 * lowering the iteration count) fails decryption just like editing the ciphertext does.
 */
import { z } from 'zod';

export const ENCRYPTED_BACKUP_FORMAT = 'governance-cockpit-encrypted-backup';
export const ENCRYPTED_BACKUP_VERSION = 1;
/** OWASP's 2023 figure for PBKDF2-HMAC-SHA256; decryption refuses files made with fewer. */
export const MIN_PBKDF2_ITERATIONS = 600_000;
export const DEFAULT_PBKDF2_ITERATIONS = 600_000;
/** A passphrase shorter than this is refused outright: it would be the weakest link. */
export const MIN_PASSPHRASE_LENGTH = 10;

const SALT_BYTES = 16;
const IV_BYTES = 12;

const base64Bytes = (bytes: number) =>
  z
    .string()
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'must be base64')
    .refine((text) => base64ToBytes(text).length === bytes, `must hold ${bytes} bytes`);

const EncryptionHeaderSchema = z.strictObject({
  format: z.literal(ENCRYPTED_BACKUP_FORMAT),
  version: z.literal(ENCRYPTED_BACKUP_VERSION),
  kdf: z.strictObject({
    name: z.literal('PBKDF2'),
    hash: z.literal('SHA-256'),
    iterations: z
      .int()
      .min(MIN_PBKDF2_ITERATIONS, `fewer than ${MIN_PBKDF2_ITERATIONS.toLocaleString('en')} iterations is too weak`)
      .max(100_000_000),
    salt: base64Bytes(SALT_BYTES),
  }),
  cipher: z.strictObject({ name: z.literal('AES-GCM'), keyBits: z.literal(256), iv: base64Bytes(IV_BYTES) }),
});
type EncryptionHeader = z.infer<typeof EncryptionHeaderSchema>;

const EncryptedBackupSchema = z.strictObject({
  header: EncryptionHeaderSchema,
  /** Base64 of the AES-GCM output: ciphertext followed by its 16-byte authentication tag. */
  ciphertext: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64'),
});

export type DecryptResult =
  { ok: true; text: string } | { ok: false; reason: 'not-encrypted' | 'malformed' | 'wrong-passphrase'; message: string };

export class PassphraseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PassphraseError';
  }
}

/** Why a passphrase cannot be used, or null. */
export function passphraseProblem(passphrase: string): string | null {
  if (passphrase.trim().length < MIN_PASSPHRASE_LENGTH)
    return `The passphrase needs at least ${MIN_PASSPHRASE_LENGTH} characters; a few words in a row are easier to remember than symbols.`;
  return null;
}

/** True when the text looks like an encrypted backup (cheap: reads only its start). */
export function isEncryptedBackup(text: string): boolean {
  return text.trimStart().startsWith('{') && text.slice(0, 200).includes(`"${ENCRYPTED_BACKUP_FORMAT}"`);
}

export async function encryptBackup(
  plainText: string,
  passphrase: string,
  options: { iterations?: number; random?: (bytes: Uint8Array) => Uint8Array } = {},
): Promise<string> {
  const problem = passphraseProblem(passphrase);
  if (problem) throw new PassphraseError(problem);
  const fillRandom = options.random ?? ((bytes: Uint8Array) => crypto.getRandomValues(bytes));
  const header: EncryptionHeader = {
    format: ENCRYPTED_BACKUP_FORMAT,
    version: ENCRYPTED_BACKUP_VERSION,
    kdf: {
      name: 'PBKDF2',
      hash: 'SHA-256',
      iterations: options.iterations ?? DEFAULT_PBKDF2_ITERATIONS,
      salt: bytesToBase64(fillRandom(new Uint8Array(SALT_BYTES))),
    },
    cipher: { name: 'AES-GCM', keyBits: 256, iv: bytesToBase64(fillRandom(new Uint8Array(IV_BYTES))) },
  };
  EncryptionHeaderSchema.parse(header);
  const key = await deriveKey(passphrase, header);
  const encrypted = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv: base64ToBytes(header.cipher.iv), additionalData: headerBytes(header) },
    key,
    new TextEncoder().encode(plainText),
  );
  return `${JSON.stringify({ header, ciphertext: bytesToBase64(new Uint8Array(encrypted)) })}\n`;
}

/**
 * The backup's text, or why it cannot be had. A wrong passphrase and a changed file are
 * indistinguishable by design (GCM only says "not authentic"), so the message names both.
 */
export async function decryptBackup(fileText: string, passphrase: string): Promise<DecryptResult> {
  if (!isEncryptedBackup(fileText)) return { ok: false, reason: 'not-encrypted', message: 'This file is not an encrypted backup.' };
  let raw: unknown;
  try {
    raw = JSON.parse(fileText);
  } catch {
    return { ok: false, reason: 'malformed', message: 'The encrypted backup is damaged: it is not valid JSON (was it cut short?).' };
  }
  const parsed = EncryptedBackupSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length > 0 ? issue.path.join('.') : 'the file';
    return {
      ok: false,
      reason: 'malformed',
      message: `The encrypted backup is damaged or from a newer version: ${where} ${issue.message}.`,
    };
  }
  const { header, ciphertext } = parsed.data;
  try {
    const key = await deriveKey(passphrase, header);
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: base64ToBytes(header.cipher.iv), additionalData: headerBytes(header) },
      key,
      base64ToBytes(ciphertext),
    );
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(plain) };
  } catch {
    return {
      ok: false,
      reason: 'wrong-passphrase',
      message: 'The passphrase is wrong, or the file was changed after it was encrypted. Nothing was imported.',
    };
  }
}

async function deriveKey(passphrase: string, header: EncryptionHeader): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase.normalize('NFC')), 'PBKDF2', false, [
    'deriveKey',
  ]);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: header.kdf.hash, iterations: header.kdf.iterations, salt: base64ToBytes(header.kdf.salt) },
    material,
    { name: 'AES-GCM', length: header.cipher.keyBits },
    false,
    ['encrypt', 'decrypt'],
  );
}

/** The header in a canonical byte form (fixed key order), bound to the ciphertext. */
function headerBytes(header: EncryptionHeader): Uint8Array<ArrayBuffer> {
  const { format, version, kdf, cipher } = header;
  const canonical = {
    format,
    version,
    kdf: { name: kdf.name, hash: kdf.hash, iterations: kdf.iterations, salt: kdf.salt },
    cipher: { name: cipher.name, keyBits: cipher.keyBits, iv: cipher.iv },
  };
  return new TextEncoder().encode(JSON.stringify(canonical));
}

const BASE64_CHUNK = 0x8000;

function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let offset = 0; offset < bytes.length; offset += BASE64_CHUNK)
    binary += String.fromCharCode(...bytes.subarray(offset, offset + BASE64_CHUNK));
  return btoa(binary);
}

function base64ToBytes(text: string): Uint8Array<ArrayBuffer> {
  let binary: string;
  try {
    binary = atob(text);
  } catch {
    return new Uint8Array(0);
  }
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

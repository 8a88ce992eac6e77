/**
 * The one contract between the renderer and whatever hosts it.
 *
 * The Electron preload exposes an object that `satisfies CockpitPlatform` as
 * `window.cockpit`; the browser build provides its own implementation of the same
 * interface. Request payloads are zod schemas so the main process can validate every
 * argument it receives over IPC with the very definition the renderer compiles against.
 */
import { z } from 'zod';
import { isBackupStoreFileName } from '../backup/retention';
import type { MenuCommand } from './channels';
import { IdSchema } from '../domain/primitives';
import { PackPaperSizeSchema } from '../pack/model';

// The plain constants live in channels.ts so the zod-free preload can import them.
export { menuCommands, isMenuCommand, platformChannels, menuCommandChannel } from './channels';
export type { MenuCommand } from './channels';

export const FileFilterSchema = z.strictObject({
  name: z.string().min(1).max(100),
  extensions: z
    .array(z.string().regex(/^[A-Za-z0-9]{1,10}$/, 'an extension is 1-10 letters or digits, without the dot'))
    .min(1)
    .max(20),
});
export type FileFilter = z.infer<typeof FileFilterSchema>;

export const SaveFileRequestSchema = z.strictObject({
  /** File name offered in the dialog; never a path. */
  suggestedName: z
    .string()
    .min(1)
    .max(255)
    .refine((name) => !/[\\/]/.test(name) && name !== '.' && name !== '..', 'a file name, not a path'),
  filters: z.array(FileFilterSchema).max(10),
  content: z.union([z.string(), z.instanceof(Uint8Array)]),
});
export type SaveFileRequest = z.infer<typeof SaveFileRequestSchema>;

export type SaveFileResult = { status: 'saved'; fileName: string } | { status: 'cancelled' };

export const OpenFileRequestSchema = z.strictObject({
  filters: z.array(FileFilterSchema).max(10),
});
export type OpenFileRequest = z.infer<typeof OpenFileRequestSchema>;

/** Bytes rather than text so spreadsheets and encrypted backups travel unchanged. */
export type OpenFileResult = { status: 'opened'; fileName: string; bytes: Uint8Array } | { status: 'cancelled' };

export const OpenExternalRequestSchema = z.strictObject({
  url: z.string().min(1).max(2048),
});
export type OpenExternalRequest = z.infer<typeof OpenExternalRequestSchema>;

/** An automatic backup's name or its summary's: never a path, never any other file. */
export const BackupFileNameSchema = z
  .string()
  .refine(isBackupStoreFileName, 'must be the name of an automatic backup or of its summary, not a path or any other file');

/** A workspace of 200 MB encrypts to about 270 MB of base64; this leaves room and still stops a runaway. */
export const MAX_BACKUP_TEXT_LENGTH = 1024 ** 3;

export const BackupNameRequestSchema = z.strictObject({ name: BackupFileNameSchema });
export type BackupNameRequest = z.infer<typeof BackupNameRequestSchema>;

export const WriteBackupRequestSchema = z.strictObject({
  name: BackupFileNameSchema,
  text: z.string().max(MAX_BACKUP_TEXT_LENGTH, 'is larger than 1 GiB'),
});
export type WriteBackupRequest = z.infer<typeof WriteBackupRequestSchema>;

export interface BackupFileInfo {
  name: string;
  /** Bytes on disk. */
  size: number;
}

/**
 * Where automatic backups live: the desktop app's data folder or the browser's
 * origin-private file system. Writes are atomic (temporary file, flush, rename), and only
 * automatic-backup names are accepted.
 */
export interface BackupFiles {
  list(): Promise<BackupFileInfo[]>;
  read(name: string): Promise<string>;
  write(name: string, text: string): Promise<void>;
  remove(name: string): Promise<void>;
}

export const RememberPassphraseRequestSchema = z.strictObject({ passphrase: z.string().min(1).max(1024) });
export type RememberPassphraseRequest = z.infer<typeof RememberPassphraseRequestSchema>;

/** Whether this computer can keep the backup passphrase in the operating system's keychain, and why not. */
export type PassphraseStorageStatus = { available: true; remembered: boolean } | { available: false; message: string };

/**
 * The backup passphrase kept by the operating system's keychain (Electron `safeStorage`),
 * in the desktop app only. It is never written anywhere in plain text.
 */
export interface RememberedPassphrase {
  passphraseStorageStatus(): Promise<PassphraseStorageStatus>;
  /** Refused, with the reason, when the keychain cannot encrypt on this computer. */
  rememberPassphrase(request: RememberPassphraseRequest): Promise<void>;
  /** The remembered passphrase, or null when there is none (or it can no longer be read). */
  recallPassphrase(): Promise<string | null>;
  forgetPassphrase(): Promise<void>;
}

/**
 * Export a checkpoint pack as PDF. The desktop app asks where to save, renders the print
 * route in a hidden window and writes `webContents.printToPDF`'s output there; the browser
 * renders the same route in a hidden frame and opens its print dialog.
 */
export const PrintPackRequestSchema = z.strictObject({
  engagementId: IdSchema,
  checkpointId: IdSchema,
  /** An issued version, or null for the live draft. */
  version: z.int().min(1).max(999).nullable(),
  paper: PackPaperSizeSchema,
  /** File name offered in the save dialog; never a path. */
  suggestedName: SaveFileRequestSchema.shape.suggestedName,
});
export type PrintPackRequest = z.infer<typeof PrintPackRequestSchema>;

/** "printed": handed to the browser's print dialog, which saves or prints on its own. */
export type PrintPackResult = { status: 'saved'; fileName: string } | { status: 'cancelled' } | { status: 'printed' };

/** The print route's word to its host that the pack is on screen with its fonts, or why it cannot be. */
export const PrintReadyRequestSchema = z.strictObject({
  ok: z.boolean(),
  /** Empty when ready; what went wrong otherwise (shown to the user). */
  message: z.string().max(2000),
});
export type PrintReadyRequest = z.infer<typeof PrintReadyRequestSchema>;

export type HostKind = 'desktop' | 'browser';

export interface AppInfo {
  name: string;
  version: string;
  host: HostKind;
  /** Operating system as the host reports it, e.g. "linux", "darwin", "win32" or the browser's user agent platform. */
  os: string;
  /** Engine versions worth quoting in a bug report. */
  versions: Record<string, string>;
  /** Where the workspace lives, in words a user can act on. */
  dataLocation: string;
}

export interface CockpitPlatform {
  readonly host: HostKind;
  saveFile(request: SaveFileRequest): Promise<SaveFileResult>;
  openFile(request: OpenFileRequest): Promise<OpenFileResult>;
  getAppInfo(): Promise<AppInfo>;
  /** Opens an https: or mailto: link in the user's browser or mail client; anything else is refused. */
  openExternal(request: OpenExternalRequest): Promise<void>;
  /** Subscribes to native menu commands; returns the unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  printPack(request: PrintPackRequest): Promise<PrintPackResult>;
  /** Called by the print route once; a host that is not printing ignores it. */
  reportPrintReady(request: PrintReadyRequest): Promise<void>;
  readonly backups: BackupFiles;
  /** Null where the host has no keychain to keep it in (the browser). */
  readonly rememberedPassphrase: RememberedPassphrase | null;
}

/**
 * The request/response methods, i.e. everything that crosses IPC as an `invoke`. The
 * preload groups the backup and passphrase ones into `backups` and `rememberedPassphrase`.
 */
export type PlatformInvokeMethods = Omit<CockpitPlatform, 'host' | 'onMenuCommand' | 'backups' | 'rememberedPassphrase'> &
  RememberedPassphrase & {
    listBackups(): Promise<BackupFileInfo[]>;
    readBackup(request: BackupNameRequest): Promise<string>;
    writeBackup(request: WriteBackupRequest): Promise<void>;
    removeBackup(request: BackupNameRequest): Promise<void>;
  };

/**
 * Main-process handlers: one per invoke method, taking the already validated request.
 * The main process declares its handler object with `satisfies PlatformMainHandlers`.
 */
export type PlatformMainHandlers = {
  [K in keyof PlatformInvokeMethods]: (...args: Parameters<PlatformInvokeMethods[K]>) => ReturnType<PlatformInvokeMethods[K]>;
};

/** Argument schema per invoke method (`null` for methods without arguments). */
export const platformRequestSchemas = {
  saveFile: SaveFileRequestSchema,
  openFile: OpenFileRequestSchema,
  getAppInfo: null,
  openExternal: OpenExternalRequestSchema,
  printPack: PrintPackRequestSchema,
  reportPrintReady: PrintReadyRequestSchema,
  listBackups: null,
  readBackup: BackupNameRequestSchema,
  writeBackup: WriteBackupRequestSchema,
  removeBackup: BackupNameRequestSchema,
  passphraseStorageStatus: null,
  rememberPassphrase: RememberPassphraseRequestSchema,
  recallPassphrase: null,
  forgetPassphrase: null,
} as const satisfies Record<keyof PlatformInvokeMethods, z.ZodType | null>;

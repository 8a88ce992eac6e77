/**
 * The main-process side of the platform contract: one `ipcMain.handle` per channel.
 * Every call checks that it comes from the app origin and validates its argument with
 * the zod schema from shared/platform/api.ts before any handler sees it.
 */
import { open } from 'node:fs/promises';
import path from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  safeStorage,
  type IpcMainInvokeEvent,
  type OpenDialogOptions,
  type SaveDialogOptions,
  type WebContents,
} from 'electron';
import { z } from 'zod';
import { platformChannels, platformRequestSchemas, type PlatformMainHandlers } from '../shared/platform/api';
import { writeFileAtomically } from './atomic-write';
import { BACKUP_FOLDER_NAME, createBackupFolder } from './backup-folder';
import { createPassphraseStore, PASSPHRASE_FILE_NAME } from './passphrase-store';
import { createPackPrinter, type PackPrinter } from './pack-print';
import { openSafeExternalUrl } from './external-links';
import { assertTrustedSender } from './security';

/** Workspaces are far smaller; a bigger file is a wrong pick and would only exhaust memory. */
const MAX_OPEN_FILE_BYTES = 1024 ** 3;

function showSaveDialog(owner: BrowserWindow | null, options: SaveDialogOptions) {
  return owner === null ? dialog.showSaveDialog(options) : dialog.showSaveDialog(owner, options);
}

function showOpenDialog(owner: BrowserWindow | null, options: OpenDialogOptions) {
  return owner === null ? dialog.showOpenDialog(options) : dialog.showOpenDialog(owner, options);
}

async function readFileUpToLimit(file: string): Promise<Uint8Array> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    if (size > MAX_OPEN_FILE_BYTES) {
      throw new Error(`"${path.basename(file)}" is larger than 1 GiB and cannot be opened.`);
    }
    return new Uint8Array(await handle.readFile());
  } finally {
    await handle.close();
  }
}

/**
 * Handlers for calls coming from `sender`, shown in `owner`, so dialogs are modal to the
 * window that asked and a print window's ready signal is matched to that window.
 */
function handlersFor(owner: BrowserWindow | null, sender: WebContents, packPrinter: PackPrinter) {
  const userData = app.getPath('userData');
  const backups = createBackupFolder(path.join(userData, BACKUP_FOLDER_NAME));
  const passphrase = createPassphraseStore({
    keychain: safeStorage,
    file: path.join(userData, PASSPHRASE_FILE_NAME),
    platform: process.platform,
  });
  return {
    async saveFile({ suggestedName, filters, content }) {
      const choice = await showSaveDialog(owner, {
        defaultPath: path.join(app.getPath('documents'), suggestedName),
        filters,
      });
      if (choice.canceled || choice.filePath === '') return { status: 'cancelled' };
      await writeFileAtomically(choice.filePath, content);
      return { status: 'saved', fileName: path.basename(choice.filePath) };
    },

    async openFile({ filters }) {
      const choice = await showOpenDialog(owner, { properties: ['openFile'], filters });
      const file = choice.filePaths[0];
      if (choice.canceled || file === undefined) return { status: 'cancelled' };
      return { status: 'opened', fileName: path.basename(file), bytes: await readFileUpToLimit(file) };
    },

    async getAppInfo() {
      return {
        name: app.getName(),
        version: app.getVersion(),
        host: 'desktop',
        os: process.platform,
        versions: {
          electron: process.versions.electron,
          chrome: process.versions.chrome,
          node: process.versions.node,
        },
        dataLocation: app.getPath('userData'),
      };
    },

    async openExternal({ url }) {
      if (!(await openSafeExternalUrl(url))) {
        throw new Error('The link was refused: only https and mailto links can be opened outside the app.');
      }
    },

    printPack: (request) => packPrinter.printPack(owner, request),

    async reportPrintReady(request) {
      packPrinter.reportPrintReady(sender, request);
    },

    listBackups: () => backups.list(),
    readBackup: ({ name }) => backups.read(name),
    writeBackup: ({ name, text }) => backups.write(name, text),
    removeBackup: ({ name }) => backups.remove(name),
    passphraseStorageStatus: () => passphrase.passphraseStorageStatus(),
    rememberPassphrase: (request) => passphrase.rememberPassphrase(request),
    recallPassphrase: () => passphrase.recallPassphrase(),
    forgetPassphrase: () => passphrase.forgetPassphrase(),
  } satisfies PlatformMainHandlers;
}

function parseSingleArgument<Schema extends z.ZodType>(method: string, schema: Schema, args: readonly unknown[]): z.infer<Schema> {
  if (args.length !== 1) throw new Error(`${method} takes exactly one argument.`);
  const result = schema.safeParse(args[0]);
  if (!result.success) throw new Error(`Invalid ${method} request:\n${z.prettifyError(result.error)}`);
  return result.data;
}

function requireNoArguments(method: string, args: readonly unknown[]): void {
  if (args.length !== 0) throw new Error(`${method} takes no arguments.`);
}

type Invoker<Method extends keyof PlatformMainHandlers> = (
  handlers: PlatformMainHandlers,
  args: readonly unknown[],
) => ReturnType<PlatformMainHandlers[Method]>;

// A mapped type, so adding a method to the contract fails to compile until it is wired up here.
const invokers: { [Method in keyof PlatformMainHandlers]: Invoker<Method> } = {
  saveFile: (handlers, args) => handlers.saveFile(parseSingleArgument('saveFile', platformRequestSchemas.saveFile, args)),
  openFile: (handlers, args) => handlers.openFile(parseSingleArgument('openFile', platformRequestSchemas.openFile, args)),
  getAppInfo: (handlers, args) => {
    requireNoArguments('getAppInfo', args);
    return handlers.getAppInfo();
  },
  openExternal: (handlers, args) => handlers.openExternal(parseSingleArgument('openExternal', platformRequestSchemas.openExternal, args)),
  printPack: (handlers, args) => handlers.printPack(parseSingleArgument('printPack', platformRequestSchemas.printPack, args)),
  reportPrintReady: (handlers, args) =>
    handlers.reportPrintReady(parseSingleArgument('reportPrintReady', platformRequestSchemas.reportPrintReady, args)),
  listBackups: (handlers, args) => {
    requireNoArguments('listBackups', args);
    return handlers.listBackups();
  },
  readBackup: (handlers, args) => handlers.readBackup(parseSingleArgument('readBackup', platformRequestSchemas.readBackup, args)),
  writeBackup: (handlers, args) => handlers.writeBackup(parseSingleArgument('writeBackup', platformRequestSchemas.writeBackup, args)),
  removeBackup: (handlers, args) => handlers.removeBackup(parseSingleArgument('removeBackup', platformRequestSchemas.removeBackup, args)),
  passphraseStorageStatus: (handlers, args) => {
    requireNoArguments('passphraseStorageStatus', args);
    return handlers.passphraseStorageStatus();
  },
  rememberPassphrase: (handlers, args) =>
    handlers.rememberPassphrase(parseSingleArgument('rememberPassphrase', platformRequestSchemas.rememberPassphrase, args)),
  recallPassphrase: (handlers, args) => {
    requireNoArguments('recallPassphrase', args);
    return handlers.recallPassphrase();
  },
  forgetPassphrase: (handlers, args) => {
    requireNoArguments('forgetPassphrase', args);
    return handlers.forgetPassphrase();
  },
};

function ownerWindow(event: IpcMainInvokeEvent): BrowserWindow | null {
  return BrowserWindow.fromWebContents(event.sender);
}

export function registerIpcHandlers(): void {
  // One printer for the app: its record of which window is printing outlives any one call.
  const packPrinter = createPackPrinter();
  for (const method of Object.keys(platformChannels) as (keyof typeof platformChannels)[]) {
    ipcMain.handle(platformChannels[method], (event, ...args: unknown[]) => {
      assertTrustedSender(event);
      return invokers[method](handlersFor(ownerWindow(event), event.sender, packPrinter), args);
    });
  }
}

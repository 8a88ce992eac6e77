/**
 * The plain constants of the platform contract (see api.ts).
 *
 * They live apart from the zod schemas because the sandboxed preload can only
 * `require('electron')`: it is bundled into one file, and importing api.ts would drag
 * zod into it. api.ts re-exports everything here, so the contract still reads as one.
 */
import type { PlatformInvokeMethods } from './api';

/** Commands the native menu sends to the renderer. The browser build offers the same commands as buttons. */
export const menuCommands = ['new-engagement', 'import-workspace', 'export-workspace'] as const;
export type MenuCommand = (typeof menuCommands)[number];

export function isMenuCommand(value: unknown): value is MenuCommand {
  return (menuCommands as readonly unknown[]).includes(value);
}

/** IPC channel per invoke method; the preload and the main process both use this map. */
export const platformChannels = {
  saveFile: 'cockpit:save-file',
  openFile: 'cockpit:open-file',
  getAppInfo: 'cockpit:get-app-info',
  openExternal: 'cockpit:open-external',
  printPack: 'cockpit:print-pack',
  reportPrintReady: 'cockpit:report-print-ready',
  listBackups: 'cockpit:list-backups',
  readBackup: 'cockpit:read-backup',
  writeBackup: 'cockpit:write-backup',
  removeBackup: 'cockpit:remove-backup',
  passphraseStorageStatus: 'cockpit:passphrase-storage-status',
  rememberPassphrase: 'cockpit:remember-passphrase',
  recallPassphrase: 'cockpit:recall-passphrase',
  forgetPassphrase: 'cockpit:forget-passphrase',
} as const satisfies Record<keyof PlatformInvokeMethods, `cockpit:${string}`>;

export const menuCommandChannel = 'cockpit:menu-command';

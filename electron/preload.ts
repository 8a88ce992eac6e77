/**
 * Exposes the platform contract to the renderer as `window.cockpit`, and nothing else.
 *
 * Runs sandboxed, where the electron module is the only one it can load: the build
 * bundles this file into one CJS file, so it imports the zod-free channels.ts and only
 * types from api.ts.
 * Each method is one fixed `invoke`; the renderer never gets `ipcRenderer` itself.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { CockpitPlatform, MenuCommand } from '../shared/platform/api';
import { isMenuCommand, menuCommandChannel, platformChannels } from '../shared/platform/channels';

const api = {
  host: 'desktop',
  saveFile: (request) => ipcRenderer.invoke(platformChannels.saveFile, request),
  openFile: (request) => ipcRenderer.invoke(platformChannels.openFile, request),
  getAppInfo: () => ipcRenderer.invoke(platformChannels.getAppInfo),
  openExternal: (request) => ipcRenderer.invoke(platformChannels.openExternal, request),
  printPack: (request) => ipcRenderer.invoke(platformChannels.printPack, request),
  reportPrintReady: (request) => ipcRenderer.invoke(platformChannels.reportPrintReady, request),
  backups: {
    list: () => ipcRenderer.invoke(platformChannels.listBackups),
    read: (name) => ipcRenderer.invoke(platformChannels.readBackup, { name }),
    write: (name, text) => ipcRenderer.invoke(platformChannels.writeBackup, { name, text }),
    remove: (name) => ipcRenderer.invoke(platformChannels.removeBackup, { name }),
  },
  rememberedPassphrase: {
    passphraseStorageStatus: () => ipcRenderer.invoke(platformChannels.passphraseStorageStatus),
    rememberPassphrase: (request) => ipcRenderer.invoke(platformChannels.rememberPassphrase, request),
    recallPassphrase: () => ipcRenderer.invoke(platformChannels.recallPassphrase),
    forgetPassphrase: () => ipcRenderer.invoke(platformChannels.forgetPassphrase),
  },
  onMenuCommand(listener: (command: MenuCommand) => void) {
    // The event object stays here: handing it over would leak `sender`, i.e. ipcRenderer.
    const forwardKnownCommands = (_event: IpcRendererEvent, command: unknown) => {
      if (isMenuCommand(command)) listener(command);
    };
    ipcRenderer.on(menuCommandChannel, forwardKnownCommands);
    return () => {
      ipcRenderer.removeListener(menuCommandChannel, forwardKnownCommands);
    };
  },
} satisfies CockpitPlatform;

contextBridge.exposeInMainWorld('cockpit', api);

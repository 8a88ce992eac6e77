/**
 * The native application menu as data. Free of Electron runtime imports (types only)
 * so it can be unit tested; menu.ts turns it into the real menu.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../shared/platform/channels';

export const APP_DISPLAY_NAME = 'Governance Cockpit';

export function buildMenuTemplate(
  platform: NodeJS.Platform,
  sendCommand: (command: MenuCommand) => void,
  isPackaged: boolean,
): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin';

  const appMenu: MenuItemConstructorOptions = {
    label: APP_DISPLAY_NAME,
    submenu: [
      { role: 'about' },
      { type: 'separator' },
      { role: 'services' },
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { role: 'quit' },
    ],
  };

  const fileMenu: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      { label: 'New Engagement', accelerator: 'CmdOrCtrl+N', click: () => sendCommand('new-engagement') },
      { label: 'Import Workspace…', accelerator: 'CmdOrCtrl+O', click: () => sendCommand('import-workspace') },
      {
        label: 'Export Workspace…',
        accelerator: 'CmdOrCtrl+Shift+E',
        click: () => sendCommand('export-workspace'),
      },
      { type: 'separator' },
      // On macOS quitting lives in the app menu and File ends with closing the window.
      isMac ? { role: 'close' } : { role: 'quit' },
    ],
  };

  const editMenu: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  };

  const viewMenu: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      { role: 'reload' },
      { role: 'forceReload' },
      // Developer tools are for development builds; window.ts disables them when packaged too.
      ...(isPackaged ? [] : [{ role: 'toggleDevTools' } as const]),
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };

  const windowMenu: MenuItemConstructorOptions = {
    label: 'Window',
    // The 'window' and 'help' roles only mean something to macOS (window list, help search).
    ...(isMac ? { role: 'window' as const } : {}),
    submenu: isMac
      ? [{ role: 'minimize' }, { role: 'zoom' }, { type: 'separator' }, { role: 'front' }]
      : [{ role: 'minimize' }, { role: 'close' }],
  };

  const helpMenu: MenuItemConstructorOptions = {
    label: 'Help',
    ...(isMac ? { role: 'help' as const } : {}),
    // The about role shows Electron's about panel (app.showAboutPanel) on every platform.
    submenu: [{ label: `About ${APP_DISPLAY_NAME}`, role: 'about' }],
  };

  return [...(isMac ? [appMenu] : []), fileMenu, editMenu, viewMenu, windowMenu, helpMenu];
}

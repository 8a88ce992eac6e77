import { app, BrowserWindow, Menu } from 'electron';
import { menuCommandChannel, type MenuCommand } from '../shared/platform/channels';
import { buildMenuTemplate } from './menu-template';

/** Menu commands go to the window the user is looking at, or the only one there is. */
function sendToActiveWindow(command: MenuCommand): void {
  const target = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
  target?.webContents.send(menuCommandChannel, command);
}

export function installApplicationMenu(): void {
  const template = buildMenuTemplate(process.platform, sendToActiveWindow, app.isPackaged);
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

/**
 * Entry point of the Electron main process (bundled to dist-electron/main.cjs).
 */
import { app, BrowserWindow, protocol } from 'electron';
import { APP_SCHEME } from '../shared/platform/origin';
import { registerIpcHandlers } from './ipc';
import { APP_DISPLAY_NAME } from './menu-template';
import { installApplicationMenu } from './menu';
import { registerAppProtocol } from './protocol';
import { installSecurityHandlers } from './security';
import { createMainWindow } from './window';

// Must happen before 'ready'. standard + secure give app:// a real, secure origin, which
// IndexedDB and localStorage need; that origin owns all user data, so never change it.
protocol.registerSchemesAsPrivileged([
  {
    scheme: APP_SCHEME,
    privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
  },
]);
// Belt and braces: every renderer is sandboxed even if a window forgets to ask.
app.enableSandbox();

let mainWindow: BrowserWindow | null = null;

function openMainWindow(): void {
  const window = createMainWindow();
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  mainWindow = window;
}

function bringMainWindowForward(): void {
  if (mainWindow === null) {
    openMainWindow();
    return;
  }
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

async function start(): Promise<void> {
  await app.whenReady();
  app.setAboutPanelOptions({
    applicationName: APP_DISPLAY_NAME,
    applicationVersion: app.getVersion(),
  });
  registerAppProtocol();
  installSecurityHandlers();
  registerIpcHandlers();
  installApplicationMenu();
  openMainWindow();
}

// Two instances would write the same IndexedDB and window state; the second one only
// asks the first to come forward.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', bringMainWindowForward);
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openMainWindow();
  });
  start().catch((error: unknown) => {
    console.error('Governance Cockpit failed to start:', error);
    app.exit(1);
  });
}

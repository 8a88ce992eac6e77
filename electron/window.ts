/**
 * The main window. Its web preferences are the security baseline of the app; a test
 * (test/electron/security-config.test.ts) fails if any of them is relaxed.
 */
import path from 'node:path';
import { app, BrowserWindow, nativeTheme } from 'electron';
import { APP_ENTRY_URL } from '../shared/platform/origin';
import { MIN_WINDOW_SIZE } from '../shared/platform/window-bounds';
import { APP_DISPLAY_NAME } from './menu-template';
import { loadWindowState, trackWindowState } from './window-state';

export function createMainWindow(): BrowserWindow {
  const state = loadWindowState();
  const window = new BrowserWindow({
    ...state.bounds,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    title: APP_DISPLAY_NAME,
    // Hidden until the first paint, over the theme's background, so there is no white flash.
    show: false,
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#16181d' : '#f6f7f9',
    webPreferences: {
      preload: path.join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      // Defaults already, written out so a change shows up in review and fails the test.
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      devTools: !app.isPackaged,
    },
  });

  trackWindowState(window);
  window.once('ready-to-show', () => {
    if (state.maximized) window.maximize();
    window.show();
  });
  void window.loadURL(APP_ENTRY_URL);
  return window;
}

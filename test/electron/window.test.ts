/**
 * The main window's web preferences, read from the options window.ts really passes to
 * BrowserWindow (through a stand-in for Electron), compared whole: a relaxed setting,
 * a new key such as enableBlinkFeatures, or a different start URL fails here.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { APP_ENTRY_URL } from '../../shared/platform/origin';
import { createMainWindow } from '../../electron/window';

const electron = vi.hoisted(() => ({
  app: { isPackaged: true },
  constructed: [] as { options: Record<string, unknown>; loadURL: ReturnType<typeof vi.fn> }[],
}));

vi.mock('electron', () => ({
  app: electron.app,
  nativeTheme: { shouldUseDarkColors: false },
  BrowserWindow: class {
    loadURL = vi.fn(async () => {});
    once = vi.fn();
    on = vi.fn();
    constructor(options: Record<string, unknown>) {
      electron.constructed.push({ options, loadURL: this.loadURL });
    }
  },
}));

vi.mock('../../electron/window-state', () => ({
  loadWindowState: () => ({ bounds: { x: 0, y: 0, width: 1280, height: 800 }, maximized: false }),
  trackWindowState: () => {},
}));

function openWindow(isPackaged: boolean) {
  electron.app.isPackaged = isPackaged;
  createMainWindow();
  const window = electron.constructed.at(-1);
  if (window === undefined) throw new Error('createMainWindow built no BrowserWindow');
  return window;
}

beforeEach(() => {
  electron.constructed.length = 0;
});

describe('createMainWindow', () => {
  it('isolates, sandboxes and strips Node from the renderer, with nothing experimental', () => {
    const { webPreferences } = openWindow(true).options as { webPreferences: Record<string, unknown> };
    expect(webPreferences).toEqual({
      preload: expect.stringMatching(/[\\/]preload\.cjs$/),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      devTools: false,
    });
  });

  it('offers developer tools only to unpackaged builds', () => {
    expect((openWindow(false).options.webPreferences as { devTools: boolean }).devTools).toBe(true);
    expect((openWindow(true).options.webPreferences as { devTools: boolean }).devTools).toBe(false);
  });

  it('loads the app from the app:// origin, never from file://', () => {
    const window = openWindow(true);
    expect(window.loadURL).toHaveBeenCalledExactlyOnceWith(APP_ENTRY_URL);
    expect(APP_ENTRY_URL).toBe('app://governance-cockpit/index.html');
  });
});

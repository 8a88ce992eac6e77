/**
 * Remembers the main window's size, position and maximized state between runs, in
 * `<userData>/window-state.json`. A missing or malformed file just means defaults; a
 * saved position on a monitor that is gone is pulled back onto a connected one.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { app, screen, type BrowserWindow } from 'electron';
import { DEFAULT_WINDOW_SIZE, fitBoundsToDisplays, WindowStateSchema, type Rect, type WindowState } from '../shared/platform/window-bounds';
import { writeFileAtomicallySync } from './atomic-write';

const SAVE_DELAY_MS = 500;

function stateFile(): string {
  return path.join(app.getPath('userData'), 'window-state.json');
}

function readSavedState(): WindowState | null {
  try {
    const parsed = WindowStateSchema.safeParse(JSON.parse(readFileSync(stateFile(), 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function connectedWorkAreas(): Rect[] {
  const primary = screen.getPrimaryDisplay();
  const others = screen.getAllDisplays().filter((display) => display.id !== primary.id);
  // Primary first: that is where the window opens when the saved bounds fit nowhere.
  return [primary, ...others].map((display) => display.workArea);
}

/** Call after the app is ready (the screen module needs it). */
export function loadWindowState(): WindowState {
  const saved = readSavedState();
  return {
    bounds: fitBoundsToDisplays(saved?.bounds ?? null, connectedWorkAreas(), DEFAULT_WINDOW_SIZE),
    maximized: saved?.maximized ?? false,
  };
}

function saveWindowState(window: BrowserWindow): void {
  if (window.isDestroyed()) return;
  // Normal bounds, so un-maximizing next time returns to the size the user chose.
  const state: WindowState = { bounds: window.getNormalBounds(), maximized: window.isMaximized() };
  try {
    writeFileAtomicallySync(stateFile(), JSON.stringify(state, null, 2));
  } catch (error) {
    // Losing the window position is not worth interrupting the user for.
    console.warn('Could not save the window state:', error);
  }
}

/** Saves the state shortly after the user stops moving or resizing, and once more on close. */
export function trackWindowState(window: BrowserWindow): void {
  let pendingSave: NodeJS.Timeout | undefined;
  const saveSoon = () => {
    clearTimeout(pendingSave);
    pendingSave = setTimeout(() => saveWindowState(window), SAVE_DELAY_MS);
  };
  window.on('resize', saveSoon);
  window.on('move', saveSoon);
  window.on('maximize', saveSoon);
  window.on('unmaximize', saveSoon);
  window.on('close', () => {
    clearTimeout(pendingSave);
    saveWindowState(window);
  });
}

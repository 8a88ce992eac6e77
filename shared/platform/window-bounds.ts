/**
 * Where the main window opens: the saved bounds if they still fit a connected display,
 * otherwise a default size centred on the primary display.
 *
 * Pure so it can be tested without Electron; the main process feeds it
 * `screen.getAllDisplays()` work areas and the file read from disk.
 */
import { z } from 'zod';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Size {
  width: number;
  height: number;
}

/** Below this a saved size is more likely a glitch than a choice, so it is not restored. */
export const MIN_WINDOW_SIZE: Size = { width: 640, height: 480 };
export const DEFAULT_WINDOW_SIZE: Size = { width: 1280, height: 820 };

export const WindowStateSchema = z.strictObject({
  bounds: z.strictObject({
    x: z.number().int().min(-100_000).max(100_000),
    y: z.number().int().min(-100_000).max(100_000),
    width: z.number().int().min(MIN_WINDOW_SIZE.width).max(100_000),
    height: z.number().int().min(MIN_WINDOW_SIZE.height).max(100_000),
  }),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof WindowStateSchema>;

function overlapArea(a: Rect, b: Rect): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width > 0 && height > 0 ? width * height : 0;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}

function centredOn(area: Rect, size: Size): Rect {
  const width = Math.min(size.width, area.width);
  const height = Math.min(size.height, area.height);
  return {
    x: area.x + Math.round((area.width - width) / 2),
    y: area.y + Math.round((area.height - height) / 2),
    width,
    height,
  };
}

/**
 * Fits saved bounds onto the display they overlap most, shrinking and shifting them
 * so the whole window (title bar included) is reachable. Bounds that touch no display,
 * e.g. from a monitor that has since been unplugged, fall back to `defaults` centred on
 * `displays[0]`, so pass the primary display's work area first.
 */
export function fitBoundsToDisplays(saved: Rect | null, displays: readonly Rect[], defaults: Size): Rect {
  const primary = displays[0];
  if (primary === undefined) return { x: 0, y: 0, ...defaults };
  if (saved === null) return centredOn(primary, defaults);

  let best: Rect | null = null;
  let bestOverlap = 0;
  for (const display of displays) {
    const overlap = overlapArea(saved, display);
    if (overlap > bestOverlap) {
      best = display;
      bestOverlap = overlap;
    }
  }
  if (best === null) return centredOn(primary, defaults);

  const width = Math.min(saved.width, best.width);
  const height = Math.min(saved.height, best.height);
  return {
    x: clamp(saved.x, best.x, best.x + best.width - width),
    y: clamp(saved.y, best.y, best.y + best.height - height),
    width,
    height,
  };
}

import { describe, expect, it } from 'vitest';
import { DEFAULT_WINDOW_SIZE, fitBoundsToDisplays, WindowStateSchema, type Rect } from '../../../shared/platform/window-bounds';

const laptop: Rect = { x: 0, y: 0, width: 1440, height: 875 };
// A second monitor to the right of the laptop, its menu bar/taskbar already excluded.
const monitor: Rect = { x: 1440, y: -200, width: 2560, height: 1400 };

describe('fitBoundsToDisplays', () => {
  it('centres the default size on the first display when nothing was saved', () => {
    expect(fitBoundsToDisplays(null, [laptop, monitor], DEFAULT_WINDOW_SIZE)).toEqual({
      x: 80,
      y: 28,
      width: 1280,
      height: 820,
    });
  });

  it('keeps saved bounds that fit on a connected display', () => {
    const saved = { x: 1600, y: 0, width: 1800, height: 1000 };
    expect(fitBoundsToDisplays(saved, [laptop, monitor], DEFAULT_WINDOW_SIZE)).toEqual(saved);
  });

  it('falls back to the centred default when the saved display is gone', () => {
    const onUnpluggedMonitor = { x: 1600, y: 0, width: 1800, height: 1000 };
    expect(fitBoundsToDisplays(onUnpluggedMonitor, [laptop], DEFAULT_WINDOW_SIZE)).toEqual({
      x: 80,
      y: 28,
      width: 1280,
      height: 820,
    });
  });

  it('pulls a window hanging off the edge back inside the display it mostly covers', () => {
    const hangingOffRight = { x: 1000, y: 500, width: 1000, height: 700 };
    expect(fitBoundsToDisplays(hangingOffRight, [laptop], DEFAULT_WINDOW_SIZE)).toEqual({
      x: 440,
      y: 175,
      width: 1000,
      height: 700,
    });
  });

  it('picks the display with the largest overlap for a window spanning two', () => {
    const mostlyOnMonitor = { x: 1300, y: 100, width: 1200, height: 800 };
    expect(fitBoundsToDisplays(mostlyOnMonitor, [laptop, monitor], DEFAULT_WINDOW_SIZE)).toEqual({
      x: 1440,
      y: 100,
      width: 1200,
      height: 800,
    });
  });

  it('shrinks a window larger than its display to the work area', () => {
    const huge = { x: -50, y: -50, width: 3000, height: 2000 };
    expect(fitBoundsToDisplays(huge, [laptop], DEFAULT_WINDOW_SIZE)).toEqual(laptop);
  });

  it('shrinks the default to a display smaller than it', () => {
    const small: Rect = { x: 0, y: 0, width: 1024, height: 600 };
    expect(fitBoundsToDisplays(null, [small], DEFAULT_WINDOW_SIZE)).toEqual(small);
  });

  it('treats a window that only touches a display edge as off-screen', () => {
    const touchingLeftEdge = { x: -800, y: 0, width: 800, height: 600 };
    expect(fitBoundsToDisplays(touchingLeftEdge, [laptop], DEFAULT_WINDOW_SIZE)).toEqual({
      x: 80,
      y: 28,
      width: 1280,
      height: 820,
    });
  });

  it('still returns the default size when no display is reported', () => {
    expect(fitBoundsToDisplays(null, [], DEFAULT_WINDOW_SIZE)).toEqual({ x: 0, y: 0, width: 1280, height: 820 });
  });
});

describe('WindowStateSchema', () => {
  it('accepts what the main process writes', () => {
    const state = { bounds: { x: 10, y: -20, width: 1280, height: 820 }, maximized: true };
    expect(WindowStateSchema.parse(state)).toEqual(state);
  });

  it.each([
    ['a missing field', { bounds: { x: 0, y: 0, width: 1280 }, maximized: false }],
    ['a fractional size', { bounds: { x: 0, y: 0, width: 1280.5, height: 820 }, maximized: false }],
    ['a too small window', { bounds: { x: 0, y: 0, width: 10, height: 10 }, maximized: false }],
    ['a string number', { bounds: { x: '0', y: 0, width: 1280, height: 820 }, maximized: false }],
    ['an unknown key', { bounds: { x: 0, y: 0, width: 1280, height: 820 }, maximized: false, extra: 1 }],
    ['null', null],
  ])('rejects %s', (_label, value) => {
    expect(WindowStateSchema.safeParse(value).success).toBe(false);
  });
});

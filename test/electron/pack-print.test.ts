/**
 * The desktop PDF export, driven through a stand-in for Electron: the save dialog comes
 * first, the hidden print window is the app with the main window's web preferences, only
 * that window's ready signal counts, and the window is destroyed on every path.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { EventEmitter } from 'node:events';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { APP_ENTRY_URL } from '../../shared/platform/origin';
import { PRINT_READY_TIMEOUT_MS } from '../../shared/pack/print-route';
import type { PrintPackRequest } from '../../shared/platform/api';
import { createPackPrinter } from '../../electron/pack-print';
import { createMainWindow } from '../../electron/window';

class FakeWebContents extends EventEmitter {
  static nextId = 100;
  readonly id = FakeWebContents.nextId++;
  printToPDF = vi.fn(async (_options: Record<string, unknown>) => new Uint8Array(electron.pdfBytes));
}

class FakeWindow {
  readonly webContents = new FakeWebContents();
  destroyed = false;
  loadURL = vi.fn(async (_url: string) => {});
  // Only the main window listens to its own events (ready-to-show, bounds).
  once = vi.fn();
  on = vi.fn();
  constructor(readonly options: Record<string, unknown>) {
    electron.windows.push(this);
  }
  isDestroyed = () => this.destroyed;
  destroy = vi.fn(() => {
    this.destroyed = true;
  });
}

const electron = vi.hoisted(() => ({
  windows: [] as FakeWindow[],
  pdfBytes: [0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37],
  showSaveDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePath: '' }) as { canceled: boolean; filePath: string }),
}));

vi.mock('electron', () => ({
  app: { isPackaged: true, getPath: (name: string) => `/home/lead/${name}` },
  nativeTheme: { shouldUseDarkColors: false },
  // Read when a window is built, after the classes above exist (vi.mock runs before them).
  get BrowserWindow() {
    return FakeWindow;
  },
  dialog: { showSaveDialog: electron.showSaveDialog },
}));

vi.mock('../../electron/window-state', () => ({
  loadWindowState: () => ({ bounds: { x: 0, y: 0, width: 1280, height: 800 }, maximized: false }),
  trackWindowState: () => {},
}));

const request: PrintPackRequest = {
  engagementId: 'e2b6f7a0-5a43-4f0e-9a55-0d1c6b3f2a11',
  checkpointId: 'c9d0e1f2-3a4b-4c5d-8e6f-7a8b9c0d1e2f',
  version: 2,
  paper: 'letter',
  suggestedName: 'Northwind-2026-11-04-checkpoint-v2.pdf',
};

let folder: string;
let target: string;
const owner = { id: 'main window' } as never;

beforeEach(() => {
  vi.clearAllMocks();
  electron.windows.length = 0;
  folder = mkdtempSync(path.join(tmpdir(), 'cockpit-pack-print-'));
  target = path.join(folder, 'pack.pdf');
  electron.showSaveDialog.mockResolvedValue({ canceled: false, filePath: target });
});

afterEach(() => {
  vi.useRealTimers();
  rmSync(folder, { recursive: true, force: true });
});

/** Lets pending promise callbacks run, so the printer reaches its next await. */
async function settle(): Promise<void> {
  for (let turn = 0; turn < 10; turn++) await Promise.resolve();
  await new Promise((resolve) => setImmediate(resolve));
}

async function startPrinting(printer = createPackPrinter()) {
  const outcome = printer.printPack(owner, request);
  // Observed from the start, so a rejection before the test awaits it is not "unhandled".
  outcome.catch(() => {});
  await settle();
  const window = electron.windows.at(-1);
  if (window === undefined) throw new Error('no print window was opened');
  return { printer, outcome, window };
}

describe('printPack', () => {
  it('asks where to save first, then prints the print route in a hidden, locked-down app window and writes the PDF', async () => {
    const { printer, outcome, window } = await startPrinting();

    expect(electron.showSaveDialog).toHaveBeenCalledExactlyOnceWith(owner, {
      defaultPath: path.join('/home/lead/documents', request.suggestedName),
      filters: [{ name: 'PDF document', extensions: ['pdf'] }],
    });
    expect(window.options).toEqual({
      show: false,
      parent: owner,
      webPreferences: {
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
      },
    });
    expect(window.loadURL).toHaveBeenCalledExactlyOnceWith(
      `${APP_ENTRY_URL}#/print/pack/${request.engagementId}/${request.checkpointId}/v2/letter`,
    );
    // Nothing is printed before the page says it is ready.
    expect(window.webContents.printToPDF).not.toHaveBeenCalled();

    printer.reportPrintReady(window.webContents, { ok: true, message: '' });
    await expect(outcome).resolves.toEqual({ status: 'saved', fileName: 'pack.pdf' });
    expect(window.webContents.printToPDF).toHaveBeenCalledExactlyOnceWith({
      pageSize: 'Letter',
      printBackground: true,
      preferCSSPageSize: true,
      generateDocumentOutline: true,
      generateTaggedPDF: true,
    });
    expect([...readFileSync(target)]).toEqual(electron.pdfBytes);
    expect(readdirSync(folder)).toEqual(['pack.pdf']);
    expect(window.destroy).toHaveBeenCalledOnce();
  });

  it('gives the print window exactly the main window’s web preferences', async () => {
    const { printer, outcome, window } = await startPrinting();
    createMainWindow();
    const main = electron.windows.at(-1)!;
    expect(main).not.toBe(window);
    expect(window.options.webPreferences).toEqual(main.options.webPreferences);
    printer.reportPrintReady(window.webContents, { ok: true, message: '' });
    await outcome;
  });

  it('prints A4 when the pack is on A4, and opens the dialog unparented when no window asked', async () => {
    const printer = createPackPrinter();
    const outcome = printer.printPack(null, { ...request, version: null, paper: 'a4' });
    await settle();
    const window = electron.windows[0]!;
    expect(electron.showSaveDialog).toHaveBeenCalledExactlyOnceWith(expect.objectContaining({ filters: expect.any(Array) }));
    expect(window.options).not.toHaveProperty('parent');
    expect(window.loadURL).toHaveBeenCalledWith(expect.stringMatching(/#\/print\/pack\/[^/]+\/[^/]+\/draft\/a4$/));
    printer.reportPrintReady(window.webContents, { ok: true, message: '' });
    await expect(outcome).resolves.toEqual({ status: 'saved', fileName: 'pack.pdf' });
    expect(window.webContents.printToPDF).toHaveBeenCalledWith(expect.objectContaining({ pageSize: 'A4' }));
  });

  it('renders nothing when the save dialog is cancelled', async () => {
    electron.showSaveDialog.mockResolvedValue({ canceled: true, filePath: '' });
    await expect(createPackPrinter().printPack(owner, request)).resolves.toEqual({ status: 'cancelled' });
    expect(electron.windows).toEqual([]);
    expect(readdirSync(folder)).toEqual([]);
  });

  it('gives up with a clear message when the page never says it is ready, and closes the window', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { outcome, window } = await startPrinting();
    await vi.advanceTimersByTimeAsync(PRINT_READY_TIMEOUT_MS - 1);
    expect(window.destroyed).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await expect(outcome).rejects.toThrow(
      `The pack did not finish rendering within ${PRINT_READY_TIMEOUT_MS / 1000} seconds, so no PDF was written.`,
    );
    expect(window.destroy).toHaveBeenCalledOnce();
    expect(window.webContents.printToPDF).not.toHaveBeenCalled();
    expect(readdirSync(folder)).toEqual([]);
  });

  it("passes on the page's reason when it cannot show the pack", async () => {
    const { printer, outcome, window } = await startPrinting();
    printer.reportPrintReady(window.webContents, { ok: false, message: 'Issued version 2 of this pack was not found.' });
    await expect(outcome).rejects.toThrow('Issued version 2 of this pack was not found.');
    expect(window.destroy).toHaveBeenCalledOnce();
    expect(window.webContents.printToPDF).not.toHaveBeenCalled();
    expect(existsSync(target)).toBe(false);
  });

  it('stops and closes the window when its page crashes', async () => {
    const { outcome, window } = await startPrinting();
    window.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
    await expect(outcome).rejects.toThrow('The window printing the pack stopped (crashed), so no PDF was written.');
    expect(window.destroy).toHaveBeenCalledOnce();
    expect(readdirSync(folder)).toEqual([]);
  });

  it('stops and closes the window when the print page fails to load, but not for a sub-frame', async () => {
    const { outcome, window } = await startPrinting();
    window.webContents.emit('did-fail-load', {}, -6, 'ERR_FILE_NOT_FOUND', 'app://governance-cockpit/frame.html', false);
    await settle();
    expect(window.destroyed).toBe(false);
    window.webContents.emit('did-fail-load', {}, -6, 'ERR_FILE_NOT_FOUND', APP_ENTRY_URL, true);
    await expect(outcome).rejects.toThrow("The pack's print page could not be loaded (ERR_FILE_NOT_FOUND), so no PDF was written.");
    expect(window.destroy).toHaveBeenCalledOnce();
  });

  it('closes the window and writes nothing when printToPDF fails', async () => {
    const { printer, outcome, window } = await startPrinting();
    window.webContents.printToPDF.mockRejectedValueOnce(new Error('Failed to generate PDF'));
    printer.reportPrintReady(window.webContents, { ok: true, message: '' });
    await expect(outcome).rejects.toThrow('Failed to generate PDF');
    expect(window.destroy).toHaveBeenCalledOnce();
    expect(readdirSync(folder)).toEqual([]);
  });

  it('ignores a ready signal from any other window, and one that arrives when nothing is printing', async () => {
    const printer = createPackPrinter();
    expect(() => printer.reportPrintReady({ id: 1 }, { ok: false, message: 'stray' })).not.toThrow();

    const { outcome, window } = await startPrinting(printer);
    let settled = false;
    void outcome.finally(() => {
      settled = true;
    });
    printer.reportPrintReady({ id: window.webContents.id + 1 }, { ok: true, message: '' });
    printer.reportPrintReady({ id: window.webContents.id + 1 }, { ok: false, message: 'from the main window' });
    await settle();
    expect(settled).toBe(false);
    expect(window.webContents.printToPDF).not.toHaveBeenCalled();

    printer.reportPrintReady(window.webContents, { ok: true, message: '' });
    await expect(outcome).resolves.toEqual({ status: 'saved', fileName: 'pack.pdf' });
    // Once printed, the same window's late signals change nothing.
    expect(() => printer.reportPrintReady(window.webContents, { ok: false, message: 'late' })).not.toThrow();
  });
});

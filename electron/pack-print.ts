/**
 * Desktop PDF export of a checkpoint pack: ask where to save, render the app's print
 * route in a hidden window, wait for the route to say the pack is on screen with its
 * fonts, print it with `printToPDF` and write the bytes atomically.
 *
 * The hidden window is the app itself (same origin, same preload, same sandbox), so the
 * pack is read from the same IndexedDB and drawn by the same components as the preview.
 * Whatever happens (ready, refusal, timeout, crash, failed load), the window is destroyed.
 */
import path from 'node:path';
import { app, BrowserWindow, dialog, type SaveDialogOptions, type WebContents } from 'electron';
import type { PrintPackRequest, PrintPackResult, PrintReadyRequest } from '../shared/platform/api';
import { APP_ENTRY_URL } from '../shared/platform/origin';
import { packPrintRoute, PRINT_READY_TIMEOUT_MS } from '../shared/pack/print-route';
import { writeFileAtomically } from './atomic-write';

/** printToPDF of a long pack takes seconds; a minute means Chromium is stuck, not busy. */
export const PRINT_TO_PDF_TIMEOUT_MS = 60_000;

const PDF_FILTERS = [{ name: 'PDF document', extensions: ['pdf'] }];

interface ReadyWaiter {
  ready(): void;
  notReady(message: string): void;
}

export interface PackPrinter {
  /** Save dialog first, then the hidden window; `owner` is the window that asked. */
  printPack(owner: BrowserWindow | null, request: PrintPackRequest): Promise<PrintPackResult>;
  /** The print route's ready signal; ignored unless `sender` is a print window waiting for it. */
  reportPrintReady(sender: Pick<WebContents, 'id'>, request: PrintReadyRequest): void;
}

function showSaveDialog(owner: BrowserWindow | null, options: SaveDialogOptions) {
  return owner === null ? dialog.showSaveDialog(options) : dialog.showSaveDialog(owner, options);
}

/** Rejects with `message` after `milliseconds`; `cancel` stops the clock. */
function deadline(milliseconds: number, message: string): { expired: Promise<never>; cancel(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(message)), milliseconds);
  });
  return { expired, cancel: () => clearTimeout(timer) };
}

export function createPackPrinter(): PackPrinter {
  // Keyed by webContents id: only the window a print is waiting on can say it is ready.
  const waiting = new Map<number, ReadyWaiter>();

  async function renderPdf(owner: BrowserWindow | null, request: PrintPackRequest): Promise<Uint8Array> {
    // The main window's web preferences (electron/window.ts), written out rather than shared
    // through a function so Electronegativity can read them here too; a test compares both.
    const window = new BrowserWindow({
      show: false,
      ...(owner === null ? {} : { parent: owner }),
      webPreferences: {
        preload: path.join(__dirname, 'preload.cjs'),
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
        devTools: !app.isPackaged,
      },
    });
    const contents = window.webContents;
    const id = contents.id;
    const readyClock = deadline(
      PRINT_READY_TIMEOUT_MS,
      `The pack did not finish rendering within ${PRINT_READY_TIMEOUT_MS / 1000} seconds, so no PDF was written. Try again; if it keeps happening, export the pack as HTML instead.`,
    );
    const printClock = deadline(
      PRINT_TO_PDF_TIMEOUT_MS,
      `Printing the pack to PDF took longer than ${PRINT_TO_PDF_TIMEOUT_MS / 1000} seconds and was stopped.`,
    );
    // Nobody may be listening when these settle late (after a success or another failure).
    readyClock.expired.catch(() => {});
    printClock.expired.catch(() => {});
    try {
      const failed = new Promise<never>((_resolve, reject) => {
        contents.once('render-process-gone', (_event, details) => {
          reject(new Error(`The window printing the pack stopped (${details.reason}), so no PDF was written.`));
        });
        contents.on('did-fail-load', (_event, errorCode, errorDescription, _url, isMainFrame) => {
          if (isMainFrame)
            reject(
              new Error(`The pack's print page could not be loaded (${errorDescription || `error ${errorCode}`}), so no PDF was written.`),
            );
        });
      });
      failed.catch(() => {});
      const ready = new Promise<void>((resolve, reject) => {
        waiting.set(id, {
          ready: resolve,
          notReady: (message) => reject(new Error(message === '' ? 'The pack could not be prepared for printing.' : message)),
        });
      });
      const url = `${APP_ENTRY_URL}#${packPrintRoute(request)}`;
      // A failed load also fires did-fail-load, whose message names the cause; this only keeps the rejection handled.
      window.loadURL(url).catch(() => {});
      await Promise.race([ready, failed, readyClock.expired]);
      waiting.delete(id);
      return await Promise.race([
        contents.printToPDF({
          pageSize: request.paper === 'letter' ? 'Letter' : 'A4',
          printBackground: true,
          preferCSSPageSize: true,
          generateDocumentOutline: true,
          generateTaggedPDF: true,
        }),
        failed,
        printClock.expired,
      ]);
    } finally {
      readyClock.cancel();
      printClock.cancel();
      waiting.delete(id);
      if (!window.isDestroyed()) window.destroy();
    }
  }

  return {
    async printPack(owner, request) {
      const choice = await showSaveDialog(owner, {
        defaultPath: path.join(app.getPath('documents'), request.suggestedName),
        filters: PDF_FILTERS,
      });
      if (choice.canceled || choice.filePath === '') return { status: 'cancelled' };
      const pdf = await renderPdf(owner, request);
      await writeFileAtomically(choice.filePath, pdf);
      return { status: 'saved', fileName: path.basename(choice.filePath) };
    },

    reportPrintReady(sender, { ok, message }) {
      const waiter = waiting.get(sender.id);
      if (waiter === undefined) return;
      waiting.delete(sender.id);
      if (ok) waiter.ready();
      else waiter.notReady(message);
    },
  };
}

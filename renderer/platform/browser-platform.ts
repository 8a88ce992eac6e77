/**
 * The platform API for a plain browser tab (`npm run web`, the tests): files are
 * downloaded through a Blob link and opened through a file input. There is no native
 * menu, so the app shows the same commands as buttons.
 */
import {
  BackupFileNameSchema,
  type AppInfo,
  type BackupFiles,
  type CockpitPlatform,
  type FileFilter,
  type OpenFileResult,
  type PrintPackRequest,
  type PrintPackResult,
  type PrintReadyRequest,
} from '@shared/platform/api';
import { isSafeExternalUrl } from '@shared/platform/origin';
import { PRINT_READY_TIMEOUT_MS, packPrintRoute } from '@shared/pack/print-route';
import { createOpfsBackupStore, isOpfsAvailable } from './opfs-backup-store';

function acceptAttribute(filters: FileFilter[]): string {
  return filters.flatMap((filter) => filter.extensions.map((extension) => `.${extension}`)).join(',');
}

/** Throws, as the desktop app's IPC schema would, for a name that is not an automatic backup's. */
function checkedName(name: string): string {
  const result = BackupFileNameSchema.safeParse(name);
  if (!result.success) throw new Error(`"${name}" ${result.error.issues[0]!.message}.`);
  return name;
}

/** The origin-private file system behind the same name checks the desktop app applies. */
export function browserBackupFiles(store: BackupFiles | null = isOpfsAvailable() ? createOpfsBackupStore() : null): BackupFiles {
  const unavailable = () =>
    new Error(
      'This browser offers no private file storage to this page (a private window, or not served over https), so automatic backups cannot be kept here.',
    );
  return {
    async list() {
      if (store === null) throw unavailable();
      return store.list();
    },
    async read(name) {
      if (store === null) throw unavailable();
      return store.read(checkedName(name));
    },
    async write(name, text) {
      if (store === null) throw unavailable();
      return store.write(checkedName(name), text);
    },
    async remove(name) {
      if (store === null) throw unavailable();
      return store.remove(checkedName(name));
    },
  };
}

/** The message a print frame posts to the page that opened it. */
const PRINT_READY_MESSAGE = 'governance-cockpit:pack-print-ready';

/**
 * Prints a pack in a plain browser: loads the print route in a hidden frame of this same
 * app, waits for the frame to say it is ready (fonts loaded, pack on the page), then opens
 * the browser's print dialog for that frame, where the user saves or prints. The frame is
 * removed when the dialog closes, on failure and on timeout.
 */
export function printPackInFrame(request: PrintPackRequest, timeoutMs: number = PRINT_READY_TIMEOUT_MS): Promise<PrintPackResult> {
  const frame = document.createElement('iframe');
  frame.title = 'Pack being printed';
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  // Off screen but laid out at a page's width, so the print uses the pack's own layout.
  frame.style.cssText = 'position:fixed;left:-10000px;top:0;width:900px;height:1200px;border:0;visibility:hidden;';
  const route = packPrintRoute({
    engagementId: request.engagementId,
    checkpointId: request.checkpointId,
    version: request.version,
    paper: request.paper,
  });
  frame.src = `${location.pathname}${location.search}#${route}`;

  return new Promise<PrintPackResult>((resolve, reject) => {
    let settled = false;
    const cleanUp = () => {
      clearTimeout(timer);
      window.removeEventListener('message', onMessage);
      frame.remove();
    };
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      cleanUp();
      reject(error);
    };
    const timer = setTimeout(
      () => fail(new Error(`the pack was not ready to print after ${Math.round(timeoutMs / 1000)} seconds.`)),
      timeoutMs,
    );
    function onMessage(event: MessageEvent) {
      if (event.source !== frame.contentWindow || event.origin !== location.origin) return;
      const data = event.data as { type?: unknown; ok?: unknown; message?: unknown } | null;
      if (data?.type !== PRINT_READY_MESSAGE) return;
      if (data.ok !== true)
        return fail(new Error(typeof data.message === 'string' && data.message ? data.message : 'the pack could not be printed.'));
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      window.removeEventListener('message', onMessage);
      const printing = frame.contentWindow!;
      // print() returns when the dialog closes in Chromium; afterprint covers browsers where it does not block.
      printing.addEventListener('afterprint', () => setTimeout(() => frame.remove(), 0), { once: true });
      printing.focus();
      printing.print();
      resolve({ status: 'printed' });
    }
    window.addEventListener('message', onMessage);
    document.body.append(frame);
  });
}

/** The print route's ready signal, posted to the page whose frame it is; a top-level page has no one to tell. */
export async function reportPrintReadyToOpener(request: PrintReadyRequest): Promise<void> {
  if (window.parent === window) return;
  window.parent.postMessage({ type: PRINT_READY_MESSAGE, ok: request.ok, message: request.message }, location.origin);
}

export function createBrowserPlatform(appVersion: string): CockpitPlatform {
  const platform = {
    host: 'browser' as const,

    async saveFile({ suggestedName, content }) {
      const blob = new Blob([content as BlobPart], {
        type: suggestedName.endsWith('.json') ? 'application/json' : 'application/octet-stream',
      });
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = suggestedName;
      link.rel = 'noopener';
      document.body.append(link);
      link.click();
      link.remove();
      // The download has started once click() returns; give the browser a moment before freeing the blob.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      return { status: 'saved' as const, fileName: suggestedName };
    },

    openFile({ filters }) {
      return new Promise<OpenFileResult>((resolve, reject) => {
        const input = document.createElement('input');
        input.type = 'file';
        input.accept = acceptAttribute(filters);
        input.style.display = 'none';
        const finish = () => input.remove();
        input.addEventListener('cancel', () => {
          finish();
          resolve({ status: 'cancelled' });
        });
        input.addEventListener('change', () => {
          const file = input.files?.[0];
          finish();
          if (!file) return resolve({ status: 'cancelled' });
          file.arrayBuffer().then(
            (buffer) => resolve({ status: 'opened', fileName: file.name, bytes: new Uint8Array(buffer) }),
            (error: unknown) => reject(new Error(`Could not read ${file.name}: ${error instanceof Error ? error.message : String(error)}`)),
          );
        });
        document.body.append(input);
        input.click();
      });
    },

    async getAppInfo(): Promise<AppInfo> {
      return {
        name: 'Governance Cockpit',
        version: appVersion,
        host: 'browser',
        os: navigator.platform || 'unknown',
        versions: { browser: navigator.userAgent },
        dataLocation: `this browser's storage for ${location.origin}`,
      };
    },

    async openExternal({ url }) {
      if (!isSafeExternalUrl(url)) throw new Error(`The link ${url} was refused: only https and mailto links open outside the cockpit.`);
      window.open(url, '_blank', 'noopener,noreferrer');
    },

    onMenuCommand() {
      return () => {};
    },

    printPack: (request) => printPackInFrame(request),
    reportPrintReady: reportPrintReadyToOpener,

    backups: browserBackupFiles(),
    // A browser has no keychain the page can use: the passphrase is asked once per session.
    rememberedPassphrase: null,
  } satisfies CockpitPlatform;
  return platform;
}

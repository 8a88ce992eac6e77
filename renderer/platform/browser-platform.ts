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
} from '@shared/platform/api';
import { isSafeExternalUrl } from '@shared/platform/origin';
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

    backups: browserBackupFiles(),
    // A browser has no keychain the page can use: the passphrase is asked once per session.
    rememberedPassphrase: null,
  } satisfies CockpitPlatform;
  return platform;
}

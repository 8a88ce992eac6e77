/**
 * The platform API for a plain browser tab (`npm run web`, the tests): files are
 * downloaded through a Blob link and opened through a file input. There is no native
 * menu, so the app shows the same commands as buttons.
 */
import type { AppInfo, CockpitPlatform, FileFilter, OpenFileResult } from '@shared/platform/api';
import { isSafeExternalUrl } from '@shared/platform/origin';

function acceptAttribute(filters: FileFilter[]): string {
  return filters.flatMap((filter) => filter.extensions.map((extension) => `.${extension}`)).join(',');
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
  } satisfies CockpitPlatform;
  return platform;
}

import type { CockpitPlatform } from '@shared/platform/api';
import { createBrowserPlatform } from './browser-platform';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent in a plain browser tab. */
    cockpit?: CockpitPlatform;
  }
}

/** The host's platform API: Electron's bridge when present, the browser implementation otherwise. */
export const platform: CockpitPlatform = window.cockpit ?? createBrowserPlatform(__APP_VERSION__);

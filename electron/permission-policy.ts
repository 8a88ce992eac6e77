/**
 * Which web permissions the renderer gets: none, except writing to the clipboard from
 * our own origin. Chromium gates `navigator.clipboard.writeText` behind the
 * `clipboard-sanitized-write` check, so denying it would break every "Copy" button;
 * it is sanitized and needs a user gesture, so granting it to the app origin is safe.
 *
 * Kept free of Electron imports so the policy can be unit tested.
 */
import { isTrustedAppUrl } from '../shared/platform/origin';

const permissionsGrantedToTheApp: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

export function isPermissionGranted(permission: string, requestingUrl: string): boolean {
  return permissionsGrantedToTheApp.has(permission) && isTrustedAppUrl(requestingUrl);
}

/**
 * The origin the desktop renderer is served from, and the URL checks built on it.
 *
 * IndexedDB and localStorage belong to the page origin, so this origin owns every
 * user's workspace: changing the scheme or the host would silently hide all their
 * data. Treat these constants as permanent.
 *
 * Every check parses with `new URL` and compares whole fields; substring tests on a
 * raw URL are how `app://governance-cockpit.evil.example` gets trusted.
 */

export const APP_SCHEME = 'app';
export const APP_HOST = 'governance-cockpit';
export const APP_ORIGIN = 'app://governance-cockpit';
export const APP_ENTRY_URL = 'app://governance-cockpit/index.html';

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True only for URLs on exactly the app origin: `app:` scheme, our host, no credentials, no port. */
export function isTrustedAppUrl(url: string): boolean {
  const parsed = parseUrl(url);
  return (
    parsed !== null &&
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname === APP_HOST &&
    parsed.username === '' &&
    parsed.password === '' &&
    parsed.port === ''
  );
}

/** Links we hand to the operating system: https with a real host and no credentials, or mailto. */
export function isSafeExternalUrl(url: string): boolean {
  const parsed = parseUrl(url);
  if (parsed === null) return false;
  if (parsed.protocol === 'mailto:') return true;
  return parsed.protocol === 'https:' && parsed.hostname !== '' && parsed.username === '' && parsed.password === '';
}

/** After one decode, a remaining escape means the client encoded twice to sneak something past us. */
const LEFTOVER_PERCENT_ESCAPE = /%[0-9a-f]{2}/i;
// Control characters (NUL included) have no business in an asset name.
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;

/**
 * Maps the pathname of an `app://` request to a relative file path inside the renderer
 * folder, or `null` if the path is anything but a plain, forward-only file name.
 *
 * The protocol handler checks the resolved path against the folder again; this function
 * is the first gate and rejects rather than normalises, so a hostile path never gets a
 * chance to be "fixed" into something valid.
 */
export function resolveAppAssetPath(pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (LEFTOVER_PERCENT_ESCAPE.test(decoded)) return null;
  if (CONTROL_CHARACTER.test(decoded) || decoded.includes('\\')) return null;

  const withoutLeadingSlash = decoded.startsWith('/') ? decoded.slice(1) : decoded;
  if (withoutLeadingSlash === '') return 'index.html';

  const segments = withoutLeadingSlash.split('/');
  const isPlainSegment = (segment: string): boolean => segment !== '' && segment !== '.' && segment !== '..' && !segment.includes(':');
  // A colon rules out drive letters (`C:`) and Windows alternate data streams (`a.js:x`).
  if (!segments.every(isPlainSegment)) return null;

  return segments.join('/');
}

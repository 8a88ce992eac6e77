/**
 * Recognising "the disk is full" wherever it comes from: IndexedDB and the origin-private
 * file system throw a DOMException named QuotaExceededError (Dexie keeps the name, or
 * wraps it as `inner`); the desktop app's backup folder reports ENOSPC or EDQUOT, which
 * reaches the renderer as the text of an IPC error.
 */

/** Said by the desktop app's main process when the disk is full; recognised by the renderer. */
export const DISK_FULL_MESSAGE = 'The disk is full';

const quotaNames = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']);

export function isQuotaExceededError(error: unknown, depth = 0): boolean {
  if (depth > 4 || typeof error !== 'object' || error === null) return false;
  const { name, message, code, inner, cause } = error as {
    name?: unknown;
    message?: unknown;
    code?: unknown;
    inner?: unknown;
    cause?: unknown;
  };
  if (typeof name === 'string' && quotaNames.has(name)) return true;
  if (code === 'ENOSPC' || code === 'EDQUOT') return true;
  if (typeof message === 'string' && (message.includes(DISK_FULL_MESSAGE) || /\bQuotaExceededError\b|\bENOSPC\b/.test(message)))
    return true;
  return isQuotaExceededError(inner, depth + 1) || isQuotaExceededError(cause, depth + 1);
}

/** What the user reads when a write did not fit. */
export function quotaExceededMessage(what: string): string {
  return (
    `${what} could not be saved: this computer has run out of storage space for the cockpit. ` +
    'Nothing was half-written; the data is as it was before. Free some disk space (or remove old exports), then try again.'
  );
}

/**
 * Which IPC senders the main process answers: only frames showing the app origin.
 *
 * Kept free of Electron runtime imports so the rule can be unit tested.
 */
import type { WebFrameMain } from 'electron';
import { isTrustedAppUrl } from '../shared/platform/origin';

export function isTrustedSenderFrame(frame: Pick<WebFrameMain, 'url'> | null | undefined): boolean {
  if (frame === null || frame === undefined) return false;
  try {
    return isTrustedAppUrl(frame.url);
  } catch {
    // Reading a frame that has navigated away or been disposed throws: not a sender to trust.
    return false;
  }
}

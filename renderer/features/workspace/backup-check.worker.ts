/**
 * Decodes, parses and validates a workspace backup off the page's thread, so a file of
 * hundreds of megabytes never freezes the window. One file per worker: the page starts a
 * worker, sends the bytes, and ends the worker when the result arrives.
 */
import { runBackupCheck, type BackupCheckMessage } from './backup-check';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<{ bytes: Uint8Array }>) => void) | null;
  postMessage(message: BackupCheckMessage): void;
};

scope.onmessage = (event) => {
  runBackupCheck(event.data.bytes, (message) => scope.postMessage(message));
};

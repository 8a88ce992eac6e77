/**
 * Locks every web contents down to the app origin: no new windows, no navigation or
 * redirects elsewhere, no <webview>, no device or web permissions beyond the clipboard.
 * External links leave through `shell.openExternal` only after URL parsing.
 */
import { app, session, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { isTrustedAppUrl } from '../shared/platform/origin';
import { openSafeExternalUrl } from './external-links';
import { isPermissionGranted } from './permission-policy';
import { isTrustedSenderFrame } from './sender-policy';

/** Throws unless the IPC message comes from a frame showing our own origin. */
export function assertTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): void {
  if (!isTrustedSenderFrame(event.senderFrame)) {
    throw new Error('Refused an IPC request from a frame outside the app.');
  }
}

function openExternallyIfSafe(url: string): void {
  openSafeExternalUrl(url).catch((error: unknown) => {
    // The operating system had no handler or refused; nothing in the app depends on it.
    console.warn('Could not open a link outside the app:', error);
  });
}

function lockDownWebContents(contents: WebContents): void {
  // Links with target=_blank land here: they open in the user's browser, never in-app.
  contents.setWindowOpenHandler(({ url }) => {
    openExternallyIfSafe(url);
    return { action: 'deny' };
  });

  // will-navigate covers the main frame; will-frame-navigate also covers iframes.
  contents.on('will-navigate', (event) => {
    if (!isTrustedAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isTrustedAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isTrustedAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
  contents.on('select-bluetooth-device', (event, _devices, choose) => {
    event.preventDefault();
    choose('');
  });
}

function denyWebPermissions(): void {
  const { defaultSession } = session;
  defaultSession.setPermissionRequestHandler((_contents, permission, grant, details) => {
    grant(isPermissionGranted(permission, details.requestingUrl));
  });
  defaultSession.setPermissionCheckHandler((_contents, permission, requestingOrigin) => isPermissionGranted(permission, requestingOrigin));
  defaultSession.setDevicePermissionHandler(() => false);
  defaultSession.on('select-hid-device', (event, _details, choose) => {
    event.preventDefault();
    choose();
  });
  defaultSession.on('select-usb-device', (event, _details, choose) => {
    event.preventDefault();
    choose();
  });
  defaultSession.on('select-serial-port', (event, _ports, _contents, choose) => {
    event.preventDefault();
    choose('');
  });
}

/** Call once the app is ready, before the first window is created. */
export function installSecurityHandlers(): void {
  app.on('web-contents-created', (_event, contents) => lockDownWebContents(contents));
  denyWebPermissions();
}

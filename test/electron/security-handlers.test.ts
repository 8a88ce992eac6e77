/**
 * The handlers security.ts installs, driven through a stand-in for Electron (the binary
 * is not available to tests): navigation, new windows, <webview>, permission requests
 * and checks, device pickers, and the links that may leave for the user's browser.
 */
import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { assertTrustedSender, installSecurityHandlers } from '../../electron/security';

const electron = vi.hoisted(() => ({
  appListeners: new Map<string, (...args: unknown[]) => void>(),
  sessionListeners: new Map<string, (...args: unknown[]) => void>(),
  openExternal: vi.fn(async (_url: string) => {}),
  setPermissionRequestHandler: vi.fn(),
  setPermissionCheckHandler: vi.fn(),
  setDevicePermissionHandler: vi.fn(),
}));

vi.mock('electron', () => ({
  app: { on: (name: string, listener: (...args: unknown[]) => void) => electron.appListeners.set(name, listener) },
  session: {
    defaultSession: {
      setPermissionRequestHandler: electron.setPermissionRequestHandler,
      setPermissionCheckHandler: electron.setPermissionCheckHandler,
      setDevicePermissionHandler: electron.setDevicePermissionHandler,
      on: (name: string, listener: (...args: unknown[]) => void) => electron.sessionListeners.set(name, listener),
    },
  },
  shell: { openExternal: electron.openExternal },
}));

type WindowOpenHandler = (details: { url: string }) => { action: string };

class FakeWebContents extends EventEmitter {
  windowOpenHandler: WindowOpenHandler | null = null;
  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }
}

function navigationEvent(url: string) {
  return { url, preventDefault: vi.fn() };
}

const untrustedUrls = [
  'https://evil.example/',
  'http://localhost:5173/',
  'app://governance-cockpit.evil.example/index.html',
  'app://user@governance-cockpit/index.html',
  'file:///etc/passwd',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'about:blank',
];

let contents: FakeWebContents;

beforeEach(() => {
  electron.appListeners.clear();
  electron.sessionListeners.clear();
  vi.clearAllMocks();
  installSecurityHandlers();
  contents = new FakeWebContents();
  const created = electron.appListeners.get('web-contents-created');
  if (created === undefined) throw new Error('installSecurityHandlers did not listen for web-contents-created');
  created({}, contents);
});

describe('navigation limits', () => {
  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('%s stays on the app origin', (eventName) => {
    for (const url of untrustedUrls) {
      const event = navigationEvent(url);
      contents.emit(eventName, event);
      expect(event.preventDefault, `${eventName} to ${url}`).toHaveBeenCalledOnce();
    }
    const inApp = navigationEvent('app://governance-cockpit/index.html#/engagements');
    contents.emit(eventName, inApp);
    expect(inApp.preventDefault).not.toHaveBeenCalled();
  });

  it('refuses every <webview>', () => {
    const event = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', event, {}, { src: 'app://governance-cockpit/index.html' });
    expect(event.preventDefault).toHaveBeenCalledOnce();
  });
});

describe('new-window limits', () => {
  it('denies every new window, including ones on the app origin', () => {
    for (const url of [...untrustedUrls, 'app://governance-cockpit/index.html', 'https://example.com/']) {
      expect(contents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
    }
  });

  it('sends only https and mailto links to the operating system, as parsed', async () => {
    const notForTheOperatingSystem = untrustedUrls.filter((url) => !url.startsWith('https:'));
    for (const url of [
      ...notForTheOperatingSystem,
      'https://user:pw@example.com/',
      'app://governance-cockpit/index.html',
      'smb://server/share',
      'ms-settings:privacy',
    ]) {
      contents.windowOpenHandler?.({ url });
    }
    await vi.waitFor(() => expect(electron.openExternal).not.toHaveBeenCalled());

    contents.windowOpenHandler?.({ url: 'https://EXAMPLE.com/a b' });
    contents.windowOpenHandler?.({ url: 'mailto:lead@example.com' });
    await vi.waitFor(() => expect(electron.openExternal).toHaveBeenCalledTimes(2));
    expect(electron.openExternal.mock.calls).toEqual([['https://example.com/a%20b'], ['mailto:lead@example.com']]);
  });
});

describe('permission handlers', () => {
  type RequestHandler = (
    contents: unknown,
    permission: string,
    grant: (granted: boolean) => void,
    details: { requestingUrl: string },
  ) => void;
  type CheckHandler = (contents: unknown, permission: string, requestingOrigin: string) => boolean;

  const requestHandler = () => electron.setPermissionRequestHandler.mock.calls[0]?.[0] as RequestHandler;
  const checkHandler = () => electron.setPermissionCheckHandler.mock.calls[0]?.[0] as CheckHandler;

  function requested(permission: string, requestingUrl: string): boolean {
    const grant = vi.fn<(granted: boolean) => void>();
    requestHandler()(null, permission, grant, { requestingUrl });
    expect(grant).toHaveBeenCalledOnce();
    return grant.mock.calls[0]?.[0] as boolean;
  }

  it('installs both a request handler and a check handler on the default session', () => {
    expect(electron.setPermissionRequestHandler).toHaveBeenCalledOnce();
    expect(electron.setPermissionCheckHandler).toHaveBeenCalledOnce();
  });

  it.each(['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'fullscreen', 'midiSysex'])(
    'refuses %s to the app itself, when requested and when checked',
    (permission) => {
      expect(requested(permission, 'app://governance-cockpit/index.html')).toBe(false);
      expect(checkHandler()(null, permission, 'app://governance-cockpit')).toBe(false);
    },
  );

  it('grants clipboard writes to the app origin only', () => {
    expect(requested('clipboard-sanitized-write', 'app://governance-cockpit/index.html')).toBe(true);
    expect(checkHandler()(null, 'clipboard-sanitized-write', 'app://governance-cockpit')).toBe(true);
    expect(requested('clipboard-sanitized-write', 'https://evil.example/')).toBe(false);
    expect(checkHandler()(null, 'clipboard-sanitized-write', 'app://governance-cockpit.evil.example')).toBe(false);
  });

  it('refuses USB, HID, serial and Bluetooth devices', () => {
    const deviceHandler = electron.setDevicePermissionHandler.mock.calls[0]?.[0] as () => boolean;
    expect(deviceHandler()).toBe(false);

    for (const [name, args] of [
      ['select-hid-device', [{}]],
      ['select-usb-device', [{}]],
      ['select-serial-port', [[{ portId: '1' }], {}]],
    ] as const) {
      const event = { preventDefault: vi.fn() };
      const choose = vi.fn();
      electron.sessionListeners.get(name)?.(event, ...args, choose);
      expect(event.preventDefault, name).toHaveBeenCalledOnce();
      expect(choose.mock.calls.flat().filter(Boolean), name).toEqual([]);
    }

    const event = { preventDefault: vi.fn() };
    const choose = vi.fn();
    contents.emit('select-bluetooth-device', event, [{ deviceId: 'a', deviceName: 'Headset' }], choose);
    expect(event.preventDefault).toHaveBeenCalledOnce();
    expect(choose).toHaveBeenCalledExactlyOnceWith('');
  });
});

describe('assertTrustedSender', () => {
  it('accepts a frame on the app origin', () => {
    expect(() => assertTrustedSender({ senderFrame: { url: 'app://governance-cockpit/index.html#/' } as never })).not.toThrow();
  });

  it.each(untrustedUrls)('refuses a frame showing %s', (url) => {
    expect(() => assertTrustedSender({ senderFrame: { url } as never })).toThrow('Refused an IPC request from a frame outside the app.');
  });

  it('refuses a missing frame and a frame that has been disposed', () => {
    expect(() => assertTrustedSender({ senderFrame: null })).toThrow('outside the app');
    const disposed = {
      get url(): string {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
    };
    expect(() => assertTrustedSender({ senderFrame: disposed as never })).toThrow('outside the app');
  });
});

import { describe, expect, it } from 'vitest';
import { isPermissionGranted } from '../../electron/permission-policy';

describe('isPermissionGranted', () => {
  it('lets the app origin write to the clipboard, so Copy buttons work', () => {
    expect(isPermissionGranted('clipboard-sanitized-write', 'app://governance-cockpit')).toBe(true);
    expect(isPermissionGranted('clipboard-sanitized-write', 'app://governance-cockpit/index.html')).toBe(true);
  });

  it.each(['clipboard-read', 'media', 'geolocation', 'notifications', 'openExternal', 'hid', 'usb', 'serial', 'fullscreen', 'unknown'])(
    'denies %s even to the app origin',
    (permission) => {
      expect(isPermissionGranted(permission, 'app://governance-cockpit')).toBe(false);
    },
  );

  it.each(['https://evil.example', 'app://governance-cockpit.evil.example', 'file:///', ''])('denies the clipboard to %j', (origin) => {
    expect(isPermissionGranted('clipboard-sanitized-write', origin)).toBe(false);
  });
});

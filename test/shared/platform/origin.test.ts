import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  APP_HOST,
  APP_ORIGIN,
  APP_SCHEME,
  isSafeExternalUrl,
  isTrustedAppUrl,
  resolveAppAssetPath,
} from '../../../shared/platform/origin';

describe('app origin constants', () => {
  // The origin owns every user's IndexedDB data: a change here must be deliberate.
  it('stay exactly as shipped', () => {
    expect(APP_SCHEME).toBe('app');
    expect(APP_HOST).toBe('governance-cockpit');
    expect(APP_ORIGIN).toBe('app://governance-cockpit');
    expect(APP_ENTRY_URL).toBe('app://governance-cockpit/index.html');
    expect(APP_ORIGIN).toBe(`${APP_SCHEME}://${APP_HOST}`);
    expect(APP_ENTRY_URL.startsWith(`${APP_ORIGIN}/`)).toBe(true);
  });
});

describe('isTrustedAppUrl', () => {
  it.each([
    'app://governance-cockpit',
    'app://governance-cockpit/',
    'app://governance-cockpit/index.html',
    'app://governance-cockpit/index.html#/risks?filter=open',
  ])('trusts %s', (url) => {
    expect(isTrustedAppUrl(url)).toBe(true);
  });

  it.each([
    'http://localhost.evil.example:3001',
    'http://localhost:5173/',
    'app://user@governance-cockpit',
    'app://user:pw@governance-cockpit/',
    'app://governance-cockpit.evil.example/',
    'app://evil.example/governance-cockpit',
    'app://governance-cockpit:8080/',
    'app://governance-cockpitx/',
    'https://governance-cockpit/',
    'app:governance-cockpit',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'data:text/html,<script>alert(1)</script>',
    'about:blank',
    '',
    'not a url',
  ])('refuses %s', (url) => {
    expect(isTrustedAppUrl(url)).toBe(false);
  });
});

describe('isSafeExternalUrl', () => {
  it.each(['https://example.com', 'https://example.com/docs?q=1#top', 'mailto:lead@example.com'])('allows %s', (url) => {
    expect(isSafeExternalUrl(url)).toBe(true);
  });

  it.each([
    'http://example.com',
    'https://user:pw@example.com',
    'https://user@example.com',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'app://governance-cockpit/index.html',
    'data:text/html,hi',
    'smb://server/share',
    'ms-settings:privacy',
    'https://',
    '//example.com',
    '',
  ])('refuses %s', (url) => {
    expect(isSafeExternalUrl(url)).toBe(false);
  });
});

describe('resolveAppAssetPath', () => {
  it.each([
    ['/', 'index.html'],
    ['', 'index.html'],
    ['/index.html', 'index.html'],
    ['/assets/index-abc.js', 'assets/index-abc.js'],
    ['/assets/inter%20latin.woff2', 'assets/inter latin.woff2'],
    ['/favicon.svg', 'favicon.svg'],
  ])('maps %j to %j', (pathname, expected) => {
    expect(resolveAppAssetPath(pathname)).toBe(expected);
  });

  it.each([
    '/../../etc/passwd',
    '/assets/../../main.cjs',
    '/./index.html',
    '/assets/.',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/%2E%2E/secret',
    '/%252e%252e/secret',
    '/assets/..%2fmain.cjs',
    '/assets/..%2Fmain.cjs',
    '/assets%2f..%2f..%2fsecret',
    '/assets/%255c..%255csecret',
    '/assets\\..\\x',
    '/assets/%5c..%5cx',
    '/index.html%00.js',
    '/index.html\u0000.js',
    '/assets/%0a.js',
    '//etc/passwd',
    '/assets//index.js',
    '/assets/',
    '/C:/Windows/win.ini',
    '/C:%5cWindows',
    '/c:',
    '/index.html:stream',
    '/%E0%A4%A',
    '/%',
  ])('rejects %j', (pathname) => {
    expect(resolveAppAssetPath(pathname)).toBeNull();
  });
});

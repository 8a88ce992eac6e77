/**
 * The app:// handler against path traversal: raw, encoded, double-encoded, backslashed,
 * absolute and NUL-laden paths never reach a file outside the renderer folder, while a
 * real nested asset is served with its type and the security headers.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../shared/platform/csp';
import { resolveAppAssetPath } from '../../shared/platform/origin';
import { createAppRequestHandler, fileInsideRoot } from '../../electron/protocol';

vi.mock('electron', () => ({ protocol: { handle: vi.fn() } }));

const SECRET = 'the private key of this laptop';
let workspace: string;
let rendererRoot: string;
let handle: (request: Request) => Promise<Response>;

beforeAll(() => {
  workspace = mkdtempSync(path.join(tmpdir(), 'cockpit-protocol-'));
  rendererRoot = path.join(workspace, 'renderer');
  mkdirSync(path.join(rendererRoot, 'assets', 'nested'), { recursive: true });
  writeFileSync(path.join(rendererRoot, 'index.html'), '<!doctype html><title>Cockpit</title>');
  writeFileSync(path.join(rendererRoot, 'assets', 'nested', 'app-1a2b.js'), 'console.log("app")');
  // Beside the root, and in a sibling whose name starts like the root (a prefix check would let it through).
  writeFileSync(path.join(workspace, 'secret.txt'), SECRET);
  mkdirSync(path.join(workspace, 'renderer-private'));
  writeFileSync(path.join(workspace, 'renderer-private', 'secret.txt'), SECRET);
  handle = createAppRequestHandler(rendererRoot);
});

afterAll(() => {
  rmSync(workspace, { recursive: true, force: true });
});

const get = (url: string, method = 'GET') => handle({ url, method } as Request);

describe('resolveAppAssetPath (the first gate)', () => {
  it.each([
    ['dot-dot', '/../secret.txt'],
    ['dot-dot after a folder', '/assets/../../secret.txt'],
    ['encoded dot-dot', '/%2e%2e/secret.txt'],
    ['upper-case encoded dot-dot and slash', '/assets/%2E%2E%2F%2E%2E%2Fsecret.txt'],
    ['mixed encoded dot-dot', '/.%2e/secret.txt'],
    ['double-encoded dot-dot', '/%252e%252e/secret.txt'],
    ['double-encoded slash', '/assets%252f..%252fsecret.txt'],
    ['backslashes', '/assets\\..\\..\\secret.txt'],
    ['encoded backslashes', '/assets%5c..%5c..%5csecret.txt'],
    ['double-encoded backslashes', '/assets/%255c..%255csecret.txt'],
    ['an absolute POSIX path', '//etc/passwd'],
    ['an encoded absolute POSIX path', '/%2fetc%2fpasswd'],
    ['an absolute Windows path', '/C:/Windows/win.ini'],
    ['an encoded absolute Windows path', '/C%3a%5cWindows%5cwin.ini'],
    ['a UNC path', '/%5c%5cserver%5cshare'],
    ['an encoded NUL byte', '/index.html%00.js'],
    ['a raw NUL byte', '/index.html\u0000.js'],
    ['a broken escape', '/%E0%A4%A'],
  ])('rejects %s (%j)', (_name, pathname) => {
    expect(resolveAppAssetPath(pathname)).toBeNull();
  });

  it('accepts a nested asset, as a relative path', () => {
    expect(resolveAppAssetPath('/assets/nested/app-1a2b.js')).toBe('assets/nested/app-1a2b.js');
  });
});

describe('fileInsideRoot (the second gate)', () => {
  it.each(['../secret.txt', '../renderer-private/secret.txt', 'assets/../../secret.txt', '/etc/passwd', '', '.'])(
    'refuses %j',
    (relative) => {
      expect(fileInsideRoot(rendererRoot, relative)).toBeNull();
    },
  );

  it('resolves a nested asset inside the root', () => {
    expect(fileInsideRoot(rendererRoot, 'assets/nested/app-1a2b.js')).toBe(path.join(rendererRoot, 'assets', 'nested', 'app-1a2b.js'));
  });
});

describe('the app:// request handler', () => {
  it.each([
    'app://governance-cockpit/../secret.txt',
    'app://governance-cockpit/assets/../../secret.txt',
    'app://governance-cockpit/%2e%2e/secret.txt',
    'app://governance-cockpit/%2E%2E%2Fsecret.txt',
    'app://governance-cockpit/assets/%2E%2E%2F%2E%2E%2Fsecret.txt',
    'app://governance-cockpit/%252e%252e/secret.txt',
    'app://governance-cockpit/%252e%252e%252fsecret.txt',
    'app://governance-cockpit/..%5csecret.txt',
    'app://governance-cockpit/assets\\..\\..\\secret.txt',
    'app://governance-cockpit/%2e%2e/renderer-private/secret.txt',
    'app://governance-cockpit/index.html%00.js',
    'app://governance-cockpit/secret.txt%00',
    'app://governance-cockpit/C:/Windows/win.ini',
  ])('never serves a file outside the renderer folder for %s', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain(SECRET);
  });

  it('refuses the absolute path of a file outside the root, raw and encoded', async () => {
    const secret = path.join(workspace, 'secret.txt');
    for (const url of [`app://governance-cockpit/${secret}`, `app://governance-cockpit/${encodeURIComponent(secret)}`]) {
      const response = await get(url);
      expect(response.status, url).toBe(404);
      expect(await response.text()).not.toContain(SECRET);
    }
  });

  it('serves a nested asset with its content type and the security headers', async () => {
    const response = await get('app://governance-cockpit/assets/nested/app-1a2b.js');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('console.log("app")');
    expect(response.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
  });

  it('serves index.html for the bare origin, and nothing for HEAD but the headers', async () => {
    expect(await (await get('app://governance-cockpit/')).text()).toContain('<title>Cockpit</title>');
    const head = await get('app://governance-cockpit/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBeNull();
  });

  it.each([
    ['another host', 'app://evil.example/index.html', 'GET', 404],
    ['a look-alike host', 'app://governance-cockpit.evil.example/index.html', 'GET', 404],
    ['credentials', 'app://user:pw@governance-cockpit/index.html', 'GET', 404],
    ['a port', 'app://governance-cockpit:8080/index.html', 'GET', 404],
    ['a folder', 'app://governance-cockpit/assets', 'GET', 404],
    ['a missing file', 'app://governance-cockpit/missing.js', 'GET', 404],
    ['a POST', 'app://governance-cockpit/index.html', 'POST', 405],
  ])('answers %s with a plain error that still carries the policy', async (_name, url, method, status) => {
    const response = await get(url, method);
    expect(response.status).toBe(status);
    expect(response.headers.get('Content-Type')).toBe('text/plain; charset=utf-8');
    expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
  });
});

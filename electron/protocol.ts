/**
 * Serves the built renderer from `app://governance-cockpit/`.
 *
 * A custom standard, secure scheme (registered in main.ts) gives the renderer a stable
 * origin of its own for IndexedDB, unlike `file://`, and lets us refuse anything that
 * is not a file inside the renderer folder.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../shared/platform/csp';
import { APP_HOST, APP_SCHEME, resolveAppAssetPath } from '../shared/platform/origin';
import { contentTypeFor } from './content-types';

const securityHeaders = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
} as const;

function plainResponse(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8' },
  });
}

/** Second gate after resolveAppAssetPath: whatever the string said, the file must be inside the root. */
export function fileInsideRoot(root: string, relativePath: string): string | null {
  const file = path.resolve(root, relativePath);
  const fromRoot = path.relative(root, file);
  const escapes = fromRoot === '' || path.isAbsolute(fromRoot) || fromRoot.split(path.sep)[0] === '..';
  return escapes ? null : file;
}

/**
 * The `app://` request handler for the files under `rendererRoot`. Only GET and HEAD of an
 * existing file inside the root get a 200; everything else is a plain 404 or 405. Every
 * response carries the Content-Security-Policy, so even an error page runs no script.
 */
export function createAppRequestHandler(rendererRoot: string): (request: Request) => Promise<Response> {
  const root = path.resolve(rendererRoot);
  return async (request) => {
    const url = new URL(request.url);
    if (url.hostname !== APP_HOST || url.port !== '' || url.username !== '' || url.password !== '') {
      return plainResponse(404, 'Not found');
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return plainResponse(405, 'Method not allowed');
    }

    const relativePath = resolveAppAssetPath(url.pathname);
    if (relativePath === null) return plainResponse(404, 'Not found');
    const file = fileInsideRoot(root, relativePath);
    if (file === null) return plainResponse(404, 'Not found');

    try {
      if (!(await stat(file)).isFile()) return plainResponse(404, 'Not found');
      const body = request.method === 'HEAD' ? null : new Uint8Array(await readFile(file));
      return new Response(body, {
        status: 200,
        headers: { ...securityHeaders, 'Content-Type': contentTypeFor(relativePath) },
      });
    } catch {
      return plainResponse(404, 'Not found');
    }
  };
}

/** Call once the app is ready; the scheme itself must be registered as privileged before that. */
export function registerAppProtocol(): void {
  // main.ts is bundled to dist-electron/main.cjs; this also resolves inside app.asar.
  protocol.handle(APP_SCHEME, createAppRequestHandler(path.resolve(__dirname, '../dist/renderer')));
}

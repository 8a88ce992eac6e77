/**
 * Serves the built renderer (dist/renderer, built by `npm test` before Vitest starts)
 * over http for the end-to-end tests, exactly as `vite preview` would.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, preview } from 'vite';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    browserHome: string;
  }
}

export default async function setup(project: TestProject) {
  const outDir = process.env.RENDERER_OUT_DIR ?? 'dist/renderer';
  if (!existsSync(join(outDir, 'index.html'))) await build({ logLevel: 'warn' });
  const server = await preview({ preview: { port: 0, host: '127.0.0.1', strictPort: false }, logLevel: 'warn' });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('The preview server did not report a port');
  // Chromium writes its profile caches under XDG folders; keep them out of $HOME.
  const browserHome = mkdtempSync(join(tmpdir(), 'cockpit-e2e-'));
  project.provide('baseUrl', `http://127.0.0.1:${address.port}/`);
  project.provide('browserHome', browserHome);
  return async () => {
    await server.close();
    rmSync(browserHome, { recursive: true, force: true });
  };
}

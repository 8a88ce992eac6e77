import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY } from './shared/platform/csp.ts';

const packageJson = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

/**
 * Puts the app's Content-Security-Policy into the built index.html. Not in dev: Vite's
 * dev server relies on an inline script for hot reload, which the policy forbids.
 */
function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'governance-cockpit:csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: META_CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' },
    ],
  };
}

const rendererRoot = fileURLToPath(new URL('./renderer', import.meta.url));

// The renderer is a static site: the Electron shell serves dist/renderer from app://,
// `npm run web` and the tests serve the same files over http.
export default defineConfig({
  root: rendererRoot,
  base: './',
  plugins: [react(), contentSecurityPolicyMeta()],
  define: { __APP_VERSION__: JSON.stringify(packageJson.version) },
  resolve: { alias: { '@shared': fileURLToPath(new URL('./shared', import.meta.url)) } },
  build: {
    // RENDERER_OUT_DIR lets several checkouts' test runs build side by side without clobbering each other.
    outDir: process.env.RENDERER_OUT_DIR ?? fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: true,
    // Rollup's per-chunk warning fires at 500 KB raw; the budget that matters (400 KB
    // gzipped for the whole renderer) is measured by `npm run bench`.
    chunkSizeWarningLimit: 800,
  },
  server: { port: 5173, strictPort: false },
  // The built renderer over http (the end-to-end tests, a static host) gets the very headers
  // the desktop app:// handler sends, on top of the meta tag.
  preview: {
    port: 4173,
    strictPort: false,
    headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff' },
  },
});

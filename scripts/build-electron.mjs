/**
 * Bundles the Electron main process and the preload into dist-electron/, one
 * self-contained CJS file each:
 *   - main.cjs bundles zod and shared/, so the packaged app needs no node_modules;
 *   - preload.cjs runs sandboxed, where `require('electron')` is the only import that
 *     works, so everything else must be inlined.
 * electron and Node's builtins stay external: the runtime provides them.
 */
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));
const outDir = fileURLToPath(new URL('../dist-electron', import.meta.url));

const runtimeProvided = new Set(['electron', ...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);
const isRuntimeProvided = (id) => runtimeProvided.has(id) || id.startsWith('node:') || id.startsWith('electron/');

/** @param {{ entry: string, fileName: string, target: string, emptyOutDir: boolean }} bundle */
function buildBundle({ entry, fileName, target, emptyOutDir }) {
  return build({
    configFile: false,
    root: projectRoot,
    publicDir: false,
    envDir: false,
    logLevel: 'warn',
    build: {
      outDir,
      emptyOutDir,
      target,
      minify: false,
      sourcemap: false,
      reportCompressedSize: false,
      copyPublicDir: false,
      lib: {
        entry: fileURLToPath(new URL(`../${entry}`, import.meta.url)),
        formats: ['cjs'],
        fileName: () => fileName,
      },
      rolldownOptions: {
        external: isRuntimeProvided,
        output: { codeSplitting: false },
      },
    },
  });
}

// Conservative syntax targets: Electron 45 ships a Node and a Chromium at least this new.
await buildBundle({ entry: 'electron/main.ts', fileName: 'main.cjs', target: 'node22', emptyOutDir: true });
await buildBundle({ entry: 'electron/preload.ts', fileName: 'preload.cjs', target: 'chrome140', emptyOutDir: false });
console.log('Built dist-electron/main.cjs and dist-electron/preload.cjs');

/**
 * Bundles the headless pack command (cli/pack.ts) into dist-cli/pack.mjs, one ESM file
 * for Node: shared/, the pack's React document, React's server renderer, zod and the Inter
 * font files are inlined, so it runs without the sources; playwright-core stays external
 * (it is a devDependency that drives the Chromium on the computer and is not bundleable).
 * An SSR build so dependencies resolve with Node's conditions (react-dom/server for Node)
 * and `?raw` / `?inline` imports work as they do in the app.
 *
 * CLI_OUT_DIR builds elsewhere (tests build into a temporary folder of their own).
 */
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));
const outDir = process.env.CLI_OUT_DIR ? path.resolve(process.env.CLI_OUT_DIR) : path.join(projectRoot, 'dist-cli');

const external = new Set(['playwright-core', ...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);

await build({
  configFile: false,
  root: projectRoot,
  publicDir: false,
  envDir: false,
  logLevel: 'warn',
  resolve: { alias: { '@shared': path.join(projectRoot, 'shared') } },
  // Inline every asset whatever its size: the command is one file.
  build: {
    ssr: path.join(projectRoot, 'cli/pack.ts'),
    outDir,
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: false,
    reportCompressedSize: false,
    copyPublicDir: false,
    assetsInlineLimit: Number.MAX_SAFE_INTEGER,
    rolldownOptions: {
      external: (id) => external.has(id) || id.startsWith('node:') || id.startsWith('playwright-core/'),
      output: { format: 'esm', entryFileNames: 'pack.mjs', codeSplitting: false },
    },
  },
  ssr: { noExternal: true, external: ['playwright-core'], target: 'node' },
});

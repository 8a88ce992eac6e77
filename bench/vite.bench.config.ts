import { defineConfig, mergeConfig } from 'vite';
import { fileURLToPath } from 'node:url';
import appConfig from '../vite.config.ts';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));

// The app and the benchmark page built side by side, so both share one origin (and one
// IndexedDB) when served: the bench imports the stress workspace, the app then opens it.
// The app's chunk grouping (vite.config.ts) is tuned for one page: with the benchmark page
// in the same build it would mix the two pages' start-up code. The bench build keeps
// Rolldown's default chunking; the bundle size `npm run bench` reports comes from the
// real app build, not from this one.
const { codeSplitting: _appChunkGroups, ...appOutput } = (appConfig.build?.rolldownOptions?.output ?? {}) as Record<string, unknown>;
const appConfigWithDefaultChunks = {
  ...appConfig,
  build: { ...appConfig.build, rolldownOptions: { ...appConfig.build?.rolldownOptions, output: appOutput } },
};

export default mergeConfig(
  appConfigWithDefaultChunks,
  defineConfig({
    root: projectRoot,
    build: {
      // BENCH_OUT_DIR, like RENDERER_OUT_DIR, keeps side-by-side runs from clobbering each other.
      outDir: process.env.BENCH_OUT_DIR ?? fileURLToPath(new URL('../dist-bench', import.meta.url)),
      sourcemap: false,
      rollupOptions: {
        input: {
          app: fileURLToPath(new URL('../renderer/index.html', import.meta.url)),
          bench: fileURLToPath(new URL('./index.html', import.meta.url)),
        },
      },
    },
  }),
);

import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
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
const backupCheckWorker = fileURLToPath(new URL('./renderer/features/workspace/backup-check.worker.ts', import.meta.url));

// The bundle's size is budgeted (400 KB gzipped for all of it, lazy chunks included;
// `npm run bench`); the plugins and options below keep it there without dropping code the app uses.

/**
 * Builds the backup-check worker as one more entry of the app's own bundle, so the worker
 * and the page share the validation code (zod and every record schema, about 30 KB
 * gzipped) instead of the worker carrying a second copy: Vite bundles a
 * `new Worker(new URL(...))` on its own. Build only; the dev server and the tests run the
 * source as written.
 */
function sharedBackupCheckWorker(): Plugin {
  const importer = fileURLToPath(new URL('./renderer/features/workspace/workspace-import.ts', import.meta.url));
  const workerUrl = "new URL('./backup-check.worker.ts', import.meta.url)";
  const chunkName = 'backup-check.worker';
  return {
    name: 'governance-cockpit:shared-backup-check-worker',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      if (id !== importer) return null;
      const at = code.indexOf(workerUrl);
      if (at < 0) this.error(`${importer} no longer starts its worker with ${workerUrl}; update this plugin.`);
      const reference = this.emitFile({ type: 'chunk', id: backupCheckWorker, name: chunkName });
      // One expression on one line changes; the source map stays right everywhere else.
      return { code: code.slice(0, at) + `import.meta.ROLLUP_FILE_URL_${reference}` + code.slice(at + workerUrl.length), map: null };
    },
    generateBundle(_options, bundle) {
      // The worker has no document: what it loads must never be the page's entry (which
      // renders the app) or React, whatever the chunking does.
      const chunks = new Map(Object.values(bundle).flatMap((file) => (file.type === 'chunk' ? [[file.fileName, file] as const] : [])));
      const start = [...chunks.values()].find((chunk) => chunk.name === chunkName && chunk.isEntry);
      if (!start) return this.error('the backup-check worker chunk is missing from the bundle');
      const pending = [start.fileName];
      const loaded = new Set<string>();
      while (pending.length > 0) {
        const chunk = chunks.get(pending.pop()!)!;
        if (loaded.has(chunk.fileName)) continue;
        loaded.add(chunk.fileName);
        const stray = chunk.moduleIds.find((module) => module.endsWith('.html') || /node_modules[\\/]react(-dom)?[\\/]/.test(module));
        if (stray) this.error(`the backup-check worker would load ${chunk.fileName}, which holds ${stray}`);
        pending.push(...chunk.imports);
      }
    },
  };
}

/**
 * Known once the module graph is complete: what the backup-check worker loads, what the page
 * loads at start, and the lazily loaded modules that keep chunks of their own (see `chunkGroups`).
 */
const workerModules = new Set<string>();
const startModules = new Set<string>();
const entryScripts = new Set<string>();
const ownChunkModules = new Set<string>();
const excelModules = /[\\/]node_modules[\\/](read-excel-file|write-excel-file|fflate)[\\/]|^\0babel-helper:/;

function collectModuleRoles(): Plugin {
  return {
    name: 'governance-cockpit:module-roles',
    apply: 'build',
    buildEnd() {
      const all = [...this.getModuleIds()];
      const staticClosure = (roots: string[]) => {
        const found = new Set<string>();
        const pending = [...roots];
        while (pending.length > 0) {
          const id = pending.pop()!;
          if (found.has(id)) continue;
          found.add(id);
          pending.push(...(this.getModuleInfo(id)?.importedIds ?? []));
        }
        return found;
      };
      const fill = (set: Set<string>, ids: Iterable<string>) => {
        set.clear();
        for (const id of ids) set.add(id);
      };
      fill(workerModules, staticClosure([backupCheckWorker]));
      // What every page loads at start. With one page (the app) this is its whole start-up
      // closure; the benchmark build has two pages, and each keeps what only it loads.
      const pages = all.filter((id) => id !== backupCheckWorker && this.getModuleInfo(id)?.isEntry);
      const closures = pages.map((page) => staticClosure([page]));
      fill(
        startModules,
        [...(closures[0] ?? [])].filter((id) => closures.every((closure) => closure.has(id))),
      );
      // The pages' entry scripts run their page (render into #root): they stay in their page's own chunk.
      fill(
        entryScripts,
        pages.flatMap((page) => [page, ...(this.getModuleInfo(page)?.importedIds ?? [])]),
      );
      // The pack pages: the print window that makes the PDF, and its in-app preview.
      const packPages = staticClosure(all.filter((id) => /[\\/]features[\\/]pack[\\/]Pack(Print|Preview)Page\.tsx$/.test(id)));
      // What only the risk register loads: everything another lazy entry reaches is shared.
      const lazyEntries = new Set(all.flatMap((id) => this.getModuleInfo(id)?.dynamicallyImportedIds ?? []));
      const risks = [...lazyEntries].filter((id) => /[\\/]features[\\/]risks[\\/]RisksSection\.tsx$/.test(id));
      if (risks.length !== 1) this.error('RisksSection.tsx is no longer loaded lazily; update collectModuleRoles in vite.config.ts.');
      const reachedByOthers = staticClosure([...lazyEntries].filter((id) => id !== risks[0]));
      const ownChunks = [...packPages, ...[...staticClosure(risks)].filter((id) => !reachedByOthers.has(id))];
      // A stylesheet those chunks share with the sections stays a file of its own too, so that
      // it keeps its place in the cascade: after the section's own styles, as it always was.
      const sharedStylesheets = ownChunks.flatMap((id) =>
        (this.getModuleInfo(id)?.importedIds ?? []).filter((imported) => /\.css($|\?)/.test(imported)),
      );
      fill(ownChunkModules, [...ownChunks, ...sharedStylesheets]);
    },
  };
}

/**
 * read-excel-file and write-excel-file ship Babel's ES5 output, where every module carries
 * its own copy of the helpers it needs (`_typeof`, `_objectSpread`, iterator helpers ...):
 * about 50 copies. In the build each helper becomes one shared module, the same text once
 * (2 KB gzipped). Only Babel's own helpers, listed by name, move; all other code stays.
 */
const babelHelperNames = new Set(
  `_typeof _defineProperties _createClass _toPropertyKey _toPrimitive _classCallCheck _inherits _createSuper
  _possibleConstructorReturn _assertThisInitialized _wrapNativeSuper _construct _isNativeReflectConstruct
  _isNativeFunction _setPrototypeOf _getPrototypeOf _createForOfIteratorHelperLoose _unsupportedIterableToArray
  _arrayLikeToArray ownKeys _objectSpread _defineProperty _objectWithoutProperties _objectWithoutPropertiesLoose
  _slicedToArray _nonIterableRest _iterableToArrayLimit _arrayWithHoles _toConsumableArray _nonIterableSpread
  _iterableToArray _arrayWithoutHoles`.split(/\s+/),
);

function sharedExcelBabelHelpers(): Plugin {
  const excelLibraryModule = /[\\/]node_modules[\\/](read|write)-excel-file[\\/]modules[\\/].*\.js$/;
  // Babel writes each helper as one top-level line at the top of the module.
  const helperLine = /^function (\w+)\(.*\}\s*$/;
  const prefix = '\0babel-helper:';
  const helperModules = new Map<string, string>();
  return {
    name: 'governance-cockpit:shared-excel-babel-helpers',
    apply: 'build',
    enforce: 'pre',
    resolveId: (source) => (source.startsWith(prefix) ? source : null),
    load: (id) => (id.startsWith(prefix) ? (helperModules.get(id) ?? null) : null),
    transform(code, id) {
      if (!excelLibraryModule.test(id)) return null;
      const lines = code.split('\n');
      const helpers = new Map<string, string>();
      for (const line of lines) {
        const name = helperLine.exec(line)?.[1];
        if (name && babelHelperNames.has(name)) helpers.set(name, line);
      }
      if (helpers.size === 0) return null;
      // A helper's module is named by its text, so differing versions of one helper never mix.
      const moduleOf = new Map(
        [...helpers].map(([name, text]) => [name, `${prefix}${name}:${createHash('sha256').update(text).digest('hex').slice(0, 16)}`]),
      );
      const importOf = (name: string) => `import { ${name} } from ${JSON.stringify(moduleOf.get(name))};`;
      for (const [name, text] of helpers) {
        const uses = [...helpers.keys()].filter((other) => other !== name && new RegExp(`\\b${other}\\b`).test(text));
        helperModules.set(moduleOf.get(name)!, [...uses.map(importOf), text, `export { ${name} };`].join('\n'));
      }
      // Emptied lines, imports on the first line: every other line keeps its number, so the source map holds.
      const body = lines.map((line) => (helpers.get(helperLine.exec(line)?.[1] ?? '') === line ? '' : line));
      return { code: [...helpers.keys()].map(importOf).join('') + body.join('\n'), map: null };
    },
  };
}

/**
 * write-excel-file always runs its image and conditional-formatting features, which only act
 * on a sheet's `images` or `conditionalFormatting` option; the register export sets neither.
 * In the build they are replaced by a check that refuses those options (1.7 KB gzipped).
 */
function writeExcelWithoutImagesOrConditionalFormatting(): Plugin {
  const getFeatures = /[\\/]write-excel-file[\\/]modules[\\/]xlsx[\\/]getFeatures\.js$/;
  const features: Record<string, string> = {
    './features/images.js': 'images',
    './features/conditionalFormatting.js': 'conditionalFormatting',
  };
  const prefix = '\0write-excel-file-without:';
  return {
    name: 'governance-cockpit:write-excel-file-without-images',
    apply: 'build',
    enforce: 'pre',
    resolveId: (source, importer) => (importer && getFeatures.test(importer) && source in features ? prefix + features[source] : null),
    load(id) {
      if (!id.startsWith(prefix)) return null;
      const option = id.slice(prefix.length);
      const refusal = `write-excel-file's ${option} option is not part of the Governance Cockpit renderer build.`;
      return `export default { files: { transform: { '[Content_Types].xml': { insert(sheets) { if (sheets.some((sheet) => sheet.${option})) throw new Error(${JSON.stringify(refusal)}); } } } } };`;
    },
  };
}

/**
 * zod's classic schemas give every schema a JSON Schema generator (`toJSONSchema`,
 * `~standard.jsonSchema`), which pulls all of zod's JSON Schema code into the bundle. The
 * app never turns a schema into JSON Schema, so in the bundle those generators throw;
 * `aggregateChecks`, which getters such as `maxLength` use, stays the real one. Build
 * only: tests and the Node tools run zod unchanged.
 */
function withoutZodJsonSchema(): Plugin {
  const classicSchemas = /[\\/]zod[\\/]v4[\\/]classic[\\/]schemas\.js$/;
  const toJsonSchemaStub = '\0zod-without-json-schema:to-json-schema';
  const processorsStub = '\0zod-without-json-schema:processors';
  const unavailable = "() => { throw new Error('JSON Schema generation is not part of the Governance Cockpit renderer.'); }";
  let realProcessors: string | null = null;
  let schemasFile: string | null = null;
  return {
    name: 'governance-cockpit:zod-without-json-schema',
    apply: 'build',
    enforce: 'pre',
    async resolveId(source, importer) {
      if (!importer || !classicSchemas.test(importer)) return null;
      if (source === '../core/to-json-schema.js') return toJsonSchemaStub;
      if (source !== '../core/json-schema-processors.js') return null;
      realProcessors = (await this.resolve(source, importer, { skipSelf: true }))?.id ?? null;
      schemasFile = importer;
      return realProcessors && processorsStub;
    },
    load(id) {
      if (id === toJsonSchemaStub)
        return `export const createToJSONSchemaMethod = () => ${unavailable};\nexport const createStandardJSONSchemaMethod = () => ${unavailable};`;
      if (id !== processorsStub) return null;
      // Every processor the schemas name, so a zod update that adds one still builds.
      const used = new Set(readFileSync(schemasFile!, 'utf8').match(/(?<=processors\.)\w+/g) ?? []);
      used.delete('aggregateChecks');
      return [
        `export { aggregateChecks } from ${JSON.stringify(realProcessors)};`,
        `const unavailable = ${unavailable};`,
        ...[...used].map((name) => `export { unavailable as ${name} };`),
      ].join('\n');
    },
  };
}

// The renderer is a static site: the Electron shell serves dist/renderer from app://,
// `npm run web` and the tests serve the same files over http.
export default defineConfig({
  root: rendererRoot,
  base: './',
  plugins: [
    react(),
    contentSecurityPolicyMeta(),
    sharedBackupCheckWorker(),
    collectModuleRoles(),
    withoutZodJsonSchema(),
    sharedExcelBabelHelpers(),
    writeExcelWithoutImagesOrConditionalFormatting(),
  ],
  define: { __APP_VERSION__: JSON.stringify(packageJson.version) },
  resolve: {
    alias: [
      { find: '@shared', replacement: fileURLToPath(new URL('./shared', import.meta.url)) },
      // Dexie's ES2020 module build, not the ES5 one its package entry wraps: the same code,
      // 1.5 KB smaller gzipped. The wrapper only guards against two copies of Dexie in one
      // page, which a single bundle cannot have.
      { find: /^dexie$/, replacement: fileURLToPath(new URL('./node_modules/dexie/dist/modern/dexie.mjs', import.meta.url)) },
    ],
  },
  build: {
    // RENDERER_OUT_DIR lets several checkouts' test runs build side by side without clobbering each other.
    outDir: process.env.RENDERER_OUT_DIR ?? fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: true,
    // Rollup's per-chunk warning fires at 500 KB raw; the budget that matters (400 KB
    // gzipped for the whole renderer) is measured by `npm run bench`.
    chunkSizeWarningLimit: 800,
    // Chromium (the desktop shell, the tests, the build target) preloads modules itself.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        codeSplitting: {
          // Each chunk costs its own import and export lists and gzips alone, so fewer, larger
          // chunks are smaller in total (about 10 KB gzipped here). No group changes what loads at start.
          groups: [
            // What the worker loads: zod, the record schemas, the backup checker (and
            // Rolldown's runtime helpers, ids starting with a NUL byte). Nothing else.
            { name: 'validation', test: (id) => workerModules.has(id) || id.startsWith('\0'), minShareCount: 2, priority: 2 },
            // The two Excel libraries and their zip code, loaded together when a workbook is read or written.
            { name: 'excel', test: excelModules, priority: 3 },
            // Everything else the page loads at start, in one chunk instead of five.
            {
              name: 'index',
              test: (id) => startModules.has(id) && !entryScripts.has(id) && !workerModules.has(id) && !id.endsWith('.html'),
              includeDependenciesRecursively: false,
              priority: 1,
            },
            // The lazily loaded sections and pages in one chunk, with one stylesheet: their
            // style sheets scope their rules to their own classes, so loading them together
            // changes nothing on screen. Two sets keep their own chunks: the pack pages, so the
            // print window (the PDF) and its preview load no other section's styles
            // (checkpoints.css styles `tr[data-overdue]`, which the pack's risk table also has);
            // and what only the risk register loads, since heatmap.css styles
            // `.legend-swatch`, a class the KPI trend chart's legend also uses.
            {
              name: 'sections',
              test: (id) =>
                !startModules.has(id) &&
                !workerModules.has(id) &&
                !ownChunkModules.has(id) &&
                !excelModules.test(id) &&
                !id.startsWith('\0'),
              includeDependenciesRecursively: false,
              priority: 1,
            },
          ],
        },
      },
    },
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

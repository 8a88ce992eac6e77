/**
 * Keeps the layers apart: shared/ is pure code both processes can use, renderer/ never
 * reaches for Electron or Node, electron/ never pulls in React or renderer code.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

interface ImportRule {
  layer: string;
  /** Returns why the import is forbidden, or null when it is fine. */
  check(specifier: string, resolvedPath: string | null): string | null;
}

const nodeBuiltin = /^(node:|fs$|path$|os$|child_process$|crypto$|url$|util$|stream$|http$|https$|net$|worker_threads$)/;

export const layerRules: ImportRule[] = [
  {
    layer: 'shared',
    check: (specifier, target) => {
      if (specifier === 'electron' || specifier.startsWith('electron/')) return 'shared/ must not import electron';
      if (/^react(-dom)?(\/|$)/.test(specifier) || specifier.startsWith('dexie'))
        return 'shared/ must stay free of UI and storage libraries';
      if (nodeBuiltin.test(specifier)) return 'shared/ runs in the renderer too, so no Node built-ins';
      if (target && !target.startsWith('shared/')) return `shared/ must not import ${target.split('/')[0]}/`;
      return null;
    },
  },
  {
    layer: 'renderer',
    check: (specifier, target) => {
      if (specifier === 'electron' || specifier.startsWith('electron/')) return 'renderer/ must not import electron; use the platform API';
      if (nodeBuiltin.test(specifier)) return 'renderer/ runs sandboxed, so no Node built-ins';
      if (target?.startsWith('electron/')) return 'renderer/ must not import electron/ code';
      return null;
    },
  },
  {
    layer: 'electron',
    check: (specifier, target) => {
      if (/^react(-dom)?(\/|$)/.test(specifier)) return 'electron/ must not import React';
      if (target?.startsWith('renderer/')) return 'electron/ must not import renderer/ code';
      return null;
    },
  },
];

const importPattern =
  /(?:^|[\s;])(?:import|export)\s(?:[^'"`;]*?\sfrom\s)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Comments may mention forbidden modules (as this file does); only code counts. */
function stripComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

export function importsOf(source: string): string[] {
  const found: string[] = [];
  for (const match of stripComments(source).matchAll(importPattern)) found.push((match[1] ?? match[2] ?? match[3])!);
  return found;
}

/** Project-relative path of a relative or `@shared/` import, or null for a package. */
function resolveSpecifier(fromFile: string, specifier: string): string | null {
  if (specifier.startsWith('@shared/')) return `shared/${specifier.slice('@shared/'.length)}`;
  if (specifier.startsWith('.'))
    return relative(root, resolve(dirname(join(root, fromFile)), specifier))
      .split('\\')
      .join('/');
  return null;
}

export function findViolations(layer: string, file: string, source: string): string[] {
  const rule = layerRules.find((candidate) => candidate.layer === layer)!;
  return importsOf(source).flatMap((specifier) => {
    const reason = rule.check(specifier, resolveSpecifier(file, specifier));
    return reason ? [`${file}: import '${specifier}': ${reason}`] : [];
  });
}

function sourceFiles(folder: string): string[] {
  return readdirSync(join(root, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ts|tsx|mts|cts)$/.test(entry.name))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split('\\').join('/'));
}

describe('layer boundaries', () => {
  for (const layer of ['shared', 'renderer', 'electron']) {
    it(`${layer}/ imports only what its layer allows`, () => {
      const files = sourceFiles(layer);
      expect(files.length).toBeGreaterThan(0);
      const violations = files.flatMap((file) => findViolations(layer, file, readFileSync(join(root, file), 'utf8')));
      expect(violations).toEqual([]);
    });
  }

  it('catches the imports it is meant to forbid', () => {
    expect(findViolations('shared', 'shared/domain/x.ts', "import { app } from 'electron';")).toHaveLength(1);
    expect(findViolations('shared', 'shared/domain/x.ts', "import { db } from '../../renderer/data';")).toHaveLength(1);
    expect(findViolations('shared', 'shared/domain/x.ts', "import { readFile } from 'node:fs';")).toHaveLength(1);
    expect(findViolations('shared', 'shared/domain/x.ts', "export { x } from '../../electron/main';")).toHaveLength(1);
    expect(findViolations('renderer', 'renderer/app/x.tsx', "import { ipcRenderer } from 'electron';")).toHaveLength(1);
    expect(findViolations('renderer', 'renderer/app/x.tsx', "const e = require('electron');")).toHaveLength(1);
    expect(findViolations('electron', 'electron/x.ts', "import React from 'react';")).toHaveLength(1);
    expect(findViolations('renderer', 'renderer/app/x.tsx', "// see require('electron') docs\nimport { z } from 'zod';")).toEqual([]);
    expect(findViolations('electron', 'electron/x.ts', "import { App } from '../renderer/app/App';")).toHaveLength(1);
  });

  it('allows the imports each layer needs', () => {
    expect(findViolations('shared', 'shared/domain/x.ts', "import { z } from 'zod';\nimport type { Team } from './engagement';")).toEqual(
      [],
    );
    expect(findViolations('renderer', 'renderer/app/x.tsx', "import { EngagementSchema } from '@shared/domain/engagement';")).toEqual([]);
    expect(findViolations('electron', 'electron/x.ts', "import { isTrustedAppUrl } from '../shared/platform/origin';")).toEqual([]);
  });
});

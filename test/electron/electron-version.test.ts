/**
 * "Use a current version of Electron": the pinned major must be one the Electron team
 * still patches. Electron supports the latest three stable majors; when 45 was the
 * latest (checked with `npm view electron dist-tags`), that meant 43, 44 and 45.
 * Raise MINIMUM_SUPPORTED_ELECTRON_MAJOR each time a new major ships (every 8 weeks):
 * this test then fails until package.json follows.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const MINIMUM_SUPPORTED_ELECTRON_MAJOR = 43;

const projectRoot = path.resolve(import.meta.dirname, '../..');
const readJson = (relative: string) => JSON.parse(readFileSync(path.join(projectRoot, relative), 'utf8'));

const pinnedRange: string = readJson('package.json').devDependencies.electron;
const lockedVersion: string = readJson('package-lock.json').packages['node_modules/electron'].version;

describe('the Electron version', () => {
  it('is pinned to one major, so an install cannot drift onto another', () => {
    expect(pinnedRange).toMatch(/^[\^~]?\d+\.\d+\.\d+$/);
  });

  it(`is a major the Electron team still supports (${MINIMUM_SUPPORTED_ELECTRON_MAJOR} or later)`, () => {
    const pinnedMajor = Number(/\d+/.exec(pinnedRange)?.[0]);
    expect(pinnedMajor).toBeGreaterThanOrEqual(MINIMUM_SUPPORTED_ELECTRON_MAJOR);
  });

  it('is what the lock file installs', () => {
    expect(lockedVersion.split('.')[0]).toBe(/\d+/.exec(pinnedRange)?.[0]);
    expect(Number(lockedVersion.split('.')[0])).toBeGreaterThanOrEqual(MINIMUM_SUPPORTED_ELECTRON_MAJOR);
  });
});

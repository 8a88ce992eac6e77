/**
 * Property-based fuzzing of the workspace backup import (fast-check).
 *
 * Each case is a valid generated workspace broken on purpose (see hostile-workspace.ts):
 * wrong types, missing and extra fields, duplicate ids within and across tables,
 * dangling references, strings of megabytes, nesting thousands of levels deep,
 * `__proto__` / `constructor` / `prototype` keys at every level, impossible dates and
 * time zones, cut-off or non-JSON text, byte-order marks, wrong headers. For every case
 * the import must refuse, with at least one problem naming a JSON path near the damage,
 * throw nothing, and leave Object.prototype untouched.
 *
 * Counts: `npm test` runs 400 cases with a fresh random seed; `npm run fuzz` runs 10,000
 * (set FUZZ_RUNS for another count). Both print the seed, the count and the time.
 *
 * Replaying a failure: fast-check prints `seed` and `path` with the counterexample; run
 *   FUZZ_SEED=<seed> FUZZ_PATH=<path> npm run fuzz
 * to run that exact case again (already shrunk), or FUZZ_SEED alone to rerun the whole sequence.
 */
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeBackupBytes, parseWorkspaceBackup, type BackupParseResult } from '@shared/backup/workspace-backup';
import { baseTexts, buildCase, hostileCaseArbitrary, pathWithin, prototypeSnapshot } from './hostile-workspace';

const full = process.env.FUZZ_FULL === '1';
const runs = Number(process.env.FUZZ_RUNS ?? (full ? 10_000 : 400));
const seed = process.env.FUZZ_SEED === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(process.env.FUZZ_SEED);
const replayPath = process.env.FUZZ_PATH;

const prototypeBefore = prototypeSnapshot();

/** The import's first two steps, as the app runs them on a file's bytes. */
function importCheck(text: string): BackupParseResult {
  const decoded = decodeBackupBytes(new TextEncoder().encode(text));
  return decoded.ok ? parseWorkspaceBackup(decoded.text) : decoded;
}

describe('workspace backup fuzzing', () => {
  afterAll(() => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(prototypeSnapshot()).toBe(prototypeBefore);
  });

  it('accepts the unbroken workspaces the cases start from (so every refusal below is earned)', () => {
    for (const text of baseTexts) {
      expect(importCheck(text).ok).toBe(true);
      expect(importCheck(`\uFEFF${text}`).ok).toBe(true);
    }
  });

  it(`refuses every malformed or hostile file with a problem naming its JSON path (${runs} cases)`, () => {
    const started = performance.now();
    let refused = 0;
    fc.assert(
      fc.property(hostileCaseArbitrary, (hostile) => {
        const built = buildCase(hostile);
        fc.pre(built.applied > 0);
        let result: BackupParseResult;
        try {
          result = importCheck(built.text);
        } catch (error) {
          throw new Error(`the import threw instead of refusing (${built.description}): ${String(error)}`);
        }
        if (result.ok) throw new Error(`a broken file was accepted: ${built.description}`);
        expect(result.problems.length).toBeGreaterThan(0);
        expect(result.problems.length).toBeLessThanOrEqual(20);
        expect(result.totalProblems).toBeGreaterThanOrEqual(result.problems.length);
        for (const problem of result.problems) {
          expect(problem.path).toMatch(/^\$/);
          // Clear means short enough to read: a hostile key or value is never quoted whole.
          expect(problem.path.length).toBeLessThanOrEqual(200);
          expect(problem.message.trim().length).toBeGreaterThan(0);
          expect(problem.message.length).toBeLessThanOrEqual(400);
        }
        if (built.expectedPaths.length > 0) {
          const named = result.problems.some((problem) => built.expectedPaths.some((expected) => pathWithin(problem.path, expected)));
          if (!named) {
            throw new Error(
              `no problem names ${built.expectedPaths.join(' or ')} (${built.description}); got ${JSON.stringify(result.problems.slice(0, 3))}`,
            );
          }
        }
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        refused++;
      }),
      { numRuns: runs, seed, path: replayPath, endOnFailure: replayPath !== undefined },
    );
    const seconds = (performance.now() - started) / 1000;
    console.log(`workspace fuzz: seed ${seed}, ${refused} cases refused of ${runs} run, ${seconds.toFixed(1)} s`);
    expect(refused).toBeGreaterThan(runs * 0.9);
  }, 600_000);

  it('refuses bytes that are not UTF-8, naming the whole file', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 64 }), fc.nat(), (noise, at) => {
        const bytes = new TextEncoder().encode(baseTexts[0]!);
        // 0xFF never occurs in UTF-8, so the file cannot decode whatever else the noise holds.
        const position = at % bytes.length;
        const broken = new Uint8Array([...bytes.subarray(0, position), 0xff, ...noise, ...bytes.subarray(position)]);
        const decoded = decodeBackupBytes(broken);
        expect(decoded.ok).toBe(false);
        if (!decoded.ok) expect(decoded.problems).toEqual([{ path: '$', message: expect.stringMatching(/not UTF-8/) }]);
      }),
      { numRuns: 50, seed },
    );
  });
});

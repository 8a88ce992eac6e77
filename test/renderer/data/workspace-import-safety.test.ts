/**
 * An import that cannot hurt: hostile files run through the import exactly as the app
 * runs it (importWorkspaceBackup: check the whole file, ask, then replace), and the
 * database must read back byte for byte as before. Then the write itself: a failure in
 * the middle of the one transaction leaves nothing changed.
 *
 * Fewer cases than test/shared/backup/workspace-fuzz.test.ts, because every case exports
 * the whole database from the in-memory IndexedDB: 40 in `npm test`, 400 in `npm run fuzz`
 * (FUZZ_DATA_RUNS for another count). A failure here replays with FUZZ_SEED and FUZZ_DATA_PATH
 * (the `seed` and `path` fast-check prints): FUZZ_SEED=<seed> FUZZ_DATA_PATH=<path> npm run fuzz
 */
import { beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Table } from 'dexie';
import { generateStressWorkspace } from '@shared/demo/generate';
import { serializeWorkspace } from '@shared/backup/workspace-backup';
import { workspaceTableNames, type WorkspaceData } from '@shared/domain/workspace';
import type { CockpitDatabase } from '../../../renderer/data/db';
import type { Repositories } from '../../../renderer/data';
import { importWorkspaceBackup, type ImportProgress } from '../../../renderer/features/workspace/workspace-import';
import { buildCase, fuzzApp, hostileCaseArbitrary, prototypeSnapshot } from '../../shared/backup/hostile-workspace';
import { useTestWorkspace } from './test-workspace';

const full = process.env.FUZZ_FULL === '1';
const runs = Number(process.env.FUZZ_DATA_RUNS ?? (full ? 400 : 40));
const seed = process.env.FUZZ_SEED === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(process.env.FUZZ_SEED);
const replayPath = process.env.FUZZ_DATA_PATH;

let db: CockpitDatabase;
let repositories: Repositories;
useTestWorkspace('import-safety', (opened) => ({ db, repositories } = opened));

/** The workspace already in the database before each import: not the one the cases are cut from. */
const current = generateStressWorkspace({
  today: '2026-11-21',
  seed: 9,
  scale: { engagements: 2, teamsPerEngagement: 2, sprintsPerTeam: 2, risks: 8, actions: 8 },
});
/** Large enough that its biggest tables take several write chunks. */
const incoming = generateStressWorkspace({
  today: '2026-11-21',
  seed: 11,
  scale: { engagements: 3, teamsPerEngagement: 4, sprintsPerTeam: 12, risks: 300, actions: 2500 },
});

const exportNow = () => repositories.workspace.exportText(fuzzApp);
const bytesOf = (text: string) => new TextEncoder().encode(text);

beforeEach(async () => {
  await repositories.workspace.replace(current);
});

describe('importing hostile files', () => {
  it(`changes nothing in the database for any refused file (${runs} cases)`, async () => {
    const before = await exportNow();
    const prototypeBefore = prototypeSnapshot();
    const started = performance.now();
    await fc.assert(
      fc.asyncProperty(hostileCaseArbitrary, async (hostile) => {
        const built = buildCase(hostile);
        fc.pre(built.applied > 0);
        let asked = false;
        const outcome = await importWorkspaceBackup(repositories.workspace, bytesOf(built.text), {
          confirm: async () => {
            asked = true;
            return true;
          },
        });
        expect(outcome.status, built.description).toBe('rejected');
        expect(asked).toBe(false);
        expect(await exportNow()).toBe(before);
      }),
      { numRuns: runs, seed, path: replayPath, endOnFailure: replayPath !== undefined },
    );
    console.log(`workspace import safety: seed ${seed}, ${runs} cases, ${((performance.now() - started) / 1000).toFixed(1)} s`);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(prototypeSnapshot()).toBe(prototypeBefore);
  }, 600_000);

  it('changes nothing when the user declines the replacement', async () => {
    const before = await exportNow();
    const outcome = await importWorkspaceBackup(repositories.workspace, bytesOf(serializeWorkspace(incoming, fuzzApp)), {
      confirm: async ({ incoming: counts, current: now }) => {
        expect(counts.risks).toBe(incoming.risks.length);
        expect(now.risks).toBe(current.risks.length);
        return false;
      },
    });
    expect(outcome).toEqual({ status: 'cancelled' });
    expect(await exportNow()).toBe(before);
  });

  it('imports a valid file completely, reporting each phase in order up to 100%', async () => {
    const text = serializeWorkspace(incoming, fuzzApp);
    const progress: ImportProgress[] = [];
    const outcome = await importWorkspaceBackup(repositories.workspace, bytesOf(`\uFEFF${text}`), {
      confirm: async () => true,
      onProgress: (step) => progress.push(step),
    });
    expect(outcome.status).toBe('imported');
    expect(await exportNow()).toBe(text);
    const phases = progress.map((step) => step.phase).filter((phase, index, all) => all[index - 1] !== phase);
    expect(phases).toEqual(['reading', 'checking', 'writing']);
    for (const phase of phases) {
      const fractions = progress.filter((step) => step.phase === phase).map((step) => step.fraction);
      expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
      expect(fractions.at(-1)).toBe(1);
    }
    // The writing phase moves chunk by chunk, not in one jump from 0 to 1.
    expect(progress.filter((step) => step.phase === 'writing' && step.fraction > 0 && step.fraction < 1).length).toBeGreaterThan(1);
  });
});

describe('replacing the workspace is one transaction', () => {
  it('keeps everything when a record in a late chunk of a late table breaks the primary key', async () => {
    const before = await exportNow();
    const broken = structuredClone(incoming) as WorkspaceData;
    // The actions table is written after most others, in several chunks; the clash is in the last one.
    expect(broken.actionItems.length).toBeGreaterThan(2000);
    broken.actionItems.push({ ...broken.actionItems[0]! });
    const written: number[] = [];
    await expect(repositories.workspace.replace(broken, { onProgress: (count) => written.push(count) })).rejects.toThrow();
    expect(written.at(-1)).toBeGreaterThan(2000);
    expect(await exportNow()).toBe(before);
  });

  it('keeps everything when a write throws half-way (a hook standing in for a full disk)', async () => {
    const before = await exportNow();
    const victim = incoming.risks[incoming.risks.length - 1]!.id;
    (db.risks as Table<{ id: string }, string>).hook('creating', (_key, record) => {
      if (record.id === victim) throw new Error('QuotaExceededError: the disk is full');
    });
    const outcome = importWorkspaceBackup(repositories.workspace, bytesOf(serializeWorkspace(incoming, fuzzApp)), {
      confirm: async () => true,
    });
    await expect(outcome).rejects.toThrow(/disk is full/);
    expect(await exportNow()).toBe(before);
    for (const name of workspaceTableNames) expect(await db[name].count()).toBe(current[name].length);
  });
});

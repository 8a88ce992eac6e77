import { describe, expect, it, vi } from 'vitest';
import { generateDemoWorkspace } from '@shared/demo/generate';
import { buildPack } from '@shared/pack/build-pack';
import { PackSchema } from '@shared/pack/model';
import { engagementScopedTables, type WorkspaceData } from '@shared/domain/workspace';
import { RecordNotFoundError } from '@shared/validation';
import { PackIssueError } from '../../../renderer/data/pack-repository';
import { useTestWorkspace, type TestWorkspace } from './test-workspace';

// The real builder, watched, so one test can make it return a pack that breaks the schema.
vi.mock('@shared/pack/build-pack', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@shared/pack/build-pack')>();
  return { ...actual, buildPack: vi.fn(actual.buildPack) };
});

let workspace: TestWorkspace;
useTestWorkspace('pack-repository', (opened) => (workspace = opened));

async function loadDemo(): Promise<WorkspaceData> {
  const demo = generateDemoWorkspace({ today: '2026-11-21' });
  const settings = await workspace.db.settings.toArray();
  await workspace.repositories.workspace.replace({ ...demo, settings });
  return demo;
}

/** The demo's first engagement and its latest checkpoint. */
function firstCheckpoint(demo: WorkspaceData) {
  const engagement = demo.engagements[0]!;
  const checkpoint = demo.checkpoints
    .filter((entry) => entry.engagementId === engagement.id)
    .sort((a, b) => b.date.localeCompare(a.date))[0]!;
  return { engagement, checkpoint };
}

describe('pack repository', () => {
  it('loads a snapshot holding the settings, the engagement and only its records', async () => {
    const demo = await loadDemo();
    const { engagement } = firstCheckpoint(demo);
    const snapshot = await workspace.repositories.packs.loadSnapshot(engagement.id);
    expect(snapshot.engagements.map((entry) => entry.id)).toEqual([engagement.id]);
    expect(snapshot.settings).toHaveLength(1);
    for (const table of engagementScopedTables) {
      const expected = (demo[table] as Array<{ engagementId: string }>).filter((record) => record.engagementId === engagement.id).length;
      expect([table, snapshot[table].length]).toEqual([table, expected]);
      expect(snapshot[table].every((record) => record.engagementId === engagement.id)).toBe(true);
    }
    expect(snapshot.risks.length).toBeGreaterThan(0);
    expect(demo.risks.length).toBeGreaterThan(snapshot.risks.length);
  });

  it('issues v1, then v2, each freezing the pack built at the moment of issue', async () => {
    const demo = await loadDemo();
    const { engagement, checkpoint } = firstCheckpoint(demo);
    const first = await workspace.repositories.packs.issue(checkpoint.id, { issuedBy: '  Dana Whitfield ', note: '' });
    const second = await workspace.repositories.packs.issue(checkpoint.id, {
      issuedBy: 'Dana Whitfield',
      note: 'Corrected the velocity figures',
    });
    expect([first.version, second.version]).toEqual([1, 2]);
    expect(first).toMatchObject({
      engagementId: engagement.id,
      checkpointId: checkpoint.id,
      issuedBy: 'Dana Whitfield',
      issuedAt: '2026-11-21T10:00:00.000Z',
    });
    expect(second.note).toBe('Corrected the velocity figures');
    expect(first.pack.checkpoint.id).toBe(checkpoint.id);
    expect(first.pack.generatedAt).toBe('2026-11-21T10:00:00.000Z');
    expect(PackSchema.safeParse(first.pack).success).toBe(true);
    const listed = await workspace.repositories.packs.listForEngagement(engagement.id);
    expect(listed.map((entry) => entry.version)).toEqual([2, 1]);
    expect((await workspace.repositories.packs.get(checkpoint.id, 2))?.id).toBe(second.id);
    expect(await workspace.repositories.packs.get(checkpoint.id, 3)).toBeUndefined();
  });

  it('numbers packs issued at the same time from two windows v1 and v2, never twice v1', async () => {
    const demo = await loadDemo();
    const { checkpoint } = firstCheckpoint(demo);
    const issued = await Promise.all([
      workspace.repositories.packs.issue(checkpoint.id, { issuedBy: 'Window one', note: '' }),
      workspace.repositories.packs.issue(checkpoint.id, { issuedBy: 'Window two', note: '' }),
    ]);
    expect(issued.map((entry) => entry.version).sort()).toEqual([1, 2]);
    expect(await workspace.db.issuedPacks.count()).toBe(2);
  });

  it('keeps an issued pack exactly as issued after the data changes, while the draft follows the data', async () => {
    const demo = await loadDemo();
    const { engagement, checkpoint } = firstCheckpoint(demo);
    const issued = await workspace.repositories.packs.issue(checkpoint.id, { issuedBy: 'Dana Whitfield', note: '' });
    const frozen = structuredClone(issued.pack);
    const risk = demo.risks.find(
      (entry) => entry.engagementId === engagement.id && issued.pack.appendix.register.some((row) => row.title === entry.title),
    )!;
    await workspace.repositories.risks.update(risk.id, { title: 'Renamed after the pack was issued' }, risk.revision);

    expect((await workspace.repositories.packs.get(checkpoint.id, 1))!.pack).toEqual(frozen);
    const draft = buildPack(await workspace.repositories.packs.loadSnapshot(engagement.id), checkpoint, {
      generatedAt: frozen.generatedAt,
    });
    expect(draft.appendix.register.map((row) => row.title)).toContain('Renamed after the pack was issued');
    expect(frozen.appendix.register.map((row) => row.title)).not.toContain('Renamed after the pack was issued');
  });

  it('refuses to issue for a checkpoint that does not exist', async () => {
    await expect(workspace.repositories.packs.issue('no-such-checkpoint', { issuedBy: 'Dana', note: '' })).rejects.toBeInstanceOf(
      RecordNotFoundError,
    );
  });

  it('refuses, saying where, when the built pack breaks the pack schema, and stores nothing', async () => {
    const demo = await loadDemo();
    const { checkpoint } = firstCheckpoint(demo);
    const actual = await vi.importActual<typeof import('@shared/pack/build-pack')>('@shared/pack/build-pack');
    vi.mocked(buildPack).mockImplementationOnce((snapshot, at, options) => ({
      ...actual.buildPack(snapshot, at, options),
      confidentialityLabel: 'x'.repeat(121),
    }));
    const refusal = workspace.repositories.packs.issue(checkpoint.id, { issuedBy: 'Dana', note: '' });
    await expect(refusal).rejects.toBeInstanceOf(PackIssueError);
    await expect(refusal).rejects.toThrow(/cannot be issued: confidentialityLabel .*120/);
    expect(await workspace.db.issuedPacks.count()).toBe(0);
  });
});

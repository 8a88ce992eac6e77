import { describe, expect, it } from 'vitest';
import { generateDemoWorkspace } from '@shared/demo/generate';
import { buildPack } from '@shared/pack/build-pack';
import { checkpointsInOrder } from '@shared/pack/checkpoint-timeline';
import { packToMarkdown } from '@shared/pack/markdown';
import { PackSchema, packSectionIds } from '@shared/pack/model';

const demo = generateDemoWorkspace({ today: '2026-11-21' });

describe('buildPack on the demo workspace', () => {
  it('has a closing time for every closed action, cancelled ones too', () => {
    const closed = demo.actionItems.filter((action) => action.status === 'done' || action.status === 'cancelled');
    expect(closed.some((action) => action.status === 'cancelled')).toBe(true);
    for (const action of closed) {
      expect(action.completedAt, action.reference).not.toBeNull();
      expect(action.updatedAt).toBe(action.completedAt);
      expect(action.completedAt! > action.createdAt, action.reference).toBe(true);
    }
  });

  it('builds a valid pack for every checkpoint of every engagement', () => {
    expect(demo.checkpoints.length).toBeGreaterThan(0);
    for (const checkpoint of demo.checkpoints) {
      const pack = buildPack(demo, checkpoint, { generatedAt: '2026-11-21T09:00:00.000Z' });
      expect(() => PackSchema.parse(pack), checkpoint.title).not.toThrow();
      expect(pack.sections.map((section) => section.id)).toEqual([...packSectionIds]);
    }
  });

  it('gives the same pack for the same snapshot, and the same from the engagement records alone', () => {
    const engagement = demo.engagements[0]!;
    const latest = checkpointsInOrder(demo.checkpoints.filter((checkpoint) => checkpoint.engagementId === engagement.id)).at(-1)!;
    const options = { generatedAt: '2026-11-21T09:00:00.000Z' };
    const pack = buildPack(demo, latest, options);
    expect(buildPack(structuredClone(demo), latest, options)).toEqual(pack);
    const onlyThisEngagement = Object.fromEntries(
      Object.entries(demo).map(([table, records]) => [
        table,
        table === 'settings'
          ? records
          : (records as Array<{ id: string; engagementId?: string }>).filter(
              (record) => (record.engagementId ?? record.id) === engagement.id,
            ),
      ]),
    ) as typeof demo;
    expect(buildPack(onlyThisEngagement, latest, options)).toEqual(pack);
    // Something to show in each of the busy sections.
    expect(pack.scorecard.rows.length).toBeGreaterThan(0);
    expect(pack.appendix.register.length).toBeGreaterThan(0);
    expect(pack.actions.carriedOver.length + pack.actions.new.length).toBeGreaterThan(0);
    expect(packToMarkdown(pack, null)).toContain(`# ${engagement.name}`);
  });
});

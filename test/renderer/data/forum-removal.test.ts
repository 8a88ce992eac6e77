import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCockpitDatabase, type CockpitDatabase } from '../../../renderer/data/db';
import { createRepositories, type Repositories } from '../../../renderer/data';
import { generateDemoWorkspace } from '@shared/demo/generate';
import { parseWorkspaceBackup } from '@shared/backup/workspace-backup';
import { RecordConflictError } from '@shared/validation';

let db: CockpitDatabase;
let repositories: Repositories;
let counter = 0;
const clock = { now: () => new Date('2026-11-21T10:00:00.000Z') };
const demo = generateDemoWorkspace({ today: '2026-11-21' });
const engagement = demo.engagements.find((candidate) => candidate.name === 'Harborline payments platform')!;
const forumAt = (level: string) => demo.governanceForums.find((forum) => forum.engagementId === engagement.id && forum.level === level)!;

beforeEach(async () => {
  db = openCockpitDatabase(`cockpit-forum-removal-${++counter}`);
  repositories = createRepositories(db, clock);
  await repositories.workspace.replace(demo);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('removing a governance forum', () => {
  it('clears the forum link of the decisions and checkpoints that name it in the same step, so the workspace still exports and imports', async () => {
    const tactical = forumAt('tactical');
    const naming = demo.decisions.filter((decision) => decision.forumId === tactical.id);
    expect(naming.length).toBeGreaterThan(0);
    const checkpoints = demo.checkpoints.filter((checkpoint) => checkpoint.forumId === tactical.id);
    expect(checkpoints.length).toBeGreaterThan(0);
    const { plan } = await repositories.forumRemoval.preview(tactical.id);
    expect(plan.blockers).toEqual([]);
    expect(plan.deletions).toEqual([]);
    expect(plan.references.map((reference) => [reference.table, reference.recordId, reference.effect]).sort()).toEqual(
      [
        ...naming.map((decision) => ['decisions', decision.id, 'clear']),
        ...checkpoints.map((checkpoint) => ['checkpoints', checkpoint.id, 'clear']),
      ].sort(),
    );

    const unlinked = await repositories.forumRemoval.remove(tactical.id, tactical.revision);
    expect(unlinked).toBe(naming.length + checkpoints.length);
    expect(await db.governanceForums.get(tactical.id)).toBeUndefined();
    for (const decision of naming) {
      const stored = (await db.decisions.get(decision.id))!;
      expect(stored).toMatchObject({
        forumId: null,
        level: decision.level,
        decidedBy: decision.decidedBy,
        revision: decision.revision + 1,
        updatedAt: '2026-11-21T10:00:00.000Z',
      });
    }
    for (const checkpoint of checkpoints) {
      expect(await db.checkpoints.get(checkpoint.id)).toEqual({
        ...checkpoint,
        forumId: null,
        revision: checkpoint.revision + 1,
        updatedAt: '2026-11-21T10:00:00.000Z',
      });
    }
    // Other forums and decisions naming them are untouched.
    const strategic = forumAt('strategic');
    expect(await db.governanceForums.get(strategic.id)).toEqual(strategic);
    const parsed = parseWorkspaceBackup(await repositories.workspace.exportText({ name: 'test', version: '1' }));
    expect(parsed.ok ? [] : parsed.problems).toEqual([]);
  });

  it('refuses to remove a forum changed since it was shown, and changes nothing', async () => {
    const tactical = forumAt('tactical');
    await repositories.governanceForums.update(tactical.id, { forumName: 'Delivery board' }, tactical.revision);
    await expect(repositories.forumRemoval.remove(tactical.id, tactical.revision)).rejects.toBeInstanceOf(RecordConflictError);
    expect((await db.governanceForums.get(tactical.id))?.forumName).toBe('Delivery board');
    const naming = demo.decisions.filter((decision) => decision.forumId === tactical.id);
    for (const decision of naming) expect((await db.decisions.get(decision.id))?.forumId).toBe(tactical.id);
  });
});

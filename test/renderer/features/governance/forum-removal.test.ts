import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCockpitDatabase, type CockpitDatabase } from '../../../../renderer/data/db';
import { createRepositories, type Repositories } from '../../../../renderer/data';
import { forumUsage, removeForum } from '../../../../renderer/features/governance/forum-removal';
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
  it('unlinks the decisions that name it in the same step, so the workspace still exports and imports', async () => {
    const strategic = forumAt('strategic');
    const naming = demo.decisions.filter((decision) => decision.forumId === strategic.id);
    expect(naming.length).toBeGreaterThan(0);
    expect(await forumUsage(db, strategic)).toEqual({
      decisions: naming.length,
      checkpoints: demo.checkpoints.filter((checkpoint) => checkpoint.forumId === strategic.id).length,
    });

    const unlinked = await removeForum(db, clock, strategic.id, strategic.revision);
    expect(unlinked.decisions).toBe(naming.length);
    expect(await db.governanceForums.get(strategic.id)).toBeUndefined();
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
    // Other forums and decisions naming them are untouched.
    const tactical = forumAt('tactical');
    expect(await db.governanceForums.get(tactical.id)).toEqual(tactical);
    const parsed = parseWorkspaceBackup(await repositories.workspace.exportText({ name: 'test', version: '1' }));
    expect(parsed.ok ? [] : parsed.problems).toEqual([]);
  });

  it('refuses to remove a forum changed since it was shown, and changes nothing', async () => {
    const tactical = forumAt('tactical');
    await repositories.governanceForums.update(tactical.id, { forumName: 'Delivery board' }, tactical.revision);
    await expect(removeForum(db, clock, tactical.id, tactical.revision)).rejects.toBeInstanceOf(RecordConflictError);
    expect((await db.governanceForums.get(tactical.id))?.forumName).toBe('Delivery board');
    const naming = demo.decisions.filter((decision) => decision.forumId === tactical.id);
    for (const decision of naming) expect((await db.decisions.get(decision.id))?.forumId).toBe(tactical.id);
  });
});

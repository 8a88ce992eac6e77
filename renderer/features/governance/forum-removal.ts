/**
 * Removing a governance forum. Decisions and checkpoints may name the forum; a backup
 * with a reference to a forum that no longer exists is refused on import, so those
 * records stop naming it in the same transaction that removes it. They keep their
 * level and their text ("decided by"), which is what a reader of the history needs.
 */
import type { GovernanceForum } from '@shared/domain/governance';
import { RecordConflictError, RecordNotFoundError } from '@shared/validation';
import type { CockpitDatabase } from '../../data/db';
import type { Clock } from '../../data/clock';

export interface ForumUsage {
  decisions: number;
  checkpoints: number;
}

export async function forumUsage(db: CockpitDatabase, forum: Pick<GovernanceForum, 'id' | 'engagementId'>): Promise<ForumUsage> {
  const [decisions, checkpoints] = await Promise.all([
    db.decisions
      .where('engagementId')
      .equals(forum.engagementId)
      .filter((decision) => decision.forumId === forum.id)
      .count(),
    db.checkpoints
      .where('engagementId')
      .equals(forum.engagementId)
      .filter((checkpoint) => checkpoint.forumId === forum.id)
      .count(),
  ]);
  return { decisions, checkpoints };
}

/**
 * Deletes the forum and unlinks what named it, all or nothing. Refuses when the forum
 * was changed in another window since it was shown (`expectedRevision`).
 */
export async function removeForum(db: CockpitDatabase, clock: Clock, forumId: string, expectedRevision: number): Promise<ForumUsage> {
  return db.transaction('rw', [db.governanceForums, db.decisions, db.checkpoints], async () => {
    const stored = await db.governanceForums.get(forumId);
    if (!stored) throw new RecordNotFoundError('governance forum', forumId);
    if (stored.revision !== expectedRevision) throw new RecordConflictError('governance forum', forumId, expectedRevision, stored.revision);
    const updatedAt = clock.now().toISOString();
    const unlink = (record: { forumId: string | null; revision: number; updatedAt: string }) => {
      record.forumId = null;
      record.revision += 1;
      record.updatedAt = updatedAt;
    };
    const decisions = await db.decisions
      .where('engagementId')
      .equals(stored.engagementId)
      .filter((decision) => decision.forumId === forumId)
      .modify(unlink);
    const checkpoints = await db.checkpoints
      .where('engagementId')
      .equals(stored.engagementId)
      .filter((checkpoint) => checkpoint.forumId === forumId)
      .modify(unlink);
    await db.governanceForums.delete(forumId);
    return { decisions, checkpoints };
  });
}

/**
 * Removing a governance forum. Decisions and checkpoints may name the forum; a backup
 * with a reference to a forum that no longer exists is refused on import, so whatever
 * names it is changed as `planRemoval` says (the forum link of a decision or checkpoint
 * is cleared) in the same transaction that removes the forum.
 */
import type { GovernanceForum } from '@shared/domain/governance';
import { planRemoval, type RecordReference, type RemovalPlan } from '@shared/domain/references';
import { RecordConflictError, RecordNotFoundError } from '@shared/validation';
import { applyRemovalPlan, readReferencingRecords, referencingTables } from './removal-plan';
import type { CockpitDatabase } from './db';
import type { Clock } from './clock';

export interface ForumRemovalPreview {
  forum: GovernanceForum;
  plan: RemovalPlan;
}

/** Thrown when a record names the forum in a place that cannot be left empty; nothing was written. */
export class ForumRemovalRefusedError extends Error {
  constructor(
    readonly forum: GovernanceForum,
    readonly blockers: RecordReference[],
  ) {
    super(
      `${forum.forumName} cannot be removed yet: ${blockers
        .map((blocker) => `it is the ${blocker.field} of the ${blocker.recordLabel}, which cannot be left without one`)
        .join('; ')}.`,
    );
    this.name = 'ForumRemovalRefusedError';
  }
}

export interface ForumRemoval {
  /** What removing the forum would change, for the confirmation. */
  preview(forumId: string): Promise<ForumRemovalPreview>;
  /**
   * Changes what names the forum, then deletes it, all or nothing. Refuses when the
   * forum was changed in another window since it was shown (`expectedRevision`).
   * Returns how many records were saved without the forum.
   */
  remove(forumId: string, expectedRevision: number): Promise<number>;
}

export function createForumRemoval(db: CockpitDatabase, clock: Clock): ForumRemoval {
  const tables = [db.governanceForums, ...referencingTables(db, 'governanceForums')];

  async function readForum(forumId: string): Promise<GovernanceForum> {
    const forum = await db.governanceForums.get(forumId);
    if (!forum) throw new RecordNotFoundError('governance forum', forumId);
    return forum;
  }

  return {
    preview(forumId) {
      return db.transaction('r', tables, async () => {
        const forum = await readForum(forumId);
        const records = await readReferencingRecords(db, 'governanceForums', forum.engagementId);
        return { forum, plan: planRemoval(records, 'governanceForums', forumId) };
      });
    },

    remove(forumId, expectedRevision) {
      return db.transaction('rw', tables, async () => {
        const forum = await readForum(forumId);
        if (forum.revision !== expectedRevision)
          throw new RecordConflictError('governance forum', forumId, expectedRevision, forum.revision);
        const plan = planRemoval(await readReferencingRecords(db, 'governanceForums', forum.engagementId), 'governanceForums', forumId);
        if (plan.blockers.length > 0) throw new ForumRemovalRefusedError(forum, plan.blockers);
        const updated = await applyRemovalPlan(db, clock, plan);
        await db.governanceForums.delete(forumId);
        return updated;
      });
    },
  };
}

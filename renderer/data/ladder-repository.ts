/**
 * Saving and removing escalation ladders. Each write re-reads the engagement's ladders,
 * people and escalations inside its transaction and checks the ladder against them
 * again, so an escalation raised or moved in another window since the dialog opened
 * cannot be left pointing at a step that no longer exists.
 *
 * The checks are the ladder form's own (`toLadderDraft`, `removalRefusal`): the form
 * shows them while the user edits, and the same rules run here on fresh data.
 */
import { triggerName, type EscalationPath, type EscalationTrigger } from '@shared/domain/escalation';
import { RecordConflictError, type FieldProblem } from '@shared/validation';
import { removalRefusal, toLadderDraft, type LadderFields } from '../features/escalations/ladder-form-model';
import { createRecordRepository } from './record-repository';
import type { CockpitDatabase } from './db';
import type { Clock } from './clock';

/** The ladder was refused; `problems` are in the form's terms, ready for its error summary. */
export class LadderProblemsError extends Error {
  constructor(readonly problems: FieldProblem[]) {
    super(problems.map((problem) => problem.message).join(' '));
    this.name = 'LadderProblemsError';
  }
}

export class LadderInUseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LadderInUseError';
  }
}

export type LadderTarget = { kind: 'existing'; path: EscalationPath } | { kind: 'new'; engagementId: string; trigger: EscalationTrigger };

export function createLadderRepository(db: CockpitDatabase, clock: Clock) {
  const paths = createRecordRepository(db, 'escalationPaths', clock);

  return {
    /** Creates or updates the ladder; throws LadderProblemsError when the fields are refused. */
    async save(target: LadderTarget, fields: LadderFields): Promise<EscalationPath> {
      const engagementId = target.kind === 'existing' ? target.path.engagementId : target.engagementId;
      const trigger = target.kind === 'existing' ? target.path.trigger : target.trigger;
      const pathId = target.kind === 'existing' ? target.path.id : null;

      return db.transaction('rw', [db.escalationPaths, db.escalations, db.people], async () => {
        const [stored, people, escalations] = await Promise.all([
          db.escalationPaths.where({ engagementId }).toArray(),
          db.people.where({ engagementId }).toArray(),
          pathId === null
            ? Promise.resolve([])
            : db.escalations
                .where({ engagementId })
                .filter((escalation) => escalation.pathId === pathId)
                .toArray(),
        ]);
        const others = stored.filter((path) => path.id !== pathId);
        if (trigger !== 'custom') {
          const twin = others.find((path) => path.trigger === trigger);
          if (twin) {
            throw new LadderProblemsError([
              { field: '', path: '', message: `The engagement already has a ${triggerName(twin)} ladder; edit that one instead.` },
            ]);
          }
        }
        const result = toLadderDraft(fields, {
          trigger,
          otherCustomTriggers: others.filter((path) => path.trigger === 'custom').map((path) => path.customTrigger),
          personIds: people.map((person) => person.id),
          escalations,
        });
        if (!result.ok) throw new LadderProblemsError(result.problems);

        if (target.kind === 'existing') return paths.update(target.path.id, result.draft, target.path.revision);
        return paths.create({ engagementId, trigger, ...result.draft });
      });
    },

    /**
     * Removes the ladder as the user saw it (`path`, with its revision) when nothing
     * follows it. Throws RecordConflictError when it was changed in another window since,
     * and LadderInUseError, saying why, when escalations use it. A ladder already removed
     * elsewhere is not an error.
     */
    async remove(path: EscalationPath): Promise<void> {
      await db.transaction('rw', [db.escalationPaths, db.escalations], async () => {
        const stored = await db.escalationPaths.get(path.id);
        // Removed in another window already: what the user asked for holds.
        if (!stored) return;
        if (stored.revision !== path.revision) throw new RecordConflictError('escalation path', path.id, path.revision, stored.revision);
        const followers = await db.escalations
          .where({ engagementId: path.engagementId })
          .filter((escalation) => escalation.pathId === path.id)
          .toArray();
        const refusal = removalRefusal(triggerName(stored), followers);
        if (refusal) throw new LadderInUseError(refusal);
        await db.escalationPaths.delete(path.id);
      });
    },
  };
}
export type LadderRepository = ReturnType<typeof createLadderRepository>;

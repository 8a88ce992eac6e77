/**
 * Saving and removing ladders. Each write re-reads the engagement's ladders, people and
 * escalations inside its transaction and checks the ladder against them again, so an
 * escalation raised or moved in another window since the dialog opened cannot be left
 * pointing at a step that no longer exists.
 */
import type { EscalationPath, EscalationTrigger } from '@shared/domain/escalation';
import { triggerName } from '@shared/governance/escalation-routes';
import type { FieldProblem } from '@shared/validation';
import type { CockpitDatabase } from '../../data/db';
import type { Repositories } from '../../data';
import { removalRefusal, toLadderDraft, type LadderFields } from './ladder-form-model';

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

export function createLadderStore(db: CockpitDatabase, repositories: Repositories) {
  return {
    /** Creates or updates the ladder; throws LadderProblemsError when the fields are refused. */
    async save(target: LadderTarget, fields: LadderFields): Promise<EscalationPath> {
      const engagementId = target.kind === 'existing' ? target.path.engagementId : target.engagementId;
      const trigger = target.kind === 'existing' ? target.path.trigger : target.trigger;
      const pathId = target.kind === 'existing' ? target.path.id : null;

      return db.transaction('rw', [db.escalationPaths, db.escalations, db.people], async () => {
        const [paths, people, escalations] = await Promise.all([
          db.escalationPaths.where({ engagementId }).toArray(),
          db.people.where({ engagementId }).toArray(),
          pathId === null
            ? Promise.resolve([])
            : db.escalations
                .where({ engagementId })
                .filter((escalation) => escalation.pathId === pathId)
                .toArray(),
        ]);
        const others = paths.filter((path) => path.id !== pathId);
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

        if (target.kind === 'existing') return repositories.escalationPaths.update(target.path.id, result.draft, target.path.revision);
        return repositories.escalationPaths.create({ engagementId, trigger, ...result.draft });
      });
    },

    /** Removes a ladder nothing follows; throws LadderInUseError, saying why, when escalations use it. */
    async remove(path: EscalationPath): Promise<void> {
      await db.transaction('rw', [db.escalationPaths, db.escalations], async () => {
        const followers = await db.escalations
          .where({ engagementId: path.engagementId })
          .filter((escalation) => escalation.pathId === path.id)
          .toArray();
        const refusal = removalRefusal(triggerName(path), followers);
        if (refusal) throw new LadderInUseError(refusal);
        await repositories.escalationPaths.remove(path.id);
      });
    },
  };
}
export type LadderStore = ReturnType<typeof createLadderStore>;

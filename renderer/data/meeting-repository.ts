/**
 * Checkpoints and what they produce: decisions and action items. References (D-001, A-001)
 * are worked out inside the transaction that saves the record, so two saves never take the
 * same number; a supersession writes both decisions or neither.
 */
import type { Table } from 'dexie';
import {
  ActionItemSchema,
  CheckpointSchema,
  DecisionSchema,
  type ActionItem,
  type ActionStatus,
  type AgendaItem,
  type Checkpoint,
  type Decision,
} from '@shared/domain/decisions';
import { nextActionReference, nextDecisionReference, suggestedPeriod } from '@shared/pack/checkpoint-timeline';
import {
  RecordConflictError,
  RecordNotFoundError,
  RecordValidationError,
  describeIssues,
  mergeFormProblems,
  type FieldProblem,
} from '@shared/validation';
import type { z } from 'zod';
import type { CockpitDatabase } from './db';
import type { Clock } from './clock';
import { createTemplateRepository } from './template-repository';

type MetaField = 'id' | 'createdAt' | 'updatedAt' | 'revision';

/** What a lead fills in for a new checkpoint; the agenda comes from the workspace template. */
export type CheckpointDraft = Omit<Checkpoint, MetaField | 'agenda' | 'status' | 'periodStart' | 'periodEnd'> & {
  /** Left out: from the day after the previous checkpoint up to its date. */
  periodStart?: string;
  periodEnd?: string;
};
export type CheckpointChanges = Partial<Omit<Checkpoint, MetaField | 'engagementId' | 'agenda'>>;

/** A decision as a form gives it; the register sets the reference and who supersedes it. */
export type DecisionDraft = Omit<Decision, MetaField | 'reference' | 'supersededById'>;
export type DecisionChanges = Partial<Omit<DecisionDraft, 'engagementId'>>;

/** An action as a form gives it; the log sets the reference and the completion time. */
export type ActionDraft = Omit<ActionItem, MetaField | 'reference' | 'completedAt'>;
export type ActionChanges = Partial<Omit<ActionDraft, 'engagementId'>>;

function validated<T>(schema: z.ZodType<T>, candidate: unknown, label: string, own: FieldProblem[] = []): T {
  const parsed = schema.safeParse(candidate);
  const problems = mergeFormProblems(own, parsed.success ? [] : describeIssues(parsed.error.issues));
  if (problems.length > 0 || !parsed.success) throw new RecordValidationError(label, problems);
  return parsed.data;
}

/** A checkpoint covers the time up to its meeting, never beyond it. */
function periodProblems(checkpoint: Pick<Checkpoint, 'date' | 'periodEnd'>): FieldProblem[] {
  return checkpoint.periodEnd > checkpoint.date ? [{ field: 'periodEnd', path: '', message: 'cannot end after the checkpoint date' }] : [];
}

/**
 * The closing time follows the status: set when the action becomes done or cancelled, kept
 * through edits that leave the status alone, cleared when it is reopened. A closed record saved
 * before closing times were kept for cancelled actions is given its last update, the time the
 * pack already read for it, so editing it does not move the day it was closed.
 */
function completionFor(status: ActionStatus, before: ActionItem | null, now: string): string | null {
  if (status === 'open' || status === 'in-progress') return null;
  if (before?.status !== status) return now;
  return before.completedAt ?? before.updatedAt;
}

export function createMeetingRepository(db: CockpitDatabase, clock: Clock) {
  const template = createTemplateRepository(db, clock);
  const linkTables = [db.people, db.governanceForums, db.risks, db.escalations, db.meetingOccurrences, db.rituals];

  async function storedAt<T extends { revision: number }>(table: Table<T, string>, label: string, id: string, expected: number) {
    const stored = await table.get(id);
    if (!stored) throw new RecordNotFoundError(label, id);
    if (stored.revision !== expected) throw new RecordConflictError(label, id, expected, stored.revision);
    return stored;
  }

  /** Ids among `ids` that are not records of the engagement in `table`. */
  async function foreign(table: Table<{ engagementId: string }, string>, ids: readonly string[], engagementId: string) {
    if (ids.length === 0) return false;
    return (await table.bulkGet([...ids])).some((record) => record?.engagementId !== engagementId);
  }

  /**
   * Refuses links to another engagement's records, or to records that are gone, among the
   * links that changed: a link saved long ago to a since-deleted risk does not block an edit.
   */
  async function linkProblems(
    engagementId: string,
    checks: Array<{ field: string; table: Table<{ engagementId: string }, string>; now: readonly string[]; before: readonly string[] }>,
  ): Promise<FieldProblem[]> {
    const problems: FieldProblem[] = [];
    for (const check of checks) {
      const added = check.now.filter((id) => !check.before.includes(id));
      if (await foreign(check.table, added, engagementId))
        problems.push({ field: check.field, path: '', message: 'must be records of this engagement' });
    }
    return problems;
  }

  const asLinkTable = (table: unknown) => table as Table<{ engagementId: string }, string>;
  const one = (id: string | null | undefined) => (id ? [id] : []);

  async function checkpointLinks(checkpoint: Checkpoint, before: Checkpoint | null) {
    return linkProblems(checkpoint.engagementId, [
      { field: 'forumId', table: asLinkTable(db.governanceForums), now: one(checkpoint.forumId), before: one(before?.forumId) },
      { field: 'attendeeIds', table: asLinkTable(db.people), now: checkpoint.attendeeIds, before: before?.attendeeIds ?? [] },
    ]);
  }

  async function saveCheckpoint(candidate: Checkpoint, before: Checkpoint | null): Promise<Checkpoint> {
    const own = [...periodProblems(candidate), ...(await checkpointLinks(candidate, before))];
    const checkpoint = validated(CheckpointSchema, candidate, 'checkpoint', own);
    await db.checkpoints.put(checkpoint);
    return checkpoint;
  }

  async function decisionLinks(decision: Decision, before: Decision | null) {
    return linkProblems(decision.engagementId, [
      { field: 'forumId', table: asLinkTable(db.governanceForums), now: one(decision.forumId), before: one(before?.forumId) },
      { field: 'checkpointId', table: asLinkTable(db.checkpoints), now: one(decision.checkpointId), before: one(before?.checkpointId) },
      { field: 'riskIds', table: asLinkTable(db.risks), now: decision.riskIds, before: before?.riskIds ?? [] },
    ]);
  }

  /**
   * Saves `decision` and, when what it supersedes changed, the decisions on the other side:
   * the newly superseded one is marked superseded and points back; one no longer superseded
   * goes back to accepted. Call inside a transaction over the decisions.
   */
  async function saveDecision(candidate: Decision, before: Decision | null, now: string): Promise<Decision> {
    const own = await decisionLinks(candidate, before);
    const olderId = candidate.supersedesId;
    const previousOlderId = before?.supersedesId ?? null;
    let older: Decision | undefined;
    if (olderId !== null && olderId !== previousOlderId) {
      older = await db.decisions.get(olderId);
      if (!older || older.engagementId !== candidate.engagementId) {
        own.push({ field: 'supersedesId', path: '', message: 'must be a decision of this engagement' });
      } else if (older.id === candidate.id) {
        own.push({ field: 'supersedesId', path: '', message: 'a decision cannot supersede itself' });
      } else if (older.supersededById !== null && older.supersededById !== candidate.id) {
        const newer = await db.decisions.get(older.supersededById);
        own.push({
          field: 'supersedesId',
          path: '',
          message: `${older.reference} is already superseded by ${newer?.reference ?? 'another decision'}`,
        });
      } else if (await supersedes(older, candidate.id)) {
        own.push({
          field: 'supersedesId',
          path: '',
          message: `${older.reference} already supersedes this decision, directly or through others`,
        });
      }
    }
    const decision = validated(DecisionSchema, candidate, 'decision', own);
    await db.decisions.put(decision);
    if (previousOlderId !== null && previousOlderId !== olderId) {
      const released = await db.decisions.get(previousOlderId);
      if (released && released.supersededById === decision.id) {
        await db.decisions.put({
          ...released,
          supersededById: null,
          status: released.status === 'superseded' ? 'accepted' : released.status,
          updatedAt: now,
          revision: released.revision + 1,
        });
      }
    }
    if (older && older.supersededById !== decision.id) {
      await db.decisions.put({ ...older, status: 'superseded', supersededById: decision.id, updatedAt: now, revision: older.revision + 1 });
    }
    return decision;
  }

  /** Whether `decision` supersedes `targetId`, following the chain of what each one superseded. */
  async function supersedes(decision: Decision, targetId: string): Promise<boolean> {
    const seen = new Set<string>();
    let current: Decision | undefined = decision;
    while (current?.supersedesId && !seen.has(current.id)) {
      if (current.supersedesId === targetId) return true;
      seen.add(current.id);
      current = await db.decisions.get(current.supersedesId);
    }
    return false;
  }

  async function actionLinks(action: ActionItem, before: ActionItem | null) {
    const sourceTable =
      action.source.kind === 'checkpoint'
        ? db.checkpoints
        : action.source.kind === 'escalation'
          ? db.escalations
          : action.source.kind === 'other'
            ? null
            : db.meetingOccurrences;
    const problems = await linkProblems(action.engagementId, [
      { field: 'ownerId', table: asLinkTable(db.people), now: one(action.ownerId), before: one(before?.ownerId) },
      { field: 'riskIds', table: asLinkTable(db.risks), now: action.riskIds, before: before?.riskIds ?? [] },
      { field: 'escalationIds', table: asLinkTable(db.escalations), now: action.escalationIds, before: before?.escalationIds ?? [] },
      { field: 'decisionIds', table: asLinkTable(db.decisions), now: action.decisionIds, before: before?.decisionIds ?? [] },
    ]);
    const sourceChanged = action.source.kind !== before?.source.kind || action.source.id !== before?.source.id;
    if (sourceChanged && action.source.id !== null) {
      if (sourceTable === null) problems.push({ field: 'sourceId', path: '', message: 'an action from elsewhere names no record' });
      else if (await foreign(asLinkTable(sourceTable), [action.source.id], action.engagementId))
        problems.push({ field: 'sourceId', path: '', message: 'must be a record of this engagement' });
    }
    return problems;
  }

  async function saveAction(candidate: ActionItem, before: ActionItem | null): Promise<ActionItem> {
    const action = validated(ActionItemSchema, candidate, 'action', await actionLinks(candidate, before));
    await db.actionItems.put(action);
    return action;
  }

  function updateDecision(id: string, changes: DecisionChanges, expectedRevision: number): Promise<Decision> {
    return db.transaction('rw', decisionTables, async () => {
      const stored = await storedAt(db.decisions, 'decision', id, expectedRevision);
      const now = clock.now().toISOString();
      return saveDecision(
        {
          ...stored,
          ...changes,
          id,
          engagementId: stored.engagementId,
          reference: stored.reference,
          updatedAt: now,
          revision: stored.revision + 1,
        },
        stored,
        now,
      );
    });
  }

  /** Saves changes to an action; completing it records when, reopening it clears that. */
  function updateAction(id: string, changes: ActionChanges, expectedRevision: number): Promise<ActionItem> {
    return db.transaction('rw', actionTables, async () => {
      const stored = await storedAt(db.actionItems, 'action', id, expectedRevision);
      const now = clock.now().toISOString();
      return saveAction(
        {
          ...stored,
          ...changes,
          id,
          engagementId: stored.engagementId,
          reference: stored.reference,
          completedAt: completionFor(changes.status ?? stored.status, stored, now),
          updatedAt: now,
          revision: stored.revision + 1,
        },
        stored,
      );
    });
  }

  const checkpointTables = [db.checkpoints, db.settings, db.governanceForums, db.people];
  const decisionTables = [db.decisions, db.checkpoints, ...linkTables];
  const actionTables = [db.actionItems, db.decisions, db.checkpoints, ...linkTables];

  return {
    /** A new planned checkpoint with the workspace template's agenda, covering the time since the previous one unless told otherwise. */
    createCheckpoint(draft: CheckpointDraft): Promise<Checkpoint> {
      return db.transaction('rw', checkpointTables, async () => {
        const now = clock.now().toISOString();
        const existing = await db.checkpoints.where({ engagementId: draft.engagementId }).toArray();
        const period = suggestedPeriod(existing, draft.date);
        const { template: current } = await template.current();
        return saveCheckpoint(
          {
            ...draft,
            periodStart: draft.periodStart ?? period.periodStart,
            periodEnd: draft.periodEnd ?? period.periodEnd,
            id: crypto.randomUUID(),
            status: 'planned',
            agenda: current.checkpointAgenda.map((item) => ({
              id: crypto.randomUUID(),
              section: item.section,
              title: item.title,
              notes: '',
            })),
            createdAt: now,
            updatedAt: now,
            revision: 1,
          },
          null,
        );
      });
    },

    updateCheckpoint(id: string, changes: CheckpointChanges, expectedRevision: number): Promise<Checkpoint> {
      return db.transaction('rw', checkpointTables, async () => {
        const stored = await storedAt(db.checkpoints, 'checkpoint', id, expectedRevision);
        return saveCheckpoint(
          {
            ...stored,
            ...changes,
            id,
            engagementId: stored.engagementId,
            updatedAt: clock.now().toISOString(),
            revision: stored.revision + 1,
          },
          stored,
        );
      });
    },

    /** Replaces the agenda (order, titles, notes, items added or removed) as the meeting goes. */
    updateAgenda(id: string, agenda: AgendaItem[], expectedRevision: number): Promise<Checkpoint> {
      return db.transaction('rw', checkpointTables, async () => {
        const stored = await storedAt(db.checkpoints, 'checkpoint', id, expectedRevision);
        return saveCheckpoint({ ...stored, agenda, updatedAt: clock.now().toISOString(), revision: stored.revision + 1 }, stored);
      });
    },

    captureDecision(draft: DecisionDraft): Promise<Decision> {
      return db.transaction('rw', decisionTables, async () => {
        const now = clock.now().toISOString();
        const references = (await db.decisions.where({ engagementId: draft.engagementId }).toArray()).map((decision) => decision.reference);
        return saveDecision(
          {
            ...draft,
            id: crypto.randomUUID(),
            reference: nextDecisionReference(references),
            supersededById: null,
            createdAt: now,
            updatedAt: now,
            revision: 1,
          },
          null,
          now,
        );
      });
    },

    updateDecision,

    /** `newerId` supersedes `olderId`: both are written in one transaction, or neither. */
    supersede: (newerId: string, olderId: string, expectedRevision: number): Promise<Decision> =>
      updateDecision(newerId, { supersedesId: olderId }, expectedRevision),

    captureAction(draft: ActionDraft): Promise<ActionItem> {
      return db.transaction('rw', actionTables, async () => {
        const now = clock.now().toISOString();
        const references = (await db.actionItems.where({ engagementId: draft.engagementId }).toArray()).map((action) => action.reference);
        return saveAction(
          {
            ...draft,
            id: crypto.randomUUID(),
            reference: nextActionReference(references),
            completedAt: completionFor(draft.status, null, now),
            createdAt: now,
            updatedAt: now,
            revision: 1,
          },
          null,
        );
      });
    },

    updateAction,

    setActionStatus: (id: string, status: ActionStatus, expectedRevision: number): Promise<ActionItem> =>
      updateAction(id, { status }, expectedRevision),
  };
}

export type MeetingRepository = ReturnType<typeof createMeetingRepository>;

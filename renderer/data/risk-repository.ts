/**
 * Writing the risk register. Every write saves the risk and the history entry that
 * describes it in one transaction, so the register and its history never disagree.
 * References, ratings and review dates are worked out here, inside that transaction, from
 * the data and settings as they stand at the moment of saving.
 */
import { defaultWorkspaceSettings } from '@shared/domain/defaults';
import { RiskEventSchema, RiskSchema, type Risk, type RiskEvent } from '@shared/domain/risk';
import { WORKSPACE_SETTINGS_ID, type RiskMatrix, type WorkspaceSettings } from '@shared/domain/settings';
import { diffRisk, riskEventFor, type FieldChange, type riskHistoryFields } from '@shared/risk/history';
import { nextReferences } from '@shared/risk/reference';
import { nextReviewDate } from '@shared/risk/review';
import { currentRating, isOnMatrix } from '@shared/risk/scoring';
import {
  RecordConflictError,
  RecordNotFoundError,
  RecordValidationError,
  describeIssues,
  mergeFormProblems,
  parseOrThrow,
  type FieldProblem,
} from '@shared/validation';
import type { CockpitDatabase } from './db';
import { localCalendarDate, type Clock } from './clock';

/** What a person fills in for a new risk; the register sets the reference, timestamps and review bookkeeping. */
export type RiskDraft = Omit<
  Risk,
  'id' | 'createdAt' | 'updatedAt' | 'revision' | 'reference' | 'nextReviewOn' | 'lastReviewedAt' | 'closedAt'
> & {
  /** Left out: set from the rating's band and the workspace's review interval. */
  nextReviewOn?: string | null;
};

/** The fields an edit may change: those the history records. */
export type RiskChanges = Partial<Pick<Risk, (typeof riskHistoryFields)[number]>>;

const LABEL = 'risk';
const levelFields = ['likelihood', 'impact', 'residualLikelihood', 'residualImpact'] as const;

export function createRiskRegisterRepository(db: CockpitDatabase, clock: Clock) {
  const tables = [db.risks, db.riskEvents, db.settings, db.people, db.kpiDefinitions, db.escalations];

  async function settingsNow(now: string): Promise<WorkspaceSettings> {
    return (await db.settings.get(WORKSPACE_SETTINGS_ID)) ?? defaultWorkspaceSettings(now);
  }

  /**
   * The risk checked against its schema and, for the level fields named, against the
   * workspace matrix: a 3x3 matrix has no level 4, whatever the schema's 1 to 5 allows.
   * Levels not being changed are left alone, so a record saved under an older matrix can
   * still be edited elsewhere.
   */
  function validated(candidate: Risk, matrix: RiskMatrix, levelsToCheck: ReadonlySet<string>): Risk {
    const levelProblems: FieldProblem[] = [];
    for (const field of levelFields) {
      const level = candidate[field];
      if (levelsToCheck.has(field) && typeof level === 'number' && !isOnMatrix(matrix, level, 1)) {
        levelProblems.push({
          field,
          path: '',
          message: `must be between 1 and ${matrix.size} on the workspace's ${matrix.size}x${matrix.size} matrix`,
        });
      }
    }
    const parsed = RiskSchema.safeParse(candidate);
    const problems = mergeFormProblems(levelProblems, parsed.success ? [] : describeIssues(parsed.error.issues));
    if (problems.length > 0 || !parsed.success) throw new RecordValidationError(LABEL, problems);
    return parsed.data;
  }

  /** Refuses an owner, KPI or escalation of another engagement (or none), among the links `fields` names. */
  async function linkProblems(risk: Risk, fields: ReadonlySet<string>, before: Risk | null) {
    const problems: FieldProblem[] = [];
    if (fields.has('ownerId') && risk.ownerId !== null) {
      const owner = await db.people.get(risk.ownerId);
      if (owner?.engagementId !== risk.engagementId)
        problems.push({ field: 'ownerId', path: '', message: 'must be a person of this engagement' });
    }
    const added = (field: 'kpiIds' | 'escalationIds') =>
      fields.has(field) ? risk[field].filter((id) => !(before?.[field] ?? []).includes(id)) : [];
    const newKpis = added('kpiIds');
    if ((await db.kpiDefinitions.bulkGet(newKpis)).some((kpi) => kpi?.engagementId !== risk.engagementId)) {
      problems.push({ field: 'kpiIds', path: '', message: 'must be KPIs of this engagement' });
    }
    const newEscalations = added('escalationIds');
    if ((await db.escalations.bulkGet(newEscalations)).some((escalation) => escalation?.engagementId !== risk.engagementId)) {
      problems.push({ field: 'escalationIds', path: '', message: 'must be escalations of this engagement' });
    }
    if (problems.length > 0) throw new RecordValidationError(LABEL, problems);
  }

  async function save(before: Risk | null, risk: Risk, kind: RiskEvent['kind'], changes: FieldChange[], settings: WorkspaceSettings) {
    const event = parseOrThrow(
      RiskEventSchema,
      riskEventFor({
        risk,
        kind,
        changes,
        at: risk.updatedAt,
        by: settings.userName,
        matrix: settings.riskMatrix,
        newId: () => crypto.randomUUID(),
      }),
      'risk history entry',
    );
    if (before === null) await db.risks.add(risk);
    else await db.risks.put(risk);
    await db.riskEvents.add(event);
    return risk;
  }

  async function storedAt(id: string, expectedRevision: number): Promise<Risk> {
    const stored = await db.risks.get(id);
    if (!stored) throw new RecordNotFoundError(LABEL, id);
    if (stored.revision !== expectedRevision) throw new RecordConflictError(LABEL, id, expectedRevision, stored.revision);
    return stored;
  }

  const reviewDateFrom = (risk: Risk, today: string, settings: WorkspaceSettings) =>
    nextReviewDate(currentRating(settings.riskMatrix, risk).band, today, settings.reviewIntervalDays);

  async function update(id: string, changes: RiskChanges, expectedRevision: number): Promise<Risk> {
    return db.transaction('rw', tables, async () => {
      const stored = await storedAt(id, expectedRevision);
      const instant = clock.now();
      const now = instant.toISOString();
      const settings = await settingsNow(now);
      const candidate: Risk = {
        ...stored,
        ...changes,
        id: stored.id,
        engagementId: stored.engagementId,
        reference: stored.reference,
        createdAt: stored.createdAt,
        lastReviewedAt: stored.lastReviewedAt,
        closedAt: stored.closedAt,
        updatedAt: now,
        revision: stored.revision + 1,
      };
      const closing = stored.status !== 'closed' && candidate.status === 'closed';
      const reopening = stored.status === 'closed' && candidate.status !== 'closed';
      const reviewDateGiven = 'nextReviewOn' in changes;
      if (closing) {
        candidate.closedAt = now;
        // A closed risk is not reviewed any more.
        if (!reviewDateGiven) candidate.nextReviewOn = null;
      }
      if (reopening) {
        candidate.closedAt = null;
        const today = localCalendarDate(instant);
        if (!reviewDateGiven && (candidate.nextReviewOn === null || candidate.nextReviewOn < today)) {
          candidate.nextReviewOn = reviewDateFrom(candidate, today, settings);
        }
      }
      const changedLevels = new Set(levelFields.filter((field) => candidate[field] !== stored[field]));
      const next = validated(candidate, settings.riskMatrix, changedLevels);
      const fieldChanges = diffRisk(stored, next);
      if (fieldChanges.length === 0) return stored;
      await linkProblems(next, new Set(fieldChanges.map((change) => change.field)), stored);
      return save(stored, next, closing ? 'closed' : reopening ? 'reopened' : 'updated', fieldChanges, settings);
    });
  }

  return {
    /** Adds a risk with the next free reference of its engagement and records its creation. */
    async create(draft: RiskDraft): Promise<Risk> {
      return db.transaction('rw', tables, async () => {
        const instant = clock.now();
        const now = instant.toISOString();
        const settings = await settingsNow(now);
        const existing = await db.risks.where({ engagementId: draft.engagementId }).toArray();
        const [reference] = nextReferences(
          existing.map((risk) => risk.reference),
          1,
        );
        const closed = draft.status === 'closed';
        const candidate: Risk = {
          ...draft,
          id: crypto.randomUUID(),
          createdAt: now,
          updatedAt: now,
          revision: 1,
          reference: reference!,
          nextReviewOn: null,
          lastReviewedAt: null,
          closedAt: closed ? now : null,
        };
        if (draft.nextReviewOn !== undefined) candidate.nextReviewOn = draft.nextReviewOn;
        else if (!closed && isOnMatrix(settings.riskMatrix, candidate.likelihood, candidate.impact)) {
          candidate.nextReviewOn = reviewDateFrom(candidate, localCalendarDate(instant), settings);
        }
        const risk = validated(candidate, settings.riskMatrix, new Set(levelFields));
        await linkProblems(risk, new Set(['ownerId', 'kpiIds', 'escalationIds']), null);
        return save(null, risk, 'created', [], settings);
      });
    },

    /**
     * Applies an edit to the risk as the user saw it (`expectedRevision`); refuses with
     * RecordConflictError when it was saved since. Moving to or from "closed" records a
     * closed or reopened event. An edit that changes nothing writes nothing.
     */
    update,

    /** Records a review: reviewed now, next review from the current band's interval. */
    async review(id: string, expectedRevision: number): Promise<Risk> {
      return db.transaction('rw', tables, async () => {
        const stored = await storedAt(id, expectedRevision);
        if (stored.status === 'closed') {
          throw new RecordValidationError(LABEL, [
            { field: 'status', path: '', message: 'is closed; reopen the risk before reviewing it' },
          ]);
        }
        const instant = clock.now();
        const now = instant.toISOString();
        const settings = await settingsNow(now);
        const next = parseOrThrow(
          RiskSchema,
          {
            ...stored,
            lastReviewedAt: now,
            nextReviewOn: reviewDateFrom(stored, localCalendarDate(instant), settings),
            updatedAt: now,
            revision: stored.revision + 1,
          },
          LABEL,
        );
        return save(stored, next, 'reviewed', diffRisk(stored, next), settings);
      });
    },

    close: (id: string, expectedRevision: number) => update(id, { status: 'closed' }, expectedRevision),
    reopen: (id: string, expectedRevision: number) => update(id, { status: 'open' }, expectedRevision),
  };
}
export type RiskRegisterRepository = ReturnType<typeof createRiskRegisterRepository>;

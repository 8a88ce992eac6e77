/**
 * Writing sprints and KPI values. A sprint is checked against the team's other sprints
 * inside the transaction that saves it, so two windows cannot add overlapping sprints;
 * removing a sprint takes its values with it; values are replaced (deleted and added),
 * never edited in place, and a batch is checked in full before any of it is written.
 */
import { Dexie } from 'dexie';
import { KpiMeasurementSchema, SprintSchema, type KpiMeasurement, type Sprint } from '@shared/domain/kpi';
import { sprintProblems } from '@shared/kpi/sprints';
import { valueProblem } from '@shared/kpi/measurement-entry';
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
import type { Clock } from './clock';

/** What a person fills in for a sprint. */
export type SprintInput = Pick<Sprint, 'engagementId' | 'teamId' | 'number' | 'name' | 'startDate' | 'endDate'>;

/** One value to record (a number) or to delete (null) for a team, sprint and KPI. */
export interface MeasurementEntry {
  teamId: string;
  sprintId: string;
  kpiId: string;
  value: number | null;
  source: KpiMeasurement['source'];
  note?: string;
}

export interface MeasurementWriteResult {
  /** Values added or replaced. */
  saved: number;
  /** Values deleted by a null entry (a null over an empty cell counts for nothing). */
  deleted: number;
}

const SPRINT = 'sprint';

/** The stored values of one team, found through the [teamId+sprintId] index in one range scan. */
export function teamMeasurements(db: CockpitDatabase, teamId: string): Promise<KpiMeasurement[]> {
  return db.kpiMeasurements.where('[teamId+sprintId]').between([teamId, Dexie.minKey], [teamId, Dexie.maxKey]).toArray();
}

export function createKpiDataRepository(db: CockpitDatabase, clock: Clock) {
  async function teamOfEngagement(teamId: string, engagementId: string): Promise<void> {
    const team = await db.teams.get(teamId);
    if (team?.engagementId !== engagementId) {
      throw new RecordValidationError(SPRINT, [{ field: 'teamId', path: '', message: 'must be a team of this engagement' }]);
    }
  }

  /**
   * Adds a sprint, or saves changes to `existing` (refused when another window saved a
   * newer revision). The team of a sprint stays the one it was created for.
   */
  async function saveSprint(input: SprintInput, existing?: { id: string; revision: number }): Promise<Sprint> {
    return db.transaction('rw', [db.sprints, db.teams], async () => {
      const now = clock.now().toISOString();
      let candidate: Sprint;
      if (existing) {
        const stored = await db.sprints.get(existing.id);
        if (!stored) throw new RecordNotFoundError(SPRINT, existing.id);
        if (stored.revision !== existing.revision) throw new RecordConflictError(SPRINT, existing.id, existing.revision, stored.revision);
        candidate = {
          ...stored,
          number: input.number,
          name: input.name,
          startDate: input.startDate,
          endDate: input.endDate,
          updatedAt: now,
          revision: stored.revision + 1,
        };
      } else {
        await teamOfEngagement(input.teamId, input.engagementId);
        candidate = { ...input, id: crypto.randomUUID(), createdAt: now, updatedAt: now, revision: 1 };
      }
      const others = await db.sprints.where('teamId').equals(candidate.teamId).toArray();
      const parsed = SprintSchema.safeParse(candidate);
      const problems = mergeFormProblems(
        sprintProblems(candidate, others).map((problem) => ({ ...problem, path: '' })),
        parsed.success ? [] : describeIssues(parsed.error.issues),
      );
      if (problems.length > 0 || !parsed.success) throw new RecordValidationError(SPRINT, problems);
      await db.sprints.put(parsed.data);
      return parsed.data;
    });
  }

  /**
   * Deletes the sprint and every value recorded for it, in one transaction. With
   * `expectedRevision`, refuses when the sprint changed since the caller read it.
   */
  async function removeSprint(id: string, expectedRevision?: number): Promise<{ removedMeasurements: number }> {
    return db.transaction('rw', [db.sprints, db.kpiMeasurements], async () => {
      const stored = await db.sprints.get(id);
      if (!stored) throw new RecordNotFoundError(SPRINT, id);
      if (expectedRevision !== undefined && stored.revision !== expectedRevision) {
        throw new RecordConflictError(SPRINT, id, expectedRevision, stored.revision);
      }
      const removedMeasurements = await db.kpiMeasurements.where('[teamId+sprintId]').equals([stored.teamId, id]).delete();
      await db.sprints.delete(id);
      return { removedMeasurements };
    });
  }

  /**
   * Records or deletes values: each entry replaces whatever the same team, sprint and
   * KPI held. Every entry is checked first (the team, sprint and KPI belong to the
   * engagement and to each other, the value lies in the KPI's range, no cell twice);
   * one problem and nothing is written.
   */
  async function setMeasurements(engagementId: string, entries: readonly MeasurementEntry[]): Promise<MeasurementWriteResult> {
    return db.transaction('rw', [db.kpiMeasurements, db.sprints, db.kpiDefinitions, db.teams], async () => {
      const sprintIds = [...new Set(entries.map((entry) => entry.sprintId))];
      const kpiIds = [...new Set(entries.map((entry) => entry.kpiId))];
      const teamIds = [...new Set(entries.map((entry) => entry.teamId))];
      const [sprints, kpis, teams] = await Promise.all([
        db.sprints.bulkGet(sprintIds),
        db.kpiDefinitions.bulkGet(kpiIds),
        db.teams.bulkGet(teamIds),
      ]);
      const sprintById = new Map(sprints.filter((sprint) => sprint !== undefined).map((sprint) => [sprint.id, sprint]));
      const kpiById = new Map(kpis.filter((kpi) => kpi !== undefined).map((kpi) => [kpi.id, kpi]));
      const teamById = new Map(teams.filter((team) => team !== undefined).map((team) => [team.id, team]));

      const now = clock.now().toISOString();
      const problems: FieldProblem[] = [];
      const seen = new Set<string>();
      const additions: KpiMeasurement[] = [];
      entries.forEach((entry, index) => {
        const sprint = sprintById.get(entry.sprintId);
        const kpi = kpiById.get(entry.kpiId);
        const team = teamById.get(entry.teamId);
        const where = kpi && sprint ? `${kpi.name}, sprint ${sprint.number}` : `entry ${index + 1}`;
        const problem = (message: string) => problems.push({ field: where, path: `$[${index}]`, message });
        if (team?.engagementId !== engagementId) return problem('the team is not one of this engagement');
        if (sprint?.engagementId !== engagementId || sprint.teamId !== entry.teamId) return problem("the sprint is not one of this team's");
        if (kpi?.engagementId !== engagementId) return problem('the KPI is not one of this engagement');
        const cell = `${entry.teamId}|${entry.sprintId}|${entry.kpiId}`;
        if (seen.has(cell)) return problem('is given twice in one save');
        seen.add(cell);
        if (entry.value === null) return;
        const outOfRange = valueProblem(entry.value, kpi);
        if (outOfRange !== null) return problem(outOfRange);
        const record = KpiMeasurementSchema.safeParse({
          id: crypto.randomUUID(),
          engagementId,
          teamId: entry.teamId,
          sprintId: entry.sprintId,
          kpiId: entry.kpiId,
          value: entry.value,
          source: entry.source,
          note: entry.note ?? '',
          recordedAt: now,
        });
        if (!record.success) {
          for (const issue of describeIssues(record.error.issues)) problem(`${issue.field} ${issue.message}`);
          return;
        }
        additions.push(record.data);
      });
      if (problems.length > 0) throw new RecordValidationError('set of KPI values', problems);

      // Replace: drop what the same cells held, then add the new values.
      const cellsBySprint = new Map<string, { teamId: string; sprintId: string; kpiIds: Set<string> }>();
      for (const entry of entries) {
        const key = `${entry.teamId}|${entry.sprintId}`;
        const group = cellsBySprint.get(key) ?? { teamId: entry.teamId, sprintId: entry.sprintId, kpiIds: new Set<string>() };
        group.kpiIds.add(entry.kpiId);
        cellsBySprint.set(key, group);
      }
      const replaced: KpiMeasurement[] = [];
      for (const group of cellsBySprint.values()) {
        const stored = await db.kpiMeasurements.where('[teamId+sprintId]').equals([group.teamId, group.sprintId]).toArray();
        replaced.push(...stored.filter((measurement) => group.kpiIds.has(measurement.kpiId)));
      }
      await db.kpiMeasurements.bulkDelete(replaced.map((measurement) => measurement.id));
      await db.kpiMeasurements.bulkAdd(additions);
      const clearedCells = new Set(
        entries.filter((entry) => entry.value === null).map((entry) => `${entry.teamId}|${entry.sprintId}|${entry.kpiId}`),
      );
      const cleared = replaced.filter((measurement) =>
        clearedCells.has(`${measurement.teamId}|${measurement.sprintId}|${measurement.kpiId}`),
      ).length;
      return { saved: additions.length, deleted: cleared };
    });
  }

  return { saveSprint, removeSprint, setMeasurements, teamMeasurements: (teamId: string) => teamMeasurements(db, teamId) };
}

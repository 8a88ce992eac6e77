/**
 * Writing a Jira import: the new sprints, the Throughput KPI when the engagement has
 * none, and every computed value (replacing any earlier value of the same team, sprint
 * and KPI) in one transaction. Everything is checked inside the transaction first, against
 * the records as they are then, so a refused import or a failure writes nothing.
 */
import {
  KpiDefinitionSchema,
  KpiMeasurementSchema,
  SprintSchema,
  type KpiDefinition,
  type KpiMeasurement,
  type Sprint,
} from '@shared/domain/kpi';
import { describeSprint, sprintProblems, type SprintDraft } from '@shared/kpi/sprints';
import type { KpiImportPayload } from '@shared/kpi/jira/import-payload';
import { THROUGHPUT_KEY, throughputKpiDraft } from '@shared/kpi/jira/throughput-kpi';
import { parseOrThrow } from '@shared/validation';
import type { CockpitDatabase } from './db';
import { systemClock, type Clock } from './clock';

/** The import was refused: nothing was written. `problems` says what and where. */
export class KpiImportError extends Error {
  constructor(readonly problems: string[]) {
    super(`Nothing was imported: ${problems.join(' ')}`);
    this.name = 'KpiImportError';
  }
}

export interface KpiImportResult {
  sprintsCreated: Sprint[];
  throughputKpi: KpiDefinition | null;
  valuesWritten: number;
  /** Earlier values of the same team, sprint and KPI that were replaced. */
  valuesReplaced: number;
  /** KPI keys that had values but no (or only a retired) KPI in the engagement, so nothing was written for them. */
  skippedKpiKeys: string[];
}

export function createKpiImport(db: CockpitDatabase, clock: Clock = systemClock) {
  return {
    async importJira(payload: KpiImportPayload): Promise<KpiImportResult> {
      return db.transaction('rw', [db.engagements, db.teams, db.sprints, db.kpiDefinitions, db.kpiMeasurements], async () => {
        const problems: string[] = [];
        const engagement = await db.engagements.get(payload.engagementId);
        if (!engagement) throw new KpiImportError(['This engagement no longer exists.']);
        const byEngagement = { engagementId: payload.engagementId };
        const [teams, sprints, kpis] = await Promise.all([
          db.teams.where(byEngagement).toArray(),
          db.sprints.where(byEngagement).toArray(),
          db.kpiDefinitions.where(byEngagement).toArray(),
        ]);
        const teamById = new Map(teams.map((team) => [team.id, team]));
        const sprintById = new Map(sprints.map((sprint) => [sprint.id, sprint]));
        const now = clock.now().toISOString();

        // New sprints: valid records that fit between the team's sprints and each other.
        const newSprintByEntry = new Map<string, Sprint>();
        const accepted = new Map<string, Array<SprintDraft & { id: string }>>();
        for (const draft of [...payload.newSprints].sort((a, b) => a.number - b.number)) {
          const team = teamById.get(draft.teamId);
          if (!team) {
            problems.push(`The team of the new sprint ${draft.name} is not part of this engagement any more.`);
            continue;
          }
          const record: Sprint = {
            id: crypto.randomUUID(),
            engagementId: payload.engagementId,
            teamId: draft.teamId,
            number: draft.number,
            name: draft.name,
            startDate: draft.startDate,
            endDate: draft.endDate,
            createdAt: now,
            updatedAt: now,
            revision: 1,
          };
          const schemaCheck = SprintSchema.safeParse(record);
          if (!schemaCheck.success) {
            problems.push(
              `${team.name}, new sprint ${draft.name}: ${schemaCheck.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`).join('; ')}.`,
            );
            continue;
          }
          const others = [...sprints.filter((sprint) => sprint.teamId === draft.teamId), ...(accepted.get(draft.teamId) ?? [])];
          const found = sprintProblems({ ...record }, others);
          if (found.length > 0) {
            problems.push(
              `${team.name}, new ${describeSprint(record)} from ${draft.name}: ${found.map((problem) => problem.message).join('; ')}.`,
            );
            continue;
          }
          accepted.set(draft.teamId, [...(accepted.get(draft.teamId) ?? []), record]);
          newSprintByEntry.set(draft.entryKey, record);
        }

        // KPIs by key; Throughput is added when values need it and the engagement has none.
        const kpiByKey = new Map(kpis.map((kpi) => [kpi.key, kpi]));
        let throughputKpi: KpiDefinition | null = null;
        if (!kpiByKey.has(THROUGHPUT_KEY) && payload.values.some((value) => value.kpiKey === THROUGHPUT_KEY)) {
          throughputKpi = parseOrThrow(
            KpiDefinitionSchema,
            { ...throughputKpiDraft(payload.engagementId), id: crypto.randomUUID(), createdAt: now, updatedAt: now, revision: 1 },
            'Throughput KPI',
          );
          kpiByKey.set(THROUGHPUT_KEY, throughputKpi);
        }

        const skippedKpiKeys = new Set<string>();
        const measurements: KpiMeasurement[] = [];
        const seen = new Set<string>();
        for (const value of payload.values) {
          const kpi = kpiByKey.get(value.kpiKey);
          if (!kpi || kpi.retired) {
            skippedKpiKeys.add(value.kpiKey);
            continue;
          }
          const team = teamById.get(value.teamId);
          const sprint =
            'existingId' in value.sprint ? sprintById.get(value.sprint.existingId) : newSprintByEntry.get(value.sprint.entryKey);
          if (!team) {
            problems.push(`A value of ${kpi.name} belongs to a team that is not part of this engagement any more.`);
            continue;
          }
          if (!sprint) {
            // A new sprint that was refused has its problem listed already.
            if ('existingId' in value.sprint)
              problems.push(`${team.name}: a sprint the import was matched to has been removed since; look at the file again.`);
            continue;
          }
          if (sprint.teamId !== team.id) {
            problems.push(`${team.name}: Sprint ${sprint.number} belongs to another team.`);
            continue;
          }
          if (value.value < kpi.validRange.min || value.value > kpi.validRange.max) {
            problems.push(
              `${team.name}, Sprint ${sprint.number}, ${kpi.name}: ${value.value} is outside the KPI’s plausible range ${kpi.validRange.min} to ${kpi.validRange.max}.`,
            );
            continue;
          }
          const cell = `${team.id}|${sprint.id}|${kpi.id}`;
          if (seen.has(cell)) {
            problems.push(`${team.name}, Sprint ${sprint.number}, ${kpi.name}: the import holds two values for it.`);
            continue;
          }
          seen.add(cell);
          measurements.push(
            parseOrThrow(
              KpiMeasurementSchema,
              {
                id: crypto.randomUUID(),
                engagementId: payload.engagementId,
                teamId: team.id,
                sprintId: sprint.id,
                kpiId: kpi.id,
                value: value.value,
                source: payload.source,
                note: value.note,
                recordedAt: now,
              },
              `value of ${kpi.name} for ${team.name}, Sprint ${sprint.number}`,
            ),
          );
        }
        if (problems.length > 0) throw new KpiImportError(problems);

        // Earlier values of the same team, sprint and KPI are replaced, never duplicated.
        const replaced: string[] = [];
        const existingSprintIds = new Set(measurements.map((measurement) => measurement.sprintId).filter((id) => sprintById.has(id)));
        for (const sprintId of existingSprintIds) {
          const sprint = sprintById.get(sprintId)!;
          const stored = await db.kpiMeasurements.where('[teamId+sprintId]').equals([sprint.teamId, sprintId]).toArray();
          for (const old of stored) if (seen.has(`${old.teamId}|${old.sprintId}|${old.kpiId}`)) replaced.push(old.id);
        }

        const sprintsCreated = [...newSprintByEntry.values()];
        if (sprintsCreated.length > 0) await db.sprints.bulkAdd(sprintsCreated);
        if (throughputKpi) await db.kpiDefinitions.add(throughputKpi);
        if (replaced.length > 0) await db.kpiMeasurements.bulkDelete(replaced);
        if (measurements.length > 0) await db.kpiMeasurements.bulkAdd(measurements);
        return {
          sprintsCreated,
          throughputKpi,
          valuesWritten: measurements.length,
          valuesReplaced: replaced.length,
          skippedKpiKeys: [...skippedKpiKeys],
        };
      });
    },
  };
}
export type KpiImport = ReturnType<typeof createKpiImport>;

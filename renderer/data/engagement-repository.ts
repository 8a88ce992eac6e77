/**
 * Engagements are created, edited and deleted together with their teams and, on
 * creation, the default operating model, so each of these is one transaction.
 */
import {
  EngagementDraftSchema,
  EngagementSchema,
  TeamSchema,
  type Engagement,
  type EngagementDraft,
  type Team,
} from '@shared/domain/engagement';
import { buildEngagementDefaults } from '@shared/domain/defaults';
import { WORKSPACE_SETTINGS_ID } from '@shared/domain/settings';
import { engagementScopedTables } from '@shared/domain/workspace';
import { RecordConflictError, RecordNotFoundError, parseOrThrow } from '@shared/validation';
import type { CockpitDatabase } from './db';
import { localCalendarDate, type Clock } from './clock';

export interface EngagementRepository {
  create(draft: EngagementDraft): Promise<Engagement>;
  /** Saves the form over the stored engagement; teams missing from the draft are removed with their data. */
  update(id: string, draft: EngagementDraft, expectedRevision: number): Promise<Engagement>;
  /** Removes the engagement and every record that belongs to it. */
  remove(id: string): Promise<void>;
  /** What removing these teams would take with them, for the confirmation dialog. */
  describeTeamRemoval(
    teamIds: string[],
  ): Promise<{ sprints: number; measurements: number; roleAssignments: number; ritualsRetired: number }>;
}

export function createEngagementRepository(db: CockpitDatabase, clock: Clock): EngagementRepository {
  const allScopedTables = engagementScopedTables.map((table) => db[table]);

  function buildTeams(engagementId: string, draftTeams: EngagementDraft['teams'], existing: Map<string, Team>, now: string): Team[] {
    return draftTeams.map((draft, index) => {
      const { id: draftId, ...fields } = draft;
      const previous = draftId ? existing.get(draftId) : undefined;
      return parseOrThrow(
        TeamSchema,
        {
          ...fields,
          id: previous?.id ?? crypto.randomUUID(),
          engagementId,
          createdAt: previous?.createdAt ?? now,
          updatedAt: now,
          revision: (previous?.revision ?? 0) + 1,
        },
        `team ${index + 1}`,
      );
    });
  }

  async function removeTeamsData(teamIds: string[]): Promise<void> {
    if (teamIds.length === 0) return;
    const sprintIds = await db.sprints.where('teamId').anyOf(teamIds).primaryKeys();
    // `teamId` is served by the [teamId+sprintId] compound index (Dexie virtual index).
    await db.kpiMeasurements.where('teamId').anyOf(teamIds).delete();
    await db.sprints.bulkDelete(sprintIds);
    await db.teams.bulkDelete(teamIds);
    const removed = new Set(teamIds);
    const coversRemovedTeam = (record: { teamIds: string[] }) => record.teamIds.some((teamId) => removed.has(teamId));
    const onlyRemovedTeams = (record: { teamIds: string[] }) =>
      record.teamIds.length > 0 && record.teamIds.every((teamId) => removed.has(teamId));
    const now = clock.now();
    const touch = (record: { teamIds: string[]; updatedAt: string; revision: number }) => {
      record.teamIds = record.teamIds.filter((teamId) => !removed.has(teamId));
      record.updatedAt = now.toISOString();
      record.revision += 1;
    };
    // A record left without teams would read as engagement-wide. A role held only for the
    // removed teams goes with them; a ritual that only they held is retired, keeping its
    // meetings in the history.
    await db.roleAssignments.filter(onlyRemovedTeams).delete();
    await db.roleAssignments.filter(coversRemovedTeam).modify(touch);
    const today = localCalendarDate(now);
    await db.rituals.filter(coversRemovedTeam).modify((ritual) => {
      if (onlyRemovedTeams(ritual) && (ritual.retiredOn === null || ritual.retiredOn > today)) {
        // Retiring never predates the ritual's first meeting.
        ritual.retiredOn = ritual.firstDate > today ? ritual.firstDate : today;
      }
      touch(ritual);
    });
  }

  return {
    async create(draftInput) {
      const draft = parseOrThrow(EngagementDraftSchema, draftInput, 'engagement');
      const now = clock.now().toISOString();
      const { teams: draftTeams, ...fields } = draft;
      const engagement = parseOrThrow(
        EngagementSchema,
        { ...fields, id: crypto.randomUUID(), createdAt: now, updatedAt: now, revision: 1 },
        'engagement',
      );
      const teams = buildTeams(engagement.id, draftTeams, new Map(), now);
      await db.transaction(
        'rw',
        [
          db.settings,
          db.engagements,
          db.teams,
          db.governanceForums,
          db.rituals,
          db.standardItems,
          db.communicationPlan,
          db.escalationPaths,
          db.kpiDefinitions,
        ],
        async () => {
          // Read inside the transaction: the template in force is the one the engagement gets.
          const template = (await db.settings.get(WORKSPACE_SETTINGS_ID))?.engagementTemplate ?? undefined;
          const defaults = buildEngagementDefaults(engagement, { newId: () => crypto.randomUUID(), now }, template);
          await db.engagements.add(engagement);
          await db.teams.bulkAdd(teams);
          await db.governanceForums.bulkAdd(defaults.governanceForums);
          await db.rituals.bulkAdd(defaults.rituals);
          await db.standardItems.bulkAdd(defaults.standardItems);
          await db.communicationPlan.bulkAdd(defaults.communicationPlan);
          await db.escalationPaths.bulkAdd(defaults.escalationPaths);
          await db.kpiDefinitions.bulkAdd(defaults.kpiDefinitions);
        },
      );
      return engagement;
    },

    async update(id, draftInput, expectedRevision) {
      const draft = parseOrThrow(EngagementDraftSchema, draftInput, 'engagement');
      return db.transaction('rw', [db.engagements, db.teams, db.sprints, db.kpiMeasurements, db.roleAssignments, db.rituals], async () => {
        const stored = await db.engagements.get(id);
        if (!stored) throw new RecordNotFoundError('engagement', id);
        if (stored.revision !== expectedRevision) throw new RecordConflictError('engagement', id, expectedRevision, stored.revision);
        const now = clock.now().toISOString();
        const { teams: draftTeams, ...fields } = draft;
        const engagement = parseOrThrow(
          EngagementSchema,
          { ...stored, ...fields, updatedAt: now, revision: stored.revision + 1 },
          'engagement',
        );
        const existingTeams = await db.teams.where('engagementId').equals(id).toArray();
        const existingById = new Map(existingTeams.map((team) => [team.id, team]));
        const teams = buildTeams(id, draftTeams, existingById, now);
        const keptIds = new Set(teams.map((team) => team.id));
        await removeTeamsData(existingTeams.filter((team) => !keptIds.has(team.id)).map((team) => team.id));
        await db.teams.bulkPut(teams);
        await db.engagements.put(engagement);
        return engagement;
      });
    },

    async remove(id) {
      await db.transaction('rw', [db.engagements, db.settings, ...allScopedTables], async () => {
        if (!(await db.engagements.get(id))) throw new RecordNotFoundError('engagement', id);
        for (const table of allScopedTables) await table.where('engagementId').equals(id).delete();
        await db.engagements.delete(id);
        const settings = await db.settings.get(WORKSPACE_SETTINGS_ID);
        if (settings?.lastEngagementId === id) await db.settings.put({ ...settings, lastEngagementId: null });
      });
    },

    async describeTeamRemoval(teamIds) {
      const sprintIds = await db.sprints.where('teamId').anyOf(teamIds).primaryKeys();
      const measurements = await db.kpiMeasurements.where('teamId').anyOf(teamIds).count();
      const removed = new Set(teamIds);
      const onlyRemovedTeams = (record: { teamIds: string[] }) =>
        record.teamIds.length > 0 && record.teamIds.every((teamId) => removed.has(teamId));
      const today = localCalendarDate(clock.now());
      const [roleAssignments, rituals] = await Promise.all([
        db.roleAssignments.filter(onlyRemovedTeams).count(),
        db.rituals.filter((ritual) => onlyRemovedTeams(ritual) && (ritual.retiredOn === null || ritual.retiredOn > today)).count(),
      ]);
      return { sprints: sprintIds.length, measurements, roleAssignments, ritualsRetired: rituals };
    },
  };
}

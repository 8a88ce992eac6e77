/**
 * The renderer's data layer: one database per origin and the repositories over it.
 * Components read with live queries (`useLiveQuery`) and write through these functions.
 */
import { openCockpitDatabase, type CockpitDatabase } from './db';
import { systemClock, type Clock } from './clock';
import { createEngagementRepository } from './engagement-repository';
import { createAppendOnlyRepository, createRecordRepository } from './record-repository';
import { createWorkspaceRepository } from './workspace-repository';
import { createTemplateRepository } from './template-repository';
import { createPeopleRepository } from './people-repository';
import { createLadderRepository } from './ladder-repository';
import { createForumRemoval } from './forum-removal';
import { createRiskRegisterRepository } from './risk-repository';
import { createSettingsRepository } from './settings-repository';
import { createKpiDataRepository } from './kpi-data-repository';
import { createKpiImport } from './kpi-import';
import { createPackRepository } from './pack-repository';
import { createMeetingRepository } from './meeting-repository';

export function createRepositories(db: CockpitDatabase, clock: Clock = systemClock) {
  const record = <T extends Parameters<typeof createRecordRepository>[1]>(table: T) => createRecordRepository(db, table, clock);
  return {
    workspace: createWorkspaceRepository(db, clock),
    settings: createSettingsRepository(db, clock),
    engagements: createEngagementRepository(db, clock),
    template: createTemplateRepository(db, clock),
    teams: record('teams'),
    people: record('people'),
    roleAssignments: record('roleAssignments'),
    peopleAndRoles: createPeopleRepository(db, clock),
    governanceForums: record('governanceForums'),
    forumRemoval: createForumRemoval(db, clock),
    rituals: record('rituals'),
    meetingOccurrences: record('meetingOccurrences'),
    standardItems: record('standardItems'),
    communicationPlan: record('communicationPlan'),
    kpiDefinitions: record('kpiDefinitions'),
    kpiMeasurements: createAppendOnlyRepository(db, 'kpiMeasurements'),
    sprints: record('sprints'),
    kpiData: createKpiDataRepository(db, clock),
    kpiImport: createKpiImport(db, clock),
    escalationPaths: record('escalationPaths'),
    ladders: createLadderRepository(db, clock),
    escalations: record('escalations'),
    risks: record('risks'),
    riskEvents: createAppendOnlyRepository(db, 'riskEvents'),
    riskRegister: createRiskRegisterRepository(db, clock),
    decisions: record('decisions'),
    actionItems: record('actionItems'),
    checkpoints: record('checkpoints'),
    packs: createPackRepository(db, clock),
    meetings: createMeetingRepository(db, clock),
  };
}
export type Repositories = ReturnType<typeof createRepositories>;

export const db = openCockpitDatabase();
export const repositories = createRepositories(db);

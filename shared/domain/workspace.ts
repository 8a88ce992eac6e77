/**
 * The workspace as a whole: every table, its record schema, and the references between
 * tables. The Dexie database, the backup format and the demo generator all derive from
 * this one registry, so adding an entity means adding it here first.
 */
import type { z } from 'zod';
import { EngagementSchema, PersonSchema, RoleAssignmentSchema, TeamSchema } from './engagement';
import {
  CommunicationPlanEntrySchema,
  GovernanceForumSchema,
  MeetingOccurrenceSchema,
  RitualSchema,
  StandardItemSchema,
} from './governance';
import { RiskEventSchema, RiskSchema } from './risk';
import { EscalationPathSchema, EscalationSchema } from './escalation';
import { KpiDefinitionSchema, KpiMeasurementSchema, SprintSchema } from './kpi';
import { ActionItemSchema, CheckpointSchema, DecisionSchema } from './decisions';
import { WorkspaceSettingsSchema } from './settings';
import { IssuedPackSchema } from './issued-pack';

/** Table name -> record schema, in dependency order (referenced tables first). */
export const workspaceTableSchemas = {
  settings: WorkspaceSettingsSchema,
  engagements: EngagementSchema,
  teams: TeamSchema,
  people: PersonSchema,
  roleAssignments: RoleAssignmentSchema,
  governanceForums: GovernanceForumSchema,
  rituals: RitualSchema,
  meetingOccurrences: MeetingOccurrenceSchema,
  standardItems: StandardItemSchema,
  communicationPlan: CommunicationPlanEntrySchema,
  kpiDefinitions: KpiDefinitionSchema,
  sprints: SprintSchema,
  kpiMeasurements: KpiMeasurementSchema,
  escalationPaths: EscalationPathSchema,
  escalations: EscalationSchema,
  risks: RiskSchema,
  riskEvents: RiskEventSchema,
  decisions: DecisionSchema,
  actionItems: ActionItemSchema,
  checkpoints: CheckpointSchema,
  issuedPacks: IssuedPackSchema,
} as const;

export type WorkspaceTableName = keyof typeof workspaceTableSchemas;
export type WorkspaceRecord<T extends WorkspaceTableName> = z.infer<(typeof workspaceTableSchemas)[T]>;
export type WorkspaceData = { [T in WorkspaceTableName]: WorkspaceRecord<T>[] };

export const workspaceTableNames = Object.keys(workspaceTableSchemas) as WorkspaceTableName[];

/** Tables whose records belong to one engagement (everything but the settings). */
export const engagementScopedTables = workspaceTableNames.filter(
  (table): table is Exclude<WorkspaceTableName, 'settings' | 'engagements'> => table !== 'settings' && table !== 'engagements',
);

export const tableLabels: Record<WorkspaceTableName, string> = {
  settings: 'workspace settings',
  engagements: 'engagements',
  teams: 'teams',
  people: 'people',
  roleAssignments: 'role assignments',
  governanceForums: 'governance forums',
  rituals: 'rituals',
  meetingOccurrences: 'meeting occurrences',
  standardItems: 'standards checklist items',
  communicationPlan: 'communication plan entries',
  kpiDefinitions: 'KPI definitions',
  sprints: 'sprints',
  kpiMeasurements: 'KPI measurements',
  escalationPaths: 'escalation paths',
  escalations: 'escalations',
  risks: 'risks',
  riskEvents: 'risk history events',
  decisions: 'decisions',
  actionItems: 'action items',
  checkpoints: 'checkpoints',
  issuedPacks: 'issued packs',
};

export function emptyWorkspace(): WorkspaceData {
  return Object.fromEntries(workspaceTableNames.map((table) => [table, []])) as unknown as WorkspaceData;
}

/**
 * A field of a record that points at a record of another table. `read` returns the
 * referenced ids (none for null), with a path suffix for error messages.
 */
export interface ReferenceSpec {
  target: WorkspaceTableName;
  read(record: Record<string, unknown>): Array<{ id: string; path: Array<string | number> }>;
}

const one = (field: string, target: WorkspaceTableName): ReferenceSpec => ({
  target,
  read: (record) => (typeof record[field] === 'string' ? [{ id: record[field] as string, path: [field] }] : []),
});
const many = (field: string, target: WorkspaceTableName): ReferenceSpec => ({
  target,
  read: (record) => {
    const ids = record[field];
    return Array.isArray(ids) ? ids.map((id: string, index) => ({ id, path: [field, index] })) : [];
  },
});
const engagement = one('engagementId', 'engagements');

/** Every reference between tables; the backup importer refuses dangling ones. */
export const workspaceReferences: { [T in WorkspaceTableName]: ReferenceSpec[] } = {
  settings: [one('lastEngagementId', 'engagements')],
  engagements: [],
  teams: [engagement],
  people: [engagement],
  roleAssignments: [engagement, one('personId', 'people'), many('teamIds', 'teams')],
  governanceForums: [engagement, many('clientOwnerIds', 'people'), many('partnerOwnerIds', 'people'), many('memberIds', 'people')],
  rituals: [engagement, one('facilitatorId', 'people'), many('teamIds', 'teams')],
  meetingOccurrences: [engagement, one('ritualId', 'rituals'), many('attendeeIds', 'people')],
  standardItems: [engagement, one('ownerId', 'people')],
  communicationPlan: [engagement, one('ownerId', 'people')],
  kpiDefinitions: [engagement, one('ownerId', 'people'), many('reviewRotation', 'people')],
  sprints: [engagement, one('teamId', 'teams')],
  kpiMeasurements: [engagement, one('teamId', 'teams'), one('sprintId', 'sprints'), one('kpiId', 'kpiDefinitions')],
  escalationPaths: [
    engagement,
    {
      target: 'people',
      read: (record) =>
        (Array.isArray(record.steps) ? record.steps : []).flatMap((step: { owner?: { kind?: string; personId?: string } }, index) =>
          step?.owner?.kind === 'person' && typeof step.owner.personId === 'string'
            ? [{ id: step.owner.personId, path: ['steps', index, 'owner', 'personId'] }]
            : [],
        ),
    },
  ],
  escalations: [engagement, one('pathId', 'escalationPaths'), many('riskIds', 'risks')],
  risks: [engagement, one('ownerId', 'people'), many('kpiIds', 'kpiDefinitions'), many('escalationIds', 'escalations')],
  riskEvents: [engagement, one('riskId', 'risks')],
  decisions: [
    engagement,
    one('forumId', 'governanceForums'),
    one('supersedesId', 'decisions'),
    one('supersededById', 'decisions'),
    one('checkpointId', 'checkpoints'),
    many('riskIds', 'risks'),
  ],
  actionItems: [
    engagement,
    one('ownerId', 'people'),
    {
      target: 'meetingOccurrences',
      read: (record) => {
        const source = record.source as { kind?: string; id?: unknown } | undefined;
        return source?.kind === 'ritual-occurrence' && typeof source.id === 'string' ? [{ id: source.id, path: ['source', 'id'] }] : [];
      },
    },
    {
      target: 'checkpoints',
      read: (record) => {
        const source = record.source as { kind?: string; id?: unknown } | undefined;
        return source?.kind === 'checkpoint' && typeof source.id === 'string' ? [{ id: source.id, path: ['source', 'id'] }] : [];
      },
    },
    many('riskIds', 'risks'),
    many('escalationIds', 'escalations'),
    many('decisionIds', 'decisions'),
  ],
  checkpoints: [engagement, one('forumId', 'governanceForums'), many('attendeeIds', 'people')],
  issuedPacks: [engagement, one('checkpointId', 'checkpoints')],
};

/** Per-engagement reference numbers that must be unique (R-001, D-001, A-001). */
export const uniqueReferenceTables = ['risks', 'decisions', 'actionItems'] as const;

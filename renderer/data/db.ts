/**
 * The workspace database. Table names and record types come from the registry in
 * shared/domain/workspace.ts; this file only adds what IndexedDB needs: primary keys
 * and indexes, versioned.
 *
 * Rules for changing it: never change a primary key; every new version that reshapes
 * data gets an `.upgrade()` and a test that opens a database written by the previous
 * version.
 */
import { Dexie, type Table, type Transaction } from 'dexie';
import type { WorkspaceRecord, WorkspaceTableName } from '@shared/domain/workspace';
import { recordUpgrades, type RecordUpgrade } from '@shared/domain/migrations';

export const DATABASE_NAME = 'governance-cockpit';

/** Indexes per table, Dexie syntax; the first entry is the primary key. */
const schemaV1: Record<Exclude<WorkspaceTableName, 'issuedPacks'>, string> = {
  settings: 'id',
  engagements: 'id, name',
  teams: 'id, engagementId',
  people: 'id, engagementId',
  roleAssignments: 'id, engagementId, personId',
  governanceForums: 'id, engagementId',
  rituals: 'id, engagementId',
  meetingOccurrences: 'id, engagementId, ritualId',
  standardItems: 'id, engagementId',
  communicationPlan: 'id, engagementId',
  kpiDefinitions: 'id, engagementId',
  sprints: 'id, engagementId, teamId',
  kpiMeasurements: 'id, engagementId, [teamId+sprintId], kpiId',
  escalationPaths: 'id, engagementId',
  escalations: 'id, engagementId, [engagementId+status]',
  risks: 'id, engagementId, [engagementId+status], ownerId',
  riskEvents: 'id, engagementId, riskId',
  decisions: 'id, engagementId',
  actionItems: 'id, engagementId, [engagementId+status], [engagementId+status+dueOn], ownerId',
  checkpoints: 'id, engagementId',
};

/** Version 3 adds the issued packs, found by engagement and by checkpoint. */
const schemaV3: Record<WorkspaceTableName, string> = {
  ...schemaV1,
  issuedPacks: 'id, engagementId, checkpointId',
};

export type CockpitTables = { [T in WorkspaceTableName]: Table<WorkspaceRecord<T>, string> };
export type CockpitDatabase = Dexie & CockpitTables;

export interface CockpitDatabaseOptions {
  /** The record upgrades to run; the shared ones unless a test needs an upgrade that fails. */
  upgrades?: readonly RecordUpgrade[];
}

/**
 * Declares the schema without opening anything: Dexie opens on `open()` or the first
 * query, so the start-up can look at the stored version (and back it up) first.
 */
export function openCockpitDatabase(name: string = DATABASE_NAME, options: CockpitDatabaseOptions = {}): CockpitDatabase {
  const upgrades = options.upgrades ?? recordUpgrades;
  const db = new Dexie(name) as CockpitDatabase;
  db.version(1).stores(schemaV1);
  // Version 2: settings gain the workspace's engagement template. Same indexes.
  db.version(2)
    .stores(schemaV1)
    .upgrade((transaction) => applyUpgrades(transaction, 2, upgrades));
  // Version 3: issued checkpoint packs get their own table; the engagement template gains a checkpoint agenda.
  db.version(3)
    .stores(schemaV3)
    .upgrade((transaction) => applyUpgrades(transaction, 3, upgrades));
  return db;
}

/**
 * Runs the record upgrades that produce `version`, table by table, inside Dexie's upgrade
 * transaction: if one throws, IndexedDB aborts the whole version change and the database
 * stays as the older version left it.
 */
async function applyUpgrades(transaction: Transaction, version: number, upgrades: readonly RecordUpgrade[]): Promise<void> {
  for (const upgrade of upgrades.filter((candidate) => candidate.toVersion === version)) {
    await transaction
      .table(upgrade.table)
      .toCollection()
      .modify((record: Record<string, unknown>) => upgrade.upgrade(record));
  }
}

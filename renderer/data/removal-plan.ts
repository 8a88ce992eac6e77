/**
 * Reading what references a record and applying a `RemovalPlan` (shared/domain/references.ts)
 * to the database. Both must run inside a transaction over `referencingTables(db, target)`
 * and the target's own table, so a removal is written whole or not at all.
 */
import type { Table } from 'dexie';
import type { z } from 'zod';
import { tablesReferencing, type ReferenceRecords, type RemovalPlan } from '@shared/domain/references';
import { tableLabels, workspaceTableSchemas, type WorkspaceTableName } from '@shared/domain/workspace';
import { parseOrThrow } from '@shared/validation';
import type { CockpitDatabase } from './db';
import type { Clock } from './clock';

type AnyRecord = Record<string, unknown> & { id: string };

const tableOf = (db: CockpitDatabase, name: WorkspaceTableName) => db[name] as unknown as Table<AnyRecord, string>;

/** The tables that may hold a reference to a record of `target`. */
export function referencingTables(db: CockpitDatabase, target: WorkspaceTableName): Array<Table<AnyRecord, string>> {
  return tablesReferencing(target).map((name) => tableOf(db, name));
}

/** One engagement's records of every table that may reference a record of `target`. */
export async function readReferencingRecords(
  db: CockpitDatabase,
  target: WorkspaceTableName,
  engagementId: string,
): Promise<ReferenceRecords> {
  const names = tablesReferencing(target);
  const rows = await Promise.all(names.map((name) => tableOf(db, name).where('engagementId').equals(engagementId).toArray()));
  return Object.fromEntries(names.map((name, index) => [name, rows[index]])) as ReferenceRecords;
}

/**
 * Saves the plan's updated records (new revision, stamped now) and deletes its
 * deletions. Every updated record is validated before the first write, so one that
 * would become invalid stops the removal with nothing written. Returns how many
 * records were saved without the reference.
 */
export async function applyRemovalPlan(db: CockpitDatabase, clock: Clock, plan: RemovalPlan): Promise<number> {
  const now = clock.now().toISOString();
  const stamped = plan.updates.map(({ table, record }) => ({
    table,
    record: parseOrThrow(
      workspaceTableSchemas[table] as unknown as z.ZodType<AnyRecord>,
      { ...record, updatedAt: now, revision: (record.revision as number) + 1 },
      `record ${record.id} of the ${tableLabels[table]}`,
    ),
  }));
  for (const { table, record } of stamped) await tableOf(db, table).put(record);
  for (const deletion of plan.deletions) await tableOf(db, deletion.table).delete(deletion.id);
  return stamped.length;
}

/**
 * Create / read / update / delete for one table of editable records (those carrying
 * id, createdAt, updatedAt and revision). Every write is validated against the table's
 * zod schema before it reaches IndexedDB.
 */
import type { Table } from 'dexie';
import { tableLabels, workspaceTableSchemas, type WorkspaceRecord, type WorkspaceTableName } from '@shared/domain/workspace';
import { RecordConflictError, RecordNotFoundError, parseOrThrow } from '@shared/validation';
import type { z } from 'zod';
import type { CockpitDatabase } from './db';
import type { Clock } from './clock';

/** Tables whose records carry the editable-record metadata. */
export type EditableTableName = {
  [T in WorkspaceTableName]: WorkspaceRecord<T> extends { revision: number; createdAt: string } ? T : never;
}[WorkspaceTableName];

type MetaField = 'id' | 'createdAt' | 'updatedAt' | 'revision';
export type NewRecord<T extends EditableTableName> = Omit<WorkspaceRecord<T>, MetaField> & { id?: string };
export type RecordChanges<T extends EditableTableName> = Partial<Omit<WorkspaceRecord<T>, MetaField | 'engagementId'>>;

export interface RecordRepository<T extends EditableTableName> {
  get(id: string): Promise<WorkspaceRecord<T> | undefined>;
  listByEngagement(engagementId: string): Promise<WorkspaceRecord<T>[]>;
  create(input: NewRecord<T>): Promise<WorkspaceRecord<T>>;
  /**
   * Applies `changes` on top of the stored record. With `expectedRevision`, refuses to
   * save over a newer revision saved by another window.
   */
  update(id: string, changes: RecordChanges<T>, expectedRevision?: number): Promise<WorkspaceRecord<T>>;
  /**
   * Deletes the record. With `expectedRevision`, refuses (RecordConflictError) when another
   * window saved a newer revision since the caller read it, and reports a record that is
   * already gone (RecordNotFoundError), so a stale confirmation cannot delete unseen edits.
   */
  remove(id: string, expectedRevision?: number): Promise<void>;
}

export function createRecordRepository<T extends EditableTableName>(db: CockpitDatabase, tableName: T, clock: Clock): RecordRepository<T> {
  const table = db[tableName] as unknown as Table<WorkspaceRecord<T>, string>;
  const schema = workspaceTableSchemas[tableName] as unknown as z.ZodType<WorkspaceRecord<T>>;
  const label = tableLabels[tableName].replace(/s$/, '');

  return {
    get: (id) => table.get(id),
    listByEngagement: (engagementId) => table.where('engagementId').equals(engagementId).toArray(),

    async create(input) {
      const now = clock.now().toISOString();
      const record = parseOrThrow(
        schema,
        { ...input, id: input.id ?? crypto.randomUUID(), createdAt: now, updatedAt: now, revision: 1 },
        label,
      );
      await table.add(record);
      return record;
    },

    async update(id, changes, expectedRevision) {
      return db.transaction('rw', table, async () => {
        const stored = (await table.get(id)) as (WorkspaceRecord<T> & { revision: number }) | undefined;
        if (!stored) throw new RecordNotFoundError(label, id);
        if (expectedRevision !== undefined && stored.revision !== expectedRevision) {
          throw new RecordConflictError(label, id, expectedRevision, stored.revision);
        }
        const next = parseOrThrow(
          schema,
          {
            ...stored,
            ...changes,
            id,
            engagementId: (stored as { engagementId?: string }).engagementId,
            updatedAt: clock.now().toISOString(),
            revision: stored.revision + 1,
          },
          label,
        );
        await table.put(next);
        return next;
      });
    },

    async remove(id, expectedRevision) {
      if (expectedRevision === undefined) {
        await table.delete(id);
        return;
      }
      await db.transaction('rw', table, async () => {
        const stored = (await table.get(id)) as (WorkspaceRecord<T> & { revision: number }) | undefined;
        if (!stored) throw new RecordNotFoundError(label, id);
        if (stored.revision !== expectedRevision) {
          throw new RecordConflictError(label, id, expectedRevision, stored.revision);
        }
        await table.delete(id);
      });
    },
  };
}

/** Tables of append-only records (no revision): KPI values and risk history entries. */
export type AppendOnlyTableName = 'kpiMeasurements' | 'riskEvents';

export interface AppendOnlyRepository<T extends AppendOnlyTableName> {
  listByEngagement(engagementId: string): Promise<WorkspaceRecord<T>[]>;
  /** Validates every record first, then writes them all in one transaction. */
  addMany(records: WorkspaceRecord<T>[]): Promise<void>;
  removeMany(ids: string[]): Promise<void>;
}

export function createAppendOnlyRepository<T extends AppendOnlyTableName>(db: CockpitDatabase, tableName: T): AppendOnlyRepository<T> {
  const table = db[tableName] as unknown as Table<WorkspaceRecord<T>, string>;
  const schema = workspaceTableSchemas[tableName] as unknown as z.ZodType<WorkspaceRecord<T>>;
  const label = tableLabels[tableName].replace(/s$/, '');
  return {
    listByEngagement: (engagementId) => table.where('engagementId').equals(engagementId).toArray(),
    async addMany(records) {
      const valid = records.map((record, index) => parseOrThrow(schema, record, `${label} ${index + 1}`));
      await db.transaction('rw', table, () => table.bulkAdd(valid));
    },
    async removeMany(ids) {
      await table.bulkDelete(ids);
    },
  };
}

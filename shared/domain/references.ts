/**
 * Where a record is referenced across the workspace, and what removing it would do to
 * each of those places. Driven by the `workspaceReferences` registry, so a table that
 * gains a reference to people is covered here without a change.
 */
import { roleLabels, type RoleKey } from './engagement';
import { triggerName, type EscalationTrigger } from './escalation';
import {
  tableLabels,
  workspaceReferences,
  workspaceTableNames,
  workspaceTableSchemas,
  type WorkspaceRecord,
  type WorkspaceTableName,
} from './workspace';

/**
 * What removing the referenced record does to one reference:
 * - `remove-from-list`: the id is taken out of a list (a forum's members, a meeting's attendees);
 * - `clear`: a single reference that may be empty is set to null (a risk's owner);
 * - `delete-record`: the referencing record only exists for the removed one and goes with it;
 * - `blocks-removal`: the reference cannot be left empty (an escalation step's owner), so
 *   the removal must wait until someone fills it differently.
 */
export type ReferenceEffect = 'remove-from-list' | 'clear' | 'delete-record' | 'blocks-removal';

export interface RecordReference {
  table: WorkspaceTableName;
  /** Plural, lower case: "governance forums". */
  tableLabel: string;
  recordId: string;
  /** How a user recognises the record: "Steering committee", "R-004 Key engineer leaving". */
  recordLabel: string;
  /** The field in words: "client owner", "owner of step 2". */
  field: string;
  /** Where the id sits in the record, as the registry reports it. */
  path: Array<string | number>;
  effect: ReferenceEffect;
}

/** Any subset of the workspace's tables, e.g. one engagement's records. */
export type ReferenceRecords = Partial<{ [T in WorkspaceTableName]: ReadonlyArray<WorkspaceRecord<T>> }>;

/**
 * Tables whose records say something about one record of the target and mean nothing
 * without it: they are deleted with it rather than left pointing nowhere.
 */
const removedWithTarget: Partial<Record<WorkspaceTableName, WorkspaceTableName[]>> = {
  people: ['roleAssignments'],
};

/** Every table holding a reference to `target`, in registry order. */
export function tablesReferencing(target: WorkspaceTableName): WorkspaceTableName[] {
  return workspaceTableNames.filter((table) => workspaceReferences[table].some((spec) => spec.target === target));
}

/** Field names in words; anything not listed is spelled out from its camelCase name. */
const fieldWords: Record<string, string> = {
  clientOwnerIds: 'client owner',
  partnerOwnerIds: 'partner owner',
  memberIds: 'member',
  facilitatorId: 'facilitator',
  attendeeIds: 'attendee',
  ownerId: 'owner',
  reviewRotation: 'KPI review rotation',
  personId: 'person',
  steps: 'step',
};

function fieldWord(field: string): string {
  return (
    fieldWords[field] ??
    field
      .replace(/Ids?$/, '')
      .replace(/([a-z])([A-Z])/g, '$1 $2')
      .toLowerCase()
  );
}

/**
 * `['ownerId']` -> "owner", `['attendeeIds', 3]` -> "attendee",
 * `['steps', 1, 'owner', 'personId']` -> "owner of step 2".
 */
export function describeReferencePath(path: ReadonlyArray<string | number>): string {
  const [field, index, ...rest] = path;
  if (typeof field !== 'string') return 'reference';
  if (typeof index !== 'number' || rest.length === 0) return fieldWord(field);
  // The innermost id field ("personId") names nothing the user sees; its holder ("owner") does.
  const inner = rest.filter((segment): segment is string => typeof segment === 'string');
  const holder = inner.length > 1 ? inner.slice(0, -1) : inner;
  return `${holder.map(fieldWord).join(' ')} of ${fieldWord(field)} ${index + 1}`;
}

type AnyRecord = Record<string, unknown> & { id: string };

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value : null);
const shorten = (value: string, max = 80) => (value.length > max ? `${value.slice(0, max - 1).trimEnd()}…` : value);

/** Tables whose records have no name field of their own, or a better one than the generic choice. */
const recordNamers: Partial<Record<WorkspaceTableName, (record: AnyRecord, records: ReferenceRecords) => string>> = {
  roleAssignments: (record) => roleLabels[record.role as RoleKey] ?? String(record.role),
  escalationPaths: (record) =>
    `${triggerName({ trigger: record.trigger as EscalationTrigger, customTrigger: String(record.customTrigger) })} ladder`,
  meetingOccurrences: (record, records) => {
    const ritual = records.rituals?.find((candidate) => candidate.id === record.ritualId);
    return `${ritual?.name ?? 'Meeting'} of ${String(record.scheduledDate)}`;
  },
  standardItems: (record) => shorten(String(record.standard)),
};

/** A record's name as the user knows it: a named override, else reference + title, name or title. */
export function describeRecord(table: WorkspaceTableName, record: AnyRecord, records: ReferenceRecords = {}): string {
  const named = recordNamers[table];
  if (named) return named(record, records);
  const reference = text(record.reference);
  const title = text(record.title) ?? text(record.name) ?? text(record.forumName) ?? text(record.communication);
  if (reference && title) return `${reference} ${shorten(title)}`;
  return shorten(title ?? reference ?? record.id);
}

/** Whether a top-level field of a table's records may hold null, read from the table's schema. */
function fieldAcceptsNull(table: WorkspaceTableName, field: string): boolean {
  const shape = (workspaceTableSchemas[table] as unknown as { shape?: Record<string, { safeParse(value: unknown): { success: boolean } }> })
    .shape;
  return shape?.[field]?.safeParse(null).success ?? false;
}

function effectOf(target: WorkspaceTableName, table: WorkspaceTableName, path: ReadonlyArray<string | number>): ReferenceEffect {
  const [field, index] = path;
  if (typeof field !== 'string') return 'blocks-removal';
  if (path.length === 1) {
    if (fieldAcceptsNull(table, field)) return 'clear';
    return removedWithTarget[target]?.includes(table) ? 'delete-record' : 'blocks-removal';
  }
  // A plain list of ids loses one entry; an id inside a structured entry (a ladder step) cannot be dropped.
  if (path.length === 2 && typeof index === 'number') return 'remove-from-list';
  return 'blocks-removal';
}

/**
 * Every place `id` (a record of `target`) is referenced in `records`: by table in
 * registry order, then by record name. A record referencing it twice (a forum owner
 * who is also a member) appears once per field.
 */
export function findReferences(records: ReferenceRecords, target: WorkspaceTableName, id: string): RecordReference[] {
  const found: RecordReference[] = [];
  for (const table of workspaceTableNames) {
    const specs = workspaceReferences[table].filter((spec) => spec.target === target);
    const rows = (records[table] ?? []) as unknown as AnyRecord[];
    if (specs.length === 0 || rows.length === 0) continue;
    const inTable: RecordReference[] = [];
    for (const row of rows) {
      const fieldsSeen = new Set<string>();
      for (const spec of specs) {
        for (const reference of spec.read(row)) {
          if (reference.id !== id) continue;
          const field = describeReferencePath(reference.path);
          // The same id listed twice in one list is one reference for the user.
          if (fieldsSeen.has(field)) continue;
          fieldsSeen.add(field);
          inTable.push({
            table,
            tableLabel: tableLabels[table],
            recordId: row.id,
            recordLabel: describeRecord(table, row, records),
            field,
            path: reference.path,
            effect: effectOf(target, table, reference.path),
          });
        }
      }
    }
    inTable.sort((a, b) => a.recordLabel.localeCompare(b.recordLabel, 'en') || a.field.localeCompare(b.field, 'en'));
    found.push(...inTable);
  }
  return found;
}

export const findPersonReferences = (records: ReferenceRecords, personId: string) => findReferences(records, 'people', personId);

export interface RemovalPlan {
  references: RecordReference[];
  /** References that cannot be left empty; while there are any, nothing may be written. */
  blockers: RecordReference[];
  /**
   * Records with the id taken out (lists filtered, single references set to null). Their
   * `revision` and `updatedAt` are still the stored ones: the caller stamps and validates them.
   */
  updates: Array<{ table: WorkspaceTableName; record: AnyRecord }>;
  deletions: Array<{ table: WorkspaceTableName; id: string }>;
}

/** What removing `id` (a record of `target`) means for `records`, without writing anything. */
export function planRemoval(records: ReferenceRecords, target: WorkspaceTableName, id: string): RemovalPlan {
  const references = findReferences(records, target, id);
  const blockers = references.filter((reference) => reference.effect === 'blocks-removal');
  const deletions = references
    .filter((reference) => reference.effect === 'delete-record')
    .map((reference) => ({ table: reference.table, id: reference.recordId }));
  const deleted = new Set(deletions.map((deletion) => `${deletion.table}/${deletion.id}`));

  const updated = new Map<string, { table: WorkspaceTableName; record: AnyRecord }>();
  for (const reference of references) {
    if (reference.effect !== 'clear' && reference.effect !== 'remove-from-list') continue;
    const key = `${reference.table}/${reference.recordId}`;
    if (deleted.has(key)) continue;
    let entry = updated.get(key);
    if (!entry) {
      const original = (records[reference.table] as unknown as AnyRecord[]).find((row) => row.id === reference.recordId)!;
      entry = { table: reference.table, record: { ...original } };
      updated.set(key, entry);
    }
    const field = reference.path[0] as string;
    entry.record[field] = reference.effect === 'clear' ? null : (entry.record[field] as unknown[]).filter((listed) => listed !== id);
  }
  return { references, blockers, updates: [...updated.values()], deletions };
}

export const planPersonRemoval = (records: ReferenceRecords, personId: string) => planRemoval(records, 'people', personId);

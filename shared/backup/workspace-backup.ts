/**
 * The workspace backup file: one JSON document holding every table, versioned so later
 * versions of the app can read (and upgrade) what earlier ones wrote. The format is
 * documented in docs/workspace-backup-format.md.
 *
 * Serialisation is canonical (fixed table order, records sorted by id, one record per
 * line) so that export -> import -> export yields the same bytes, and two backups can be
 * compared with an ordinary diff.
 */
import { z } from 'zod';
import {
  type WorkspaceData,
  type WorkspaceTableName,
  tableLabels,
  uniqueReferenceTables,
  workspaceReferences,
  workspaceTableNames,
  workspaceTableSchemas,
} from '../domain/workspace';
import { formatJsonPath } from '../validation';
import { tablesAddedAt, upgradeRawTables } from '../domain/migrations';

export const BACKUP_FORMAT = 'governance-cockpit-workspace';
/** Version of the file layout. Bump when the envelope changes. */
export const BACKUP_FORMAT_VERSION = 1;
/** Version of the record schemas inside; equals the Dexie schema version that wrote them. */
export const WORKSPACE_SCHEMA_VERSION = 3;

const BackupHeaderSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.int().min(1),
  schemaVersion: z.int().min(1),
  app: z.strictObject({ name: z.string().max(100), version: z.string().max(50) }),
  tables: z.record(z.string(), z.unknown()),
});

export interface BackupProblem {
  /** JSON path of the offending value, e.g. `$.tables.risks[12].likelihood`. */
  path: string;
  message: string;
}

export type WorkspaceCounts = Record<WorkspaceTableName, number>;

export type BackupParseResult =
  | { ok: true; data: WorkspaceData; counts: WorkspaceCounts; app: { name: string; version: string } }
  | { ok: false; problems: BackupProblem[]; totalProblems: number };

/** How many problems are collected before validation stops: enough to act on, not a flood. */
const MAX_REPORTED_PROBLEMS = 20;

/**
 * `schemaVersion` is the version the records were written at: the current one, unless the
 * records come straight from an older database (the copy taken before a schema upgrade).
 */
export function serializeWorkspace(
  data: WorkspaceData,
  app: { name: string; version: string },
  schemaVersion: number = WORKSPACE_SCHEMA_VERSION,
): string {
  const header = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    schemaVersion,
    app: { name: app.name, version: app.version },
  };
  const parts: string[] = ['{\n'];
  for (const [key, value] of Object.entries(header)) parts.push(`  ${JSON.stringify(key)}: ${JSON.stringify(value)},\n`);
  parts.push('  "tables": {\n');
  // Only the tables the schema version had: a pre-upgrade copy reads exactly as that version wrote it.
  const tables = workspaceTableNames.filter((table) => (tablesAddedAt[table] ?? 1) <= schemaVersion);
  for (const table of workspaceTableNames) {
    if (!tables.includes(table) && data[table].length > 0)
      throw new RangeError(`Schema version ${schemaVersion} has no ${tableLabels[table]} table, yet there are records to write in it.`);
  }
  tables.forEach((table, tableIndex) => {
    const records = [...(data[table] as Array<{ id: string }>)].sort(compareById);
    parts.push(`    ${JSON.stringify(table)}: [`);
    records.forEach((record, index) => {
      parts.push(index === 0 ? '\n      ' : ',\n      ', JSON.stringify(record));
    });
    parts.push(records.length > 0 ? '\n    ]' : ']', tableIndex < tables.length - 1 ? ',\n' : '\n');
  });
  parts.push('  }\n}\n');
  return parts.join('');
}

function compareById(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Line and column of a character offset, for JSON syntax errors a user can find in an editor. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let index = 0; index < offset && index < text.length; index++) {
    if (text.charCodeAt(index) === 10) {
      line++;
      lineStart = index + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** What a long import reports while it checks records, so a progress bar can follow it. */
export interface BackupCheckOptions {
  /** Called every few thousand records with how many of the file's records have been checked. */
  onProgress?(checked: number, total: number): void;
}

const PROGRESS_EVERY_RECORDS = 2000;

function failureOf(problems: BackupProblem[], totalProblems = problems.length): BackupParseResult {
  return { ok: false, problems: problems.slice(0, MAX_REPORTED_PROBLEMS), totalProblems };
}

/** A file's bytes as text: UTF-8 only (a leading byte-order mark is allowed), refused otherwise. */
export function decodeBackupBytes(
  bytes: Uint8Array,
): { ok: true; text: string } | { ok: false; problems: BackupProblem[]; totalProblems: number } {
  try {
    // TextDecoder drops a leading UTF-8 byte-order mark by itself.
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return {
      ok: false,
      problems: [{ path: '$', message: 'The file is not UTF-8 text, so it cannot be a workspace backup.' }],
      totalProblems: 1,
    };
  }
}

/** The JSON text of a backup, parsed; syntax errors come back as a problem with line and column. */
export function parseBackupJson(
  text: string,
): { ok: true; json: unknown } | { ok: false; problems: BackupProblem[]; totalProblems: number } {
  try {
    return { ok: true, json: JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message);
    // "Unexpected end of JSON input" has no position: the problem is at the end (a cut-off file).
    const offset = position ? Number(position[1]) : /end of JSON input/.test(message) ? text.length : null;
    const where = offset === null ? '' : (({ line, column }) => ` (line ${line}, column ${column})`)(lineAndColumn(text, offset));
    // A RangeError (a nesting too deep for the engine) is reported like any other syntax problem.
    return { ok: false, problems: [{ path: '$', message: `The file is not valid JSON${where}: ${shortened(message)}` }], totalProblems: 1 };
  }
}

export function parseWorkspaceBackup(text: string, options: BackupCheckOptions = {}): BackupParseResult {
  const parsed = parseBackupJson(text);
  return parsed.ok ? validateWorkspaceBackup(parsed.json, options) : parsed;
}

/**
 * Longest key or message text a problem shows. A hostile file can hold a key of megabytes;
 * quoting it whole would bury the message (and the dialog) under it.
 */
const MAX_SHOWN_KEY = 60;
const MAX_MESSAGE = 400;

function shownKey(key: string): string {
  return key.length <= MAX_SHOWN_KEY ? key : `${key.slice(0, MAX_SHOWN_KEY - 20)}… (${key.length.toLocaleString('en-GB')} characters)`;
}

function shortened(message: string): string {
  return message.length <= MAX_MESSAGE ? message : `${message.slice(0, MAX_MESSAGE - 1)}…`;
}

function shownPath(path: ReadonlyArray<PropertyKey>): string {
  return formatJsonPath(path.map((segment) => (typeof segment === 'string' ? shownKey(segment) : segment)));
}

/** Validates an already parsed backup: header, every record, then the references between them. */
export function validateWorkspaceBackup(json: unknown, options: BackupCheckOptions = {}): BackupParseResult {
  const failure = failureOf;

  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return failure([{ path: '$', message: 'The file is not a Governance Cockpit workspace backup (expected a JSON object).' }]);
  }
  const candidate = json as Record<string, unknown>;
  if (candidate.format !== BACKUP_FORMAT) {
    return failure([
      {
        path: '$.format',
        message: `The file is not a Governance Cockpit workspace backup: "format" must be "${BACKUP_FORMAT}".`,
      },
    ]);
  }
  const problems: BackupProblem[] = [];
  let totalProblems = 0;
  const report = (path: ReadonlyArray<PropertyKey>, message: string) => {
    totalProblems++;
    if (problems.length < MAX_REPORTED_PROBLEMS) problems.push({ path: shownPath(path), message: shortened(message) });
  };
  const reportIssues = (prefix: ReadonlyArray<PropertyKey>, issues: ReadonlyArray<z.core.$ZodIssue>) => {
    for (const issue of issues) {
      // One problem per unexpected field, at the field itself: `$.tables.risks[3].colour`, not the record.
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) report([...prefix, ...issue.path, key], `unexpected field "${shownKey(key)}"`);
      } else report([...prefix, ...issue.path], issue.message);
    }
  };

  const header = BackupHeaderSchema.safeParse(json);
  if (!header.success) {
    reportIssues([], header.error.issues);
    return failure(problems, totalProblems);
  }
  if (header.data.formatVersion > BACKUP_FORMAT_VERSION || header.data.schemaVersion > WORKSPACE_SCHEMA_VERSION) {
    return failure([
      {
        path: header.data.formatVersion > BACKUP_FORMAT_VERSION ? '$.formatVersion' : '$.schemaVersion',
        message: `The backup was written by a newer version of Governance Cockpit (${shortened(`${header.data.app.name} ${header.data.app.version}`)}); update the app to open it.`,
      },
    ]);
  }

  // The raw object, not zod's copy: a key such as "__proto__" survives only here.
  const tables = candidate.tables as Record<string, unknown>;
  // A backup from an older schema is brought up to date before it is judged.
  upgradeRawTables(tables, header.data.schemaVersion);

  for (const table of Object.keys(tables)) {
    if (!(workspaceTableNames as string[]).includes(table)) report(['tables', table], `unknown table "${shownKey(table)}"`);
  }
  if (Object.getPrototypeOf(tables) !== Object.prototype) report(['tables'], 'must be a plain JSON object');

  const totalRecords = workspaceTableNames.reduce((sum, table) => {
    const raw = Object.hasOwn(tables, table) ? tables[table] : undefined;
    return sum + (Array.isArray(raw) ? raw.length : 0);
  }, 0);
  let checked = 0;
  const data = {} as Record<WorkspaceTableName, unknown[]>;
  for (const table of workspaceTableNames) {
    const raw = Object.hasOwn(tables, table) ? tables[table] : undefined;
    if (!Array.isArray(raw)) {
      report(['tables', table], raw === undefined ? `the ${tableLabels[table]} table is missing` : 'must be an array of records');
      data[table] = [];
      continue;
    }
    const schema = workspaceTableSchemas[table] as z.ZodType;
    for (let index = 0; index < raw.length; index++) {
      const result = schema.safeParse(raw[index]);
      if (!result.success) {
        reportIssues(['tables', table, index], result.error.issues);
        if (totalProblems >= MAX_REPORTED_PROBLEMS * 5) return failure(problems, totalProblems);
      }
      if (++checked % PROGRESS_EVERY_RECORDS === 0) options.onProgress?.(checked, totalRecords);
    }
    // The schemas never transform, so a valid record is the parsed JSON object itself:
    // keeping it instead of zod's copy halves the memory a large import needs.
    data[table] = raw;
  }
  options.onProgress?.(checked, totalRecords);
  if (totalProblems > 0) return failure(problems, totalProblems);

  const workspace = data as unknown as WorkspaceData;
  checkIntegrity(workspace, report);
  if (totalProblems > 0) return failure(problems, totalProblems);

  return { ok: true, data: workspace, counts: countWorkspace(workspace), app: header.data.app };
}

/** Duplicate ids, dangling references and duplicate reference numbers. */
function checkIntegrity(data: WorkspaceData, report: (path: ReadonlyArray<PropertyKey>, message: string) => void): void {
  if (data.settings.length !== 1) {
    report(['tables', 'settings'], `must hold exactly one settings record, found ${data.settings.length}`);
  }

  const idsByTable = new Map<WorkspaceTableName, Set<string>>();
  // Ids are UUIDs, unique across the whole workspace: the same id in two tables means a
  // record was copied or edited by hand, and a reference to it could mean either.
  const tableOfId = new Map<string, WorkspaceTableName>();
  for (const table of workspaceTableNames) {
    const ids = new Set<string>();
    (data[table] as Array<{ id: string }>).forEach((record, index) => {
      if (ids.has(record.id)) report(['tables', table, index, 'id'], `duplicate id ${record.id} in ${tableLabels[table]}`);
      else {
        const other = tableOfId.get(record.id);
        if (other !== undefined)
          report(['tables', table, index, 'id'], `id ${record.id} is also the id of a record in ${tableLabels[other]}`);
        else tableOfId.set(record.id, table);
      }
      ids.add(record.id);
    });
    idsByTable.set(table, ids);
  }

  for (const table of workspaceTableNames) {
    const specs = workspaceReferences[table];
    if (specs.length === 0) continue;
    (data[table] as unknown as Array<Record<string, unknown>>).forEach((record, index) => {
      for (const spec of specs) {
        const targetIds = idsByTable.get(spec.target)!;
        for (const reference of spec.read(record)) {
          if (!targetIds.has(reference.id)) {
            report(
              ['tables', table, index, ...reference.path],
              `refers to ${tableLabels[spec.target]} record ${reference.id}, which is not in the file`,
            );
          }
        }
      }
    });
  }

  for (const table of uniqueReferenceTables) {
    const seen = new Set<string>();
    (data[table] as Array<{ engagementId: string; reference: string }>).forEach((record, index) => {
      const key = `${record.engagementId}/${record.reference}`;
      if (seen.has(key))
        report(['tables', table, index, 'reference'], `reference ${record.reference} is used twice in the same engagement`);
      seen.add(key);
    });
  }
}

export function countWorkspace(data: WorkspaceData): WorkspaceCounts {
  return Object.fromEntries(workspaceTableNames.map((table) => [table, data[table].length])) as WorkspaceCounts;
}

/** A suggested file name such as `governance-cockpit-2026-11-21.json`. */
export function backupFileName(today: string): string {
  return `governance-cockpit-${today}.json`;
}

/**
 * Runs inside headless Chromium, on the same origin as the app build next to it, so the
 * workspace it imports is the one the app then opens. scripts/bench.mjs drives it.
 */
import type { Table } from 'dexie';
import { generateStressWorkspace } from '@shared/demo/generate';
import { parseWorkspaceBackup, serializeWorkspace } from '@shared/backup/workspace-backup';
import { workspaceTableNames, type WorkspaceData } from '@shared/domain/workspace';
import { DATABASE_NAME, openCockpitDatabase } from '../renderer/data/db';
import { createRepositories } from '../renderer/data';

export interface ImportBenchResult {
  records: number;
  backupMegabytes: number;
  generateMs: number;
  rawBulkPutMs: number;
  importMs: number;
  importParseAndValidateMs: number;
  importWriteMs: number;
}

function countRecords(data: WorkspaceData): number {
  return workspaceTableNames.reduce((sum, table) => sum + data[table].length, 0);
}

async function deleteDatabase(name: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
    request.onblocked = () => reject(new Error(`deleting ${name} is blocked by an open connection`));
  });
}

/** Raw baseline: the same records, straight into an empty database with the same schema, one transaction. */
async function rawBulkPut(data: WorkspaceData): Promise<number> {
  const name = 'governance-cockpit-bench-raw';
  await deleteDatabase(name);
  const db = openCockpitDatabase(name);
  await db.open();
  const tables = workspaceTableNames.map((table) => db[table] as Table<unknown, string>);
  const started = performance.now();
  await db.transaction('rw', tables, async () => {
    for (const table of workspaceTableNames) await (db[table] as Table<unknown, string>).bulkPut(data[table]);
  });
  const elapsed = performance.now() - started;
  db.close();
  await deleteDatabase(name);
  return elapsed;
}

/** The app's own import path: parse and validate the backup text, then replace the workspace. */
async function appImport(text: string): Promise<{ total: number; parse: number; write: number }> {
  await deleteDatabase(DATABASE_NAME);
  const db = openCockpitDatabase();
  await db.open();
  const repositories = createRepositories(db);
  const started = performance.now();
  const parsed = repositories.workspace.validateBackup(text);
  if (!parsed.ok) throw new Error(`stress workspace rejected: ${JSON.stringify(parsed.problems.slice(0, 3))}`);
  const parsedAt = performance.now();
  await repositories.workspace.replace(parsed.data);
  const finished = performance.now();
  db.close();
  return { total: finished - started, parse: parsedAt - started, write: finished - parsedAt };
}

async function runImportBench(today: string): Promise<ImportBenchResult> {
  const generateStarted = performance.now();
  const data = generateStressWorkspace({ today });
  const generateMs = performance.now() - generateStarted;
  const text = serializeWorkspace(data, { name: 'Governance Cockpit', version: 'bench' });
  const records = countRecords(data);

  const rawBulkPutMs = await rawBulkPut(data);
  const imported = await appImport(text);
  return {
    records,
    backupMegabytes: new Blob([text]).size / 1024 / 1024,
    generateMs,
    rawBulkPutMs,
    importMs: imported.total,
    importParseAndValidateMs: imported.parse,
    importWriteMs: imported.write,
  };
}

declare global {
  interface Window {
    cockpitBench: { runImportBench: typeof runImportBench };
  }
}

window.cockpitBench = { runImportBench };
document.getElementById('status')!.textContent = 'ready';

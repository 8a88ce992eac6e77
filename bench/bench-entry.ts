/**
 * Runs inside headless Chromium, on the same origin as the app build next to it, so the
 * workspace it imports is the one the app then opens. scripts/bench.mjs drives it.
 */
import type { Table } from 'dexie';
import { STRESS_SCALE, generateStressWorkspace } from '@shared/demo/generate';
import { parseWorkspaceBackup, serializeWorkspace } from '@shared/backup/workspace-backup';
import { workspaceTableNames, type WorkspaceData } from '@shared/domain/workspace';
import { DATABASE_NAME, openCockpitDatabase } from '../renderer/data/db';
import { createRepositories } from '../renderer/data';
import { runGovernanceBench, type GovernanceBenchResult } from './governance-bench';
import { runKpiBench, type KpiBenchResult } from './kpi-bench';
import { runJiraBench } from './jira-bench';
import { generateRegisterWorkspace, runRiskBench } from './risk-bench';
import { seedPackWorkspace } from './pack-bench';

const RAW_DATABASE = 'governance-cockpit-bench-raw';

export interface ImportBenchResult {
  records: number;
  backupMegabytes: number;
  generateMs: number;
  rawBulkPutMs: number;
  importMs: number;
  importParseAndValidateMs: number;
  importWriteMs: number;
  /** Governance health computed in memory on the generated workspace, before the import. */
  governance: GovernanceBenchResult;
  /** Every KPI judged for every team, in memory on the same generated workspace. */
  kpis: KpiBenchResult;
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

/**
 * Raw baseline: the same records, straight into an empty database with the same schema,
 * in one transaction. The database is kept until the run ends so its clean-up does not
 * slow the import measured after it.
 */
async function rawBulkPut(data: WorkspaceData): Promise<number> {
  await deleteDatabase(RAW_DATABASE);
  const db = openCockpitDatabase(RAW_DATABASE);
  await db.open();
  const tables = workspaceTableNames.map((table) => db[table] as Table<unknown, string>);
  const started = performance.now();
  await db.transaction('rw', tables, async () => {
    for (const table of workspaceTableNames) await (db[table] as Table<unknown, string>).bulkPut(data[table]);
  });
  const elapsed = performance.now() - started;
  db.close();
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

/** Progress lines the driver script prints as they come. */
function progress(message: string): void {
  console.log(`[bench] ${message}`);
}

/**
 * Generates the stress workspace and serialises it (timed together, as before). In
 * between, the governance computations run on the generated records, in memory and
 * before anything is written, so they add seconds and leave the import figures alone.
 * The generated objects go out of scope on return, before the import runs.
 */
function generateAndSerialize(
  today: string,
  scale: typeof STRESS_SCALE,
): { text: string; generateMs: number; governance: GovernanceBenchResult; kpis: KpiBenchResult } {
  const generateStarted = performance.now();
  const generated = generateStressWorkspace({ today, scale });
  const generatedAt = performance.now();

  progress('governance health computations on the generated workspace…');
  const governance = runGovernanceBench(generated, today);
  progress('KPI scorecards on the generated workspace…');
  const kpis = runKpiBench(generated, today);

  const serializeStarted = performance.now();
  const text = serializeWorkspace(generated, { name: 'Governance Cockpit', version: 'bench' });
  const generateMs = generatedAt - generateStarted + (performance.now() - serializeStarted);
  return { text, generateMs, governance, kpis };
}

async function runImportBench(today: string, engagements: number): Promise<ImportBenchResult> {
  const scale = {
    ...STRESS_SCALE,
    engagements,
    risks: (STRESS_SCALE.risks / STRESS_SCALE.engagements) * engagements,
    actions: (STRESS_SCALE.actions / STRESS_SCALE.engagements) * engagements,
  };
  const prepared = generateAndSerialize(today, scale);
  const { governance, kpis, generateMs } = prepared;
  let text = prepared.text;
  prepared.text = '';

  // Both runs start from the same backup text and hold one parsed copy of it, so they
  // compete on equal terms for memory.
  let records = JSON.parse(text).tables as WorkspaceData;
  const recordCount = countRecords(records);
  progress(`${recordCount} records generated and serialised in ${(generateMs / 1000).toFixed(1)} s; raw bulkPut…`);
  const rawBulkPutMs = await rawBulkPut(records);
  records = undefined as unknown as WorkspaceData;
  progress(`raw bulkPut took ${(rawBulkPutMs / 1000).toFixed(1)} s; app import…`);

  const backupMegabytes = new Blob([text]).size / 1024 / 1024;
  const imported = await appImport(text);
  text = '';
  progress(`app import took ${(imported.total / 1000).toFixed(1)} s`);
  await deleteDatabase(RAW_DATABASE);
  return {
    records: recordCount,
    backupMegabytes,
    generateMs,
    rawBulkPutMs,
    importMs: imported.total,
    importParseAndValidateMs: imported.parse,
    importWriteMs: imported.write,
    governance,
    kpis,
  };
}

declare global {
  interface Window {
    cockpitBench: {
      runImportBench: typeof runImportBench;
      runRiskBench: typeof runRiskBench;
      seedRiskRegister: typeof seedRiskRegister;
      runJiraBench: typeof runJiraBench;
      seedPackWorkspace: typeof seedPackWorkspace;
    };
  }
}

/**
 * Replaces the app's workspace with the 15,000-risk register, so the real Risks section
 * can be timed in the app itself. Returns the engagement's id.
 */
async function seedRiskRegister(today: string): Promise<string> {
  const data = generateRegisterWorkspace(today);
  await deleteDatabase(DATABASE_NAME);
  const db = openCockpitDatabase();
  await db.open();
  await createRepositories(db).workspace.replace(data);
  db.close();
  return data.engagements[0]!.id;
}

window.cockpitBench = { runImportBench, runRiskBench, seedRiskRegister, runJiraBench, seedPackWorkspace };
document.getElementById('status')!.textContent = 'ready';

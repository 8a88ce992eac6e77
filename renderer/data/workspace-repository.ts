/**
 * Whole-workspace operations: read everything, replace everything (backup import, demo
 * workspace), count. Replacing is one transaction over every table, so an import either
 * lands completely or not at all.
 */
import type { Table } from 'dexie';
import { defaultWorkspaceSettings } from '@shared/domain/defaults';
import { WORKSPACE_SETTINGS_ID, type WorkspaceSettings } from '@shared/domain/settings';
import { emptyWorkspace, workspaceTableNames, type WorkspaceData } from '@shared/domain/workspace';
import {
  countWorkspace,
  parseWorkspaceBackup,
  serializeWorkspace,
  type BackupParseResult,
  type WorkspaceCounts,
} from '@shared/backup/workspace-backup';
import type { CockpitDatabase } from './db';
import { localCalendarDate, type Clock } from './clock';

export interface AppIdentity {
  name: string;
  version: string;
}

export interface WorkspaceRepository {
  read(): Promise<WorkspaceData>;
  counts(): Promise<WorkspaceCounts>;
  /** How many engagements the workspace holds: a cheap emptiness check. */
  engagementCount(): Promise<number>;
  exportText(app: AppIdentity): Promise<string>;
  /** Validates a backup file's text without touching the database. */
  validateBackup(text: string): BackupParseResult;
  /**
   * Replaces the whole workspace with already validated data, in one transaction: if any
   * write fails, the workspace stays exactly as it was.
   */
  replace(data: WorkspaceData, options?: ReplaceOptions): Promise<void>;
  /** The settings record, created with defaults on first use. */
  ensureSettings(): Promise<WorkspaceSettings>;
  loadDemo(): Promise<void>;
}

export interface ReplaceOptions {
  /** Called after each chunk of records is written, with the records written so far. */
  onProgress?(written: number, total: number): void;
}

/**
 * Records per bulkAdd. Each call clones its records on the calling thread; two thousand at
 * a time keeps every clone to a few tens of milliseconds, and the browser paints between the
 * IndexedDB events that end one chunk and start the next, so a large import moves its
 * progress bar. Smaller chunks cost import speed (500 gave 76% of raw bulkPut, against the
 * 70% floor) without a visible gain in smoothness.
 */
const WRITE_CHUNK_RECORDS = 2000;

export function createWorkspaceRepository(db: CockpitDatabase, clock: Clock): WorkspaceRepository {
  const tables = workspaceTableNames.map((name) => db[name] as Table<unknown, string>);

  async function read(): Promise<WorkspaceData> {
    return db.transaction('r', tables, async () => {
      const data = emptyWorkspace() as unknown as Record<string, unknown[]>;
      for (const name of workspaceTableNames) data[name] = await db[name].toArray();
      return data as unknown as WorkspaceData;
    });
  }

  async function replace(data: WorkspaceData, options: ReplaceOptions = {}): Promise<void> {
    const total = workspaceTableNames.reduce((sum, name) => sum + data[name].length, 0);
    let written = 0;
    // Only Dexie promises are awaited inside: any other await (a timer, a worker message)
    // would let IndexedDB commit the transaction half-way.
    await db.transaction('rw', tables, async () => {
      for (const name of workspaceTableNames) await (db[name] as Table<unknown, string>).clear();
      for (const name of workspaceTableNames) {
        const table = db[name] as Table<unknown, string>;
        const records = data[name] as unknown[];
        for (let start = 0; start < records.length; start += WRITE_CHUNK_RECORDS) {
          const chunk = records.slice(start, start + WRITE_CHUNK_RECORDS);
          await table.bulkAdd(chunk);
          written += chunk.length;
          options.onProgress?.(written, total);
        }
      }
    });
  }

  return {
    read,
    replace,
    engagementCount: () => db.engagements.count(),
    async counts() {
      const entries = await Promise.all(workspaceTableNames.map(async (name) => [name, await db[name].count()] as const));
      return Object.fromEntries(entries) as WorkspaceCounts;
    },
    async exportText(app) {
      return serializeWorkspace(await read(), app);
    },
    validateBackup: parseWorkspaceBackup,
    async ensureSettings() {
      return db.transaction('rw', db.settings, async () => {
        const stored = await db.settings.get(WORKSPACE_SETTINGS_ID);
        if (stored) return stored;
        const settings = defaultWorkspaceSettings(clock.now().toISOString());
        await db.settings.add(settings);
        return settings;
      });
    },
    async loadDemo() {
      // Loaded on demand: the generator and its texts are only needed once per workspace.
      const { generateDemoWorkspace } = await import('@shared/demo/generate');
      const demo = generateDemoWorkspace({ today: localCalendarDate(clock.now()) });
      const current = await db.settings.get(WORKSPACE_SETTINGS_ID);
      // Keep the user's own settings (their name, page size) when the demo arrives.
      if (current) demo.settings = [{ ...current, lastEngagementId: null }];
      await replace(demo);
    },
  };
}

export { countWorkspace };

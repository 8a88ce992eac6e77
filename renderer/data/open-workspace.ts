/**
 * Opening the workspace database at start-up, with the schema checks Dexie does not do:
 *
 * - stored by a newer version of the app: not opened at all (Dexie 4 would open it anyway,
 *   and this code would then write records the newer one cannot read);
 * - stored by an older version: its records are read raw (natively, so nothing upgrades
 *   them) and handed to `backUpBeforeUpgrade` first; only once that copy is written is the
 *   database opened with the current schema, which runs the upgrade. If the copy cannot be
 *   written, nothing is upgraded.
 * - the upgrade throws: IndexedDB aborts the whole version change, so the old database
 *   stays as it was; the caller shows the error and the copy's name.
 *
 * Dexie keeps version × 10 in IndexedDB (version 2 is stored as 20).
 */
import { Dexie } from 'dexie';
import { emptyWorkspace, workspaceTableNames, type WorkspaceData } from '@shared/domain/workspace';
import type { CockpitDatabase } from './db';

export type WorkspaceOpening =
  | { status: 'ready'; upgradedFrom: number | null; preUpgradeBackup: string | null }
  | { status: 'newer-version'; storedVersion: number; appVersion: number }
  | { status: 'backup-failed'; storedVersion: number; appVersion: number; error: string }
  | { status: 'upgrade-failed'; storedVersion: number; appVersion: number; error: string; preUpgradeBackup: string }
  | { status: 'open-failed'; error: string };

export interface OpenWorkspaceOptions {
  /** Writes the copy taken before an upgrade and returns its name; throws if it could not be written. */
  backUpBeforeUpgrade(data: WorkspaceData, fromSchemaVersion: number): Promise<string>;
  /** Another window holds the database at its older version, so the upgrade waits for it. */
  onBlocked?(): void;
  indexedDB?: IDBFactory;
}

export async function openWorkspace(db: CockpitDatabase, options: OpenWorkspaceOptions): Promise<WorkspaceOpening> {
  const factory = options.indexedDB ?? globalThis.indexedDB;
  const appVersion = db.verno;
  let storedVersion: number | null;
  try {
    storedVersion = await storedSchemaVersion(factory, db.name);
  } catch (error) {
    return { status: 'open-failed', error: errorText(error) };
  }
  if (storedVersion !== null && storedVersion > appVersion) return { status: 'newer-version', storedVersion, appVersion };

  let preUpgradeBackup: string | null = null;
  if (storedVersion !== null && storedVersion < appVersion) {
    try {
      const data = await readRawWorkspace(factory, db.name);
      preUpgradeBackup = await options.backUpBeforeUpgrade(data, storedVersion);
    } catch (error) {
      return { status: 'backup-failed', storedVersion, appVersion, error: errorText(error) };
    }
  }

  const onBlocked = () => options.onBlocked?.();
  db.on('blocked', onBlocked);
  try {
    await db.open();
  } catch (error) {
    if (storedVersion !== null && preUpgradeBackup !== null) {
      return { status: 'upgrade-failed', storedVersion, appVersion, error: errorText(error), preUpgradeBackup };
    }
    return { status: 'open-failed', error: errorText(error) };
  } finally {
    db.on('blocked').unsubscribe(onBlocked);
  }
  return { status: 'ready', upgradedFrom: preUpgradeBackup === null ? null : storedVersion, preUpgradeBackup };
}

/** The Dexie schema version the database was last opened with, or null when there is none yet. */
export async function storedSchemaVersion(factory: IDBFactory, name: string): Promise<number | null> {
  if (typeof factory.databases === 'function') {
    const found = (await factory.databases()).find((info) => info.name === name);
    return found?.version ? found.version / 10 : null;
  }
  // Without `databases()`, open without a version: an upgrade event means there was no
  // database, and aborting it leaves none behind.
  return new Promise((resolve, reject) => {
    const request = factory.open(name);
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onerror = (event) => {
      event.preventDefault();
      if (request.error?.name === 'AbortError') resolve(null);
      else reject(request.error);
    };
    request.onsuccess = () => {
      const version = request.result.version / 10;
      request.result.close();
      resolve(version);
    };
  });
}

/** Every record of every table as stored, without any upgrade: what the pre-upgrade copy holds. */
export async function readRawWorkspace(factory: IDBFactory, name: string): Promise<WorkspaceData> {
  // A Dexie instance with no declared schema reads whatever version is stored and never upgrades it.
  const raw = new Dexie(name, { indexedDB: factory, IDBKeyRange: globalThis.IDBKeyRange });
  await raw.open();
  try {
    const data = emptyWorkspace() as unknown as Record<string, unknown[]>;
    const present = workspaceTableNames.filter((table) => raw.tables.some((candidate) => candidate.name === table));
    await raw.transaction(
      'r',
      present.map((table) => raw.table(table)),
      async () => {
        for (const table of present) data[table] = await raw.table(table).toArray();
      },
    );
    return data as unknown as WorkspaceData;
  } finally {
    raw.close();
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? `${error.name === 'Error' ? '' : `${error.name}: `}${error.message}` : String(error);
}

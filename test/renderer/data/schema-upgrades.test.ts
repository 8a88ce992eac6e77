/**
 * Every schema version that has shipped, opened and imported by the current code: each
 * record must come through with its meaning, field by field. And the start-up around an
 * upgrade: a copy of the old data first, a failed upgrade leaving the old database as it
 * was, a newer database left alone.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { WORKSPACE_SETTINGS_ID } from '../../../shared/domain/settings';
import { workspaceTableNames, workspaceTableSchemas, type WorkspaceTableName } from '../../../shared/domain/workspace';
import { WORKSPACE_SCHEMA_VERSION, parseWorkspaceBackup } from '../../../shared/backup/workspace-backup';
import { recordUpgrades } from '../../../shared/domain/migrations';
import { defaultCheckpointAgenda } from '../../../shared/domain/defaults';
import { openCockpitDatabase, type CockpitDatabase } from '../../../renderer/data/db';
import { createRepositories } from '../../../renderer/data';
import { createAutomaticBackups, type BackupStore } from '../../../renderer/data/automatic-backups';
import { openWorkspace, storedSchemaVersion } from '../../../renderer/data/open-workspace';
import { importWorkspaceBackup } from '../../../renderer/features/workspace/workspace-import';
import {
  openVersion1Database,
  readSchemaFixture,
  schemaFixtureVersions,
  writeVersion1Database,
  writeVersion2Database,
} from '../../fixtures/schema/fixtures';
import { fixedClock } from './test-workspace';

type Tables = Record<WorkspaceTableName, Array<Record<string, unknown>>>;

/** Version 3's default checkpoint agenda, written out rather than taken from the code under test. */
const checkpointAgendaOfVersion3 = [
  { section: 'previous-actions', title: 'Actions from the last checkpoint' },
  { section: 'kpi-scorecard', title: 'KPI scorecard' },
  { section: 'risk-changes', title: 'Risk register changes' },
  { section: 'escalations', title: 'Escalations' },
  { section: 'decisions-needed', title: 'Decisions needed' },
  { section: 'any-other-business', title: 'Any other business' },
];

/**
 * What each fixture means in the current schema, stated here rather than computed by the
 * upgrade code under test: version 1 workspaces had no engagement template of their own,
 * so they use the built-in one (`engagementTemplate: null`); a template saved at version 2
 * has no checkpoint agenda, so it gets the default one; workspaces before version 3 had
 * no issued packs. Nothing else changed shape.
 */
function expectedCurrentTables(version: number): Tables {
  const tables = structuredClone(readSchemaFixture(version).tables);
  if (version === 1) {
    const [settings] = tables.settings;
    expect(settings).not.toHaveProperty('engagementTemplate');
    tables.settings = [{ ...settings, engagementTemplate: null }];
  }
  if (version === 2) {
    const [settings] = tables.settings;
    const template = settings!.engagementTemplate as Record<string, unknown>;
    expect(template).not.toHaveProperty('checkpointAgenda');
    tables.settings = [{ ...settings, engagementTemplate: { ...template, checkpointAgenda: checkpointAgendaOfVersion3 } }];
  }
  if (version < 3) {
    expect(tables).not.toHaveProperty('issuedPacks');
    tables.issuedPacks = [];
  }
  return tables;
}

const byId = (a: Record<string, unknown>, b: Record<string, unknown>) => (String(a.id) < String(b.id) ? -1 : 1);

/** The tables each schema version had: version 3 added the issued packs. */
function tablesOfVersion(version: number): WorkspaceTableName[] {
  return workspaceTableNames.filter((table) => version >= 3 || table !== 'issuedPacks');
}

/** Every table the database has, records sorted by id. */
async function readAll(db: Dexie): Promise<Tables> {
  const tables = {} as Tables;
  for (const table of tablesOfVersion(db.verno))
    tables[table] = ((await db.table(table).toArray()) as Array<Record<string, unknown>>).sort(byId);
  return tables;
}

function expectSameRecords(actual: Tables, expected: Tables): void {
  expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
  for (const table of Object.keys(expected) as WorkspaceTableName[]) {
    expect(actual[table].length, `${table} count`).toBe(expected[table].length);
    expected[table].forEach((record, index) => expect(actual[table][index], `${table} ${String(record.id)}`).toStrictEqual(record));
  }
}

function memoryStore(): BackupStore & { files: Map<string, string> } {
  const files = new Map<string, string>();
  return {
    files,
    list: async () => [...files].map(([name, text]) => ({ name, size: text.length })),
    async read(name) {
      const text = files.get(name);
      if (text === undefined) throw new Error(`no backup named ${name}`);
      return text;
    },
    write: async (name, text) => void files.set(name, text),
    remove: async (name) => void files.delete(name),
  };
}

/** The version the v1 fixture was exported by, so a pre-upgrade copy of it comes out byte for byte the same. */
const fixtureApp = { name: 'Governance Cockpit', version: '0.1.0' };

let databaseCounter = 0;
const opened: Dexie[] = [];
function databaseName(): string {
  return `schema-upgrades-${++databaseCounter}`;
}
function track<T extends Dexie>(db: T): T {
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

function setUpBackups(db: CockpitDatabase, store: BackupStore) {
  return createAutomaticBackups({
    store,
    workspace: createRepositories(db, fixedClock).workspace,
    app: fixtureApp,
    clock: fixedClock,
    passphrase: async () => null,
  });
}

describe('schema fixtures', () => {
  it('exist for every schema version the code declares, and the backup format agrees with the database', () => {
    const db = openCockpitDatabase(databaseName());
    expect(db.verno).toBe(WORKSPACE_SCHEMA_VERSION);
    // A new Dexie version needs its fixture (test/fixtures/schema/README.md says how to write one).
    expect([...schemaFixtureVersions]).toEqual(Array.from({ length: db.verno }, (_, index) => index + 1));
    expect(Math.max(...recordUpgrades.map((upgrade) => upgrade.toVersion))).toBeLessThanOrEqual(db.verno);
  });

  it.each(schemaFixtureVersions)('version %i touches every table it had', (version) => {
    const { tables } = readSchemaFixture(version);
    expect(Object.keys(tables).sort()).toEqual(tablesOfVersion(version).sort());
    for (const table of tablesOfVersion(version)) expect(tables[table].length, table).toBeGreaterThan(0);
  });

  it('version 2 keeps a workspace template, so the version 3 upgrade of it is exercised with real content', () => {
    const [settings] = readSchemaFixture(2).tables.settings;
    expect(settings?.engagementTemplate).toMatchObject({ forums: expect.any(Array), rituals: expect.any(Array) });
  });

  it('version 3 keeps a template with its checkpoint agenda', () => {
    const [settings] = readSchemaFixture(3).tables.settings;
    expect(settings?.engagementTemplate).toMatchObject({ checkpointAgenda: checkpointAgendaOfVersion3 });
  });

  it('the default agenda the version 3 upgrade gives is the one version 3 shipped', () => {
    expect(defaultCheckpointAgenda).toEqual(checkpointAgendaOfVersion3);
  });
});

describe('a version 1 IndexedDB opened by the current code', () => {
  it('keeps every record with its meaning, valid against the current schemas', async () => {
    const name = databaseName();
    await writeVersion1Database(name);
    const db = track(openCockpitDatabase(name));
    await db.open();
    expect(db.verno).toBe(3);
    expect(await storedSchemaVersion(indexedDB, name)).toBe(3);

    const tables = await readAll(db);
    expectSameRecords(tables, expectedCurrentTables(1));
    for (const table of workspaceTableNames) {
      for (const record of tables[table])
        expect(workspaceTableSchemas[table].safeParse(record).success, `${table} ${String(record.id)}`).toBe(true);
    }
  });

  it('keeps its indexes working and the repositories reading and writing', async () => {
    const name = databaseName();
    await writeVersion1Database(name);
    const db = track(openCockpitDatabase(name));
    const repositories = createRepositories(db, fixedClock);
    const { tables } = readSchemaFixture(1);
    const risk = tables.risks[0]!;
    const sameStatus = tables.risks.filter((candidate) => candidate.engagementId === risk.engagementId && candidate.status === risk.status);
    expect(
      await db.risks
        .where('[engagementId+status]')
        .equals([risk.engagementId as string, risk.status as string])
        .count(),
    ).toBe(sameStatus.length);

    const template = await repositories.template.current();
    expect(template.builtIn).toBe(true);
    const settings = await db.settings.get(WORKSPACE_SETTINGS_ID);
    const { defaultConfidentialityLabel, pageSize, theme, riskMatrix, reviewIntervalDays, revision } = settings!;
    await repositories.settings.save(
      { userName: 'Upgraded lead', defaultConfidentialityLabel, pageSize, theme, riskMatrix, reviewIntervalDays },
      revision,
    );
    expect((await db.settings.get(WORKSPACE_SETTINGS_ID))?.userName).toBe('Upgraded lead');
  });
});

describe('a version 2 IndexedDB opened by the current code', () => {
  it('gives the saved template the default checkpoint agenda and starts with no issued packs', async () => {
    const name = databaseName();
    await writeVersion2Database(name);
    expect(await storedSchemaVersion(indexedDB, name)).toBe(2);
    const db = track(openCockpitDatabase(name));
    await db.open();
    expect(db.verno).toBe(3);
    expect(await storedSchemaVersion(indexedDB, name)).toBe(3);

    const tables = await readAll(db);
    expectSameRecords(tables, expectedCurrentTables(2));
    for (const table of workspaceTableNames) {
      for (const record of tables[table])
        expect(workspaceTableSchemas[table].safeParse(record).success, `${table} ${String(record.id)}`).toBe(true);
    }
  });

  it('serves the upgraded template and its agenda through the repositories, and the new store works', async () => {
    const name = databaseName();
    await writeVersion2Database(name);
    const db = track(openCockpitDatabase(name));
    const repositories = createRepositories(db, fixedClock);
    const current = await repositories.template.current();
    expect(current.builtIn).toBe(false);
    expect(current.template.checkpointAgenda).toEqual(checkpointAgendaOfVersion3);
    expect(current.template.forums).toEqual((readSchemaFixture(2).tables.settings[0]!.engagementTemplate as { forums: unknown }).forums);

    await repositories.template.saveCheckpointAgenda([{ section: 'custom', title: 'Hiring plan' }], current.revision);
    expect((await repositories.template.current()).template.checkpointAgenda).toEqual([{ section: 'custom', title: 'Hiring plan' }]);
    expect(
      await db.issuedPacks
        .where('checkpointId')
        .equals(readSchemaFixture(2).tables.checkpoints[0]!.id as string)
        .count(),
    ).toBe(0);
  });
});

describe.each(schemaFixtureVersions)('the version %i backup imported through the import path', (version) => {
  it('replaces the workspace with every record as the current schema means it', async () => {
    const db = track(openCockpitDatabase(databaseName()));
    const repositories = createRepositories(db, fixedClock);
    await repositories.workspace.ensureSettings();
    const outcome = await importWorkspaceBackup(repositories.workspace, new TextEncoder().encode(readSchemaFixture(version).text), {
      confirm: async () => true,
    });
    expect(outcome.status).toBe('imported');
    expectSameRecords(await readAll(db), expectedCurrentTables(version));
  });
});

describe('openWorkspace', () => {
  it('copies a version 1 database, as version 1, before upgrading it', async () => {
    const name = databaseName();
    await writeVersion1Database(name);
    const store = memoryStore();
    const db = track(openCockpitDatabase(name));
    const backups = setUpBackups(db, store);
    const opening = await openWorkspace(db, {
      async backUpBeforeUpgrade(data, fromSchemaVersion) {
        // The copy is taken from the untouched database: still version 1 when it is written.
        expect(await storedSchemaVersion(indexedDB, name)).toBe(1);
        return (await backups.writePreUpgradeBackup(data, fromSchemaVersion)).written;
      },
    });
    expect(opening).toEqual({
      status: 'ready',
      upgradedFrom: 1,
      preUpgradeBackup: 'cockpit-auto-2026-11-21-100000-before-upgrade-from-v1.json',
    });
    expect(opening.status === 'ready' && store.files.get(opening.preUpgradeBackup!)).toBe(readSchemaFixture(1).text);
    expect(JSON.parse(store.files.get(`${opening.status === 'ready' ? opening.preUpgradeBackup : ''}.summary.json`)!)).toMatchObject({
      schemaVersion: 1,
      counts: { risks: readSchemaFixture(1).tables.risks.length },
    });
    expectSameRecords(await readAll(db), expectedCurrentTables(1));
  });

  it('restores the pre-upgrade copy through the shared upgrade', async () => {
    const name = databaseName();
    await writeVersion1Database(name);
    const store = memoryStore();
    const db = track(openCockpitDatabase(name));
    const backups = setUpBackups(db, store);
    const opening = await openWorkspace(db, {
      backUpBeforeUpgrade: async (data, from) => (await backups.writePreUpgradeBackup(data, from)).written,
    });
    if (opening.status !== 'ready') throw new Error(opening.status);
    await db.risks.clear();
    const prepared = await backups.prepareRestore(opening.preUpgradeBackup!, null);
    if (!prepared.ok) throw new Error(prepared.message);
    await backups.restore(prepared);
    expectSameRecords(await readAll(db), expectedCurrentTables(1));
  });

  it('opens a current database without a copy, and creates a new one', async () => {
    const name = databaseName();
    const first = track(openCockpitDatabase(name));
    const noCopy = async () => {
      throw new Error('no copy expected');
    };
    expect(await openWorkspace(first, { backUpBeforeUpgrade: noCopy })).toEqual({
      status: 'ready',
      upgradedFrom: null,
      preUpgradeBackup: null,
    });
    first.close();
    const again = track(openCockpitDatabase(name));
    expect(await openWorkspace(again, { backUpBeforeUpgrade: noCopy })).toEqual({
      status: 'ready',
      upgradedFrom: null,
      preUpgradeBackup: null,
    });
  });

  it('does not upgrade when the copy cannot be written', async () => {
    const name = databaseName();
    await writeVersion1Database(name);
    const db = track(openCockpitDatabase(name));
    const opening = await openWorkspace(db, {
      backUpBeforeUpgrade: async () => {
        throw new Error('The disk is full');
      },
    });
    expect(opening).toEqual({ status: 'backup-failed', storedVersion: 1, appVersion: 3, error: 'The disk is full' });
    expect(db.isOpen()).toBe(false);
    expect(await storedSchemaVersion(indexedDB, name)).toBe(1);
  });

  it('leaves the version 1 database untouched when an upgrade throws on one record, and says which copy to keep', async () => {
    const name = databaseName();
    await writeVersion1Database(name);
    const { tables } = readSchemaFixture(1);
    const doomedRisk = tables.risks[1]!.id;
    const failing = [
      ...recordUpgrades,
      {
        toVersion: 2,
        table: 'risks' as const,
        upgrade(record: Record<string, unknown>) {
          record.title = 'changed by the upgrade';
          if (record.id === doomedRisk) throw new Error(`cannot upgrade risk ${String(record.id)}`);
        },
      },
    ];
    const db = track(openCockpitDatabase(name, { upgrades: failing }));
    const opening = await openWorkspace(db, { backUpBeforeUpgrade: async () => 'the-copy.json' });
    expect(opening.status).toBe('upgrade-failed');
    if (opening.status !== 'upgrade-failed') return;
    expect(opening).toMatchObject({ storedVersion: 1, appVersion: 3, preUpgradeBackup: 'the-copy.json' });
    expect(opening.error).toContain(`cannot upgrade risk ${String(doomedRisk)}`);

    // Still version 1, readable by version 1's code, every record as version 1 wrote it
    // (settings without a template, risk titles untouched by the aborted upgrade).
    expect(await storedSchemaVersion(indexedDB, name)).toBe(1);
    const version1 = track(openVersion1Database(name));
    await version1.open();
    expect(version1.verno).toBe(1);
    const expected = structuredClone(tables);
    for (const table of tablesOfVersion(1)) expected[table].sort(byId);
    expectSameRecords(await readAll(version1), expected);
  });

  it('leaves a database of a newer version alone', async () => {
    const name = databaseName();
    const current = track(openCockpitDatabase(name));
    await current.open();
    await current.settings.put(
      structuredClone(readSchemaFixture(3).tables.settings[0]) as unknown as Parameters<typeof current.settings.put>[0],
    );
    current.close();
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.open(name, 40);
      request.onsuccess = () => {
        request.result.close();
        resolve();
      };
      request.onerror = () => reject(request.error);
    });

    const older = track(openCockpitDatabase(name));
    expect(await openWorkspace(older, { backUpBeforeUpgrade: async () => 'unexpected' })).toEqual({
      status: 'newer-version',
      storedVersion: 4,
      appVersion: 3,
    });
    expect(older.isOpen()).toBe(false);
    expect(await storedSchemaVersion(indexedDB, name)).toBe(4);
  });
});

describe('backups of older schemas', () => {
  it('say which schema they hold, so an import upgrades them', () => {
    const parsed = parseWorkspaceBackup(readSchemaFixture(1).text);
    expect(parsed.ok && parsed.data.settings[0]?.engagementTemplate).toBeNull();
  });

  it.each([1, 2])('from version %i, are read as having no issued packs', (version) => {
    const parsed = parseWorkspaceBackup(readSchemaFixture(version).text);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect(parsed.data.issuedPacks).toEqual([]);
    expect(parsed.counts.issuedPacks).toBe(0);
  });

  it('from version 3 without the issued packs table are refused as damaged', () => {
    const json = JSON.parse(readSchemaFixture(3).text) as { tables: Record<string, unknown> };
    delete json.tables.issuedPacks;
    const parsed = parseWorkspaceBackup(JSON.stringify(json));
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.problems).toEqual([{ path: '$.tables.issuedPacks', message: 'the issued packs table is missing' }]);
  });
});

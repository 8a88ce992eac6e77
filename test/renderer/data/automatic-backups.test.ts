import { describe, expect, it } from 'vitest';
import {
  BackupPassphraseMissingError,
  createAutomaticBackups,
  type AutomaticBackupsOptions,
  SUMMARY_SUFFIX,
  type BackupStore,
} from '../../../renderer/data/automatic-backups';
import { decryptBackup } from '../../../shared/backup/encryption';
import { isQuotaExceededError } from '../../../shared/platform/storage-errors';
import { parseWorkspaceBackup } from '../../../shared/backup/workspace-backup';
import type { Clock } from '../../../renderer/data/clock';
import { useTestWorkspace, type TestWorkspace } from './test-workspace';

/** Files in memory, with the same contract as the real stores. */
function memoryStore(): BackupStore & { files: Map<string, string> } {
  const files = new Map<string, string>();
  return {
    files,
    async list() {
      return [...files].map(([name, text]) => ({ name, size: new TextEncoder().encode(text).length }));
    },
    async read(name) {
      const text = files.get(name);
      if (text === undefined) throw new Error(`no backup named ${name}`);
      return text;
    },
    async write(name, text) {
      files.set(name, text);
    },
    async remove(name) {
      files.delete(name);
    },
  };
}

/** A clock the test moves forward, in local time (the backups are named by the user's calendar). */
function movableClock(start: Date): Clock & { advanceDays(days: number): void } {
  let now = new Date(start);
  return {
    now: () => new Date(now),
    advanceDays(days) {
      now = new Date(now.getFullYear(), now.getMonth(), now.getDate() + days, now.getHours(), now.getMinutes(), now.getSeconds());
    },
  };
}

const app = { name: 'Governance Cockpit', version: 'test' };

describe('automatic backups', () => {
  let workspace!: TestWorkspace;
  useTestWorkspace('automatic-backups', (opened) => (workspace = opened));
  /** The service over this test's workspace; each test gives the store, clock and passphrase it needs. */
  const backupsWith = (options: Omit<AutomaticBackupsOptions, 'workspace' | 'app'>) =>
    createAutomaticBackups({ workspace: workspace.repositories.workspace, app, ...options });

  it('writes one backup on the first start of a day, with its summary, and none on later starts', async () => {
    await workspace.repositories.workspace.loadDemo();
    const store = memoryStore();
    const clock = movableClock(new Date(2026, 10, 21, 8, 30, 5));
    const backups = backupsWith({
      store,
      clock,
      passphrase: async () => null,
    });

    const first = await backups.ensureDailyBackup();
    expect(first.written).toBe('cockpit-auto-2026-11-21-083005.json');
    expect((await backups.ensureDailyBackup()).written).toBeNull();

    const parsed = parseWorkspaceBackup(store.files.get(first.written!)!);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const counts = await workspace.repositories.workspace.counts();
    expect(parsed.counts).toEqual(counts);

    const [listing] = await backups.list();
    expect(listing).toMatchObject({ name: first.written, kind: 'daily', date: '2026-11-21', encrypted: false });
    expect(listing!.summary?.counts.engagements).toBe(counts.engagements);
    expect(listing!.summary?.counts.risks).toBeGreaterThan(0);
    expect(listing!.size).toBe(new TextEncoder().encode(store.files.get(first.written!)!).length);
  });

  it('encrypts when a passphrase is set, and the file opens with it', async () => {
    const store = memoryStore();
    const clock = movableClock(new Date(2026, 10, 21, 9, 0, 0));
    const passphrase = 'long enough passphrase';
    const backups = backupsWith({
      store,
      clock,
      passphrase: async () => passphrase,
    });
    const { written } = await backups.ensureDailyBackup();
    expect(written).toBe('cockpit-auto-2026-11-21-090000.encrypted.json');
    const text = store.files.get(written!)!;
    expect(text).not.toContain('engagements');
    const opened = await decryptBackup(text, passphrase);
    expect(opened.ok && parseWorkspaceBackup(opened.text).ok).toBe(true);
  });

  it('keeps 14 daily and 8 weekly copies over three months of daily starts, with their summaries', async () => {
    const store = memoryStore();
    const clock = movableClock(new Date(2026, 7, 24, 9, 0, 0));
    const backups = backupsWith({
      store,
      clock,
      passphrase: async () => null,
    });
    for (let day = 0; day < 90; day++) {
      await backups.ensureDailyBackup();
      clock.advanceDays(1);
    }
    const listed = await backups.list();
    expect(listed).toHaveLength(19);
    expect(listed[0]!.date).toBe('2026-11-21');
    expect(listed.every((backup) => backup.summary !== null)).toBe(true);
    // No orphaned summaries left behind by pruning.
    const summaries = [...store.files.keys()].filter((name) => name.endsWith(SUMMARY_SUFFIX));
    expect(summaries.sort()).toEqual(listed.map((backup) => backup.name + SUMMARY_SUFFIX).sort());
  });

  it('lists a backup whose summary is missing or damaged, without counts', async () => {
    const store = memoryStore();
    const backups = backupsWith({
      store,
      clock: movableClock(new Date(2026, 10, 21, 9, 0, 0)),
      passphrase: async () => null,
    });
    const { written } = await backups.ensureDailyBackup();
    store.files.set(written + SUMMARY_SUFFIX, '{"writtenAt": 3');
    expect((await backups.list())[0]).toMatchObject({ name: written, summary: null });
  });

  it('skips an empty workspace on start when asked to, and backs it up once it holds something', async () => {
    const store = memoryStore();
    const backups = backupsWith({
      store,
      clock: movableClock(new Date(2026, 10, 21, 9, 0, 0)),
      passphrase: async () => null,
    });
    expect(await backups.dailyBackupDue()).toBe(true);
    expect((await backups.ensureDailyBackup({ skipEmptyWorkspace: true })).written).toBeNull();
    expect(store.files.size).toBe(0);
    await workspace.repositories.workspace.loadDemo();
    expect((await backups.ensureDailyBackup({ skipEmptyWorkspace: true })).written).toBe('cockpit-auto-2026-11-21-090000.json');
    expect(await backups.dailyBackupDue()).toBe(false);
  });

  it('writes nothing at all when encryption is on but no passphrase was given', async () => {
    await workspace.repositories.workspace.loadDemo();
    const store = memoryStore();
    const backups = backupsWith({
      store,
      clock: movableClock(new Date(2026, 10, 21, 9, 0, 0)),
      passphrase: async () => {
        throw new BackupPassphraseMissingError('no passphrase in this session');
      },
    });
    await expect(backups.ensureDailyBackup()).rejects.toThrow('no passphrase in this session');
    await expect(backups.backUpNow()).rejects.toThrow(BackupPassphraseMissingError);
    expect(store.files.size).toBe(0);
  });

  it('"Back up now" keeps its own copies beside the daily one', async () => {
    await workspace.repositories.workspace.loadDemo();
    const store = memoryStore();
    const clock = movableClock(new Date(2026, 10, 21, 9, 0, 0));
    const backups = backupsWith({
      store,
      clock,
      passphrase: async () => null,
    });
    await backups.ensureDailyBackup();
    const { written } = await backups.backUpNow();
    expect(written).toBe('cockpit-auto-2026-11-21-090000-on-request.json');
    expect((await backups.list()).map((backup) => [backup.kind, backup.summary?.counts.engagements])).toEqual([
      ['on-request', 3],
      ['daily', 3],
    ]);
  });

  describe('restore', () => {
    const passphrase = 'restore test passphrase';

    async function encryptedBackupThenChange() {
      await workspace.repositories.workspace.loadDemo();
      const store = memoryStore();
      const clock = movableClock(new Date(2026, 10, 21, 9, 0, 0));
      const backups = backupsWith({
        store,
        clock,
        passphrase: async () => passphrase,
      });
      const { written } = await backups.ensureDailyBackup();
      const backedUp = await workspace.repositories.workspace.exportText(app);
      // A change after the backup: one engagement and everything of it gone.
      const data = await workspace.repositories.workspace.read();
      const gone = data.engagements[0]!.id;
      for (const [table, records] of Object.entries(data) as Array<[string, Array<Record<string, unknown>>]>) {
        (data as unknown as Record<string, unknown[]>)[table] =
          table === 'engagements'
            ? records.filter((record) => record.id !== gone)
            : records.filter((record) => !('engagementId' in record) || record.engagementId !== gone);
      }
      await workspace.repositories.workspace.replace(data);
      clock.advanceDays(0);
      return { store, backups, written: written!, backedUp, changed: await workspace.repositories.workspace.exportText(app) };
    }

    it('refuses a wrong passphrase with the decryption message, and changes nothing', async () => {
      const { store, backups, written, changed } = await encryptedBackupThenChange();
      const filesBefore = [...store.files.keys()].sort();
      expect(await backups.prepareRestore(written, null)).toMatchObject({ ok: false, reason: 'needs-passphrase' });
      const wrong = await backups.prepareRestore(written, 'not the right passphrase');
      expect(wrong).toEqual({
        ok: false,
        reason: 'wrong-passphrase',
        message: 'The passphrase is wrong, or the file was changed after it was encrypted. Nothing was imported.',
        problems: [],
      });
      expect(await workspace.repositories.workspace.exportText(app)).toBe(changed);
      expect([...store.files.keys()].sort()).toEqual(filesBefore);
    });

    it('shows the counts now and in the backup, keeps a "before restore" backup, then replaces the workspace', async () => {
      const { store, backups, written, backedUp, changed } = await encryptedBackupThenChange();
      const prepared = await backups.prepareRestore(written, passphrase);
      if (!prepared.ok) throw new Error(prepared.message);
      expect(prepared.current.engagements).toBe(2);
      expect(prepared.incoming.engagements).toBe(3);
      expect(prepared.incoming.risks).toBeGreaterThan(prepared.current.risks);

      const { beforeRestore } = await backups.restore(prepared);
      expect(beforeRestore).toMatch(/^cockpit-auto-2026-11-21-\d{6}-before-restore\.encrypted\.json$/);
      expect(await workspace.repositories.workspace.exportText(app)).toBe(backedUp);

      // The safety copy holds the workspace as it was just before, and restores like any other.
      const opened = await decryptBackup(store.files.get(beforeRestore)!, passphrase);
      if (!opened.ok) throw new Error(opened.message);
      expect(opened.text).toBe(changed);
      expect((await backups.list()).find((backup) => backup.name === beforeRestore)?.summary?.counts.engagements).toBe(2);
    });

    it('refuses a backup that is not a valid workspace, with JSON paths, and changes nothing', async () => {
      await workspace.repositories.workspace.loadDemo();
      const before = await workspace.repositories.workspace.exportText(app);
      const store = memoryStore();
      const broken = JSON.parse(before);
      broken.tables.risks[0].likelihood = 42;
      store.files.set('cockpit-auto-2026-11-20-090000.json', JSON.stringify(broken));
      const backups = backupsWith({
        store,
        clock: movableClock(new Date(2026, 10, 21, 9, 0, 0)),
        passphrase: async () => null,
      });
      const prepared = await backups.prepareRestore('cockpit-auto-2026-11-20-090000.json', null);
      expect(prepared).toMatchObject({ ok: false, reason: 'invalid' });
      expect(!prepared.ok && prepared.problems.map((problem) => problem.path)).toContain('$.tables.risks[0].likelihood');
      expect(await workspace.repositories.workspace.exportText(app)).toBe(before);
      expect([...store.files.keys()]).toEqual(['cockpit-auto-2026-11-20-090000.json']);
    });

    it('replaces nothing when the "before restore" backup cannot be written (a full disk)', async () => {
      const { store, backups, written, changed } = await encryptedBackupThenChange();
      const prepared = await backups.prepareRestore(written, passphrase);
      if (!prepared.ok) throw new Error(prepared.message);
      store.write = async () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
      const failure = await backups.restore(prepared).catch((error: unknown) => error);
      expect(isQuotaExceededError(failure)).toBe(true);
      expect(await workspace.repositories.workspace.exportText(app)).toBe(changed);
    });
  });

  describe('a full disk in the middle of a transaction', () => {
    const quotaError = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

    it('aborts the replacement of a restore as a whole: the database is exactly as before', async () => {
      await workspace.repositories.workspace.loadDemo();
      const before = await workspace.repositories.workspace.exportText(app);
      const incoming = await workspace.repositories.workspace.read();
      incoming.risks = incoming.risks.map((risk) => ({ ...risk, title: `${risk.title} (restored)` }));
      // Tables before risks are already cleared and refilled when the disk fills up.
      let written = 0;
      const failOnTenthRisk = () => {
        if (++written === 10) throw quotaError();
      };
      workspace.db.risks.hook('creating', failOnTenthRisk);
      const failure = await workspace.repositories.workspace.replace(incoming).catch((error: unknown) => error);
      workspace.db.risks.hook('creating').unsubscribe(failOnTenthRisk);

      expect(written).toBe(10);
      expect(isQuotaExceededError(failure)).toBe(true);
      expect(await workspace.repositories.workspace.exportText(app)).toBe(before);
    });

    it('aborts a repository write spanning two tables: neither half lands', async () => {
      await workspace.repositories.workspace.loadDemo();
      const before = await workspace.repositories.workspace.exportText(app);
      const [risk] = await workspace.db.risks.toArray();
      const failEvent = () => {
        throw quotaError();
      };
      workspace.db.riskEvents.hook('creating', failEvent);
      const failure = await workspace.repositories.riskRegister
        .update(risk!.id, { title: 'Renamed while the disk was full' }, risk!.revision)
        .catch((error: unknown) => error);
      workspace.db.riskEvents.hook('creating').unsubscribe(failEvent);

      expect(isQuotaExceededError(failure)).toBe(true);
      expect((await workspace.db.risks.get(risk!.id))?.title).toBe(risk!.title);
      expect(await workspace.repositories.workspace.exportText(app)).toBe(before);
    });
  });
});

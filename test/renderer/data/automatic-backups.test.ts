import { describe, expect, it } from 'vitest';
import { createAutomaticBackups, SUMMARY_SUFFIX, type BackupStore } from '../../../renderer/data/automatic-backups';
import { decryptBackup } from '../../../shared/backup/encryption';
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

  it('writes one backup on the first start of a day, with its summary, and none on later starts', async () => {
    await workspace.repositories.workspace.loadDemo();
    const store = memoryStore();
    const clock = movableClock(new Date(2026, 10, 21, 8, 30, 5));
    const backups = createAutomaticBackups({
      store,
      workspace: workspace.repositories.workspace,
      app,
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
    const backups = createAutomaticBackups({
      store,
      workspace: workspace.repositories.workspace,
      app,
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
    const backups = createAutomaticBackups({
      store,
      workspace: workspace.repositories.workspace,
      app,
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
    const backups = createAutomaticBackups({
      store,
      workspace: workspace.repositories.workspace,
      app,
      clock: movableClock(new Date(2026, 10, 21, 9, 0, 0)),
      passphrase: async () => null,
    });
    const { written } = await backups.ensureDailyBackup();
    store.files.set(written + SUMMARY_SUFFIX, '{"writtenAt": 3');
    expect((await backups.list())[0]).toMatchObject({ name: written, summary: null });
  });
});

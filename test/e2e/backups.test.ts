/**
 * Automatic backups in browser mode: written to the origin-private file system on start,
 * listed with their counts, backed up on request with encryption, restored after a change
 * (a wrong passphrase first, which changes nothing), and the storage figures shown.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser, waitForPortfolio } from './browser';

const { openApp } = useBrowser();
const PASSPHRASE = 'seven quiet harbours';

async function screenshot(page: Page, name: string) {
  mkdirSync('.tmp/screenshots', { recursive: true });
  await page.screenshot({ path: `.tmp/screenshots/${name}.png`, fullPage: true });
}

/** Names and texts of the files in the automatic-backups folder of the origin-private file system. */
function opfsFiles(page: Page): Promise<Record<string, string>> {
  return page.evaluate(async () => {
    const root = await navigator.storage.getDirectory();
    const folder = await root.getDirectoryHandle('automatic-backups', { create: true });
    const files: Record<string, string> = {};
    for await (const [name, handle] of folder as unknown as AsyncIterable<[string, FileSystemFileHandle]>) {
      // A file renamed or pruned by the app while this lists the folder is simply skipped.
      const text = await handle
        .getFile()
        .then((file) => file.text())
        .catch(() => null);
      if (text !== null) files[name] = text;
    }
    return files;
  });
}

async function waitForBackup(page: Page, pattern: RegExp): Promise<[string, string]> {
  // The day's backup starts a few seconds after the app, once the first screen has settled.
  for (let attempt = 0; attempt < 250; attempt++) {
    const found = Object.entries(await opfsFiles(page)).find(([name]) => pattern.test(name));
    if (found) return found;
    await page.waitForTimeout(100);
  }
  throw new Error(`no backup matching ${pattern} appeared`);
}

/** Counts straight from IndexedDB, to compare with what the screens say. */
function countIn(page: Page, table: string): Promise<number> {
  return page.evaluate(
    (store) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('governance-cockpit');
        open.onsuccess = () => {
          const request = open.result.transaction(store).objectStore(store).count();
          request.onsuccess = () => {
            open.result.close();
            resolve(request.result);
          };
          request.onerror = () => reject(request.error);
        };
        open.onerror = () => reject(open.error);
      }),
    table,
  );
}

async function loadDemo(page: Page) {
  await page.getByRole('button', { name: 'Load demo workspace' }).click();
  await waitForPortfolio(page);
}

const today = () => {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
};

describe('automatic backups', () => {
  it("writes today's backup to the private file system on start and lists it with its counts and the storage figures", async () => {
    const { page, pageErrors, foreignRequests } = await openApp();
    await page.getByRole('heading', { name: 'Welcome to Governance Cockpit' }).waitFor();
    await loadDemo(page);
    // An empty workspace was not backed up; the next start backs up the demo.
    expect(Object.keys(await opfsFiles(page))).toEqual([]);
    await page.reload();
    await waitForPortfolio(page);
    const [name, text] = await waitForBackup(page, new RegExp(`^cockpit-auto-${today()}-\\d{6}\\.json$`));
    const summary = JSON.parse(await waitForBackup(page, /\.summary\.json$/).then(([, summaryText]) => summaryText));
    const backup = JSON.parse(text);
    const risks = await countIn(page, 'risks');
    expect(backup.tables.engagements).toHaveLength(3);
    expect(backup.tables.risks).toHaveLength(risks);
    expect(summary.counts).toMatchObject({ engagements: 3, risks, checkpoints: backup.tables.checkpoints.length });

    await page.getByRole('link', { name: 'Backups' }).click();
    const row = page.getByTestId('backup-row');
    await row.first().waitFor();
    expect(await row.count()).toBe(1);
    expect(await row.getAttribute('data-name')).toBe(name);
    const cells = await row.locator('td').allInnerTexts();
    expect(cells.slice(1, 7)).toEqual([
      'Daily',
      expect.stringMatching(/^\d+(\.\d)? KB$/),
      'No',
      '3',
      String(risks),
      String(summary.counts.checkpoints),
    ]);

    const storage = page.getByTestId('storage-health');
    await page.getByTestId('storage-used').waitFor();
    expect(await page.getByTestId('storage-used').innerText()).toMatch(/^\d[\d,.]* (bytes|KB|MB|GB)$/);
    expect(await page.getByTestId('storage-available').innerText()).toMatch(/^\d[\d,.]* (bytes|KB|MB|GB|TB)$/);
    expect(await page.getByTestId('storage-persisted').innerText()).toMatch(/^(Granted|Not granted)$/);
    expect(await storage.getByRole('meter').getAttribute('aria-valuenow')).toMatch(/^\d+$/);
    await screenshot(page, 'backups');

    expect(pageErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);
  });

  it('backs up on request with encryption, and restores that backup after a change, refusing a wrong passphrase first', async () => {
    const { page, pageErrors } = await openApp();
    await loadDemo(page);

    await page.getByRole('link', { name: 'Settings' }).click();
    const settings = page.getByTestId('backup-settings');
    await settings.getByLabel('Encrypt automatic backups').check();
    await expect(settings.getByTestId('remember-unavailable').innerText()).resolves.toContain('asked once per session');
    await settings.locator('#backup-settings-passphrase').fill('too short');
    await settings.locator('#backup-settings-confirmation').fill('something else');
    await settings.getByRole('button', { name: 'Save passphrase' }).click();
    const summary = await settings.locator('.error-summary').innerText();
    expect(summary).toContain('needs at least 10 characters');
    expect(summary).toContain('The two passphrases differ');
    await screenshot(page, 'backups-settings');
    await settings.locator('#backup-settings-passphrase').fill(PASSPHRASE);
    await settings.locator('#backup-settings-confirmation').fill(PASSPHRASE);
    await settings.getByRole('button', { name: 'Save passphrase' }).click();
    await settings.getByTestId('backup-encryption-status').waitFor();
    expect(await settings.getByTestId('backup-encryption-status').innerText()).toContain('given for this session');
    expect(await page.evaluate(() => localStorage.getItem('governance-cockpit:backup-preferences'))).not.toContain(PASSPHRASE);

    await settings.getByRole('link', { name: 'See and restore backups' }).click();
    await page.getByRole('button', { name: 'Back up now' }).click();
    const [name, encrypted] = await waitForBackup(page, /-on-request\.encrypted\.json$/);
    expect(encrypted).toContain('"governance-cockpit-encrypted-backup"');
    expect(encrypted).not.toContain('engagements');
    const row = page.locator(`[data-testid="backup-row"][data-name="${name}"]`);
    await row.waitFor();
    expect((await row.locator('td').allInnerTexts()).slice(1, 5)).toEqual(['Backed up on request', expect.any(String), 'Yes', '3']);

    // A change after the backup: two risks deleted behind the app's back.
    const risksBefore = await countIn(page, 'risks');
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('governance-cockpit');
          open.onsuccess = () => {
            const transaction = open.result.transaction('risks', 'readwrite');
            const store = transaction.objectStore('risks');
            const keys = store.getAllKeys(undefined, 2);
            keys.onsuccess = () => keys.result.forEach((key) => store.delete(key));
            transaction.oncomplete = () => {
              open.result.close();
              resolve();
            };
            transaction.onerror = () => reject(transaction.error);
          };
        }),
    );
    expect(await countIn(page, 'risks')).toBe(risksBefore - 2);

    await row.getByRole('button', { name: /^Restore the backup of/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Passphrase').fill('seven quiet harbour');
    await dialog.getByRole('button', { name: 'Open backup' }).click();
    await dialog.getByText('The passphrase is wrong, or the file was changed after it was encrypted.').waitFor();
    await screenshot(page, 'backups-restore-wrong-passphrase');
    expect(await countIn(page, 'risks')).toBe(risksBefore - 2);
    expect(Object.keys(await opfsFiles(page)).filter((file) => file.includes('before-restore'))).toEqual([]);

    await dialog.getByLabel('Passphrase').fill(PASSPHRASE);
    await dialog.getByRole('button', { name: 'Open backup' }).click();
    const comparison = page.getByTestId('restore-comparison');
    await comparison.waitFor();
    expect(await comparison.innerText()).toMatch(new RegExp(`risks\\s+${risksBefore - 2}\\s+${risksBefore}`, 'i'));
    await screenshot(page, 'backups-restore-confirm');
    await page.getByRole('button', { name: 'Restore workspace' }).click();
    await page.getByText(/^Workspace restored from the backup of/).waitFor();
    expect(await countIn(page, 'risks')).toBe(risksBefore);

    const [safetyCopy, safetyText] = await waitForBackup(page, /-before-restore\.encrypted\.json$/);
    expect(safetyText).not.toContain('risks');
    const safetyRow = page.locator(`[data-testid="backup-row"][data-name="${safetyCopy}"]`);
    await safetyRow.waitFor();
    expect((await safetyRow.locator('td').allInnerTexts()).slice(1, 4)).toEqual(['Before a restore', expect.any(String), 'Yes']);
    await screenshot(page, 'backups-after-restore');

    // The next day, in a new session: no backup of the day yet, and the browser cannot
    // remember the passphrase, so the start asks for it once. (Today's automatic copy, written
    // a few seconds after the app started, stands in for yesterday's and is taken away.)
    await page.evaluate(async (day) => {
      const folder = await (await navigator.storage.getDirectory()).getDirectoryHandle('automatic-backups');
      const daily = new RegExp(`^cockpit-auto-${day}-\\d{6}\\.(encrypted\\.)?json(\\.summary\\.json)?$`);
      for await (const [name] of folder as unknown as AsyncIterable<[string, FileSystemHandle]>) {
        if (daily.test(name)) await folder.removeEntry(name);
      }
    }, today());
    await page.reload();
    const prompt = page.getByRole('dialog', { name: "Passphrase for today's backup" });
    await prompt.waitFor();
    await prompt.getByLabel('Passphrase').fill('not it at all');
    await prompt.getByRole('button', { name: 'Use this passphrase' }).click();
    await prompt.getByText('That is not the passphrase set for automatic backups on this computer.').waitFor();
    await screenshot(page, 'backups-session-prompt');
    await prompt.getByLabel('Passphrase').fill(PASSPHRASE);
    await prompt.getByRole('button', { name: 'Use this passphrase' }).click();
    await waitForBackup(page, new RegExp(`^cockpit-auto-${today()}-\\d{6}\\.encrypted\\.json$`));

    expect(pageErrors).toEqual([]);
  });

  it("skips the day's backup, with a notice, when the passphrase is not given", async () => {
    const { page } = await openApp();
    await loadDemo(page);
    await page.goto(`${page.url().split('#')[0]}#/settings`);
    const settings = page.getByTestId('backup-settings');
    await settings.getByLabel('Encrypt automatic backups').check();
    await settings.locator('#backup-settings-passphrase').fill(PASSPHRASE);
    await settings.locator('#backup-settings-confirmation').fill(PASSPHRASE);
    await settings.getByRole('button', { name: 'Save passphrase' }).click();
    await settings.getByTestId('backup-encryption-status').waitFor();

    await page.reload();
    await page.getByRole('dialog', { name: "Passphrase for today's backup" }).getByRole('button', { name: "Skip today's backup" }).click();
    await page.getByText(/^Today's automatic backup was skipped/).waitFor();
    await page.waitForTimeout(300);
    expect(Object.keys(await opfsFiles(page))).toEqual([]);
  });

  it('exports an encrypted backup and imports it back with its passphrase', async () => {
    const { page } = await openApp();
    await loadDemo(page);
    await page.getByRole('link', { name: 'Backups' }).click();
    await page.getByRole('button', { name: 'Export encrypted backup…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export an encrypted backup' });
    await dialog.locator('#export-encrypted-passphrase').fill(PASSPHRASE);
    await dialog.locator('#export-encrypted-confirmation').fill(PASSPHRASE);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Export encrypted backup' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^governance-cockpit-\d{4}-\d{2}-\d{2}\.encrypted\.json$/);
    const content = readFileSync((await download.path())!, 'utf8');
    expect(content).not.toContain('engagements');

    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByRole('button', { name: 'Import workspace…' }).click(),
    ]);
    await chooser.setFiles({ name: 'travelling.encrypted.json', mimeType: 'application/json', buffer: Buffer.from(content, 'utf8') });
    const prompt = page.getByRole('dialog', { name: 'This backup is encrypted' });
    await prompt.getByLabel('Passphrase').fill('wrong passphrase here');
    await prompt.getByRole('button', { name: 'Open' }).click();
    await prompt.getByText('The passphrase is wrong').waitFor();
    await prompt.getByLabel('Passphrase').fill(PASSPHRASE);
    await prompt.getByRole('button', { name: 'Open' }).click();
    const comparison = page.getByTestId('import-comparison');
    await comparison.waitFor();
    expect(await comparison.innerText()).toMatch(/engagements\s+3\s+3/i);
  });
});

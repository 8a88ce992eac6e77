import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser, waitForPortfolio } from './browser';

const { openApp } = useBrowser();

async function exportWorkspace(page: Page): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export workspace…' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^governance-cockpit-\d{4}-\d{2}-\d{2}\.json$/);
  return readFileSync((await download.path())!, 'utf8');
}

async function importWorkspace(page: Page, name: string, content: string) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Import workspace…' }).click()]);
  await chooser.setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(content, 'utf8') });
}

async function loadDemo(page: Page) {
  await page.getByRole('button', { name: 'Load demo workspace' }).click();
  await waitForPortfolio(page);
}

describe('workspace backup', () => {
  it('export -> wipe -> import restores the same data, byte for byte', async () => {
    const { page } = await openApp();
    await loadDemo(page);
    const portfolioBefore = await page.getByTestId('portfolio').innerText();
    const exported = await exportWorkspace(page);
    expect(JSON.parse(exported).format).toBe('governance-cockpit-workspace');

    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const request = indexedDB.deleteDatabase('governance-cockpit');
          request.onsuccess = () => resolve();
          request.onerror = () => reject(request.error);
        }),
    );
    await page.reload();
    await page.getByRole('heading', { name: 'Welcome to Governance Cockpit' }).waitFor();

    await importWorkspace(page, 'backup.json', exported);
    const comparison = await page.getByTestId('import-comparison').innerText();
    expect(comparison).toMatch(/engagements\s+0\s+3/);
    await page.getByRole('button', { name: 'Replace workspace' }).click();
    await waitForPortfolio(page);

    expect(await page.getByTestId('portfolio').innerText()).toBe(portfolioBefore);
    expect(await exportWorkspace(page)).toBe(exported);
  });

  it('rejects a corrupted backup with the JSON path of the problem and leaves the data untouched', async () => {
    const { page } = await openApp();
    await loadDemo(page);
    const original = await exportWorkspace(page);

    const corrupted = JSON.parse(original);
    corrupted.tables.risks[3].likelihood = 9;
    corrupted.tables.teams[0].timeZone = 'Atlantis/Lost_City';
    await importWorkspace(page, 'corrupted.json', JSON.stringify(corrupted));
    // The progress dialog shows while the worker starts; wait for the verdict, not the first dialog.
    await page.getByRole('dialog').filter({ hasText: 'Nothing was changed' }).waitFor();
    const message = await page.getByRole('dialog').innerText();
    expect(message).toContain('corrupted.json is not a valid workspace backup. Nothing was changed');
    expect(message).toContain('$.tables.risks[3].likelihood');
    expect(message).toContain('$.tables.teams[0].timeZone');
    await page.getByRole('button', { name: 'Close' }).click();

    await importWorkspace(page, 'truncated.json', original.slice(0, original.length / 2));
    await page.getByRole('dialog').filter({ hasText: 'not valid JSON' }).waitFor();
    expect(await page.getByRole('dialog').innerText()).toMatch(/not valid JSON \(line \d+, column \d+\)/);
    await page.getByRole('button', { name: 'Close' }).click();

    await importWorkspace(page, 'foreign.json', JSON.stringify({ issues: [{ key: 'PROJ-1' }] }));
    await page.getByRole('dialog').filter({ hasText: 'not a Governance Cockpit workspace backup' }).waitFor();
    expect(await page.getByRole('dialog').innerText()).toContain('not a Governance Cockpit workspace backup');
    await page.getByRole('button', { name: 'Close' }).click();

    expect(await exportWorkspace(page)).toBe(original);
  });

  it('cancelling the replacement keeps the current workspace', async () => {
    const { page } = await openApp();
    await loadDemo(page);
    const original = await exportWorkspace(page);
    const smaller = JSON.parse(original);
    const keptEngagement = smaller.tables.engagements[0].id;
    for (const [table, records] of Object.entries(smaller.tables) as Array<[string, Array<Record<string, unknown>>]>) {
      if (table === 'engagements') smaller.tables[table] = records.filter((record) => record.id === keptEngagement);
      else if (table !== 'settings') smaller.tables[table] = records.filter((record) => record.engagementId === keptEngagement);
    }
    await importWorkspace(page, 'one-engagement.json', JSON.stringify(smaller));
    expect(await page.getByTestId('import-comparison').innerText()).toMatch(/engagements\s+3\s+1/);
    await page.getByRole('button', { name: 'Cancel' }).click();
    expect(await page.getByTestId('portfolio-row').count()).toBe(3);
    expect(await exportWorkspace(page)).toBe(original);
  });
});

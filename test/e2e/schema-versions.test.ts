/**
 * Schema versions in the browser: a version 1 workspace is copied to the backups before
 * it is upgraded; a window left open while a newer version upgrades the database is told
 * to reload; reloaded, it says the workspace belongs to a newer version instead of
 * showing a blank page.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser, waitForPortfolio } from './browser';
import { schemaV1 } from '../fixtures/schema/fixtures';

const { openApp } = useBrowser();
const DATABASE_NAME = 'governance-cockpit';

async function screenshot(page: Page, name: string) {
  mkdirSync('.tmp/screenshots', { recursive: true });
  await page.screenshot({ path: `.tmp/screenshots/${name}.png`, fullPage: true });
}

const version1Backup = JSON.parse(readFileSync('test/fixtures/schema/workspace-v1.json', 'utf8')) as {
  tables: Record<string, Array<Record<string, unknown>>>;
};

/**
 * Leaves the app for a page of the same origin that runs no script (a missing file), so
 * the database can be replaced with nobody holding it.
 */
async function leaveApp(page: Page, baseUrl: string) {
  await page.goto(`${baseUrl}no-app-here.txt`);
}

/** Writes the database as version 1 of the app left it: Dexie stores version × 10 natively, with the same stores and indexes. */
async function writeVersion1Database(page: Page) {
  await page.evaluate(
    async ({ name, schema, tables }) => {
      await new Promise<void>((resolve, reject) => {
        const deletion = indexedDB.deleteDatabase(name);
        deletion.onsuccess = () => resolve();
        deletion.onerror = () => reject(deletion.error);
      });
      const keyPath = (spec: string) => (spec.startsWith('[') ? spec.slice(1, -1).split('+') : spec);
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name, 10);
        request.onupgradeneeded = () => {
          for (const [table, specs] of Object.entries(schema)) {
            const [primary, ...indexes] = specs.split(',').map((part) => part.trim());
            const store = request.result.createObjectStore(table, { keyPath: primary });
            for (const index of indexes) store.createIndex(index, keyPath(index));
          }
        };
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const transaction = db.transaction(Object.keys(schema), 'readwrite');
      for (const [table, records] of Object.entries(tables)) for (const record of records) transaction.objectStore(table).add(record);
      await new Promise<void>((resolve, reject) => {
        transaction.oncomplete = () => resolve();
        transaction.onerror = () => reject(transaction.error);
      });
      db.close();
    },
    { name: DATABASE_NAME, schema: schemaV1, tables: version1Backup.tables },
  );
}

function storedVersion(page: Page): Promise<number | undefined> {
  return page.evaluate(async (name) => (await indexedDB.databases()).find((database) => database.name === name)?.version, DATABASE_NAME);
}

async function opfsBackups(page: Page): Promise<Record<string, string>> {
  return page.evaluate(async () => {
    const root = await navigator.storage.getDirectory();
    const folder = await root.getDirectoryHandle('automatic-backups', { create: true });
    const files: Record<string, string> = {};
    for await (const [name, handle] of folder as unknown as AsyncIterable<[string, FileSystemFileHandle]>) {
      files[name] = await (await handle.getFile()).text();
    }
    return files;
  });
}

describe('schema versions', () => {
  it('copies a version 1 workspace to the backups, as version 1, before upgrading it', async () => {
    const { page, baseUrl, pageErrors } = await openApp();
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await leaveApp(page, baseUrl);
    await writeVersion1Database(page);
    expect(await storedVersion(page)).toBe(10);

    await page.goto(baseUrl);
    await page.getByText('The workspace was upgraded from schema version 1').waitFor();
    await waitForPortfolio(page);
    const engagementName = version1Backup.tables.engagements![0]!.name as string;
    await expect(page.getByTestId('portfolio-row').filter({ hasText: engagementName }).count()).resolves.toBe(1);
    expect(await storedVersion(page)).toBe(30);

    const copies = Object.entries(await opfsBackups(page)).filter(([name]) => /-before-upgrade-from-v1\.json$/.test(name));
    expect(copies).toHaveLength(1);
    const copy = JSON.parse(copies[0]![1]) as { schemaVersion: number; tables: Record<string, unknown[]> };
    expect(copy.schemaVersion).toBe(1);
    // Exactly the records version 1 stored: the copy was read before anything was upgraded.
    expect(copy.tables).toEqual(version1Backup.tables);
    await screenshot(page, 'schema-upgraded-from-v1');
    expect(pageErrors).toEqual([]);
  });

  it('tells a window to reload when a newer version opens the workspace, and then that the workspace is newer', async () => {
    const first = await openApp();
    const pageA = first.page;
    await pageA.getByRole('heading', { level: 1 }).first().waitFor();
    expect(await storedVersion(pageA)).toBe(30);

    // Page B, same origin, plays a newer app: it opens the database one version up.
    const pageB = await first.context.newPage();
    await leaveApp(pageB, first.baseUrl);
    const opened = await pageB.evaluate(
      (name) =>
        new Promise<number>((resolve, reject) => {
          const request = indexedDB.open(name, 40);
          request.onsuccess = () => {
            const version = request.result.version;
            request.result.close();
            resolve(version);
          };
          request.onerror = () => reject(request.error);
          request.onblocked = () => reject(new Error('blocked: the older window did not let go'));
        }),
      DATABASE_NAME,
    );
    expect(opened).toBe(40);

    await pageA.getByRole('heading', { name: 'The cockpit was updated in another window; reload to continue' }).waitFor();
    await expect(pageA.getByRole('button', { name: 'Reload' }).isVisible()).resolves.toBe(true);
    await screenshot(pageA, 'schema-updated-in-another-window');

    await pageA.getByRole('button', { name: 'Reload' }).click();
    await pageA.getByRole('heading', { name: 'This workspace was opened by a newer version of the cockpit; update this app' }).waitFor();
    await expect(pageA.getByText('stored in schema version 4').isVisible()).resolves.toBe(true);
    // Not opened: still the newer version, nothing written by the older app.
    expect(await storedVersion(pageA)).toBe(40);
    await screenshot(pageA, 'schema-newer-version');
  });

  it('tells a new window that an older one holds the workspace, and carries on once it lets go', async () => {
    const { page, baseUrl, context } = await openApp();
    await leaveApp(page, baseUrl);
    await writeVersion1Database(page);
    // An older window that does not let go when asked (as version 1 of the app did not).
    await page.evaluate(
      (name) =>
        new Promise<void>((resolve, reject) => {
          const request = indexedDB.open(name, 10);
          request.onsuccess = () => {
            (window as unknown as { heldDatabase: IDBDatabase }).heldDatabase = request.result;
            resolve();
          };
          request.onerror = () => reject(request.error);
        }),
      DATABASE_NAME,
    );

    const newer = await context.newPage();
    await newer.goto(baseUrl);
    await newer.getByRole('heading', { name: 'Waiting for another window to let go of the workspace' }).waitFor();
    await screenshot(newer, 'schema-upgrade-blocked');

    await page.evaluate(() => (window as unknown as { heldDatabase: IDBDatabase }).heldDatabase.close());
    await waitForPortfolio(newer);
    expect(await storedVersion(newer)).toBe(30);
  });
});

/**
 * The meeting pack as a client's CIO receives it: printed by Chromium from the print route
 * of the demo workspace, then read back with pdftotext and rendered with pdftoppm.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { generateDemoWorkspace } from '@shared/demo/generate';
import { buildPack } from '@shared/pack/build-pack';
import { packPrintRoute } from '@shared/pack/print-route';
import type { PackPaperSize } from '@shared/pack/model';
import { useBrowser, waitForPortfolio } from './browser';

const { openApp } = useBrowser();

// Midday UTC: the app generates the same demo workspace as this test does.
const clockTime = new Date('2026-11-21T12:00:00Z');
const today = '2026-11-21';
const demo = generateDemoWorkspace({ today });
const engagement = demo.engagements.find((entry) => entry.name === 'Harborline payments platform')!;
const checkpoint = demo.checkpoints
  .filter((entry) => entry.engagementId === engagement.id)
  .sort((a, b) => a.date.localeCompare(b.date))
  .at(-1)!;
const expectedPack = buildPack(demo, checkpoint, { generatedAt: clockTime.toISOString() });

const workFolder = mkdtempSync(join(tmpdir(), 'pack-pdf-'));
afterAll(() => rmSync(workFolder, { recursive: true, force: true }));

async function openDemo(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Load demo workspace' }).click();
  await waitForPortfolio(page);
}

/** Prints the print route as the desktop app does, returning the PDF's path and its pages' text. */
async function printPack(page: Page, baseUrl: string, version: number | null, paper: PackPaperSize, name: string) {
  await page.goto(`${baseUrl}#${packPrintRoute({ engagementId: engagement.id, checkpointId: checkpoint.id, version, paper })}`);
  await page.reload();
  await page.locator('html[data-pack-ready="true"]').waitFor({ state: 'attached' });
  const path = join(workFolder, `${name}.pdf`);
  await page.pdf({ path, preferCSSPageSize: true, printBackground: true, outline: true, tagged: true });
  const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
  // pdftotext ends every page with a form feed: the last piece is empty.
  const pages = text.split('\f').slice(0, -1);
  return { path, text, pages };
}

const squash = (text: string) => text.replace(/\s+/g, ' ');

describe('meeting pack PDF', () => {
  it('prints every section with the label and "Page X of Y" on every page, repeated table headers and no blank last page', async () => {
    const { page, baseUrl, pageErrors } = await openApp({ clockTime });
    await openDemo(page);
    const { path, pages } = await printPack(page, baseUrl, null, 'a4', 'draft-a4');

    expect(pages.length).toBeGreaterThanOrEqual(expectedPack.sections.length);
    const all = squash(pages.join(' '));
    for (const section of expectedPack.sections) expect(all).toContain(section.title);
    expect(all).toContain('Contents');
    expect(all).toContain(checkpoint.title);

    const label = expectedPack.confidentialityLabel;
    pages.forEach((text, index) => {
      expect([index + 1, squash(text).includes(label)]).toEqual([index + 1, true]);
      expect(squash(text)).toContain(`Page ${index + 1} of ${pages.length}`);
      expect(squash(text)).toContain('Draft — follows live data');
    });

    // The scorecard runs over more than one page: each of its pages starts with the header row.
    const scorecardHeader = /KPI\s+Team\s+Latest\s+Target\s+Status\s+Trend\s+Reason/;
    const scorecardPages = pages.map((text, index) => (scorecardHeader.test(text) ? index : -1)).filter((index) => index >= 0);
    expect(scorecardPages.length).toBeGreaterThanOrEqual(2);
    expect(scorecardPages[1]).toBe(scorecardPages[0]! + 1);
    const lastScorecardRow = expectedPack.scorecard.rows.at(-1)!;
    // Its last row is on the last of those pages (cells wrap, so only short values are compared).
    expect(squash(pages[scorecardPages.at(-1)!]!)).toContain(`${lastScorecardRow.latest} ${lastScorecardRow.target.split(' ')[0]}`);

    // The last page carries the end of the appendix, not just the running header and footer.
    const lastRisk = expectedPack.appendix.register.at(-1)!;
    expect(squash(pages.at(-1)!)).toContain(lastRisk.reference);
    const lastBody = pages
      .at(-1)!
      .split('\n')
      .filter((line) => line.trim() && !line.includes(label) && !/Page \d+ of \d+/.test(line));
    expect(lastBody.length).toBeGreaterThan(3);

    // Chromium wrote the headings as the PDF's outline (bookmarks), and the page size is A4.
    const bytes = readFileSync(path).toString('latin1');
    expect(bytes).toContain('/Outlines');
    // Static Inter faces embed as TrueType subsets; a variable font (or stroked text) would be Type 3 glyphs.
    const fonts = execFileSync('pdffonts', [path], { encoding: 'utf8' });
    expect(fonts).not.toContain('Type 3');
    for (const face of ['Inter-Regular', 'Inter-SemiBold', 'Inter-Bold']) expect(fonts).toMatch(new RegExp(`\\+${face}\\s+CID TrueType`));
    mkdirSync('.tmp/screenshots', { recursive: true });
    for (const file of readdirSync('.tmp/screenshots').filter((name) => name.startsWith('pack-page-')))
      rmSync(join('.tmp/screenshots', file));
    execFileSync('pdftoppm', ['-png', '-r', '60', path, '.tmp/screenshots/pack-page']);
    const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
    expect(/Page size:.*/.exec(info)?.[0]).toMatch(/Page size:\s+59[45](\.\d+)? x 841(\.\d+)? pts/);
    expect(pageErrors).toEqual([]);
  });

  it('prints on Letter paper when asked', async () => {
    const { page, baseUrl } = await openApp({ clockTime });
    await openDemo(page);
    const { path, pages } = await printPack(page, baseUrl, null, 'letter', 'draft-letter');
    expect(execFileSync('pdfinfo', [path], { encoding: 'utf8' })).toMatch(/Page size:\s+612 x 792 pts \(letter\)/);
    expect(squash(pages.at(-1)!)).toContain(`Page ${pages.length} of ${pages.length}`);
  });

  it('freezes an issued version: after the data changes, v1 prints the same text while the draft moves on', async () => {
    const { page, baseUrl, pageErrors } = await openApp({ clockTime });
    await openDemo(page);
    await page.goto(`${baseUrl}#/engagements/${engagement.id}/checkpoints/${checkpoint.id}/pack`);
    await page.getByRole('heading', { name: /^Meeting pack/ }).waitFor();
    mkdirSync('.tmp/screenshots', { recursive: true });
    await page.screenshot({ path: '.tmp/screenshots/pack-preview.png', fullPage: false });

    await page.getByRole('button', { name: 'Issue v1' }).click();
    const dialog = page.getByRole('dialog', { name: 'Issue v1' });
    await expect.poll(() => dialog.getByLabel('Issued by').inputValue()).toBe(checkpoint.preparedBy || '');
    await dialog.getByLabel('Issued by').fill('Dana Whitfield');
    await dialog.getByRole('button', { name: 'Issue v1' }).click();
    await expect.poll(() => page.url()).toMatch(/\/pack\/v1$/);
    await page.getByText('Issued v1 on 21 Nov 2026 by Dana Whitfield').first().waitFor();
    await page.screenshot({ path: '.tmp/screenshots/pack-preview-issued.png', fullPage: false });

    const before = await printPack(page, baseUrl, 1, 'a4', 'v1-before');
    expect(squash(before.text)).toContain('Issued v1 on 21 Nov 2026 by Dana Whitfield');

    // Rename the first risk of the register straight in the database, as another window would.
    const renamed = expectedPack.appendix.register[0]!;
    const changed = await page.evaluate(
      ({ engagementId, title }) =>
        new Promise<number>((resolve, reject) => {
          const request = indexedDB.open('governance-cockpit');
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            const database = request.result;
            const store = database.transaction('risks', 'readwrite').objectStore('risks');
            const all = store.getAll();
            all.onsuccess = () => {
              const risk = (all.result as Array<{ engagementId: string; title: string; revision: number }>).find(
                (entry) => entry.engagementId === engagementId && entry.title === title,
              );
              if (!risk) return resolve(0);
              store.put({ ...risk, title: 'Renamed after issue', revision: risk.revision + 1 });
              store.transaction.oncomplete = () => {
                database.close();
                resolve(1);
              };
            };
          };
        }),
      { engagementId: engagement.id, title: renamed.title },
    );
    expect(changed).toBe(1);

    const after = await printPack(page, baseUrl, 1, 'a4', 'v1-after');
    expect(after.text).toBe(before.text);
    const draft = await printPack(page, baseUrl, null, 'a4', 'draft-after');
    expect(squash(draft.text)).toContain('Renamed after issue');
    expect(squash(after.text)).not.toContain('Renamed after issue');
    expect(pageErrors).toEqual([]);
  });

  it('says why when the print route names a version that was never issued', async () => {
    const { page, baseUrl } = await openApp({ clockTime });
    await openDemo(page);
    await page.goto(`${baseUrl}#${packPrintRoute({ engagementId: engagement.id, checkpointId: checkpoint.id, version: 4, paper: 'a4' })}`);
    await page.reload();
    await page.locator('html[data-pack-ready="false"]').waitFor({ state: 'attached' });
    await expect.poll(() => page.getByRole('alert').textContent()).toContain("Version 4 of this checkpoint's pack does not exist");
  });

  it('exports the pack as one self-contained HTML file and as Markdown from the preview', async () => {
    const { page, context, baseUrl, foreignRequests } = await openApp({ clockTime });
    await openDemo(page);
    await page.goto(`${baseUrl}#/engagements/${engagement.id}/checkpoints/${checkpoint.id}/pack`);
    await page.getByRole('heading', { name: /^Meeting pack/ }).waitFor();

    const [htmlDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export HTML' }).click()]);
    expect(htmlDownload.suggestedFilename()).toBe(`Harborline-payments-platform-${checkpoint.date}-checkpoint-draft.html`);
    const html = readFileSync((await htmlDownload.path())!, 'utf8');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toMatch(/src: url\("data:font\/woff2;base64,[A-Za-z0-9+/]{1000,}/);
    for (const section of expectedPack.sections) expect(html).toContain(`>${section.title}</h2>`);
    expect(html).toContain('counter(pages)');
    // Nothing in it points back at the app: it opens offline on any computer.
    expect(html).not.toMatch(/(src|href)="(?!#|data:)/);
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:">`,
    );

    // Opened as a file, its policy lets through everything it needs: styles, the data: fonts, the SVG charts.
    const htmlFile = join(workFolder, 'exported.html');
    writeFileSync(htmlFile, html);
    const viewer = await context.newPage();
    const viewerErrors: string[] = [];
    viewer.on('console', (message) => {
      if (message.type() === 'error' || /Content Security Policy/i.test(message.text())) viewerErrors.push(message.text());
    });
    await viewer.goto(pathToFileURL(htmlFile).href);
    const opened = await viewer.evaluate(async () => {
      await document.fonts.ready;
      const heading = document.querySelector('.pack-section h2')!;
      return {
        loadedFaces: [...document.fonts].filter((face) => face.status === 'loaded').map((face) => `${face.family} ${face.weight}`),
        headingBorder: getComputedStyle(heading).borderBottomColor,
        headingFont: getComputedStyle(heading).fontFamily,
        heatMapWidth: document.querySelector('.pack-heatmap')!.getBoundingClientRect().width,
      };
    });
    expect(new Set(opened.loadedFaces)).toEqual(new Set(['Inter Pack 400', 'Inter Pack 500', 'Inter Pack 600', 'Inter Pack 700']));
    expect(opened.headingBorder).toBe('rgb(37, 86, 196)');
    expect(opened.headingFont).toMatch(/^"Inter Pack"/);
    expect(opened.heatMapWidth).toBeGreaterThan(300);
    expect(viewerErrors).toEqual([]);
    await viewer.close();

    const [markdownDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export Markdown' }).click(),
    ]);
    expect(markdownDownload.suggestedFilename()).toBe(`Harborline-payments-platform-${checkpoint.date}-checkpoint-draft.md`);
    const markdown = readFileSync((await markdownDownload.path())!, 'utf8');
    for (const section of expectedPack.sections) expect(markdown).toContain(section.title);

    // A browser prints through a hidden frame on the print route and its print dialog.
    await page.getByRole('button', { name: 'Export PDF' }).click();
    await page.getByText('The print dialog has the pack').waitFor();
    expect(foreignRequests).toEqual([]);
  });

  it('shows the pack as white paper in the dark theme too', async () => {
    const { page, baseUrl } = await openApp({ clockTime, colorScheme: 'dark' });
    await openDemo(page);
    await page.goto(`${baseUrl}#/engagements/${engagement.id}/checkpoints/${checkpoint.id}/pack`);
    await page.getByRole('heading', { name: /^Meeting pack/ }).waitFor();
    const sheet = page.locator('.pack-sheet').first();
    expect(await sheet.evaluate((element) => getComputedStyle(element).backgroundColor)).toBe('rgb(255, 255, 255)');
    expect(await page.locator('.pack-document').evaluate((element) => getComputedStyle(element).color)).toBe('rgb(27, 31, 39)');
    await page.locator('.pack-section[data-section="risks"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: '.tmp/screenshots/pack-preview-dark.png', fullPage: false });
  });
});

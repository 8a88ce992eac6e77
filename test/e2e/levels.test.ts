import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser, waitForPortfolio } from './browser';
import { fillEngagementForm, openSection } from './engagement-steps';

const { openApp } = useBrowser();
const SCREENSHOTS = '.tmp/screenshots';

async function openHarborlineLevels(page: Page) {
  await page.getByRole('button', { name: 'Load demo workspace' }).click();
  await waitForPortfolio(page);
  await page.getByRole('link', { name: 'Harborline payments platform' }).click();
  await openSection(page, 'Governance levels');
  await page.getByTestId('governance-diagram').waitFor();
}

/** Stubs the browser's print dialog so the test can print to PDF itself, and clicks "Print diagram". */
async function startPrinting(page: Page): Promise<string | null> {
  await page.evaluate(() => {
    const record = window as unknown as { printedWith: string | null };
    window.print = () => {
      record.printedWith = document.documentElement.getAttribute('data-printing');
    };
  });
  await page.getByRole('button', { name: 'Print diagram' }).click();
  return page.evaluate(() => (window as unknown as { printedWith: string | null }).printedWith);
}

/** Mean grey level (0 black - 255 white) of the first PDF page, rendered small. */
function meanBrightness(pdfPath: string): number {
  const image = execFileSync('pdftoppm', ['-gray', '-r', '20', '-f', '1', '-l', '1', pdfPath]);
  // A binary PGM: "P5\n<width> <height>\n255\n" then one byte per pixel.
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(image.subarray(0, 40).toString('latin1'))!;
  const pixels = image.subarray(header[0].length);
  expect(pixels.length).toBe(Number(header[1]) * Number(header[2]));
  return pixels.reduce((sum, value) => sum + value, 0) / pixels.length;
}

const decisionRightsOf = (page: Page, level: string) => page.getByTestId(`level-${level}`).locator('ul.rights li').allInnerTexts();

describe('governance levels on the engagement page', () => {
  it('edits a forum, refuses a blank decision right, and prints the diagram alone', async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const { page, pageErrors } = await openApp();
    await openHarborlineLevels(page);
    const tactical = page.getByTestId('level-tactical');
    expect(await tactical.locator('.forum-head strong').innerText()).toBe('Delivery management forum');
    expect(await decisionRightsOf(page, 'tactical')).toEqual(['Cross-team dependencies', 'Resource allocation', 'Sprint sequencing']);

    // A blank decision right is refused at its row; nothing is saved.
    await tactical.getByRole('button', { name: 'Edit Tactical forum' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit Tactical forum' });
    await dialog.waitFor();
    await dialog.locator('[name="forumName"]').fill('Renamed but never saved');
    await dialog.getByRole('button', { name: 'Add decision right' }).click();
    const blank = dialog.locator('[name="decisionRights.3"]');
    await expect(blank.evaluate((element) => element === document.activeElement)).resolves.toBe(true);
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    const errors = page.locator('#forum-form-errors');
    await expect(errors.innerText()).resolves.toContain('Decision right 4: is required');
    expect(await blank.getAttribute('aria-invalid')).toBe('true');
    expect(await dialog.locator('#forum-field-decisionRights-3-error').innerText()).toBe('is required');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.reload();
    await page.getByTestId('governance-diagram').waitFor();
    expect(await tactical.locator('.forum-head strong').innerText()).toBe('Delivery management forum');
    expect(await decisionRightsOf(page, 'tactical')).toHaveLength(3);

    // The real edit: name, a new decision right moved up one place, a partner owner, and a cadence.
    await tactical.getByRole('button', { name: 'Edit Tactical forum' }).click();
    await dialog.waitFor();
    await dialog.locator('[name="forumName"]').fill('Delivery and dependencies board');
    await dialog.getByRole('button', { name: 'Add decision right' }).click();
    await dialog.locator('[name="decisionRights.3"]').fill('Release train order');
    await dialog.getByRole('button', { name: 'Move decision right 4 up' }).click();
    expect(await dialog.locator('[name="decisionRights.2"]').inputValue()).toBe('Release train order');
    expect(await dialog.locator('[name="decisionRights.3"]').inputValue()).toBe('Sprint sequencing');

    const partnerOwners = dialog.getByRole('group', { name: 'Partner-side owners' });
    const newOwnerBox = partnerOwners.locator('input[type="checkbox"]:not(:checked)').first();
    const newOwnerName = (await newOwnerBox.locator('xpath=..').innerText()).split(',')[0]!.trim();
    expect(newOwnerName.length).toBeGreaterThan(0);
    await newOwnerBox.check();
    // Owners come from their own side only: no client person is offered as a partner-side owner.
    const clientNames = await dialog.getByRole('group', { name: 'Client-side owners' }).locator('label.check').allInnerTexts();
    const partnerNames = await partnerOwners.locator('label.check').allInnerTexts();
    expect(clientNames.length).toBeGreaterThan(0);
    for (const name of clientNames) expect(partnerNames).not.toContain(name);

    await dialog.locator('[name="frequency"]').selectOption('weekly');
    await dialog.locator('[name="interval"]').fill('2');
    await dialog.locator('[name="weekday"]').selectOption('TU');
    await expect(dialog.getByTestId('cadence-preview').innerText()).resolves.toBe('The forum meets: Every 2 weeks on Tuesday.');
    await page.setViewportSize({ width: 1360, height: 1500 });
    await page.screenshot({ path: `${SCREENSHOTS}/forum-form.png` });
    await page.setViewportSize({ width: 1360, height: 900 });
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await dialog.waitFor({ state: 'detached' });

    await page.reload();
    await page.getByTestId('governance-diagram').waitFor();
    expect(await tactical.locator('.forum-head strong').innerText()).toBe('Delivery and dependencies board');
    expect(await tactical.locator('.forum-head .pill').innerText()).toBe('Every 2 weeks on Tuesday');
    expect(await decisionRightsOf(page, 'tactical')).toEqual([
      'Cross-team dependencies',
      'Resource allocation',
      'Release train order',
      'Sprint sequencing',
    ]);
    const partnerOwnersText = await tactical.locator('dt:has-text("Partner owners") + dd').innerText();
    expect(partnerOwnersText.split(', ')).toContain(newOwnerName);
    expect(partnerOwnersText.split(', ').length).toBeGreaterThanOrEqual(2);
    // The other levels are untouched.
    expect(await page.getByTestId('level-strategic').locator('.forum-head strong').innerText()).toBe('Executive steering committee');
    await page.screenshot({ path: `${SCREENSHOTS}/levels.png`, fullPage: true });

    // Printing: the button marks the page, the print rules keep only the diagram, and the mark goes after printing.
    expect(await startPrinting(page)).toBe('governance-diagram');
    await page.emulateMedia({ media: 'print' });
    const pdfPath = `${SCREENSHOTS}/governance-diagram.pdf`;
    await page.pdf({ path: pdfPath, format: 'A4', printBackground: true });
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    expect(await page.evaluate(() => document.documentElement.hasAttribute('data-printing'))).toBe(false);
    await page.emulateMedia({ media: 'screen' });

    const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' }).replace(/[ \t]+/g, ' ');
    for (const expected of [
      'Harborline payments platform',
      'Governance levels and escalation routes',
      'Executive steering committee',
      'Delivery and dependencies board',
      'Team-level daily coordination',
      'Every 2 weeks on Tuesday',
      'Release train order',
      newOwnerName,
      'Escalates from tactical to strategic',
    ]) {
      expect(text, expected).toContain(expected);
    }
    for (const absent of [
      'Governance Cockpit',
      'Export workspace',
      'Teams and roles',
      'Portfolio',
      'Print diagram',
      'Edit Tactical forum',
      'Remove…',
    ]) {
      expect(text, absent).not.toContain(absent);
    }
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' }))![1]);
    expect(pages).toBeLessThanOrEqual(2);
    execFileSync('pdftoppm', ['-png', '-r', '60', pdfPath, `${SCREENSHOTS}/governance-diagram`]);
    expect(meanBrightness(pdfPath)).toBeGreaterThan(225);

    expect(pageErrors).toEqual([]);
  });

  it('prints in light colours when the app is set to the dark theme', async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const { page, pageErrors } = await openApp({ colorScheme: 'dark' });
    await openHarborlineLevels(page);
    // Pinned as the theme setting pins it: Chromium prints "light dark" pages light by itself, but not a page pinned to dark.
    await page.evaluate(() => {
      document.documentElement.dataset.theme = 'dark';
    });
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(22, 24, 29)');
    expect(await startPrinting(page)).toBe('governance-diagram');
    await page.emulateMedia({ media: 'print' });
    const pdfPath = `${SCREENSHOTS}/governance-diagram-dark-screen.pdf`;
    await page.pdf({ path: pdfPath, format: 'A4', printBackground: true });
    expect(meanBrightness(pdfPath)).toBeGreaterThan(225);
    expect(execFileSync('pdftotext', [pdfPath, '-'], { encoding: 'utf8' })).toContain('Delivery management forum');
    expect(pageErrors).toEqual([]);
  });

  it('removes a forum after confirmation, keeps the escalation routes, and adds one back', async () => {
    const { page, pageErrors } = await openApp();
    await openHarborlineLevels(page);
    const operational = page.getByTestId('level-operational');
    const routeText = () => page.getByLabel('Escalation from operational to tactical').innerText();
    const routeBefore = await routeText();
    expect(routeBefore).toContain('Escalates from operational to tactical');

    await operational.getByRole('button', { name: 'Remove Team-level daily coordination' }).click();
    const confirm = page.getByRole('dialog', { name: 'Remove Team-level daily coordination?' });
    const warning = await confirm.innerText();
    expect(warning).toContain('The operational level will have no forum until you add one');
    expect(warning).toContain('they come from the escalation ladders, not from forums');
    await confirm.getByRole('button', { name: 'Remove forum' }).click();
    await confirm.waitFor({ state: 'detached' });

    await operational.getByText('No forum at this level').waitFor();
    expect(await routeText()).toBe(routeBefore);

    await operational.getByRole('button', { name: 'Add forum for Operational' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add Operational forum' });
    await dialog.waitFor();
    // A new forum starts from the level's usual template.
    expect(await dialog.locator('[name="forumName"]').inputValue()).toBe('Team-level daily coordination');
    await dialog.locator('[name="forumName"]').fill('Squad leads huddle');
    await dialog.getByRole('button', { name: 'Remove decision right 4' }).click();
    await dialog.getByRole('button', { name: 'Save forum' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await operational.locator('.forum-head strong').innerText()).toBe('Squad leads huddle');
    expect(await decisionRightsOf(page, 'operational')).toEqual([
      'Day-to-day execution',
      'Raising escalations',
      'Change management within the sprint',
    ]);
    expect(await operational.getByRole('button', { name: 'Add forum for Operational' }).count()).toBe(0);

    // The demo's decisions and checkpoints name the tactical forum: the confirmation says what becomes of them.
    await page.getByTestId('level-tactical').getByRole('button', { name: 'Remove Delivery management forum' }).click();
    const confirmTactical = page.getByRole('dialog', { name: 'Remove Delivery management forum?' });
    expect(await confirmTactical.getByTestId('forum-removal-unlinked').innerText()).toMatch(
      /^\d+ decisions? and \d+ checkpoints? names? this forum\. Each is kept; only its link to this forum is cleared\.$/,
    );
    await page.screenshot({ path: `${SCREENSHOTS}/levels-remove-forum.png` });
    await confirmTactical.getByRole('button', { name: 'Cancel' }).click();
    await confirmTactical.waitFor({ state: 'detached' });
    expect(pageErrors).toEqual([]);
  });

  it('says so when a forum it is asked to remove is already gone', async () => {
    const { page, pageErrors } = await openApp();
    await openHarborlineLevels(page);
    // Deleted behind the page's back, as a failing read would leave it: the card is still shown.
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const request = indexedDB.open('governance-cockpit');
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            const database = request.result;
            const store = database.transaction('governanceForums', 'readwrite').objectStore('governanceForums');
            const cursor = store.openCursor();
            cursor.onsuccess = () => {
              const current = cursor.result;
              if (!current) return;
              if ((current.value as { forumName: string }).forumName === 'Delivery management forum') current.delete();
              current.continue();
            };
            store.transaction.oncomplete = () => {
              database.close();
              resolve();
            };
          };
        }),
    );
    await page.getByTestId('level-tactical').getByRole('button', { name: 'Remove Delivery management forum' }).click();
    await expect
      .poll(() => page.locator('.notice').allInnerTexts())
      .toContainEqual(expect.stringContaining('Delivery management forum was already removed in another window.'));
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });

  it('says where to add people when the engagement has none', async () => {
    const { page, pageErrors } = await openApp();
    await page.getByRole('button', { name: 'Create an engagement' }).click();
    await fillEngagementForm(page);
    await page.getByRole('button', { name: 'Create engagement' }).click();
    await page.getByRole('heading', { name: 'Atlas payments platform' }).waitFor();
    await openSection(page, 'Governance levels');

    await page.getByRole('button', { name: 'Edit Strategic forum' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit Strategic forum' });
    const notice = dialog.getByTestId('no-people');
    expect(await notice.innerText()).toContain('No people are recorded for this engagement yet');
    await notice.getByRole('link', { name: 'Teams and roles' }).click();
    await page.waitForFunction(() => document.querySelector('.section-tabs [aria-current="page"]')?.textContent === 'Teams and roles');
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});

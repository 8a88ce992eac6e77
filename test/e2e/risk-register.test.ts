import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { useBrowser, waitForPortfolio } from './browser';
import { openSection } from './engagement-steps';

const { openApp } = useBrowser();

const ENGAGEMENT = 'Harborline payments platform';
/** The demo gives this engagement sixteen risks. */
const DEMO_RISKS = 16;

async function openRegister(page: Page): Promise<Locator> {
  await page.getByRole('link', { name: ENGAGEMENT }).click();
  await page.getByRole('heading', { name: ENGAGEMENT }).waitFor();
  await openSection(page, 'Risks');
  const grid = page.getByRole('grid', { name: 'Risk register' });
  await grid.waitFor();
  return grid;
}

const rowsOf = (grid: Locator) => grid.locator('[data-testid="risk-row"]');

/** The references shown, in the table's order (rows are positioned, so DOM order is not screen order). */
async function shownReferences(grid: Locator): Promise<string[]> {
  const rows = await rowsOf(grid).evaluateAll((elements) =>
    elements.map((element) => ({
      index: Number(element.getAttribute('aria-rowindex')),
      reference: element.getAttribute('data-reference')!,
    })),
  );
  return rows.sort((a, b) => a.index - b.index).map((row) => row.reference);
}

async function columnTexts(grid: Locator, column: string): Promise<string[]> {
  return grid.locator(`[data-testid="risk-row"] [data-column="${column}"]`).allInnerTexts();
}

async function countText(page: Page): Promise<string> {
  return page.getByTestId('risk-count').innerText();
}

/** Waits until the table shows `count` rows and the count line agrees. */
async function expectRows(page: Page, grid: Locator, count: number) {
  await page.waitForFunction(
    (expected) =>
      document.querySelectorAll('[data-testid="risk-row"]').length === expected &&
      !document.querySelector('[role="grid"][aria-busy="true"]'),
    count,
  );
  expect(await rowsOf(grid).count()).toBe(count);
  expect(await countText(page)).toBe(`${count} of ${DEMO_RISKS} risks`);
}

/** Focuses the grid's single tab stop, as Tab would from the control before it. */
async function focusGrid(grid: Locator) {
  await grid.locator('[tabindex="0"]').focus();
}

async function activeCellColumn(page: Page): Promise<string | null> {
  return page.evaluate(() => document.activeElement?.getAttribute('data-column') ?? null);
}

describe('risk register', () => {
  it('filters and searches, edits from the keyboard with history, creates a risk and refuses a stale edit', async () => {
    const { page, context, pageErrors } = await openApp();
    await page.getByRole('button', { name: 'Load demo workspace' }).click();
    await waitForPortfolio(page);
    const grid = await openRegister(page);
    await page.getByRole('button', { name: 'Dismiss notice' }).click();

    // Closed risks are hidden until asked for.
    const notClosed = await rowsOf(grid).count();
    expect(notClosed).toBeGreaterThan(0);
    expect(notClosed).toBeLessThan(DEMO_RISKS);
    expect(await countText(page)).toBe(`${notClosed} of ${DEMO_RISKS} risks`);
    expect(await columnTexts(grid, 'status')).not.toContain('Closed');
    const statusFilter = page.locator('[name="risk-status-filter"]');
    await statusFilter.selectOption({ label: 'Any status' });
    await expectRows(page, grid, DEMO_RISKS);

    // Sorting by clicking headers, with aria-sort saying which way.
    const referenceHeader = grid.getByRole('columnheader', { name: /Ref\./ });
    await referenceHeader.click();
    expect(await referenceHeader.getAttribute('aria-sort')).toBe('ascending');
    const ascending = await shownReferences(grid);
    expect(ascending.slice(0, 3)).toEqual(['R-001', 'R-002', 'R-003']);
    await referenceHeader.click();
    expect(await referenceHeader.getAttribute('aria-sort')).toBe('descending');
    expect((await shownReferences(grid))[0]).toBe(`R-0${DEMO_RISKS}`);
    await referenceHeader.click();

    // Free text, accents and case ignored, searches the owner name too.
    const search = page.getByRole('searchbox', { name: 'Search' });
    await search.fill('SIGNING keys');
    await expectRows(page, grid, 1);
    expect(await columnTexts(grid, 'title')).toEqual(['Release signing keys held by the partner']);
    const ownerOfSigning = (await columnTexts(grid, 'owner'))[0]!;
    await search.fill(ownerOfSigning.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase());
    const ownersFound = await columnTexts(grid, 'owner');
    expect(ownersFound.length).toBeGreaterThan(0);
    expect(new Set(ownersFound)).toEqual(new Set([ownerOfSigning]));
    await search.fill('');
    await expectRows(page, grid, DEMO_RISKS);

    // Category, band, owner and overdue filters.
    await page.locator('[name="risk-category-filter"]').selectOption({ label: 'Data security and access' });
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="risk-row"]').length < 16);
    const categories = await columnTexts(grid, 'category');
    expect(categories.length).toBeGreaterThan(0);
    expect(new Set(categories)).toEqual(new Set(['Data security and access']));
    await page.locator('[name="risk-category-filter"]').selectOption({ label: 'All categories' });
    await expectRows(page, grid, DEMO_RISKS);

    const bands = page.getByRole('group', { name: 'Current rating band' });
    await bands.getByRole('button', { name: 'Critical', pressed: false }).click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="risk-row"]').length < 16);
    for (const row of await rowsOf(grid).all()) {
      // The band filter uses the current rating: residual once assessed, inherent before.
      const residual = await row.locator('[data-column="residual"]').innerText();
      const current = residual.includes('Not assessed') ? await row.locator('[data-column="inherent"]').innerText() : residual;
      expect(current).toContain('Critical');
    }
    await bands.getByRole('button', { name: 'Critical', pressed: true }).click();

    await page.locator('[name="risk-owner-filter"]').selectOption({ label: ownerOfSigning });
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="risk-row"]').length < 16);
    expect(new Set(await columnTexts(grid, 'owner'))).toEqual(new Set([ownerOfSigning]));
    await page.locator('[name="risk-owner-filter"]').selectOption({ label: 'Anyone' });

    await page.getByLabel('Overdue or untouched only').check();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="risk-row"]').length < 16);
    const reviews = await columnTexts(grid, 'nextReview');
    expect(reviews.length).toBeGreaterThan(0);
    for (const text of reviews) expect(text).toMatch(/Overdue|Untouched/);
    await page.getByRole('button', { name: 'Clear search and filters' }).click();
    await page.waitForFunction((count) => document.querySelectorAll('[data-testid="risk-row"]').length === count, notClosed);
    await page.screenshot({ path: '.tmp/screenshots/risk-register.png', fullPage: true });

    // Keyboard only: arrow to the likelihood of the first risk, Enter, choose, Enter.
    await search.fill('Architectural drift');
    await expectRowsShown(page, 1);
    await focusGrid(grid);
    // The header was clicked last, so it holds the tab stop; one row down is the first risk's reference.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('columnheader');
    await page.keyboard.press('ArrowDown');
    expect(await activeCellColumn(page)).toBe('reference');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await activeCellColumn(page)).toBe('inherent');
    const before = (await columnTexts(grid, 'inherent'))[0]!;
    const [likelihoodBefore, impact] = before
      .match(/(\d)×(\d)/)!
      .slice(1)
      .map(Number) as [number, number];
    await page.keyboard.press('Enter');
    const likelihoodSelect = grid.getByRole('combobox', { name: /^Likelihood of R-/ });
    expect(await likelihoodSelect.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.press(likelihoodBefore < 5 ? 'ArrowDown' : 'ArrowUp');
    const likelihoodAfter = likelihoodBefore < 5 ? likelihoodBefore + 1 : likelihoodBefore - 1;
    expect(await likelihoodSelect.inputValue()).toBe(String(likelihoodAfter));
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => !document.querySelector('[data-testid="risk-cell-editor"]'));
    await expect.poll(async () => (await columnTexts(grid, 'inherent'))[0]).toContain(`${likelihoodAfter}×${impact}`);
    expect(await activeCellColumn(page)).toBe('inherent');

    // Back to the reference, Enter: the detail's history shows the change in words.
    await page.keyboard.press('Home');
    await page.keyboard.press('Enter');
    const detail = page.getByRole('dialog', { name: /Architectural drift between squads/ });
    await detail.waitFor();
    const latest = detail.getByTestId('risk-history').locator(':scope > li').first();
    const likelihoodLabels = ['Rare', 'Unlikely', 'Possible', 'Likely', 'Almost certain'];
    expect(await latest.innerText()).toContain('Edited');
    expect(await latest.innerText()).toContain(
      `Likelihood: ${likelihoodBefore} ${likelihoodLabels[likelihoodBefore - 1]} → ${likelihoodAfter} ${likelihoodLabels[likelihoodAfter - 1]}`,
    );
    expect(await latest.innerText()).toMatch(/by Engagement lead/);
    await page.screenshot({ path: '.tmp/screenshots/risk-detail.png', fullPage: true });
    await detail.getByRole('button', { name: 'Done' }).click();
    await detail.waitFor({ state: 'detached' });

    // A new risk through the form, with a category of the user's own; problems are explained first.
    await search.fill('');
    await page.getByRole('button', { name: 'New risk' }).click();
    const form = page.getByRole('dialog', { name: 'New risk' });
    await form.waitFor();
    await form.locator('[name="residualLikelihood"]').selectOption('2');
    await form.getByRole('button', { name: 'Add risk' }).click();
    const errors = page.locator('#risk-form-errors');
    expect(await errors.innerText()).toContain('Title: is required');
    expect(await errors.innerText()).toContain('Residual impact: give both residual likelihood and impact, or neither');
    await form.locator('[name="title"]').fill('Pipeline tied to the partner’s cloud account');
    await form.locator('[name="category"]').selectOption({ label: 'Another category…' });
    await form.locator('[name="newCategory"]').fill('Vendor lock-in');
    await form.locator('[name="likelihood"]').selectOption({ label: '4 Likely' });
    await form.locator('[name="impact"]').selectOption({ label: '3 Moderate' });
    await form.locator('[name="residualLikelihood"]').selectOption('');
    const ownerOption = form.locator('[name="ownerId"] option', { hasText: ownerOfSigning }).first();
    await form.locator('[name="ownerId"]').selectOption((await ownerOption.getAttribute('value'))!);
    expect(await form.innerText()).toContain('set by the high band');
    await form.getByRole('button', { name: 'Add risk' }).click();
    await form.waitFor({ state: 'detached' });
    await search.fill('cloud account');
    await expectRowsShown(page, 1);
    expect(await shownReferences(grid)).toEqual([`R-0${DEMO_RISKS + 1}`]);
    expect(await columnTexts(grid, 'category')).toEqual(['Vendor lock-in']);
    expect((await columnTexts(grid, 'inherent'))[0]).toContain('4×3');
    expect(await columnTexts(grid, 'owner')).toEqual([ownerOfSigning]);

    // A refused value is explained in place and nothing is saved; Escape leaves the risk as it was.
    await focusGrid(grid);
    await page.keyboard.press('ArrowRight');
    expect(await activeCellColumn(page)).toBe('title');
    await page.keyboard.press('F2');
    const titleInput = grid.getByRole('textbox', { name: /^Title of R-/ });
    await titleInput.fill('   ');
    await page.keyboard.press('Enter');
    expect(await grid.getByRole('alert').innerText()).toBe('Title is required.');
    expect(await titleInput.getAttribute('aria-invalid')).toBe('true');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('[data-testid="risk-cell-editor"]'));
    expect(await columnTexts(grid, 'title')).toEqual(['Pipeline tied to the partner’s cloud account']);
    expect(await activeCellColumn(page)).toBe('title');

    // Tab saves and moves on to the next cell.
    await page.keyboard.press('Enter');
    await titleInput.fill('Pipeline tied to the partner’s cloud account and registry');
    await page.keyboard.press('Tab');
    await page.waitForFunction(() => !document.querySelector('[data-testid="risk-cell-editor"]'));
    await expect.poll(() => columnTexts(grid, 'title')).toEqual(['Pipeline tied to the partner’s cloud account and registry']);
    expect(await activeCellColumn(page)).toBe('category');

    // A stale edit: this window starts editing, another window saves the same risk first.
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Enter');
    await titleInput.fill('Pipeline owned by the partner');

    const other = await context.newPage();
    await other.goto(page.url());
    const otherGrid = other.getByRole('grid', { name: 'Risk register' });
    await otherGrid.waitFor();
    await other.getByRole('searchbox', { name: 'Search' }).fill('cloud account');
    await other.waitForFunction(() => document.querySelectorAll('[data-testid="risk-row"]').length === 1);
    await otherGrid.locator('[data-column="reference"] button').click();
    const otherDetail = other.getByRole('dialog', { name: /Pipeline tied/ });
    await otherDetail.getByRole('button', { name: 'Mark reviewed today' }).click();
    await otherDetail.getByTestId('risk-history').locator('li[data-kind="reviewed"]').waitFor();
    await other.close();

    await page.bringToFront();
    await titleInput.press('Enter');
    // Asked, not saved over the other window's review: keeping their version drops this edit.
    const conflict = page.getByTestId('conflict-dialog');
    await conflict.waitFor();
    // A review changes no field the user edits; the history since says what the other window did.
    expect(await conflict.innerText()).toContain('None of the fields you can edit differs from the version you started from.');
    expect(await conflict.getByTestId('conflict-history').innerText()).toMatch(
      /^Recorded in its history since you opened it:\s*Reviewed by/,
    );
    expect(await conflict.getByTestId('conflict-my-changes').innerText()).toContain('“Pipeline owned by the partner”');
    await page.getByRole('button', { name: 'Keep their version' }).click();
    await page.waitForFunction(() => !document.querySelector('[data-testid="risk-cell-editor"]'));
    expect(await columnTexts(grid, 'title')).toEqual(['Pipeline tied to the partner’s cloud account and registry']);
    await page.keyboard.press('Home');
    await page.keyboard.press('Enter');
    const newDetail = page.getByRole('dialog', { name: /Pipeline tied/ });
    const history = newDetail.getByTestId('risk-history').locator(':scope > li');
    await history.first().waitFor();
    // Newest first: the other window's review, the Tab edit, the creation; the refused edits left nothing.
    expect(await history.evaluateAll((items) => items.map((item) => item.getAttribute('data-kind')))).toEqual([
      'reviewed',
      'updated',
      'created',
    ]);
    expect(await history.nth(1).innerText()).toContain(
      'Title: “Pipeline tied to the partner’s cloud account” → “Pipeline tied to the partner’s cloud account and registry”',
    );

    expect(pageErrors).toEqual([]);
  });
});

async function expectRowsShown(page: Page, count: number) {
  await page.waitForFunction(
    (expected) =>
      document.querySelectorAll('[data-testid="risk-row"]').length === expected &&
      !document.querySelector('[role="grid"][aria-busy="true"]'),
    count,
  );
}

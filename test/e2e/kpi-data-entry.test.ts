import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { generateStressWorkspace } from '@shared/demo/generate';
import { serializeWorkspace } from '@shared/backup/workspace-backup';
import { useBrowser, waitForPortfolio } from './browser';
import { createEngagement, openSection } from './engagement-steps';

const { openApp } = useBrowser();

async function openSprintsAndData(page: Page): Promise<void> {
  await openSection(page, 'KPIs');
  await page.getByRole('navigation', { name: 'KPI views' }).getByRole('button', { name: 'Sprints and data' }).click();
  await page.getByTestId('sprint-data-panel').waitFor();
}

const cell = (page: Page, kpi: string, sprint: number) => page.getByRole('gridcell', { name: new RegExp(`^${kpi}, sprint ${sprint}:`) });

/** What the grid shows, row by row: the KPI header and each cell's text. */
function gridText(page: Page): Promise<string[][]> {
  return page
    .getByRole('grid')
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((row) => [...row.children].map((child) => (child as HTMLElement).innerText.trim())));
}

/** A paste as the browser delivers one from a spreadsheet, into whatever has the focus. */
async function paste(page: Page, text: string): Promise<void> {
  await page.evaluate((clipboardText) => {
    const data = new DataTransfer();
    data.setData('text/plain', clipboardText);
    document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

async function addSprint(page: Page, dates: { start: string; end: string }, expectedSuggestion?: string[]): Promise<void> {
  await page.getByRole('button', { name: 'Add sprint' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a sprint to Ledger squad' });
  await dialog.waitFor();
  if (expectedSuggestion) {
    expect(await Promise.all(['number', 'startDate', 'endDate'].map((name) => dialog.locator(`[name="${name}"]`).inputValue()))).toEqual(
      expectedSuggestion,
    );
  }
  await dialog.locator('[name="startDate"]').fill(dates.start);
  await dialog.locator('[name="endDate"]').fill(dates.end);
  await dialog.getByRole('button', { name: 'Add sprint' }).click();
}

describe('sprints and KPI values', () => {
  it('adds sprints, refuses an overlap, takes typed and pasted values, refuses a bad paste whole and keeps values after a reload', async () => {
    const { page, pageErrors } = await openApp();
    await createEngagement(page);
    await openSprintsAndData(page);
    const panel = page.getByTestId('sprint-data-panel');
    expect(await panel.innerText()).toContain('No sprints yet.');

    // Two sprints; the second is suggested back to back with the first, at its length.
    await addSprint(page, { start: '2026-01-05', end: '2026-01-16' });
    await page.getByTestId('sprint-row').first().waitFor();
    await addSprint(page, { start: '2026-01-19', end: '2026-01-30' }, ['2', '2026-01-17', '2026-01-28']);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="sprint-row"]').length === 2);

    // An overlapping third sprint is refused, naming both sprints and their dates.
    await addSprint(page, { start: '2026-01-26', end: '2026-02-06' }, ['3', '2026-02-02', '2026-02-13']);
    const errors = page.locator('#sprint-form-errors');
    await errors.waitFor();
    expect(await errors.innerText()).toContain(
      "Start date: Sprint 3 (26 Jan 2026 – 6 Feb 2026) overlaps Sprint 2 (19 Jan 2026 – 30 Jan 2026); a team's sprints cannot share a day",
    );
    mkdirSync('.tmp/screenshots', { recursive: true });
    await page.screenshot({ path: '.tmp/screenshots/kpi-data-sprint-overlap.png' });
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    expect(await page.getByTestId('sprint-row').count()).toBe(2);

    // The grid: KPIs with units down, sprints across.
    const grid = page.getByRole('grid', { name: 'Ledger squad: KPI values by sprint' });
    await grid.waitFor();
    const headers = await grid.locator('thead th').allInnerTexts();
    expect(headers.map((header) => header.split('\n')[0])).toEqual(['KPI (unit)', 'Sprint 1', 'Sprint 2']);
    const rows = await gridText(page);
    expect(rows.map((row) => row[0])).toContain('Cycle time (days)');
    expect(rows.map((row) => row[0])).toContain('Escaped defects');
    expect(rows[0]).toEqual(['Sprint commitment rate (%)', '', '']);

    // Keyboard: type, Enter saves and moves down, Tab moves right, Escape cancels, F2 edits, Delete clears.
    await cell(page, 'Sprint commitment rate', 1).click();
    await page.keyboard.type('80');
    await page.keyboard.press('Enter');
    await page.keyboard.type('31');
    await page.keyboard.press('Tab');
    await page.keyboard.type('12');
    await page.keyboard.press('Escape');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.type('85%');
    await page.keyboard.press('Enter');
    await page.keyboard.type('33');
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('F2');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('4');
    await page.keyboard.press('Enter');
    await expect
      .poll(async () => (await gridText(page)).slice(0, 2))
      .toEqual([
        ['Sprint commitment rate (%)', '80', '85'],
        ['Sprint velocity (points)', '31', '34'],
      ]);
    // The cell shows the value at once and says where it came from once the write has landed.
    await expect.poll(() => cell(page, 'Sprint velocity', 2).getAttribute('title')).toMatch(/^34 points, typed in on /);

    // A typed value out of range is refused with the reason, and nothing is saved.
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.type('140');
    await page.keyboard.press('Enter');
    expect(await page.locator('#grid-edit-error').innerText()).toBe(
      'Sprint commitment rate, sprint 2: 140% is above the 100% maximum of Sprint commitment rate',
    );
    await page.keyboard.press('Escape');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Delete');
    await expect.poll(async () => (await gridText(page))[1]).toEqual(['Sprint velocity (points)', '31', '']);

    // A block pasted from a spreadsheet (CRLF, decimal comma) fills from the focused cell.
    await cell(page, 'Cycle time', 1).click();
    await paste(page, '4,5\t5\r\n9\t10,5\r\n');
    await expect
      .poll(async () => (await gridText(page)).filter((row) => /^(Cycle|Lead) time/.test(row[0]!)))
      .toEqual([
        ['Cycle time (days)', '4.5', '5'],
        ['Lead time (days)', '9', '10.5'],
      ]);
    await expect.poll(() => cell(page, 'Lead time', 2).getAttribute('title')).toMatch(/^10\.5 days, pasted from a spreadsheet on /);
    expect(await cell(page, 'Lead time', 2).getAttribute('data-source')).toBe('spreadsheet');

    // A paste with a 140% commitment rate writes nothing and names the bad cell.
    await cell(page, 'Sprint commitment rate', 1).click();
    await paste(page, '90\t140%\n');
    const refusal = page.getByTestId('paste-refusal');
    await refusal.waitFor();
    expect(await refusal.innerText()).toContain('Nothing was pasted: 1 cell is not a valid value.');
    expect(await refusal.innerText()).toContain(
      'Sprint commitment rate, sprint 2: 140% is above the 100% maximum of Sprint commitment rate',
    );
    expect((await gridText(page))[0]).toEqual(['Sprint commitment rate (%)', '80', '85']);
    expect(await cell(page, 'Sprint commitment rate', 2).getAttribute('data-paste-problem')).toBe('true');
    mkdirSync('.tmp/screenshots', { recursive: true });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: '.tmp/screenshots/kpi-data-entry-light.png', fullPage: true });

    // A block wider than the sprints to the right is refused with the reason.
    await cell(page, 'Cycle time', 2).click();
    await paste(page, '1\t2\n');
    expect(await refusal.innerText()).toContain(
      'The pasted block is 2 columns wide, but there is only 1 sprint from sprint 2 to the right. Add sprints first or paste further left.',
    );
    expect((await gridText(page)).find((row) => row[0] === 'Cycle time (days)')).toEqual(['Cycle time (days)', '4.5', '5']);

    // The sprint list counts the values of each sprint.
    expect(await page.getByTestId('sprint-row').allInnerTexts()).toEqual([
      expect.stringMatching(/^2\t.*\t3 of 13\t/),
      expect.stringMatching(/^1\t.*\t4 of 13\t/),
    ]);

    // After a reload the values are still there.
    await page.reload();
    await page.getByRole('heading', { name: 'Atlas payments platform' }).waitFor();
    await page.getByRole('navigation', { name: 'KPI views' }).getByRole('button', { name: 'Sprints and data' }).click();
    await grid.waitFor();
    const reloaded = await gridText(page);
    expect(reloaded.filter((row) => row.slice(1).some((value) => value !== ''))).toEqual([
      ['Sprint commitment rate (%)', '80', '85'],
      ['Sprint velocity (points)', '31', ''],
      ['Cycle time (days)', '4.5', '5'],
      ['Lead time (days)', '9', '10.5'],
    ]);

    // Removing a sprint says how many values go with it.
    await page.getByRole('button', { name: 'Remove sprint 2' }).click();
    const confirm = page.getByRole('dialog', { name: 'Remove sprint 2 of Ledger squad?' });
    expect(await confirm.innerText()).toContain('Sprint 2 (19 Jan 2026 – 30 Jan 2026) is removed with the 3 values recorded for it.');
    await confirm.getByRole('button', { name: 'Remove sprint' }).click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="sprint-row"]').length === 1);
    expect((await gridText(page))[0]).toEqual(['Sprint commitment rate (%)', '80']);

    expect(pageErrors).toEqual([]);
  });

  it('shows a demo team of 12 sprints densely but readably in the dark theme', async () => {
    const { page, pageErrors } = await openApp({ colorScheme: 'dark' });
    await page.getByRole('button', { name: 'Load demo workspace' }).click();
    await waitForPortfolio(page);
    await page.getByRole('link', { name: 'Harborline payments platform' }).click();
    await page.getByRole('heading', { name: 'Harborline payments platform' }).waitFor();
    await openSprintsAndData(page);
    const grid = page.getByRole('grid');
    await grid.waitFor();
    const rows = await gridText(page);
    expect(rows).toHaveLength(13);
    // Every demo value is there, marked as demo data.
    expect(rows.every((row) => row.slice(1).every((value) => /^\d+(\.\d+)?$/.test(value)))).toBe(true);
    expect(await grid.locator('td[data-source="demo"]').count()).toBe(13 * 12);
    // The latest sprint is scrolled into view at the right.
    const scrolled = await page.locator('.data-grid-wrap').evaluate((wrap) => wrap.scrollLeft + wrap.clientWidth >= wrap.scrollWidth - 1);
    expect(scrolled).toBe(true);
    mkdirSync('.tmp/screenshots', { recursive: true });
    await page.screenshot({ path: '.tmp/screenshots/kpi-data-dark.png', fullPage: true });
    expect(pageErrors).toEqual([]);
  });

  it('stays responsive for a team of the stress workspace: 104 sprints by 13 KPIs', async () => {
    // One engagement at the stress workspace's depth: two teams of 104 sprints each.
    const workspace = generateStressWorkspace({
      today: '2026-03-11',
      scale: { engagements: 1, teamsPerEngagement: 2, sprintsPerTeam: 104, risks: 10, actions: 10 },
    });
    const engagementName = workspace.engagements[0]!.name;
    const { page, pageErrors } = await openApp();
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByRole('button', { name: 'Import workspace…' }).click(),
    ]);
    await chooser.setFiles({
      name: 'stress.json',
      mimeType: 'application/json',
      buffer: Buffer.from(serializeWorkspace(workspace, { name: 'Governance Cockpit', version: 'test' }), 'utf8'),
    });
    await page.getByRole('button', { name: 'Replace workspace' }).click();
    await waitForPortfolio(page);
    await page.getByRole('link', { name: engagementName }).click();
    await page.getByRole('heading', { name: engagementName }).waitFor();
    await openSprintsAndData(page);
    await page.getByRole('grid').waitFor();
    expect(await page.getByTestId('sprint-data-panel').innerText()).toContain('Showing the latest 12 of 104 sprints.');

    const showAllMs = await page.evaluate(async () => {
      const start = performance.now();
      [...document.querySelectorAll('button')].find((button) => button.textContent === 'Show all 104 sprints')!.click();
      await new Promise((resolve) => requestAnimationFrame(resolve));
      return performance.now() - start;
    });
    expect(await page.getByRole('grid').locator('thead th').count()).toBe(105);
    expect(await page.getByRole('gridcell').count()).toBe(13 * 104);
    mkdirSync('.tmp/screenshots', { recursive: true });
    await page.screenshot({ path: '.tmp/screenshots/kpi-data-stress.png' });

    // Moving through the full grid touches only the two cells the focus leaves and enters
    // (memoised rows), whatever the grid's size; timings are printed, and bounded loosely
    // because this machine may be busy.
    await cell(page, 'Sprint commitment rate', 104).click();
    const moves = await page.evaluate(async () => {
      const table = document.querySelector('[role="grid"]')!;
      const result: Array<{ ms: number; mutations: number }> = [];
      for (const key of [...Array(40).fill('ArrowLeft'), ...Array(10).fill('ArrowDown')] as string[]) {
        const from = document.activeElement!;
        let mutations = 0;
        const observer = new MutationObserver((records) => (mutations += records.length));
        observer.observe(table, { subtree: true, attributes: true, childList: true, characterData: true });
        const start = performance.now();
        from.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
        while (document.activeElement === from) await new Promise((resolve) => setTimeout(resolve, 0));
        const ms = performance.now() - start;
        mutations += observer.takeRecords().length;
        observer.disconnect();
        result.push({ ms, mutations });
      }
      return result;
    });
    const moveMs = moves.map((move) => move.ms).sort((a, b) => a - b);
    const median = moveMs[Math.floor(moveMs.length / 2)]!;
    console.info(
      `show all: ${showAllMs.toFixed(0)} ms; arrow move median ${median.toFixed(1)} ms, slowest ${moveMs.at(-1)!.toFixed(1)} ms`,
    );
    expect(Math.max(...moves.map((move) => move.mutations))).toBeLessThanOrEqual(4);
    expect(median).toBeLessThan(200);
    expect(showAllMs).toBeLessThan(3000);

    // Typing a value in the middle of the grid is saved and shown.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toMatch(/^Handoff delay, sprint 64:/);
    await page.keyboard.type('1,25');
    await page.keyboard.press('Enter');
    await expect.poll(() => cell(page, 'Handoff delay', 64).innerText()).toBe('1.25');
    expect(await cell(page, 'Handoff delay', 64).getAttribute('data-source')).toBe('manual');
    expect(pageErrors).toEqual([]);
  });
});

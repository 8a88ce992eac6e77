import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { generateDemoWorkspace } from '@shared/demo/generate';
import { defaultRiskMatrix } from '@shared/domain/defaults';
import { movementSince } from '@shared/risk/movement';
import { sinceInstant } from '../../renderer/features/risks/heatmap/heatmap-model';
import type { Risk } from '@shared/domain/risk';
import { useBrowser, waitForPortfolio } from './browser';
import { openSection } from './engagement-steps';

const { openApp } = useBrowser();

/** The browser runs on this machine, so its local date is ours. */
function localToday(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

async function screenshot(page: Page, name: string) {
  mkdirSync('.tmp/screenshots', { recursive: true });
  // The header is sticky: from the top, a full-page shot shows it where it belongs.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `.tmp/screenshots/${name}.png`, fullPage: true });
}

async function loadDemo(page: Page) {
  await page.getByRole('button', { name: 'Load demo workspace' }).click();
  await waitForPortfolio(page);
}

/** The cell a risk sits in on the heat map: residual once both residual levels are assessed. */
const currentCell = (risk: Risk) =>
  risk.residualLikelihood !== null && risk.residualImpact !== null
    ? { likelihood: risk.residualLikelihood, impact: risk.residualImpact }
    : { likelihood: risk.likelihood, impact: risk.impact };

describe('risk matrix settings and the heat map', () => {
  it('shows which risks a new cell band re-bands before saving, then saves and says what changed', async () => {
    const { page, pageErrors } = await openApp();
    await loadDemo(page);

    // What the demo holds: the high cell of the default 5x5 matrix with the most current risks.
    const demo = generateDemoWorkspace({ today: localToday() });
    const matrix = defaultRiskMatrix(5);
    const current = demo.risks.filter((risk) => risk.status !== 'closed');
    const inCell = (likelihood: number, impact: number) =>
      current.filter((risk) => {
        const cell = currentCell(risk);
        return cell.likelihood === likelihood && cell.impact === impact;
      });
    const highCells = matrix.bands.flatMap((row, l) =>
      row.flatMap((band, i) => (band === 'high' ? [{ likelihood: l + 1, impact: i + 1 }] : [])),
    );
    const target = highCells.sort((a, b) => inCell(b.likelihood, b.impact).length - inCell(a.likelihood, a.impact).length)[0]!;
    const affected = inCell(target.likelihood, target.impact);
    expect(affected.length).toBeGreaterThan(1);
    const engagementName = new Map(demo.engagements.map((engagement) => [engagement.id, engagement.name]));
    const expectedLines = [...new Set(affected.map((risk) => risk.engagementId))]
      .map((engagementId) => {
        const references = affected
          .filter((risk) => risk.engagementId === engagementId)
          .map((risk) => risk.reference)
          .sort((a, b) => Number(a.slice(2)) - Number(b.slice(2)));
        const listed = references.slice(0, 6).map((reference) => `${reference} High → Critical`);
        const more = references.length > 6 ? ` and ${references.length - 6} more` : '';
        return `${engagementName.get(engagementId)}: ${listed.join(', ')}${more}`;
      })
      .sort();

    await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Settings' }).click();
    const settingsPage = page.getByTestId('settings-page');
    await settingsPage.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
    const preview = page.getByTestId('matrix-change-preview');
    expect(await preview.innerText()).toContain('The bands are as saved: no risk changes band.');

    // Problems are reported per field, and nothing is saved.
    await page.locator('[name="userName"]').fill('');
    await page.locator('[name="reviewIntervalDays.critical"]').fill('0');
    await page.getByRole('button', { name: 'Save settings' }).click();
    const errors = page.locator('#settings-form-errors');
    await errors.waitFor();
    const errorText = await errors.innerText();
    expect(errorText).toContain('Your name: is required');
    expect(errorText).toContain('Review interval, critical: must be a whole number of days from 1 to 730');
    await page.locator('[name="userName"]').fill('Ana Lima');
    await page.locator('[name="reviewIntervalDays.critical"]').fill('10');
    // Fixed fields lose their messages at once.
    expect(await page.locator('.settings-page .field-error').count()).toBe(0);

    // A new size is previewed as a rescaling of every risk; going back to 5x5 restores the saved matrix.
    await page.locator('[name="matrixSize"]').selectOption('3');
    expect(await settingsPage.locator('.matrix-cell').count()).toBe(9);
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="matrix-change-preview"]')?.textContent?.includes('The matrix goes from 5x5 to 3x3'),
    );
    expect(await page.locator('[name="likelihoodLabels.2"]').inputValue()).toBe(defaultRiskMatrix(3).likelihoodLabels[2]);
    await page.locator('[name="matrixSize"]').selectOption('5');
    expect(await settingsPage.locator('.matrix-cell').count()).toBe(25);
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="matrix-change-preview"]')?.textContent?.includes('The bands are as saved'),
    );

    const cellButton = settingsPage.getByRole('button', {
      name: `Likelihood ${target.likelihood}, impact ${target.impact}: High. Change band`,
    });
    await cellButton.click();
    await settingsPage
      .getByRole('button', { name: `Likelihood ${target.likelihood}, impact ${target.impact}: Critical (changed). Change band` })
      .waitFor();
    await page.waitForFunction(() => document.querySelector('[data-testid="matrix-change-preview"]')?.textContent?.includes('If you save'));
    const previewText = await preview.innerText();
    expect(previewText).toContain(`If you save: ${affected.length} risks change band:`);
    expect(await preview.locator('li').allInnerTexts()).toEqual(expectedLines);
    expect(previewText).toContain('History is not rewritten');
    await screenshot(page, 'settings');

    await page.getByRole('button', { name: 'Save settings' }).click();
    const notice = page.locator('.notice', { hasText: 'Settings saved.' });
    await notice.waitFor();
    const noticeText = await notice.innerText();
    expect(noticeText).toContain('Your name is now Ana Lima; histories record it from now on.');
    expect(noticeText).toContain(`${affected.length} risks changed band.`);
    for (const line of expectedLines) expect(noticeText).toContain(line);
    expect(noticeText).toContain("Review intervals: critical 10 days; they apply from each risk's next review.");
    // Saved: the cell is critical and no longer marked as an unsaved change.
    await settingsPage
      .getByRole('button', { name: `Likelihood ${target.likelihood}, impact ${target.impact}: Critical. Change band` })
      .waitFor();
    expect(await preview.innerText()).toContain('The bands are as saved');

    // A reload shows the saved settings.
    await page.reload();
    await settingsPage.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
    expect(await page.locator('[name="userName"]').inputValue()).toBe('Ana Lima');
    expect(await page.locator('[name="reviewIntervalDays.critical"]').inputValue()).toBe('10');
    expect(pageErrors).toEqual([]);
  });

  it('counts current risks per cell, filters the register by a clicked cell and shows movement since a date', async () => {
    const { page, pageErrors } = await openApp();
    await loadDemo(page);
    const demo = generateDemoWorkspace({ today: localToday() });
    const engagement = demo.engagements.find((candidate) => candidate.name === 'Harborline payments platform')!;
    const current = demo.risks.filter((risk) => risk.engagementId === engagement.id && risk.status !== 'closed');

    await page.getByRole('link', { name: engagement.name }).click();
    await page.getByRole('heading', { name: engagement.name }).waitFor();
    await openSection(page, 'Risks');
    const heatMap = page.getByTestId('risk-heatmap');
    await heatMap.getByRole('heading', { name: 'Heat map' }).waitFor();
    expect(await heatMap.innerText()).toContain(`${current.length} current risks`);

    // Every cell names its band and count; the counts add up to the register's current risks.
    const cells = heatMap.locator('.heatmap-cell');
    expect(await cells.count()).toBe(25);
    const labels = await cells.evaluateAll((buttons) => buttons.map((button) => button.getAttribute('aria-label') ?? ''));
    const countOf = (label: string) => Number(/(\d+) current risks?/.exec(label)![1]);
    expect(labels.reduce((sum, label) => sum + countOf(label), 0)).toBe(current.length);
    // Likelihood rises upwards: the first cell is the top left, likelihood 5 and impact 1.
    expect(labels[0]).toMatch(/^Likelihood 5 \(Almost certain\), impact 1 \(Negligible\): (Low|Medium|High|Critical) band/);
    const busiest = labels.reduce((best, label) => (countOf(label) > countOf(best) ? label : best));
    const [, likelihood, impact] = /^Likelihood (\d) .*impact (\d) /.exec(busiest)!;
    const expectedInCell = current.filter((risk) => {
      const cell = currentCell(risk);
      return cell.likelihood === Number(likelihood) && cell.impact === Number(impact);
    });
    expect(countOf(busiest)).toBe(expectedInCell.length);

    const busiestCell = heatMap.getByRole('button', { name: busiest });
    await busiestCell.click();
    expect(await busiestCell.getAttribute('aria-pressed')).toBe('true');
    await page.waitForFunction(
      (expected) => document.querySelector('[data-testid="risk-count"]')?.textContent?.startsWith(`${expected} of`),
      expectedInCell.length,
    );
    expect(await heatMap.locator('.heatmap-selection').innerText()).toContain(
      `The register shows the ${expectedInCell.length} risks rated`,
    );
    await busiestCell.press('Enter');
    expect(await busiestCell.getAttribute('aria-pressed')).toBe('false');
    await page.waitForFunction(
      (expected) => document.querySelector('[data-testid="risk-count"]')?.textContent?.startsWith(`${expected} of`),
      current.length,
    );
    await busiestCell.click();

    // Movement since a date long before the demo's risks were raised: every current risk is new, nothing moved.
    const risks = demo.risks.filter((risk) => risk.engagementId === engagement.id);
    const events = demo.riskEvents.filter((event) => event.engagementId === engagement.id);
    const movementFrom = (date: string) => movementSince({ risks, events, since: sinceInstant(date), matrix: defaultRiskMatrix(5) });
    const listCount = (name: string) => heatMap.getByTestId(`movement-${name}`).locator('h3 .pill').innerText().then(Number);
    await heatMap.getByLabel('Show movement').check();
    const movement = heatMap.getByTestId('risk-movement');
    await movement.waitFor();
    await heatMap.getByLabel('Since').fill('2020-01-01');
    await page.waitForFunction(
      (count) => document.querySelector('[data-testid="movement-new"] h3 .pill')?.textContent === String(count),
      current.length,
    );
    expect(movementFrom('2020-01-01').newRisks).toHaveLength(current.length);
    expect(await heatMap.getByTestId('movement-arrow').count()).toBe(0);

    // Since 30 days ago, as the map opens: an arrow per pair of cells risks moved between, and the four lists.
    const since = addDaysLocal(localToday(), -30);
    const expected = movementFrom(since);
    const moved = expected.moves.filter(
      (move) => move.then && move.now && (move.then.likelihood !== move.now.likelihood || move.then.impact !== move.now.impact),
    );
    expect(moved.length).toBeGreaterThan(0);
    await heatMap.getByLabel('Since').fill(since);
    await page.waitForFunction(
      (count) => document.querySelector('[data-testid="movement-worsened"] h3 .pill')?.textContent === String(count),
      expected.worsened.length,
    );
    expect(await listCount('new')).toBe(expected.newRisks.length);
    expect(await listCount('improved')).toBe(expected.improved.length);
    expect(await listCount('closed')).toBe(expected.closed.length);
    const pairs = new Set(moved.map((move) => `${move.then!.likelihood}${move.then!.impact}>${move.now!.likelihood}${move.now!.impact}`));
    expect(await heatMap.getByTestId('movement-arrow').count()).toBe(pairs.size);
    const arrowCounts = await heatMap.locator('.move-count').allTextContents();
    expect(arrowCounts.reduce((sum, count) => sum + Number(count), 0)).toBe(moved.length);
    const listed = expected.worsened[0] ?? expected.improved[0]!;
    const item = heatMap.getByTestId(listed === expected.worsened[0] ? 'movement-worsened' : 'movement-improved').locator('li', {
      hasText: listed.risk.reference,
    });
    expect((await item.innerText()).replace(/\s+/g, ' ')).toBe(
      `${listed.risk.reference} ${listed.risk.title} ${listed.then!.likelihood}×${listed.then!.impact} ${bandName(listed.then!.band)} → ${listed.now!.likelihood}×${listed.now!.impact} ${bandName(listed.now!.band)}`,
    );
    await screenshot(page, 'heatmap');
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, 'heatmap-dark');
    expect(pageErrors).toEqual([]);
  });
});

const bandName = (band: string) => band[0]!.toUpperCase() + band.slice(1);

function addDaysLocal(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const shifted = new Date(Date.UTC(year, month - 1, day + days));
  return shifted.toISOString().slice(0, 10);
}

import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { generateDemoWorkspace } from '@shared/demo/generate';
import { buildScorecard, type Scorecard } from '@shared/kpi/scorecard';
import { kpiStatuses } from '@shared/kpi/types';
import { orderKpis } from '../../renderer/features/kpis/scorecard/scorecard-view';
import { useBrowser, waitForPortfolio } from './browser';
import { createEngagement, openSection } from './engagement-steps';

const { openApp } = useBrowser();

// The page's clock is pinned (midday UTC, the same calendar day in every time zone this runs
// in), so the demo workspace the app generates is the one this test generates.
const clockTime = new Date('2026-03-11T12:00:00Z');
const today = '2026-03-11';
const engagementName = 'Harborline payments platform';

function expectedScorecard(): Scorecard {
  const demo = generateDemoWorkspace({ today });
  const engagement = demo.engagements.find((entry) => entry.name === engagementName)!;
  const mine = <T extends { engagementId: string }>(records: T[]) => records.filter((record) => record.engagementId === engagement.id);
  return buildScorecard({
    kpis: orderKpis(mine(demo.kpiDefinitions)),
    teams: mine(demo.teams).sort((a, b) => a.name.localeCompare(b.name)),
    sprints: mine(demo.sprints),
    measurements: mine(demo.kpiMeasurements),
    today,
  });
}

interface ShownRow {
  kpi: string;
  team: string;
  status: string;
  reason: string;
}

/** Every scorecard row as shown: its KPI group, team, status and reason. */
function shownRows(page: Page): Promise<ShownRow[]> {
  return page.getByTestId('scorecard-group').evaluateAll((groups) =>
    groups.flatMap((group) =>
      [...group.querySelectorAll<HTMLElement>('[data-testid="scorecard-row"]')].map((row) => ({
        kpi: group.querySelector('.kpi-group-title strong')!.textContent!,
        team: row.dataset.team!,
        status: row.dataset.status!,
        reason: row.querySelector('.kpi-reason')!.textContent!,
      })),
    ),
  );
}

async function summaryCounts(page: Page): Promise<Record<string, number>> {
  const entries = await page
    .getByTestId('scorecard-summary')
    .locator('li')
    .evaluateAll((items) => items.map((item) => [item.dataset.status!, Number(item.querySelector('.kpi-status-count')!.textContent)]));
  return Object.fromEntries(entries);
}

async function openScorecard(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Load demo workspace' }).click();
  await waitForPortfolio(page);
  // The "demo loaded" notice would sit over the table in the screenshots.
  await page.getByRole('button', { name: 'Dismiss notice' }).click();
  await page.getByRole('link', { name: engagementName }).click();
  await page.getByRole('heading', { name: engagementName }).waitFor();
  await openSection(page, 'KPIs');
  await page.getByTestId('scorecard-row').first().waitFor();
}

describe('KPI scorecard', () => {
  it('judges every KPI of every team with a reason, filters by team and opens trend charts', async () => {
    const expected = expectedScorecard();
    const teamName = new Map(expected.teams.map((team) => [team.id, team.name]));
    const { page, pageErrors } = await openApp({ clockTime });
    await openScorecard(page);
    mkdirSync('.tmp/screenshots', { recursive: true });

    // Every KPI and team, in catalogue order, with the engine's status and reason word for word.
    const want = expected.rows.flatMap((row) =>
      row.cells.map((cell) => ({
        kpi: row.kpi.name,
        team: teamName.get(cell.teamId)!,
        status: cell.evaluation.status,
        reason: cell.evaluation.reason,
      })),
    );
    expect(want).toHaveLength(13 * 3);
    expect(await shownRows(page)).toEqual(want);
    expect(want.every((row) => /\d/.test(row.reason))).toBe(true);
    // The demo is mixed on purpose: a scorecard of one colour would hide a broken rule.
    expect(new Set(want.map((row) => row.status)).size).toBeGreaterThanOrEqual(3);
    expect(await summaryCounts(page)).toEqual(expected.statusCounts);
    // The target in words heads each KPI group.
    const commitment = expected.rows.find((row) => row.kpi.key === 'sprint-commitment-rate')!;
    expect(await page.locator('[data-kpi="sprint-commitment-rate"] .kpi-target').innerText()).toBe(`Target: ${commitment.target}`);
    await page.screenshot({ path: '.tmp/screenshots/kpi-scorecard-light.png', fullPage: true });
    // Scrolled so the card's top sits just under the sticky app header.
    await page.getByTestId('kpi-scorecard').evaluate((card) => window.scrollTo(0, card.getBoundingClientRect().top + window.scrollY - 70));
    await page.screenshot({ path: '.tmp/screenshots/kpi-scorecard-light-top.png' });

    // One team: one row per KPI, and the counts follow.
    const team = expected.teams[1]!;
    await page.getByLabel('Team', { exact: true }).selectOption({ label: team.name });
    await page.waitForFunction(
      (count) => document.querySelectorAll('[data-testid="scorecard-row"]').length === count,
      expected.rows.length,
    );
    const teamRows = await shownRows(page);
    expect(teamRows).toEqual(want.filter((row) => row.team === team.name));
    const teamCounts = Object.fromEntries(kpiStatuses.map((status) => [status, teamRows.filter((row) => row.status === status).length]));
    expect(await summaryCounts(page)).toEqual(teamCounts);
    await page.getByLabel('Team', { exact: true }).selectOption({ label: 'All teams' });
    await page.waitForFunction((count) => document.querySelectorAll('[data-testid="scorecard-row"]').length === count, want.length);

    // A threshold KPI, opened from the keyboard: the chart draws the target and the red line.
    const commitmentCell = commitment.cells[0]!;
    const commitmentRow = page.locator('[data-kpi="sprint-commitment-rate"] [data-testid="scorecard-row"]').first();
    await commitmentRow.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: `Sprint commitment rate: ${teamName.get(commitmentCell.teamId)}` });
    await dialog.waitFor();
    expect(await dialog.getByTestId('kpi-trend-reason').innerText()).toBe(commitmentCell.evaluation.reason);
    const chart = dialog.getByTestId('kpi-trend-chart');
    expect(await chart.locator('[data-guide="target"] line').count()).toBe(1);
    expect(await chart.locator('[data-guide="red-line"] line').count()).toBe(1);
    expect(await chart.locator('text.guide-target').textContent()).toBe(`Target ${'80%'}`);
    expect(await chart.locator('.series-points .point').count()).toBe(commitmentCell.series.length);
    expect(await dialog.getByTestId('kpi-trend-values').locator('tbody tr').count()).toBe(12);
    expect(await dialog.getByTestId('kpi-trend-values').locator('tbody tr').first().innerText()).toMatch(/^12\t/);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    // Closing returns focus to the row, so keyboard users keep their place.
    expect(await commitmentRow.evaluate((row) => row === document.activeElement)).toBe(true);

    // Sprint velocity is judged on an XmR chart: mean and both control limits are drawn.
    const velocity = expected.rows.find((row) => row.kpi.key === 'sprint-velocity')!;
    const velocityCell = velocity.cells[2]!;
    await page.locator('[data-kpi="sprint-velocity"] [data-testid="scorecard-row"]').nth(2).click();
    const velocityDialog = page.getByRole('dialog', { name: `Sprint velocity: ${teamName.get(velocityCell.teamId)}` });
    await velocityDialog.waitFor();
    const limits = velocityCell.evaluation.guides.controlLimits!;
    expect(limits).toBeDefined();
    const velocityChart = velocityDialog.getByTestId('kpi-trend-chart');
    expect(await velocityChart.locator('[data-guide="control-limits"] line').count()).toBe(3);
    expect(await velocityChart.locator('text.guide-mean').textContent()).toMatch(/^Mean \d+(\.\d)? points$/);
    // A point is marked exactly when it lies outside the limits.
    const outside = velocityCell.series.filter((point) => point.value > limits.upper || point.value < limits.lower).length;
    expect(await velocityChart.locator('.point.signal-limit').count()).toBe(outside);
    expect(await velocityChart.locator('[data-guide="target"]').count()).toBe(0);
    await velocityDialog.screenshot({ path: '.tmp/screenshots/kpi-scorecard-trend-velocity.png' });
    await velocityDialog.getByRole('button', { name: 'Close' }).click();
    await velocityDialog.waitFor({ state: 'detached' });

    // Lead time: the sprint 1–3 baseline is drawn over its sprints.
    const leadTime = expected.rows.find((row) => row.kpi.key === 'lead-time')!;
    const leadCell = leadTime.cells[0]!;
    await page.locator('[data-kpi="lead-time"] [data-testid="scorecard-row"]').first().click();
    const leadDialog = page.getByRole('dialog', { name: `Lead time: ${teamName.get(leadCell.teamId)}` });
    await leadDialog.waitFor();
    const baseline = leadCell.evaluation.guides.baseline!;
    expect(baseline).toMatchObject({ fromSprint: 1, toSprint: 3 });
    expect(await leadDialog.locator('[data-guide="baseline"]').getAttribute('data-provisional')).toBe(String(baseline.provisional));
    expect(await leadDialog.locator('[data-guide="baseline-span"]').count()).toBe(1);
    await leadDialog.screenshot({ path: '.tmp/screenshots/kpi-scorecard-trend-lead-time.png' });
    await page.keyboard.press('Escape');

    expect(pageErrors).toEqual([]);
  });

  it('reads in the dark theme too', async () => {
    const { page, pageErrors } = await openApp({ clockTime, colorScheme: 'dark' });
    await openScorecard(page);
    await page.screenshot({ path: '.tmp/screenshots/kpi-scorecard-dark.png', fullPage: true });
    await page.locator('[data-kpi="sprint-commitment-rate"] [data-testid="scorecard-row"]').first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('kpi-trend-chart').waitFor();
    await dialog.screenshot({ path: '.tmp/screenshots/kpi-scorecard-trend-dark.png' });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    // On paper the scorecard is drawn in the light palette, whatever the screen's theme.
    const background = () => page.getByTestId('kpi-scorecard').evaluate((element) => getComputedStyle(element).backgroundColor);
    expect(await background()).toBe('rgb(31, 34, 41)');
    await page.emulateMedia({ media: 'print' });
    expect(await background()).toBe('rgb(255, 255, 255)');
    expect(await page.locator('.kpi-scorecard .table-wrap').evaluate((element) => getComputedStyle(element).overflow)).toBe('visible');
    expect(pageErrors).toEqual([]);
  });

  it('says what to do first when there are no values yet', async () => {
    const { page, pageErrors } = await openApp({ clockTime });
    await createEngagement(page);
    await openSection(page, 'KPIs');
    const empty = page.getByTestId('scorecard-empty');
    await empty.getByRole('heading', { name: 'No KPI values yet' }).waitFor();
    expect(await empty.innerText()).toMatch(/Enter values in Sprints and data, or import from Jira/);
    await empty.getByRole('button', { name: 'Open Sprints and data' }).click();
    await page.locator('.kpi-view-tabs [aria-current="page"]', { hasText: 'Sprints and data' }).waitFor();
    expect(pageErrors).toEqual([]);
  });
});

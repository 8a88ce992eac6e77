/**
 * The issue's end-to-end path: a lead imports a Jira CSV, the scorecard judges the
 * values with reasons, the lead changes a target in the catalogue and the scorecard's
 * status and reason follow at once.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateJiraExport } from '@shared/demo/jira-export';
import { createEngagement, openSection } from './engagement-steps';
import { useBrowser } from './browser';

const { openApp } = useBrowser();

function writeExport(): string {
  const generated = generateJiraExport({ issues: 120, sprints: 5, teams: 1, teamNames: ['Ledger squad'], seed: 23 });
  mkdirSync('.tmp/e2e-jira', { recursive: true });
  const path = '.tmp/e2e-jira/journey-jira.csv';
  writeFileSync(path, generated.csv);
  return path;
}

describe('KPIs from a Jira export to a changed target', () => {
  it('imports, shows statuses with reasons, and re-judges when a target changes', async () => {
    const path = writeExport();
    const { page, pageErrors, foreignRequests } = await openApp();
    await createEngagement(page);
    await openSection(page, 'KPIs');

    await page.getByRole('button', { name: 'Import from Jira…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import KPIs from Jira' });
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), dialog.getByRole('button', { name: 'Choose a file…' }).click()]);
    await chooser.setFiles(path);
    await dialog.getByRole('button', { name: /^Import \d+ values$/ }).click();
    await dialog.getByTestId('jira-import-report').waitFor();
    await dialog.getByRole('button', { name: 'Show scorecard' }).click();
    await dialog.waitFor({ state: 'detached' });

    // Every imported KPI is judged with a status and a reason that names its figure.
    const rows = page.locator('[data-testid="scorecard-row"]');
    await rows.first().waitFor();
    const commitment = page.locator('tbody[data-kpi="sprint-commitment-rate"] [data-testid="scorecard-row"]');
    const statusOf = () => commitment.getAttribute('data-status');
    const reasonOf = () => commitment.locator('.kpi-reason').innerText();
    const before = { status: await statusOf(), reason: await reasonOf() };
    const mean = /^3-sprint mean (\d+)% \(sprints 3–5\)/.exec(before.reason);
    expect(mean, `reason was: ${before.reason}`).not.toBeNull();
    const meanPercent = Number(mean![1]);
    expect(before.status).toBe(meanPercent >= 80 ? 'green' : meanPercent >= 70 ? 'amber' : 'red');
    for (const key of ['throughput', 'sprint-velocity', 'lead-time']) {
      const row = page.locator(`tbody[data-kpi="${key}"] [data-testid="scorecard-row"]`);
      expect(['green', 'amber', 'red', 'no-data']).toContain(await row.getAttribute('data-status'));
      expect((await row.locator('.kpi-reason').innerText()).length).toBeGreaterThan(20);
    }
    expect(await page.locator('tbody[data-kpi="cycle-time"] [data-testid="scorecard-row"]').getAttribute('data-status')).toBe('no-data');

    // A target the mean clears by a wide margin turns it green; one far above it, red.
    const flipToGreen = before.status !== 'green';
    const newTarget = flipToGreen ? Math.max(0, meanPercent - 15) : Math.min(100, meanPercent + 25);
    await page.getByRole('navigation', { name: 'KPI views' }).getByRole('button', { name: 'Catalogue' }).click();
    await page.getByRole('button', { name: 'Edit Sprint commitment rate' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit Sprint commitment rate' });
    await edit.locator('[name="target"]').fill(String(newTarget));
    await edit.locator('[name="amberMargin"]').fill('5');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await edit.waitFor({ state: 'detached' });

    await page.getByRole('navigation', { name: 'KPI views' }).getByRole('button', { name: 'Scorecard' }).click();
    await commitment.waitFor();
    expect(await statusOf()).toBe(flipToGreen ? 'green' : 'red');
    const after = await reasonOf();
    expect(after).toContain(`${newTarget}% target`);
    expect(after).not.toBe(before.reason);
    expect(await page.locator('tbody[data-kpi="sprint-commitment-rate"] .kpi-target').innerText()).toContain(`≥ ${newTarget}%`);

    mkdirSync('.tmp/screenshots', { recursive: true });
    await page.screenshot({ path: '.tmp/screenshots/kpi-journey-scorecard.png', fullPage: true });
    expect(pageErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);
  });
});

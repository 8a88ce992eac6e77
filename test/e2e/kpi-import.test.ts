import { mkdirSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateJiraExport } from '@shared/demo/jira-export';
import { readJiraText } from '@shared/kpi/jira/read-file';
import { guessStatusMap, seenStatuses } from '@shared/kpi/jira/statuses';
import { planSprints } from '@shared/kpi/jira/sprint-plan';
import { computeJiraKpis } from '@shared/kpi/jira/compute';
import { createEngagement, openSection } from './engagement-steps';
import { useBrowser } from './browser';

const { openApp } = useBrowser();

/** A small export as Jira writes it (BOM, repeated Sprint and Labels columns, 12/Mar/24 3:15 PM dates, multi-line comments). */
function writeExport(): { path: string; throughputOfSprint4: number } {
  const generated = generateJiraExport({ issues: 80, sprints: 4, teams: 1, teamNames: ['Ledger squad'], seed: 11 });
  mkdirSync('.tmp/e2e-jira', { recursive: true });
  const path = '.tmp/e2e-jira/ledger-squad-jira.csv';
  writeFileSync(path, generated.csv);
  // What the importer computes from it, for the value the scorecard must show.
  const read = readJiraText(generated.csv);
  if (!read.ok) throw new Error(read.summary);
  const assignment = { kind: 'single' as const, teamId: 'ledger' };
  const plan = planSprints({ data: read.export, assignment, existing: [], choices: {}, today: '2026-01-01' });
  const report = computeJiraKpis({
    data: read.export,
    assignment,
    plan,
    statusMap: guessStatusMap(seenStatuses(read.export)),
    bugTypes: ['Bug'],
    escapedRule: null,
    teamName: () => 'Ledger squad',
  });
  const sprint4 = report.values.find((value) => value.kpiKey === 'throughput' && value.entryKey.endsWith('Sprint 4'))!;
  return { path, throughputOfSprint4: sprint4.value };
}

describe('importing KPIs from a Jira export', () => {
  it('previews a CSV export, imports it, reports what could not be computed and shows the values on the scorecard', async () => {
    const { path, throughputOfSprint4 } = writeExport();
    const { page, pageErrors, foreignRequests } = await openApp();
    await createEngagement(page);
    await openSection(page, 'KPIs');

    await page.getByRole('button', { name: 'Import from Jira…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import KPIs from Jira' });
    await dialog.waitFor();
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), dialog.getByRole('button', { name: 'Choose a file…' }).click()]);
    await chooser.setFiles(path);

    const file = dialog.getByTestId('jira-import-file');
    await file.waitFor();
    expect(await file.innerText()).toContain(
      'Jira CSV, UTF-8, comma-separated; 80 issues, 4 sprints; story points from “Custom field (Story Points)”',
    );
    // One team in the engagement: every issue goes to it.
    expect(await dialog.getByLabel('Team for every issue').inputValue()).not.toBe('');

    // Four new sprints with guessed, back-to-back two-week dates, the guess explained.
    const sprints = dialog.getByTestId('jira-import-sprints');
    expect(await sprints.locator('tbody tr').count()).toBe(4);
    expect(await dialog.getByLabel('Start of LED1 Sprint 1').inputValue()).toBe('2025-01-06');
    expect(await dialog.getByLabel('End of LED1 Sprint 1').inputValue()).toBe('2025-01-19');
    expect(await dialog.getByLabel('Start of LED1 Sprint 2').inputValue()).toBe('2025-01-20');
    expect(await sprints.locator('tbody tr').nth(1).innerText()).toContain('Guessed: after Sprint 1, 14 days like it.');

    // An overlapping date is caught before anything is written, with the sprints named.
    await dialog.getByLabel('Start of LED1 Sprint 2').fill('2025-01-15');
    const problems = dialog.getByTestId('jira-import-sprint-problems');
    expect(await problems.innerText()).toContain(
      'LED1 Sprint 2: Start: Sprint 2 (15 Jan 2025 – 2 Feb 2025) overlaps Sprint 1 (6 Jan 2025 – 19 Jan 2025)',
    );
    expect(await dialog.getByRole('button', { name: 'Fix the sprints first' }).isDisabled()).toBe(true);
    await dialog.getByLabel('Start of LED1 Sprint 2').fill('2025-01-20');
    await problems.waitFor({ state: 'detached' });

    // Statuses, bug types and the escaped-defect rule guessed from the file.
    expect(await dialog.locator('#jira-status-Done').inputValue()).toBe('done');
    expect(await dialog.getByLabel('Field that marks escaped bugs').inputValue()).toBe('Labels');
    expect(await dialog.getByLabel('Text that marks escaped bugs').inputValue()).toBe('production');
    const planLines = await dialog.getByTestId('jira-import-plan-lines').innerText();
    expect(planLines).toContain('Throughput: computed for 4 sprints');
    expect(planLines).toContain('Cycle time: not computed — needs status history, which Jira’s CSV does not contain');
    const values = dialog.getByTestId('jira-import-values');
    expect(await values.locator('tbody tr').count()).toBe(4);

    mkdirSync('.tmp/screenshots', { recursive: true });
    await page.screenshot({ path: '.tmp/screenshots/kpi-import-preview.png' });
    await values.scrollIntoViewIfNeeded();
    await page.screenshot({ path: '.tmp/screenshots/kpi-import-preview-values.png' });

    const importButton = dialog.getByRole('button', { name: /^Import \d+ values$/ });
    await importButton.click();
    const report = dialog.getByTestId('jira-import-report');
    await report.waitFor();
    expect(await dialog.getByTestId('jira-import-facts').innerText()).toMatch(
      /^\d+ values written; 4 new sprints \(Sprint 1, Sprint 2, Sprint 3, Sprint 4\); the Throughput KPI added to the catalogue/,
    );
    const reportLines = await dialog.getByTestId('jira-import-report-lines').innerText();
    expect(reportLines).toContain('Work in progress: not computed — needs status history');
    expect(reportLines).toContain('Sprint commitment rate: computed for 4 sprints');
    expect(reportLines).toContain('Jira’s export does not record the scope at sprint start');
    expect(reportLines).toMatch(/The value is the median; 85th percentile: Ledger squad · LED1 Sprint 1 [\d.]+ days;/);
    await page.screenshot({ path: '.tmp/screenshots/kpi-import-report.png' });

    await dialog.getByRole('button', { name: 'Show scorecard' }).click();
    await dialog.waitFor({ state: 'detached' });
    const throughputRow = page.locator('tbody[data-kpi="throughput"] [data-testid="scorecard-row"]');
    await throughputRow.waitFor();
    expect(await throughputRow.locator('.kpi-latest').innerText()).toMatch(new RegExp(`^${throughputOfSprint4}\\s+sprint 4$`));
    const velocityRow = page.locator('tbody[data-kpi="sprint-velocity"] [data-testid="scorecard-row"]');
    expect(await velocityRow.locator('.kpi-latest').innerText()).toMatch(/points\s+sprint 4$/);
    await page.screenshot({ path: '.tmp/screenshots/kpi-import-scorecard.png', fullPage: true });

    expect(pageErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);
  });
});

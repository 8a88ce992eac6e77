import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import readXlsxFile from 'read-excel-file/universal';
import { fillEngagementForm, openSection } from './engagement-steps';
import { useBrowser } from './browser';

const { openApp } = useBrowser();

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

async function openRiskRegister(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Create an engagement' }).click();
  await fillEngagementForm(page);
  await page.getByRole('button', { name: 'Create engagement' }).click();
  await page.getByRole('heading', { name: 'Atlas payments platform' }).waitFor();
  await openSection(page, 'Risks');
  await page.getByTestId('risks-section').waitFor();
}

async function chooseImportFile(page: Page, path: string) {
  await page.getByRole('button', { name: 'Import…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import risks from a spreadsheet' });
  await dialog.waitFor();
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), dialog.getByRole('button', { name: 'Choose a file…' }).click()]);
  await chooser.setFiles(path);
  await dialog.getByTestId('risk-import-columns').waitFor();
  return dialog;
}

describe('importing and exporting the risk register', () => {
  it('imports a spreadsheet register after a mapping fix, then exports it as XLSX that reads back', async () => {
    const { page, pageErrors, foreignRequests } = await openApp();
    await openRiskRegister(page);
    const dialog = await chooseImportFile(page, fixture('risk-register-example.csv'));

    expect(await dialog.innerText()).toContain('risk-register-example.csv');
    expect(await dialog.innerText()).toContain('CSV, UTF-8, comma-separated');
    // Auto-mapping by header name and synonym.
    expect(await dialog.getByLabel('probability').inputValue()).toBe('likelihood');
    expect(await dialog.getByLabel('risk_statement').inputValue()).toBe('title');
    expect(await dialog.getByLabel('response_strategy').inputValue()).toBe('response');
    expect(await dialog.getByLabel('exposure').inputValue()).toBe('ignore');

    // Without a title column nothing can be imported, and the dialog says why.
    await dialog.getByLabel('risk_statement').selectOption('ignore');
    expect(await dialog.getByTestId('mapping-problems').innerText()).toContain('Choose the column that holds the title.');
    expect(await dialog.getByRole('button', { name: 'No rows to import' }).isDisabled()).toBe(true);
    await dialog.getByLabel('risk_statement').selectOption('title');
    await dialog.getByTestId('mapping-problems').waitFor({ state: 'detached' });

    // The fix: the file's research-project categories are not this register's, so the column is ignored
    // and every risk is filed under the category chosen for what the file leaves out.
    const preview = dialog.getByTestId('risk-import-preview');
    expect(await preview.locator('tbody tr').first().innerText()).toContain('Data');
    await dialog.getByLabel('category', { exact: true }).selectOption('ignore');
    await dialog.getByRole('combobox', { name: /^Category/ }).selectOption('technical');
    const firstRow = await preview.locator('tbody tr').first().innerText();
    expect(firstRow).toMatch(/^2\s+R-001\s+If data-use approval is delayed/);
    expect(firstRow).toContain('Technical');
    expect(firstRow).toContain('3 Possible');
    expect(firstRow).toContain('5 Severe');
    expect(firstRow).toContain('Critical');
    expect(await preview.locator('tbody tr').count()).toBe(4);
    // Owners who are not people of the engagement: imported without one, each row named.
    const warnings = await dialog.getByTestId('risk-import-warnings').innerText();
    expect(warnings).toMatch(/2\s+L \(owner\)\s+Data owner\s+not a person of this engagement/);
    expect(warnings).toContain('Program lead');

    mkdirSync('.tmp/screenshots', { recursive: true });
    await page.screenshot({ path: '.tmp/screenshots/risk-import-columns.png', fullPage: true });
    await preview.scrollIntoViewIfNeeded();
    await page.screenshot({ path: '.tmp/screenshots/risk-import-preview.png', fullPage: true });

    await dialog.getByRole('button', { name: 'Import 4 valid rows' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('Imported 4 risks into Atlas payments platform (R-001 to R-004).').waitFor();
    expect(await page.getByTestId('risk-count').innerText()).toBe('4 of 4 risks');
    expect(await page.getByTestId('risks-section').innerText()).toContain('If stakeholder review exceeds five business days');
    await page.screenshot({ path: '.tmp/screenshots/risk-import-done.png', fullPage: true });

    // Export the whole register as XLSX and read the file back with the same library.
    await page.getByRole('button', { name: 'Export…' }).click();
    const exportDialog = page.getByRole('dialog', { name: 'Export the risk register' });
    await exportDialog.getByLabel(/The whole register/).check();
    await exportDialog.getByLabel(/Excel workbook/).check();
    await page.screenshot({ path: '.tmp/screenshots/risk-export-dialog.png', fullPage: true });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      exportDialog.getByRole('button', { name: 'Export 4 risks' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^Atlas payments platform risk register \d{4}-\d{2}-\d{2}\.xlsx$/);
    const bytes = readFileSync((await download.path())!);
    const [sheet] = await readXlsxFile(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const [header, ...rows] = sheet!.data;
    const column = (name: string) => header!.indexOf(name);
    expect(
      rows.map((row) => [
        row[column('Reference')],
        row[column('Likelihood')],
        row[column('Impact')],
        row[column('Inherent band')],
        row[column('Category')],
      ]),
    ).toEqual([
      ['R-001', 3, 5, 'Critical', 'Technical'],
      ['R-002', 3, 5, 'Critical', 'Technical'],
      ['R-003', 5, 3, 'Critical', 'Technical'],
      ['R-004', 3, 3, 'High', 'Technical'],
    ]);
    expect(rows[0]![column('Title')]).toBe('If data-use approval is delayed, the validated extract may miss the analysis start date');
    expect(rows[0]![column('Next review')]).toBeInstanceOf(Date);
    expect(rows[0]![column('Owner')]).toBeNull();

    // The exported workbook imports again in the browser: same levels, references kept in the description.
    const downloaded = `${await download.path()}.xlsx`;
    writeFileSync(downloaded, bytes);
    const again = await chooseImportFile(page, downloaded);
    expect(await again.innerText()).toContain('sheet “Risk register”');
    expect(await again.getByLabel('Reference', { exact: true }).inputValue()).toBe('sourceReference');
    expect(await again.getByLabel('Next review', { exact: true }).inputValue()).toBe('nextReviewOn');
    const againPreview = again.getByTestId('risk-import-preview');
    expect(await againPreview.locator('tbody tr').count()).toBe(4);
    expect(await againPreview.locator('tbody tr').first().innerText()).toMatch(
      /^2\s+R-005\s+If data-use approval is delayed.*\s+Technical\s+3 Possible\s+5 Severe\s+Critical/,
    );
    await again.getByRole('button', { name: 'Import nothing' }).click();
    await again.waitFor({ state: 'detached' });
    expect(await page.getByTestId('risk-count').innerText()).toBe('4 of 4 risks');

    expect(foreignRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('explains every row it cannot import and imports nothing when the user says so', async () => {
    const { page, pageErrors } = await openApp();
    await openRiskRegister(page);
    const dialog = await chooseImportFile(page, fixture('raid-log-template.csv'));

    const problems = await dialog.getByTestId('risk-import-problems').innerText();
    expect(problems).toMatch(/2\s+E \(likelihood\)\s+High\/Med\/Low\s+expected a level from 1 to 5/);
    expect(await dialog.getByTestId('risk-import-skipped').innerText()).toContain('row 3: Assumption, row 4: Issue, row 5: Dependency');
    expect(await dialog.getByRole('button', { name: 'No rows to import' }).isDisabled()).toBe(true);
    await dialog.getByTestId('risk-import-problems').scrollIntoViewIfNeeded();
    await page.screenshot({ path: '.tmp/screenshots/risk-import-problems.png', fullPage: true });

    await dialog.getByRole('button', { name: 'Import nothing' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await page.getByTestId('risks-section').innerText()).toContain('No risks recorded for this engagement yet.');
    expect(pageErrors).toEqual([]);
  });
});

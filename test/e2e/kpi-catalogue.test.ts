import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { reviewTurns } from '@shared/kpi/catalogue';
import { addDays } from '@shared/time/overlap';
import { useBrowser } from './browser';
import { createEngagement, openSection } from './engagement-steps';

const { openApp } = useBrowser();

/** The browser runs on this machine, so its local date is ours. */
function localToday(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

async function addTechLead(page: Page, name: string): Promise<void> {
  await page.getByTestId('people-panel').getByRole('button', { name: 'Add person' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add person' });
  await dialog.locator('[name="name"]').fill(name);
  await dialog.locator('[name="organisation"]').selectOption('partner');
  await dialog.getByRole('button', { name: 'Add role' }).click();
  await dialog.locator('[name="roles.0.role"]').selectOption('tech-lead');
  await dialog.getByRole('button', { name: 'Save person' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.locator(`[data-testid="person-row"][data-person-name="${name}"]`).waitFor();
}

const row = (page: Page, key: string) => page.locator(`[data-testid="kpi-row"][data-kpi-key="${key}"]`);

describe('KPI catalogue', () => {
  it('lists the defaults by category, edits a target, explains invalid rules, adds, retires and removes a user KPI', async () => {
    const today = localToday();
    const startDate = addDays(today, -75);
    const { page, pageErrors } = await openApp();
    await createEngagement(page, { startDate });

    // Two tech leads, whom a new KPI's review rotation suggests.
    await openSection(page, 'Teams and roles');
    await addTechLead(page, 'Tomás Silva');
    await addTechLead(page, 'Lucía Fernández');

    await openSection(page, 'KPIs');
    await page.getByRole('navigation', { name: 'KPI views' }).getByRole('button', { name: 'Catalogue' }).click();
    const catalogue = page.getByTestId('kpi-catalogue');
    await catalogue.getByRole('heading', { name: 'KPI catalogue' }).waitFor();

    // The 13 defaults, grouped by category, each with its target in words.
    const activeRows = catalogue.locator(':scope > section [data-testid="kpi-row"]');
    expect(await activeRows.count()).toBe(13);
    expect(await catalogue.locator(':scope > section > h3').allInnerTexts()).toEqual([
      'Predictability (2)',
      'Quality (5)',
      'Flow (3)',
      'Coordination (1)',
      'Delivery (1)',
      'People (1)',
    ]);
    const commitment = row(page, 'sprint-commitment-rate');
    expect(await commitment.locator('[data-testid="kpi-target"]').innerText()).toBe('≥ 80% (3-sprint mean; amber down to 70%)');
    expect(await commitment.innerText()).toContain('Higher is better');
    expect(await commitment.innerText()).toContain('Story points completed divided by story points committed');
    expect(await commitment.innerText()).toContain('No owner');
    expect(await row(page, 'wip').locator('[data-testid="kpi-target"]').innerText()).toBe('≤ 2 items per engineer (amber to 3)');
    expect(await row(page, 'handoff-delay-rate').locator('[data-testid="kpi-target"]').innerText()).toBe(
      '≤ 10% of cycle time (amber to 15%)',
    );
    // The notices of creating the engagement and its people would cover the list.
    const dismissNotices = async () => {
      const dismiss = page.getByRole('button', { name: 'Dismiss' });
      while ((await dismiss.count()) > 0) await dismiss.first().click();
    };
    await dismissNotices();
    mkdirSync('.tmp/screenshots', { recursive: true });
    await page.screenshot({ path: '.tmp/screenshots/kpi-catalogue.png', fullPage: true });

    // Sprint commitment rate: target 80 -> 85, shown in words as it is typed and in the list once saved.
    await catalogue.getByRole('button', { name: 'Edit Sprint commitment rate' }).click();
    const commitmentDialog = page.getByRole('dialog', { name: 'Edit Sprint commitment rate' });
    const target = commitmentDialog.locator('[name="target"]');
    expect(await target.inputValue()).toBe('80');
    expect(await commitmentDialog.locator('[name="key"]').getAttribute('readonly')).not.toBeNull();
    await target.fill('85');
    expect(await commitmentDialog.getByTestId('rule-preview').innerText()).toBe(
      'Target in words: ≥ 85% (3-sprint mean; amber down to 75%)',
    );
    await commitmentDialog.getByRole('button', { name: 'Save changes' }).click();
    await commitmentDialog.waitFor({ state: 'detached' });
    await expect.poll(() => commitment.locator('[data-testid="kpi-target"]').innerText()).toBe('≥ 85% (3-sprint mean; amber down to 75%)');

    // An amber limit below the green one is refused, at the field.
    await catalogue.getByRole('button', { name: 'Edit Work in progress' }).click();
    const wipDialog = page.getByRole('dialog', { name: 'Edit Work in progress' });
    await wipDialog.locator('[name="engineerAmberMax"]').fill('1');
    await wipDialog.getByRole('button', { name: 'Save changes' }).click();
    const errors = page.locator('#kpi-form-errors');
    await expect.poll(() => errors.innerText()).toContain('Amber up to: the amber limit cannot be below the green limit');
    expect(await wipDialog.locator('[name="engineerAmberMax"]').getAttribute('aria-invalid')).toBe('true');
    expect(await wipDialog.locator('#kpi-field-engineerAmberMax-error').innerText()).toBe(
      'the amber limit cannot be below the green limit',
    );
    expect(await wipDialog.getByTestId('rule-preview').innerText()).toBe("Complete the target's fields to see it in words.");
    await page.screenshot({ path: '.tmp/screenshots/kpi-catalogue-form-errors.png' });
    await wipDialog.getByRole('button', { name: 'Cancel' }).click();
    await wipDialog.waitFor({ state: 'detached' });
    expect(await row(page, 'wip').locator('[data-testid="kpi-target"]').innerText()).toBe('≤ 2 items per engineer (amber to 3)');

    // A trend over 3 sprints, and one starting at sprint 0, are refused with sentences.
    await catalogue.getByRole('button', { name: 'Edit Defect density' }).click();
    const defectDialog = page.getByRole('dialog', { name: 'Edit Defect density' });
    await defectDialog.locator('[name="lastSprints"]').fill('3');
    await defectDialog.locator('[name="fromSprint"]').fill('0');
    await defectDialog.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => errors.innerText()).toContain('Sprints in the trend: a trend needs at least 4 sprints');
    expect(await errors.innerText()).toContain('Applies from sprint: must be sprint 1 or later; leave it empty to judge the whole history');
    expect(await defectDialog.locator('#kpi-field-lastSprints-error').innerText()).toBe('a trend needs at least 4 sprints');
    await page.screenshot({ path: '.tmp/screenshots/kpi-catalogue-trend-errors.png' });
    await defectDialog.getByRole('button', { name: 'Cancel' }).click();
    await defectDialog.waitFor({ state: 'detached' });

    // A user KPI: its key comes from the name and must be unique; the tech leads are its suggested rotation.
    await catalogue.getByRole('button', { name: 'Add KPI' }).click();
    const addDialog = page.getByRole('dialog', { name: 'Add KPI' });
    await addDialog.locator('[name="name"]').fill('Cycle time');
    expect(await addDialog.locator('[name="key"]').inputValue()).toBe('cycle-time');
    expect(await addDialog.getByTestId('rotation-list').locator('li > span:first-child').allInnerTexts()).toEqual([
      'Lucía Fernández',
      'Tomás Silva',
    ]);
    await addDialog.locator('[name="target"]').fill('90');
    await addDialog.locator('[name="amberMargin"]').fill('5');
    await addDialog.getByRole('button', { name: 'Save KPI' }).click();
    await expect.poll(() => errors.innerText()).toContain('Key: “cycle-time” is already the key of Cycle time; choose another');
    await addDialog.locator('[name="name"]').fill('Review turnaround');
    expect(await addDialog.locator('[name="key"]').inputValue()).toBe('review-turnaround');
    await addDialog.locator('[name="formula"]').fill('Pull requests reviewed within one working day, as a percentage.');
    await addDialog.locator('[name="ownerId"]').selectOption({ label: 'Lucía Fernández' });
    expect(await addDialog.getByTestId('rule-preview').innerText()).toBe('Target in words: ≥ 90% (3-sprint mean; amber down to 85%)');
    await addDialog.getByTestId('rotation-preview').scrollIntoViewIfNeeded();
    expect(await addDialog.getByTestId('rotation-preview').innerText()).toMatch(
      /^(Lucía Fernández|Tomás Silva) reviews in \w+ \d{4}; (Lucía Fernández|Tomás Silva) is next, in \w+ \d{4}\. Turns change each calendar month\.$/,
    );
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: '.tmp/screenshots/kpi-catalogue-add-dark.png' });
    await page.emulateMedia({ colorScheme: 'light' });
    await addDialog.getByRole('button', { name: 'Save KPI' }).click();
    await addDialog.waitFor({ state: 'detached' });

    const added = row(page, 'review-turnaround');
    await added.waitFor();
    expect(await activeRows.count()).toBe(14);
    const addedText = await added.innerText();
    expect(addedText).toContain('Review turnaround');
    expect(addedText).toContain('Added');
    expect(addedText).toContain('Lucía Fernández');
    expect(await added.locator('[data-testid="kpi-target"]').innerText()).toBe('≥ 90% (3-sprint mean; amber down to 85%)');
    // Turns change with the calendar month since the engagement's start (about two and a half months ago).
    const turns = reviewTurns(['lucia', 'tomas'], startDate, today)!;
    const reviewerName = (id: string) => (id === 'lucia' ? 'Lucía Fernández' : 'Tomás Silva');
    expect(await added.locator('[data-testid="kpi-review"]').innerText()).toBe(
      `${reviewerName(turns.current.personId)} in ${turns.current.month}\nNext: ${reviewerName(turns.next.personId)}, ${turns.next.month}`,
    );
    expect(await catalogue.locator('section', { has: added }).locator('h3').innerText()).toBe('Delivery (2)');

    // Retiring moves it under "Retired KPIs"; with nothing recorded for it, it may then be removed outright.
    await catalogue.getByRole('button', { name: 'Retire Review turnaround' }).click();
    const retireDialog = page.getByRole('dialog', { name: 'Retire Review turnaround?' });
    await retireDialog.getByRole('button', { name: 'Retire KPI' }).click();
    await retireDialog.waitFor({ state: 'detached' });
    const retired = catalogue.getByTestId('retired-kpis');
    await retired.waitFor();
    expect(await activeRows.count()).toBe(13);
    await dismissNotices();
    await retired.getByText('Retired KPIs (1)').click();
    await retired.getByRole('button', { name: 'Reinstate Review turnaround' }).waitFor();
    await page.screenshot({ path: '.tmp/screenshots/kpi-catalogue-retired.png', fullPage: true });
    await retired.getByRole('button', { name: 'Remove Review turnaround' }).click();
    const removeDialog = page.getByRole('dialog', { name: 'Remove Review turnaround?' });
    await removeDialog.getByRole('button', { name: 'Remove KPI' }).click();
    await removeDialog.waitFor({ state: 'detached' });
    await retired.waitFor({ state: 'detached' });
    expect(await catalogue.locator('[data-testid="kpi-row"]').count()).toBe(13);

    expect(pageErrors).toEqual([]);
  });
});

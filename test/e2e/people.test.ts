import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser, waitForPortfolio } from './browser';
import { fillEngagementForm, openSection } from './engagement-steps';

const { openApp } = useBrowser();

const gapTexts = (page: Page) => page.getByTestId('coverage-gap').allInnerTexts();
const personNames = (page: Page) => page.locator('[data-testid="person-row"] td:first-child').allInnerTexts();
const matrixCell = (page: Page, team: string, role: string) =>
  page.locator(`[data-testid="coverage-row"][data-team="${team}"] td[data-role="${role}"]`);

describe('teams and roles on the engagement page', () => {
  it('adds people with roles, closes a coverage gap, validates the form and removes people with their references shown', async () => {
    const { page, context, pageErrors } = await openApp();
    await page.getByRole('button', { name: 'Create an engagement' }).click();
    await fillEngagementForm(page);
    await page.getByRole('button', { name: 'Create engagement' }).click();
    await page.getByRole('heading', { name: 'Atlas payments platform' }).waitFor();
    await openSection(page, 'Teams and roles');

    // A new engagement: one team of 6, nobody in any role.
    const people = page.getByTestId('people-panel');
    await people.getByRole('heading', { name: 'People' }).waitFor();
    expect(await page.getByTestId('people-empty').innerText()).toContain('No people recorded yet');
    const gaps = await gapTexts(page);
    expect(gaps.map((text) => text.split('\t')[0]!.replace(/^⚠\s*/, ''))).toEqual([
      'Ledger squad (6 engineers) has no tech lead',
      'Ledger squad (6 engineers) has no QA lead',
      'Ledger squad (6 engineers) has no scrum master',
      '1 team and no delivery manager',
    ]);
    const qaGap = page.locator('[data-testid="coverage-gap"][data-rule="qa-lead-per-team"]');
    expect(await qaGap.innerText()).toContain('QA lead rule: teams of 5 or more engineers, 1 per team');
    expect(await matrixCell(page, 'Ledger squad', 'qa-lead').innerText()).toBe('⚠ Gap');
    expect(await matrixCell(page, 'Ledger squad', 'principal-engineer').innerText()).toBe('Not required');

    // The rules are there to read, folded away.
    const rules = page.getByTestId('coverage-rules');
    expect(await rules.getAttribute('open')).toBeNull();
    await rules.getByText('Rules applied (5)').click();
    expect(await rules.locator('tbody tr').count()).toBe(5);
    expect(await rules.locator('tbody tr', { hasText: 'Principal / staff engineer' }).innerText()).toContain(
      'Engagements of 3 or more teams',
    );

    // Add a partner QA lead: the form refuses a bad e-mail, an unknown time zone and a role given twice.
    await people.getByRole('button', { name: 'Add person' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add person' });
    await dialog.waitFor();
    await dialog.locator('[name="name"]').fill('Camila Restrepo');
    await dialog.locator('[name="organisation"]').selectOption('partner');
    await dialog.locator('[name="title"]').fill('QA lead');
    await dialog.locator('[name="email"]').fill('camila at southwind');
    await dialog.locator('[name="timeZone"]').fill('Mars/Olympus');
    await dialog.getByRole('button', { name: 'Add role' }).click();
    await dialog.locator('[name="roles.0.role"]').selectOption('qa-lead');
    await dialog
      .getByRole('group', { name: /Teams for role 1/ })
      .getByLabel('Ledger squad')
      .check();
    await dialog.getByRole('button', { name: 'Add role' }).click();
    await dialog.locator('[name="roles.1.role"]').selectOption('qa-lead');
    await dialog.getByRole('button', { name: 'Save person' }).click();

    const errors = page.locator('#person-form-errors');
    await errors.waitFor();
    const errorText = await errors.innerText();
    expect(errorText).toContain('3 things to fix');
    expect(errorText).toContain('Time zone: “Mars/Olympus” is not a time zone');
    expect(errorText).toContain('E-mail: must be an e-mail address');
    expect(errorText).toContain('Role 2: QA lead is already role 1 of this person');
    expect(await dialog.locator('[name="email"]').getAttribute('aria-invalid')).toBe('true');
    expect(await dialog.locator('[name="timeZone"]').getAttribute('aria-invalid')).toBe('true');
    expect(await dialog.locator('#person-field-email-error').innerText()).toBe('must be an e-mail address');
    expect(await dialog.locator('#person-field-timeZone-error').innerText()).toContain('is not a time zone');
    // Nothing was saved while the form is wrong.
    expect(await page.getByTestId('person-row').count()).toBe(0);

    await dialog.getByRole('button', { name: 'Remove role 2' }).click();
    await dialog.locator('[name="email"]').fill('camila.restrepo@southwind.example');
    await dialog.locator('[name="timeZone"]').fill('America/Montevideo');
    await dialog.getByRole('button', { name: 'Save person' }).click();
    await dialog.waitFor({ state: 'detached' });

    const camila = page.locator('[data-testid="person-row"][data-person-name="Camila Restrepo"]');
    await camila.waitFor();
    const camilaRow = await camila.innerText();
    expect(camilaRow).toContain('Partner');
    expect(camilaRow).toContain('Southwind Engineering');
    expect(camilaRow).toContain('camila.restrepo@southwind.example');
    expect(camilaRow).toContain('America/Montevideo');
    expect(camilaRow).toContain('QA lead: Ledger squad');
    // The QA gap is closed and the matrix names who covers it.
    await qaGap.waitFor({ state: 'detached' });
    expect((await gapTexts(page)).join('\n')).not.toContain('QA lead');
    expect(await matrixCell(page, 'Ledger squad', 'qa-lead').innerText()).toBe('Camila Restrepo');
    expect(await matrixCell(page, 'Ledger squad', 'qa-lead').getAttribute('data-gap')).toBeNull();

    // A client person without a time zone of their own, and without a role; then the organisation filter.
    await people.getByRole('button', { name: 'Add person' }).click();
    await dialog.waitFor();
    await dialog.locator('[name="name"]').fill('Tom Brennan');
    await dialog.locator('[name="organisation"]').selectOption('client');
    await dialog.locator('[name="title"]').fill('Head of engineering');
    await dialog.getByRole('button', { name: 'Save person' }).click();
    await dialog.waitFor({ state: 'detached' });
    const tom = page.locator('[data-testid="person-row"][data-person-name="Tom Brennan"]');
    await tom.waitFor();
    expect(await tom.innerText()).toContain("Organisation's time zone");
    expect(await tom.innerText()).toContain('No role');
    expect(await personNames(page)).toEqual(['Camila Restrepo', 'Tom Brennan']);
    const filter = people.getByLabel('Show');
    await filter.selectOption('client');
    expect(await personNames(page)).toEqual(['Tom Brennan']);
    await filter.selectOption('partner');
    expect(await personNames(page)).toEqual(['Camila Restrepo']);
    await filter.selectOption('all');

    // Tom is named nowhere: removing him changes nothing else.
    await people.getByRole('button', { name: 'Remove Tom Brennan' }).click();
    const confirmTom = page.getByRole('dialog', { name: 'Remove Tom Brennan?' });
    expect(await confirmTom.getByTestId('removal-references').innerText()).toContain('holds no role and is named nowhere else');
    await confirmTom.getByRole('button', { name: 'Remove person' }).click();
    await confirmTom.waitFor({ state: 'detached' });
    await tom.waitFor({ state: 'detached' });
    expect(await personNames(page)).toEqual(['Camila Restrepo']);

    // Camila facilitates the daily sync: the removal dialog says so, and what becomes of it.
    await openSection(page, 'Rituals');
    await page.getByRole('button', { name: 'Edit Daily sync' }).click();
    const ritualDialog = page.getByRole('dialog', { name: 'Edit Daily sync' });
    await ritualDialog.locator('[name="facilitator"]').selectOption({ label: 'Camila Restrepo, QA lead' });
    await ritualDialog.getByRole('button', { name: 'Save changes' }).click();
    await ritualDialog.waitFor({ state: 'detached' });
    await openSection(page, 'Teams and roles');
    await people.getByRole('button', { name: 'Remove Camila Restrepo' }).click();
    const confirmCamila = page.getByRole('dialog', { name: 'Remove Camila Restrepo?' });
    const references = await confirmCamila.getByTestId('removal-references').innerText();
    expect(references).toContain('named in 2 places');
    expect(references).toMatch(/Role assignments\s+QA lead \(deleted\)/);
    expect(references).toMatch(/Rituals\s+Daily sync: facilitator \(left empty\)/);
    await confirmCamila.getByRole('button', { name: 'Cancel' }).click();
    await confirmCamila.waitFor({ state: 'detached' });
    expect(await personNames(page)).toEqual(['Camila Restrepo']);

    await page.screenshot({ path: '.tmp/screenshots/teams-and-roles.png', fullPage: true });

    // While the removal dialog is open, another window names Camila as a communication's owner:
    // confirming the old list is refused and the dialog shows the new one to confirm again.
    await people.getByRole('button', { name: 'Remove Camila Restrepo' }).click();
    await confirmCamila.waitFor();
    const otherWindow = await context.newPage();
    await otherWindow.goto(page.url());
    await openSection(otherWindow, 'Communication');
    await otherWindow.getByRole('button', { name: 'Edit Sprint status update' }).click();
    const communicationDialog = otherWindow.getByRole('dialog', { name: 'Edit Sprint status update' });
    await communicationDialog.getByLabel('Named owner').selectOption({ label: 'Camila Restrepo, QA lead' });
    await communicationDialog.getByRole('button', { name: 'Save changes' }).click();
    await communicationDialog.waitFor({ state: 'detached' });
    await confirmCamila.getByRole('button', { name: 'Remove person' }).click();
    const planChanged = confirmCamila.getByTestId('removal-plan-changed');
    await expect(planChanged.innerText()).resolves.toBe(
      'Nothing was removed: Camila Restrepo is now also named in Sprint status update (owner); review the list again.',
    );
    const newList = await confirmCamila.getByTestId('removal-references').innerText();
    expect(newList).toContain('named in 3 places');
    expect(newList).toMatch(/Communication plan entries\s+Sprint status update: owner \(left empty\)/);
    expect(await personNames(page)).toEqual(['Camila Restrepo']);
    await page.screenshot({ path: '.tmp/screenshots/teams-and-roles-remove-changed.png' });
    await confirmCamila.getByRole('button', { name: 'Remove person' }).click();
    await confirmCamila.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('person-row').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });

  it('shows the demo engagement’s people, gaps and coverage matrix', async () => {
    const { page, pageErrors } = await openApp();
    await page.getByRole('button', { name: 'Load demo workspace' }).click();
    await waitForPortfolio(page);
    await page.getByRole('link', { name: 'Harborline payments platform' }).click();
    await openSection(page, 'Teams and roles');
    await page.getByTestId('people-table').waitFor();

    expect(await page.getByTestId('person-row').count()).toBe(12);
    const gaps = (await gapTexts(page)).join('\n');
    expect(gaps).toContain('Onboarding and KYC (6 engineers) has no QA lead');
    expect(gaps).toContain('3 teams and no principal / staff engineer');
    expect(await page.getByTestId('coverage-row').count()).toBe(3);
    expect(await matrixCell(page, 'Onboarding and KYC', 'qa-lead').innerText()).toBe('⚠ Gap');
    // The client's delivery manager holds the role engagement-wide, so every team shows them.
    const clientManager = await page
      .locator('[data-testid="person-row"]', { hasText: 'Delivery manager: whole engagement' })
      .locator('td:first-child')
      .innerText();
    for (const team of ['Payments Core', 'Onboarding and KYC', 'Mobile Wallet']) {
      expect(await matrixCell(page, team, 'delivery-manager').innerText()).toContain(clientManager);
    }
    await page.getByTestId('coverage-rules').getByText('Rules applied (5)').click();
    await page.screenshot({ path: '.tmp/screenshots/teams-and-roles-demo.png', fullPage: true });

    // A busy person: the dialog groups the many places they are named.
    await page.getByRole('button', { name: 'Remove Valentina Ruiz' }).click();
    const confirm = page.getByRole('dialog', { name: 'Remove Valentina Ruiz?' });
    const listed = await confirm.getByTestId('removal-references').innerText();
    expect(listed).toMatch(/Meeting occurrences: \d+ \(attendee, taken off the list\)/);
    expect(listed).toContain('KPI definitions: 13 (owner, left empty)');
    await page.screenshot({ path: '.tmp/screenshots/teams-and-roles-remove.png' });
    await confirm.getByRole('button', { name: 'Remove person' }).click();
    await confirm.waitFor({ state: 'detached' });
    await page.locator('[data-testid="person-row"][data-person-name="Valentina Ruiz"]').waitFor({ state: 'detached' });
    expect(await page.getByTestId('person-row').count()).toBe(11);
    expect(pageErrors).toEqual([]);
  });
});

import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addDays } from '@shared/time/overlap';
import { toDayNumber } from '@shared/time/calendar-dates';
import { useBrowser } from './browser';
import { fillEngagementForm, openSection } from './engagement-steps';

const { openApp } = useBrowser();

const START_DATE = '2026-06-01';
const defaultCommunications = [
  'Sprint status update',
  'Architectural decisions',
  'Blocker escalation',
  'Stakeholder progress report',
  'Cross-team dependency updates',
  'Retrospective action items',
];

/** The page's own local date, which is what "today" means to the app under the injected clock. */
const pageToday = (page: Page) =>
  page.evaluate(() => {
    const now = new Date();
    return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  });

async function screenshot(page: Page, name: string) {
  // Notices would cover part of the section.
  const dismiss = page.getByRole('button', { name: 'Dismiss notice' });
  while ((await dismiss.count()) > 0) await dismiss.first().click();
  // The sticky header would be drawn where the page was scrolled to.
  await page.evaluate(() => window.scrollTo(0, 0));
  mkdirSync('.tmp/screenshots', { recursive: true });
  await page.screenshot({ path: `.tmp/screenshots/${name}.png`, fullPage: true });
}

describe('minimum standards and communication ownership', () => {
  it('judges a standard, refuses bad dates, marks communications done, flags late ones, and feeds the health panel', async () => {
    // Monday 23 November 2026, 14:00 UTC.
    const { page, context, pageErrors } = await openApp({ clockTime: new Date('2026-11-23T14:00:00Z') });
    const today = await pageToday(page);
    await page.getByRole('button', { name: 'Create an engagement' }).click();
    await fillEngagementForm(page, { startDate: START_DATE });
    await page.getByRole('button', { name: 'Create engagement' }).click();
    await page.getByRole('heading', { name: 'Atlas payments platform' }).waitFor();

    // Standards: the five areas with their default standard each, none judged, all flagged.
    await openSection(page, 'Standards');
    const standards = page.getByTestId('standards-panel');
    await standards.getByRole('heading', { name: 'Minimum standards' }).waitFor();
    expect(await standards.locator('[data-testid="standards-area"] h3').allInnerTexts()).toEqual([
      'Technical leadership',
      'Security',
      'Delivery',
      'Legal',
      'Escalation',
    ]);
    const rows = standards.getByTestId('standard');
    expect(await rows.count()).toBe(5);
    expect(await standards.getByTestId('standard-status').allInnerTexts()).toEqual(Array(5).fill('Not assessed'));
    expect(await standards.getByTestId('stale-flag').allInnerTexts()).toEqual(Array(5).fill('⚠ Never reviewed'));
    const summary = standards.getByTestId('standards-summary');
    expect(await summary.innerText()).toMatch(/No data\s*0 met · 0 partly met · 0 not met · 5 not assessed\s*5 standards due for review/);

    // Judge the security standard: partly met, with evidence and nobody named as owner.
    const security = standards.getByRole('region', { name: 'Security', exact: true });
    await security.getByRole('button', { name: /^Assess standard:/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Review the security standard' });
    await dialog.waitFor();
    const reviewed = dialog.locator('[name="lastReviewedOn"]');
    expect(await reviewed.inputValue()).toBe('');
    await dialog.locator('[name="status"]').selectOption('partly-met');
    expect(await reviewed.inputValue()).toBe(today);
    await dialog
      .locator('[name="evidence"]')
      .fill(
        'MFA is enforced for every account. Device policy: https://policies.example.com/devices. Offboarding checklist still in draft.',
      );
    expect(await dialog.locator('[name="ownerId"]').inputValue()).toBe('');

    // A review dated tomorrow, or before the engagement began, is refused on the field.
    const tomorrow = addDays(today, 1);
    await reviewed.fill(tomorrow);
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    const errors = page.locator('#standard-form-errors');
    await expect(errors.innerText()).resolves.toContain(
      `Last reviewed: ${tomorrow} is in the future; record a review once it has happened`,
    );
    expect(await reviewed.getAttribute('aria-invalid')).toBe('true');
    await reviewed.fill('2026-05-31');
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => errors.innerText()).toContain(`Last reviewed: 2026-05-31 is before the engagement started on ${START_DATE}`);
    expect(await security.getByTestId('standard-status').innerText()).toBe('Not assessed');

    await reviewed.fill(today);
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => security.getByTestId('standard-status').innerText()).toBe('Partly met');
    const securityRow = security.getByTestId('standard');
    expect(await securityRow.getAttribute('data-status')).toBe('partly-met');
    expect(await securityRow.getByTestId('stale-flag').count()).toBe(0);
    expect(await securityRow.getByTestId('standard-reviewed').innerText()).toContain('(today)');
    expect(await securityRow.getByTestId('standard-owner').innerText()).toBe('Nobody named');
    const link = securityRow.getByTestId('standard-evidence').getByRole('link');
    expect(await link.innerText()).toBe('https://policies.example.com/devices');
    expect(await link.getAttribute('href')).toBe('https://policies.example.com/devices');
    expect(await securityRow.getByTestId('standard-evidence').innerText()).toContain('Offboarding checklist still in draft.');
    expect(await summary.innerText()).toMatch(
      /Needs attention\s*0 met · 1 partly met · 0 not met · 4 not assessed\s*4 standards due for review/,
    );
    expect(await standards.getByTestId('stale-flag').count()).toBe(4);

    // Legal was judged met in July: more than 90 days ago, so it is flagged until marked reviewed today.
    const legal = standards.getByRole('region', { name: 'Legal', exact: true });
    await legal.getByRole('button', { name: /^Assess standard:/ }).click();
    const legalDialog = page.getByRole('dialog', { name: 'Review the legal standard' });
    await legalDialog.locator('[name="status"]').selectOption('met');
    await legalDialog.locator('[name="lastReviewedOn"]').fill('2026-07-01');
    await legalDialog
      .locator('[name="evidence"]')
      .fill('Master services agreement signed 2026-05-20; subcontracting needs written consent.');
    await legalDialog.getByRole('button', { name: 'Save changes' }).click();
    await legalDialog.waitFor({ state: 'detached' });
    const daysSinceJuly = toDayNumber(today) - toDayNumber('2026-07-01');
    await expect.poll(() => legal.getByTestId('stale-flag').innerText()).toBe(`⚠ Not reviewed for ${daysSinceJuly} days`);
    expect(await legal.getByTestId('standard-status').innerText()).toBe('Met');
    await screenshot(page, 'standards');

    await legal.getByRole('button', { name: /^Mark reviewed today/ }).click();
    await expect.poll(() => legal.getByTestId('stale-flag').count()).toBe(0);
    expect(await legal.getByTestId('standard-reviewed').innerText()).toContain('(today)');
    expect(await legal.getByRole('button', { name: /^Mark reviewed today/ }).count()).toBe(0);
    expect(await summary.innerText()).toMatch(/1 met · 1 partly met · 0 not met · 3 not assessed\s*3 standards due for review/);

    // Communication: the default matrix, every entry with a maximum interval never done, so late.
    await openSection(page, 'Communication');
    const plan = page.getByTestId('communication-plan');
    await plan.waitFor();
    expect(await plan.locator('tbody th[scope="row"]').allInnerTexts()).toEqual(defaultCommunications);
    const row = (name: string) => plan.getByTestId('communication').filter({ has: page.getByRole('rowheader', { name, exact: true }) });
    expect(await plan.locator('tr[data-late="true"] th').allInnerTexts()).toEqual([
      'Sprint status update',
      'Blocker escalation',
      'Stakeholder progress report',
      'Retrospective action items',
    ]);
    expect(await row('Blocker escalation').innerText()).toMatch(
      /Escalation channel\s+Engineer\s+Within 2 hours of finding the blocker\s+2 h\s+Never\s+⚠ Never done/,
    );
    expect(await row('Architectural decisions').getByTestId('communication-state').innerText()).toBe('No fixed interval');

    await row('Blocker escalation').getByRole('button', { name: 'Done now Blocker escalation' }).click();
    await expect.poll(() => row('Blocker escalation').getByTestId('communication-state').innerText()).toMatch(/^On time/);
    expect(await row('Blocker escalation').getByTestId('last-done').innerText()).not.toBe('Never');
    await row('Sprint status update').getByRole('button', { name: 'Done now Sprint status update' }).click();
    await expect.poll(() => row('Sprint status update').getAttribute('data-late')).toBeNull();

    // Four hours later the two-hour blocker escalation is two hours late; the daily update is still on time.
    await page.clock.fastForward('04:00:00');
    await expect.poll(() => row('Blocker escalation').getAttribute('data-late'), { timeout: 10_000 }).toBe('true');
    expect(await row('Blocker escalation').getByTestId('communication-state').innerText()).toBe('⚠ Late by 2 h');
    expect(await row('Sprint status update').getByTestId('communication-state').innerText()).toMatch(/^On time\s+next by /);
    expect(await page.getByTestId('late-count').innerText()).toBe('3 communications late');

    // Editing an entry with a blank channel is refused and saves nothing.
    await row('Stakeholder progress report').getByRole('button', { name: 'Edit Stakeholder progress report' }).click();
    const editDialog = page.getByRole('dialog', { name: 'Edit Stakeholder progress report' });
    await editDialog.waitFor();
    expect(await editDialog.locator('[name="maxInterval"]').inputValue()).toBe('7');
    expect(await editDialog.locator('[name="maxIntervalUnit"]').inputValue()).toBe('days');
    await editDialog.locator('[name="channel"]').fill('   ');
    await editDialog.locator('[name="cadence"]').fill('Every Friday');
    await editDialog.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.locator('#communication-form-errors').innerText()).resolves.toContain('Channel: is required');
    expect(await editDialog.locator('[name="channel"]').getAttribute('aria-invalid')).toBe('true');
    await editDialog.getByRole('button', { name: 'Cancel' }).click();
    await editDialog.waitFor({ state: 'detached' });
    expect(await row('Stakeholder progress report').innerText()).toMatch(/E-mail or dashboard\s+Delivery manager\s+Weekly\s+7 days/);
    await screenshot(page, 'communication');

    // An owner role and a named owner together: both are kept through later edits.
    await openSection(page, 'Teams and roles');
    await page.getByTestId('people-panel').getByRole('button', { name: 'Add person' }).click();
    const personDialog = page.getByRole('dialog', { name: 'Add person' });
    await personDialog.locator('[name="name"]').fill('Priya Nair');
    await personDialog.locator('[name="organisation"]').selectOption('client');
    await personDialog.locator('[name="title"]').fill('Programme manager');
    await personDialog.getByRole('button', { name: 'Save person' }).click();
    await personDialog.waitFor({ state: 'detached' });
    await openSection(page, 'Communication');
    await row('Stakeholder progress report').getByRole('button', { name: 'Edit Stakeholder progress report' }).click();
    await editDialog.waitFor();
    expect(await editDialog.locator('[name="ownerRole"]').inputValue()).toBe('delivery-manager');
    expect(await editDialog.locator('[name="ownerId"]').inputValue()).toBe('');
    await editDialog.getByLabel('Named owner').selectOption({ label: 'Priya Nair, Programme manager' });
    await page.screenshot({ path: '.tmp/screenshots/communication-owners.png' });
    await editDialog.getByRole('button', { name: 'Save changes' }).click();
    await editDialog.waitFor({ state: 'detached' });
    await expect
      .poll(() => row('Stakeholder progress report').innerText())
      .toMatch(/E-mail or dashboard\s+Priya Nair \(Delivery manager\)/);
    await row('Stakeholder progress report').getByRole('button', { name: 'Edit Stakeholder progress report' }).click();
    await editDialog.locator('[name="channel"]').fill('Client dashboard');
    await editDialog.getByRole('button', { name: 'Save changes' }).click();
    await editDialog.waitFor({ state: 'detached' });
    await expect.poll(() => row('Stakeholder progress report').innerText()).toMatch(/Client dashboard\s+Priya Nair \(Delivery manager\)/);

    // The overview's health panel reflects both sections.
    await openSection(page, 'Overview');
    const health = page.getByTestId('governance-health');
    await health.waitFor();
    const figures = health.locator('[aria-label="Governance health at a glance"]');
    await expect.poll(() => figures.innerText()).toMatch(/Standards met\s*1 of 5\s*3 not reviewed in 90 days/);
    expect(await figures.innerText()).toMatch(/Communications late\s*3/);
    const standardList = await health.locator('.standard-list li').allInnerTexts();
    expect(standardList).toContain('Security: Partly met');
    expect(standardList).toContain('Legal: Met');
    expect(standardList.filter((line) => line.includes('never reviewed'))).toHaveLength(3);
    // The heading sits in a row with its link; the list is in the block around that row.
    const lateList = await health.getByRole('heading', { name: 'Late communications' }).locator('xpath=../..').innerText();
    expect(lateList).toContain('Blocker escalation');
    expect(lateList).toContain('Stakeholder progress report');
    expect(lateList).toContain('Retrospective action items');
    expect(lateList).not.toContain('Sprint status update');

    // A removal confirmed in a dialog opened before another window changed the entry is refused.
    await openSection(page, 'Communication');
    await row('Retrospective action items').getByRole('button', { name: 'Remove Retrospective action items' }).click();
    const removeDialog = page.getByRole('dialog', { name: 'Remove Retrospective action items?' });
    await removeDialog.waitFor();
    const otherWindow = await context.newPage();
    await otherWindow.goto(page.url());
    await otherWindow.getByTestId('communication-plan').getByRole('button', { name: 'Done now Retrospective action items' }).click();
    await otherWindow.getByText('Recorded Retrospective action items as done just now.').waitFor();
    await removeDialog.getByRole('button', { name: 'Remove communication' }).click();
    await removeDialog.waitFor({ state: 'detached' });
    await expect
      .poll(() => page.locator('.notice').allInnerTexts())
      .toContainEqual(expect.stringContaining('Retrospective action items was not removed: it was changed in another window'));
    expect(await row('Retrospective action items').count()).toBe(1);
    await page.screenshot({ path: '.tmp/screenshots/communication-stale-removal.png' });
    expect(pageErrors).toEqual([]);
  });
});

/**
 * The lead's monthly checkpoint from the demo workspace: a standing agenda item added to the
 * template, a checkpoint planned with sensible defaults, notes written against its agenda,
 * a decision and an action captured in the meeting, both found in the register and the log
 * under their references, and all of it still there after a reload.
 */
import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addDays } from '@shared/time/overlap';
import { openSection } from './engagement-steps';
import { useBrowser, waitForPortfolio } from './browser';

const { openApp } = useBrowser();

/** The browser runs on this machine, so its local date is ours. */
function localToday(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

const ENGAGEMENT = 'Harborline payments platform';
const shot = (page: Page, name: string) => page.screenshot({ path: `.tmp/screenshots/checkpoint-${name}.png`, fullPage: true });

describe('a checkpoint from planning to the registers', () => {
  it('plans a checkpoint, writes notes, captures a decision and an action, and keeps them after a reload', async () => {
    mkdirSync('.tmp/screenshots', { recursive: true });
    const today = localToday();
    const { page, pageErrors, foreignRequests } = await openApp();
    await page.getByRole('button', { name: 'Load demo workspace' }).click();
    await waitForPortfolio(page);

    // A standing item added to the workspace template reaches the next checkpoint's agenda.
    await page.getByRole('link', { name: 'Engagement template' }).click();
    const templateAgenda = page.getByTestId('agenda-template');
    await templateAgenda.waitFor();
    await templateAgenda.getByRole('textbox', { name: 'New agenda item' }).fill('Contract renewal');
    await templateAgenda.getByRole('button', { name: 'Add item' }).click();
    await templateAgenda.getByRole('button', { name: 'Save agenda' }).click();
    await expect.poll(() => templateAgenda.getByRole('button', { name: 'Save agenda' }).isDisabled()).toBe(true);
    expect(await templateAgenda.getByRole('textbox', { name: 'Title of agenda item 7' }).inputValue()).toBe('Contract renewal');

    await page.getByRole('link', { name: 'Governance Cockpit' }).click();
    await waitForPortfolio(page);
    await page.getByRole('link', { name: ENGAGEMENT }).click();
    await page.getByRole('heading', { name: ENGAGEMENT }).waitFor();
    await openSection(page, 'Checkpoints');
    const list = page.getByTestId('checkpoints-list');
    await list.getByTestId('checkpoint-row').first().waitFor();
    const demoCheckpoints = await list.getByTestId('checkpoint-row').count();
    expect(demoCheckpoints).toBeGreaterThan(0);
    // Newest first: the latest demo checkpoint's date decides where the next period starts.
    const latestDate = await list.getByTestId('checkpoint-row').first().locator('time').getAttribute('datetime');
    await shot(page, 'list');

    // Planning: today, the time since the latest checkpoint, the lead, the forum's people.
    await list.getByRole('button', { name: 'New checkpoint' }).click();
    const dialog = page.getByRole('dialog', { name: 'New checkpoint' });
    await dialog.waitFor();
    expect(await dialog.locator('[name="date"]').inputValue()).toBe(today);
    expect(await dialog.locator('[name="periodStart"]').inputValue()).toBe(addDays(latestDate!, 1));
    expect(await dialog.locator('[name="periodEnd"]').inputValue()).toBe(today);
    expect(await dialog.locator('[name="preparedBy"]').inputValue()).not.toBe('');
    expect(await dialog.locator('[name="forumId"] option:checked').innerText()).toMatch(/\(Tactical\)$/);
    const ticked = await dialog.locator('[name="attendeeIds"]:checked').count();
    expect(ticked).toBeGreaterThan(0);

    // A period running past the meeting is refused with the reason, then corrected.
    await dialog.locator('[name="periodEnd"]').fill(addDays(today, 1));
    await dialog.getByRole('button', { name: 'Plan checkpoint' }).click();
    await expect(page.locator('#checkpoint-form-errors').innerText()).resolves.toContain('Period to: cannot end after the checkpoint date');
    await dialog.locator('[name="periodEnd"]').fill(today);
    const title = `Governance checkpoint ${today.slice(0, 7)}`;
    await dialog.getByRole('button', { name: 'Plan checkpoint' }).click();
    await dialog.waitFor({ state: 'detached' });

    const checkpointPage = page.getByTestId('checkpoint-page');
    await checkpointPage.getByRole('heading', { name: title, level: 2 }).waitFor();
    expect(page.url()).toMatch(/#\/engagements\/[0-9a-f-]+\/checkpoints\/[0-9a-f-]+$/);
    expect(await checkpointPage.getByTestId('checkpoint-status').innerText()).toBe('Planned');

    // The agenda: the template's seven items; notes on two of them; the custom item moved up.
    const agenda = page.getByTestId('agenda-editor');
    expect(await agenda.getByTestId('agenda-item').count()).toBe(7);
    await agenda
      .getByRole('textbox', { name: 'Notes on Actions from the last checkpoint' })
      .fill('Two actions closed; the access review slips.');
    await agenda.getByRole('textbox', { name: 'Notes on KPI scorecard' }).fill('Cycle time back under five days; escaped defects flat.');
    await agenda.getByRole('button', { name: 'Move Contract renewal up' }).click();
    await agenda.getByTestId('agenda-unsaved').waitFor();
    await agenda.getByRole('button', { name: 'Save agenda' }).click();
    await agenda.getByTestId('agenda-unsaved').waitFor({ state: 'detached' });
    const agendaTitles = () =>
      agenda
        .locator('[data-testid="agenda-item"] input[name$=".title"]')
        .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
    expect((await agendaTitles()).slice(-2)).toEqual(['Contract renewal', 'Any other business']);

    // A decision and an action captured in the meeting.
    const quickDecision = page.getByTestId('quick-decision');
    await quickDecision.getByRole('textbox', { name: 'Decision title' }).fill('Move releases to a fortnightly train');
    await quickDecision.getByRole('textbox', { name: 'What is decided' }).fill('Release every other Thursday from January.');
    await quickDecision.getByRole('button', { name: 'Record decision' }).click();
    const captured = page.getByTestId('captured-decisions').locator('li', { hasText: 'Move releases to a fortnightly train' });
    await captured.waitFor();
    const decisionRef = /D-\d{3}/.exec(await captured.innerText())![0];

    const quickAction = page.getByTestId('quick-action');
    await quickAction.getByRole('textbox', { name: 'Action title' }).fill('Publish the release calendar');
    await quickAction.locator('[name="ownerId"]').selectOption({ index: 1 });
    const owner = (await quickAction.locator('[name="ownerId"] option:checked').innerText()).split(',')[0]!;
    await quickAction.locator('[name="dueOn"]').fill(addDays(today, 14));
    await quickAction.getByRole('button', { name: 'Add action' }).click();
    const capturedAction = checkpointPage.getByRole('region', { name: /Actions agreed in this meeting/ }).getByTestId('action-row');
    await capturedAction.waitFor();
    const actionRef = (await capturedAction.getAttribute('data-reference'))!;
    expect(actionRef).toMatch(/^A-\d{3}$/);
    expect(await capturedAction.innerText()).toContain(owner);

    await checkpointPage.getByRole('button', { name: 'Mark as held' }).click();
    await expect.poll(() => checkpointPage.getByTestId('checkpoint-status').innerText()).toBe('✓ Held');
    // Earlier actions still open are listed to chase, with how often they were carried over.
    const carried = await page
      .getByTestId('chased-actions')
      .getByTestId('carried-over')
      .evaluateAll((cells) => cells.map((cell) => Number(cell.getAttribute('data-count'))));
    expect(Math.max(...carried)).toBeGreaterThanOrEqual(1);
    // Every carried-over count comes with its words, not a bare number.
    expect(await page.getByTestId('chased-actions').innerText()).toMatch(/Carried over (once|twice|\d+ times)/);
    await shot(page, 'page');

    // The register and the log show them under their references.
    await openSection(page, 'Decisions');
    const decisionRow = page.locator(`[data-testid="decision-row"][data-reference="${decisionRef}"]`);
    await decisionRow.waitFor();
    expect(await decisionRow.innerText()).toContain('Move releases to a fortnightly train');
    expect(await decisionRow.getAttribute('data-status')).toBe('accepted');
    await page.locator('[name="decision-status-filter"]').selectOption('accepted');
    const statuses = () =>
      page.locator('[data-testid="decision-row"]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-status')));
    await expect.poll(async () => new Set(await statuses())).toEqual(new Set(['accepted']));
    expect(await decisionRow.count()).toBe(1);
    await page.locator('[name="decision-status-filter"]').selectOption('');

    // A later decision superseding it marks it superseded, both sides linked.
    await page.getByRole('button', { name: 'Record a decision' }).click();
    const decisionDialog = page.getByRole('dialog', { name: 'Record a decision' });
    await decisionDialog.locator('[name="title"]').fill('Release weekly on Thursdays');
    await decisionDialog
      .locator('[name="supersedesId"]')
      .selectOption({ label: `${decisionRef} Move releases to a fortnightly train (accepted)` });
    await decisionDialog.getByRole('button', { name: 'Record decision' }).click();
    await decisionDialog.waitFor({ state: 'detached' });
    await expect.poll(() => decisionRow.getAttribute('data-status')).toBe('superseded');
    const newerRef = `D-${String(Number(decisionRef.slice(2)) + 1).padStart(3, '0')}`;
    expect(await decisionRow.innerText()).toContain(`Superseded by ${newerRef}`);
    expect(await page.locator(`[data-testid="decision-row"][data-reference="${newerRef}"]`).innerText()).toContain(
      `Supersedes ${decisionRef}`,
    );
    await shot(page, 'decisions');

    await openSection(page, 'Actions');
    const actionRow = page.locator(`[data-testid="action-row"][data-reference="${actionRef}"]`);
    await actionRow.waitFor();
    expect(await actionRow.innerText()).toContain('Publish the release calendar');
    expect(await actionRow.innerText()).toContain(`Checkpoint`);
    // Overdue actions carry the word and a shape, not just a colour.
    await page.locator('[name="action-filter"]').selectOption('overdue');
    const overdueRows = page.getByTestId('action-row');
    const overdueCount = await overdueRows.count();
    expect(await page.getByTestId('overdue-flag').count()).toBe(overdueCount);
    await page.locator('[name="action-filter"]').selectOption('open');
    await shot(page, 'actions');

    // Completing from the log: the action leaves the open list and shows when it was done.
    await actionRow.getByRole('combobox', { name: `Status of ${actionRef}` }).selectOption('done');
    await actionRow.waitFor({ state: 'detached' });
    await page.locator('[name="action-filter"]').selectOption('all');
    await expect.poll(() => actionRow.getByRole('combobox', { name: `Status of ${actionRef}` }).inputValue()).toBe('done');
    expect(await actionRow.innerText()).toMatch(/on \w/);

    // A reload keeps everything.
    await page.reload();
    await page.getByRole('heading', { name: ENGAGEMENT }).waitFor();
    await openSection(page, 'Checkpoints');
    await list.getByTestId('checkpoint-row').first().waitFor();
    expect(await list.getByTestId('checkpoint-row').count()).toBe(demoCheckpoints + 1);
    const newRow = list.getByTestId('checkpoint-row').first();
    expect(await newRow.innerText()).toContain('✓ Held');
    await newRow.getByRole('link', { name: title, exact: true }).click();
    await checkpointPage.waitFor();
    expect(await agenda.getByRole('textbox', { name: 'Notes on Actions from the last checkpoint' }).inputValue()).toBe(
      'Two actions closed; the access review slips.',
    );
    expect(await agenda.getByRole('textbox', { name: 'Notes on KPI scorecard' }).inputValue()).toBe(
      'Cycle time back under five days; escaped defects flat.',
    );
    expect((await agendaTitles()).slice(-2)).toEqual(['Contract renewal', 'Any other business']);
    expect(await page.getByTestId('captured-decisions').innerText()).toContain(`${decisionRef} Move releases to a fortnightly train`);
    expect(await page.locator(`[data-testid="action-row"][data-reference="${actionRef}"]`).count()).toBe(1);

    expect(pageErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);
  });
});

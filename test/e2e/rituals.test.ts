import { describe, expect, it } from 'vitest';
import { scheduledDates } from '@shared/governance/rituals';
import { addDays } from '@shared/time/overlap';
import { defaultRitualNames, fillEngagementForm, openSection } from './engagement-steps';
import { useBrowser } from './browser';

const { openApp } = useBrowser();

/** The browser runs on this machine, so its local date is ours. */
function localToday(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

describe('rituals and meetings on the engagement page', () => {
  it('records meetings, flags ritual theatre, refuses off-schedule dates, retires and adds rituals', async () => {
    const today = localToday();
    // Ten weeks of history: every default ritual has met at least once, all within the 90-day health window.
    const startDate = addDays(today, -70);
    const refinementSchedule = {
      cadence: { frequency: 'weekly', interval: 1, weekday: 'WE' } as const,
      firstDate: startDate,
      retiredOn: null,
    };
    const lastRefinement = scheduledDates(refinementSchedule, addDays(today, -6), today)[0]!;
    const nextRefinement = addDays(lastRefinement, 7);

    const { page, pageErrors } = await openApp();
    await page.getByRole('button', { name: 'Create an engagement' }).click();
    await fillEngagementForm(page, { startDate: startDate });
    await page.getByRole('button', { name: 'Create engagement' }).click();
    await page.getByRole('heading', { name: 'Atlas payments platform' }).waitFor();
    await openSection(page, 'Rituals');

    const panel = page.getByTestId('rituals-panel');
    await panel.getByRole('heading', { name: 'Rituals and meetings' }).waitFor();
    const activeNames = () => panel.locator(':scope > .stack > [data-testid="ritual"] h3').allInnerTexts();
    expect(await activeNames()).toEqual(defaultRitualNames);
    const planning = panel.getByRole('region', { name: 'Sprint planning' });
    expect(await planning.innerText()).toContain('Every 2 weeks on Monday');
    expect(await planning.innerText()).toContain('Scrum master');
    expect(await planning.innerText()).toContain('Accepted sprint backlog');

    // Backlog refinement held on its latest date, without its output: ritual theatre.
    const refinement = panel.getByRole('region', { name: 'Backlog refinement' });
    await refinement.getByRole('button', { name: 'Record meeting for Backlog refinement' }).click();
    const recordDialog = page.getByRole('dialog', { name: 'Record Backlog refinement meeting' });
    await recordDialog.waitFor();
    expect(await recordDialog.locator('[name="scheduledDate"]').inputValue()).toBe(lastRefinement);
    expect(await recordDialog.locator('[name="heldOn"]').inputValue()).toBe(lastRefinement);
    await recordDialog.getByLabel(/Produced its output/).uncheck();
    await recordDialog.locator('[name="outputNote"]').fill('Stories still missing acceptance criteria');
    await recordDialog.getByRole('button', { name: 'Save meeting' }).click();
    await recordDialog.waitFor({ state: 'detached' });

    await refinement.getByTestId('held-without-output').waitFor();
    expect(await refinement.getByTestId('held-without-output').innerText()).toContain('Held without output once');
    const meetingRow = await refinement.getByTestId('meeting-row').innerText();
    expect(meetingRow).toContain('Held');
    expect(meetingRow).toContain('held without output');
    expect(meetingRow).toContain('Stories still missing acceptance criteria');
    await openSection(page, 'Overview');
    const healthRow = page.getByTestId('ritual-adherence').locator('tbody tr', { hasText: 'Backlog refinement' });
    await expect(healthRow.innerText()).resolves.toContain('Held without output');
    expect(await page.getByTestId('ritual-adherence').locator('tbody tr', { hasText: 'Sprint planning' }).innerText()).not.toContain(
      'Held without output',
    );
    await openSection(page, 'Rituals');

    // A date the cadence does not schedule, the same date twice, and a meeting "held" in the future are refused.
    await refinement.getByRole('button', { name: 'Record meeting for Backlog refinement' }).click();
    await recordDialog.waitFor();
    const dateInput = recordDialog.locator('[name="scheduledDate"]');
    expect(await dateInput.inputValue()).toBe(addDays(lastRefinement, -7));
    const thursday = addDays(lastRefinement, 1);
    await dateInput.fill(thursday);
    await recordDialog.getByRole('button', { name: 'Save meeting' }).click();
    const errors = page.locator('#occurrence-form-errors');
    await expect
      .poll(() => errors.innerText())
      .toContain(
        `Scheduled date: Backlog refinement is not scheduled on ${thursday}; the nearest scheduled dates are ${lastRefinement} and ${nextRefinement}`,
      );
    expect(await dateInput.getAttribute('aria-invalid')).toBe('true');
    await dateInput.fill(lastRefinement);
    await recordDialog.getByRole('button', { name: 'Save meeting' }).click();
    await expect
      .poll(() => errors.innerText())
      .toContain(`a Backlog refinement meeting is already recorded for ${lastRefinement}; edit that one instead`);
    await dateInput.fill(nextRefinement);
    await recordDialog.getByRole('button', { name: 'Save meeting' }).click();
    await expect
      .poll(() => errors.innerText())
      .toContain(`Held on: ${nextRefinement} is in the future; record the meeting once it has been held`);
    await recordDialog.getByRole('button', { name: 'Cancel' }).click();
    await recordDialog.waitFor({ state: 'detached' });
    expect(await refinement.getByTestId('meeting-row').count()).toBe(1);

    // Retiring keeps the ritual, under "Retired rituals", ready to be reinstated.
    await panel.getByRole('button', { name: 'Retire Architecture review' }).click();
    const confirm = page.getByRole('dialog', { name: 'Retire Architecture review?' });
    await confirm.getByRole('button', { name: 'Retire ritual' }).click();
    await confirm.waitFor({ state: 'detached' });
    const retired = panel.getByTestId('retired-rituals');
    await retired.waitFor();
    expect(await activeNames()).toEqual(defaultRitualNames.filter((name) => name !== 'Architecture review'));
    await retired.getByText('Retired rituals (1)').click();
    await retired.getByRole('button', { name: 'Reinstate Architecture review' }).waitFor();
    expect(await retired.getByRole('region', { name: 'Architecture review' }).innerText()).toContain('Retired on');

    // A custom ritual: the expected output is required, the cadence reads back in words.
    await panel.getByRole('button', { name: 'Add ritual' }).click();
    const ritualDialog = page.getByRole('dialog', { name: 'Add ritual' });
    await ritualDialog.locator('[name="name"]').fill('Security review');
    await ritualDialog.locator('[name="frequency"]').selectOption('monthly');
    await ritualDialog.locator('[name="weekOfMonth"]').selectOption('1');
    await ritualDialog.locator('[name="weekday"]').selectOption('MO');
    await expect(ritualDialog.getByTestId('cadence-preview').innerText()).resolves.toMatch(
      /^Monthly on the first Monday\. Next: .+, .+, .+\.$/,
    );
    await ritualDialog.getByRole('button', { name: 'Save ritual' }).click();
    await expect(page.locator('#ritual-form-errors').innerText()).resolves.toContain('Expected output: is required');
    expect(await ritualDialog.locator('[name="expectedOutput"]').getAttribute('aria-invalid')).toBe('true');
    await ritualDialog.locator('[name="expectedOutput"]').fill('Updated threat model and access review');
    await ritualDialog.locator('[name="facilitator"]').selectOption({ label: 'Tech lead' });
    await ritualDialog.getByRole('button', { name: 'Save ritual' }).click();
    await ritualDialog.waitFor({ state: 'detached' });

    await page.reload();
    const security = page.getByTestId('rituals-panel').getByRole('region', { name: 'Security review' });
    await security.waitFor();
    const securityText = await security.innerText();
    expect(securityText).toContain('Monthly on the first Monday');
    expect(securityText).toContain('Tech lead');
    expect(securityText).toContain('Updated threat model and access review');
    expect(await activeNames()).toEqual([...defaultRitualNames.filter((name) => name !== 'Architecture review'), 'Security review'].sort());

    await page.screenshot({ path: '.tmp/screenshots/rituals.png', fullPage: true });
    expect(pageErrors, pageErrors.join('\n')).toEqual([]);
  });
});

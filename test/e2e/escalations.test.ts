import { describe, expect, it } from 'vitest';
import { useBrowser } from './browser';
import { fillEngagementForm, openSection } from './engagement-steps';

const { openApp } = useBrowser();

describe('live escalations', () => {
  it('raise -> pass the deadline -> escalate -> resolve, with history and statistics', async () => {
    // Monday 23 November 2026, 09:00 in New York (14:00 UTC).
    const { page, pageErrors } = await openApp({ clockTime: new Date('2026-11-23T14:00:00Z') });
    await page.getByRole('button', { name: 'Create an engagement' }).click();
    await fillEngagementForm(page, {
      name: 'Atlas payments',
      clientTimeZone: 'America/New_York',
      teamName: 'Ledger',
      teamTimeZone: 'America/Bogota',
    });
    await page.getByRole('button', { name: 'Create engagement' }).click();
    await openSection(page, 'Escalations');
    const panel = page.getByTestId('escalations-panel');
    await panel.waitFor();

    await panel.getByRole('button', { name: 'Raise escalation' }).click();
    await page.locator('#raise-pathId').selectOption({ label: 'Unresolved blocker' });
    await page.locator('#raise-title').fill('Test environment down for two days');
    await page.getByRole('button', { name: 'Raise escalation' }).last().click();

    const escalation = panel.getByTestId('escalation');
    await escalation.waitFor();
    // The default blocker ladder gives step 1 (scrum master) two hours: due 11:00 New York time.
    expect(await escalation.innerText()).toMatch(/Step 1 of 3: operational, Scrum master · answer due Mon 23 Nov, 11:00 client time/);
    expect(await escalation.getAttribute('data-overdue')).toBeNull();

    // Three hours pass without an answer.
    await page.clock.fastForward('03:00:00');
    await expect.poll(() => escalation.getAttribute('data-overdue'), { timeout: 10_000 }).toBe('true');
    expect(await escalation.innerText()).toContain('answer was due Mon 23 Nov, 11:00 client time');

    await escalation.getByRole('button', { name: 'Escalate to step 2' }).click();
    await page.locator('#escalation-action-text').fill('No answer from the scrum master');
    await page.getByRole('button', { name: 'Escalate', exact: true }).click();
    await expect
      .poll(() => escalation.innerText())
      .toMatch(/Step 2 of 3: tactical, Delivery manager · answer due Mon 23 Nov, 20:00 client time/);

    await page.clock.fastForward('01:00:00');
    await escalation.getByRole('button', { name: 'Resolve…' }).click();
    await page.getByRole('button', { name: 'Resolve', exact: true }).click();
    expect(await page.locator('#escalation-action-error').innerText()).toContain('a resolution is required');
    await page.locator('#escalation-action-text').fill('Environment rebuilt by the platform team');
    await page.getByRole('button', { name: 'Resolve', exact: true }).click();

    const resolved = panel.getByTestId('resolved-escalation-list');
    await resolved.waitFor();
    await resolved.locator('summary').click();
    const history = await resolved.getByTestId('escalation-history').innerText();
    expect(history.split('\n')).toHaveLength(3);
    expect(history).toMatch(/Raised \(operational, Scrum master\)/);
    expect(history).toMatch(/Escalated to step 2 \(tactical, Delivery manager\) · No answer from the scrum master/);
    expect(history).toMatch(/Resolved at step 2 \(tactical, Delivery manager\) · Environment rebuilt by the platform team/);

    // Raised 09:00, resolved about 13:00: four hours; the first step was not answered in its two hours.
    const statistics = await panel.getByTestId('escalation-statistics').innerText();
    expect(statistics).toMatch(/Raised\s*1/);
    expect(statistics).toMatch(/Resolved\s*1/);
    expect(statistics).toMatch(/Median time to resolve\s*4 h/);
    expect(statistics).toMatch(/Answered within response time\s*0%\s*0 of 1/);
    expect(pageErrors).toEqual([]);
  });
});

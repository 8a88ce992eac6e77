import { describe, expect, it } from 'vitest';
import { useBrowser } from './browser';
import { fillEngagementForm, openSection } from './engagement-steps';

const { openApp } = useBrowser();

describe('engagement form', () => {
  it('creates an engagement that survives a reload, with overlap and the default operating model', async () => {
    const { page, pageErrors } = await openApp();
    await page.getByRole('button', { name: 'Create an engagement' }).click();
    await fillEngagementForm(page, { startDate: '2026-01-12' });
    await expect(page.getByTestId('overlap-preview').innerText()).resolves.toMatch(/overlap/);
    await page.getByRole('button', { name: 'Create engagement' }).click();

    await page.getByRole('heading', { name: 'Atlas payments platform' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Atlas payments platform' }).waitFor();
    await openSection(page, 'Teams and roles');
    const teamRow = await page.getByTestId('team-row').innerText();
    expect(teamRow).toContain('Ledger squad');
    expect(teamRow).toContain('America/Montevideo');
    // Chicago and Montevideo are 2 or 3 hours apart depending on US daylight saving: 5 or 6 shared hours.
    expect(teamRow).toMatch(/[56] h overlap/);
    await openSection(page, 'Overview');
    const glance = await page.getByLabel('Engagement at a glance').innerText();
    expect(glance).toMatch(/Active rituals\s*7/);
    expect(glance).toMatch(/KPIs tracked\s*13/);

    await page.getByRole('link', { name: 'Portfolio' }).click();
    await expect(page.getByTestId('portfolio-row').count()).resolves.toBe(1);
    expect(pageErrors, pageErrors.join('\n')).toEqual([]);
  });

  it('explains what is wrong and saves nothing when the form is invalid', async () => {
    const { page } = await openApp();
    await page.getByRole('button', { name: 'Create an engagement' }).click();
    await fillEngagementForm(page, { startDate: '2026-01-12' });
    await page.locator('#engagement-form [name="name"]').fill('');
    await page.locator('#engagement-form [name="clientTimeZone"]').fill('Mars/Olympus_Mons');
    await page.locator('#engagement-form [name="teams.0.size"]').fill('0');
    await page.getByRole('button', { name: 'Create engagement' }).click();

    const summary = await page.locator('#engagement-form-errors').innerText();
    expect(summary).toContain('3 things to fix');
    expect(summary).toContain('Engagement name: is required');
    expect(summary).toContain('Client time zone: must be an IANA time zone');
    expect(summary).toContain('Team 1: engineers: a team has at least one engineer');
    expect(await page.locator('#field-clientTimeZone').getAttribute('aria-invalid')).toBe('true');

    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('heading', { name: 'Welcome to Governance Cockpit' }).waitFor();
    const stored = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const request = indexedDB.open('governance-cockpit');
          request.onsuccess = () => {
            const count = request.result.transaction('engagements').objectStore('engagements').count();
            count.onsuccess = () => resolve(count.result);
          };
        }),
    );
    expect(stored).toBe(0);
  });

  it('edits an engagement and deletes it after confirmation', async () => {
    const { page } = await openApp();
    await page.getByRole('button', { name: 'Create an engagement' }).click();
    await fillEngagementForm(page, { startDate: '2026-01-12' });
    await page.getByRole('button', { name: 'Add a team' }).click();
    await page.locator('[name="teams.1.name"]').fill('Risk squad');
    await page.locator('[name="teams.1.timeZone"]').fill('Europe/Lisbon');
    await page.getByRole('button', { name: 'Create engagement' }).click();
    await page.getByRole('heading', { name: 'Atlas payments platform' }).waitFor();
    await openSection(page, 'Teams and roles');
    expect(await page.getByTestId('team-row').count()).toBe(2);

    await page.getByRole('button', { name: 'Edit engagement' }).click();
    await page.locator('#engagement-form [name="name"]').fill('Atlas payments');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('heading', { name: 'Atlas payments', exact: true }).waitFor();

    await page.getByRole('button', { name: 'Delete…' }).click();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('heading', { name: 'Atlas payments', exact: true }).waitFor();

    await page.getByRole('button', { name: 'Delete…' }).click();
    await page.getByRole('button', { name: 'Delete engagement' }).click();
    await page.getByRole('heading', { name: 'Welcome to Governance Cockpit' }).waitFor();
  });
});

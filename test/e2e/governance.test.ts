import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { useBrowser, waitForPortfolio } from './browser';
import { defaultRitualNames } from './engagement-steps';

const { openApp } = useBrowser();

describe('governance health on the engagement page', () => {
  it('shows adherence, role gaps, standards and escalations, and exports the rituals to a calendar', async () => {
    const { page, pageErrors } = await openApp();
    await page.getByRole('button', { name: 'Load demo workspace' }).click();
    await waitForPortfolio(page);
    await page.getByRole('link', { name: 'Harborline payments platform' }).click();
    const health = page.getByTestId('governance-health');
    await health.waitFor();

    // All seven default rituals are judged against their cadence.
    expect(await page.getByTestId('ritual-adherence').locator('tbody tr').count()).toBe(7);
    expect(await page.getByLabel('Governance health at a glance').innerText()).toMatch(/Ritual adherence\s*(8[5-9]|9\d|100)%/);
    const gaps = await page.getByTestId('role-gaps').innerText();
    expect(gaps).toContain('Onboarding and KYC (6 engineers) has no QA lead');
    expect(gaps).toContain('3 teams and no principal / staff engineer');
    const escalations = await page.getByTestId('open-escalations').innerText();
    expect(escalations).toMatch(/overdue since .* client time/);
    expect(await page.locator('[data-testid="open-escalations"] li[data-overdue="true"]').count()).toBeGreaterThanOrEqual(1);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export rituals to calendar (.ics)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('harborline-payments-platform-rituals.ics');
    const calendar = new ICAL.Component(ICAL.parse(readFileSync((await download.path())!, 'utf8')));
    const events = calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
    expect(events.map((event) => event.summary).sort()).toEqual(defaultRitualNames);
    const planning = events.find((event) => event.summary === 'Sprint planning')!;
    expect(planning.component.getFirstPropertyValue('rrule')!.toString()).toMatch(/FREQ=WEEKLY;.*INTERVAL=2|INTERVAL=2;.*FREQ=WEEKLY/);
    expect(calendar.getFirstSubcomponent('vtimezone')!.getFirstPropertyValue('tzid')).toBe('America/New_York');

    await page.screenshot({ path: '.tmp/screenshots/governance-health.png', fullPage: true });

    // Each block leads to the section where its records are kept.
    await health.getByRole('link', { name: 'Fill roles →' }).click();
    await page.getByRole('heading', { name: 'Role coverage' }).waitFor();
    expect(await page.locator('.section-tabs [aria-current="page"]').innerText()).toBe('Teams and roles');
    expect(pageErrors).toEqual([]);
  });
});

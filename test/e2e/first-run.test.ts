import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { META_CONTENT_SECURITY_POLICY } from '@shared/platform/csp';
import { useBrowser, waitForPortfolio } from './browser';
import { openSection } from './engagement-steps';

const { openApp } = useBrowser();

describe('first run', () => {
  it('offers the demo workspace and then shows its engagements in the portfolio', async () => {
    const { page, foreignRequests, pageErrors } = await openApp();

    await page.getByRole('heading', { name: 'Welcome to Governance Cockpit' }).waitFor();
    await page.getByRole('button', { name: 'Load demo workspace' }).click();

    const rows = page.getByTestId('portfolio-row');
    await waitForPortfolio(page);
    const text = await page.getByTestId('portfolio').innerText();
    expect(await rows.count()).toBeGreaterThanOrEqual(3);
    // The nearshore and offshore engagements of the demo, with their teams and computed overlap.
    expect(text).toContain('Nearshoring');
    expect(text).toContain('Offshoring');
    expect(text).toMatch(/Buenos Aires/);
    expect(text).toMatch(/Bogot/);
    expect(text).toMatch(/Bangalore|Bengaluru/);
    expect(await page.locator('.overlap-badge').count()).toBeGreaterThanOrEqual(4);
    expect(await page.locator('.overlap-badge[data-band="strong"]').count()).toBeGreaterThanOrEqual(1);

    mkdirSync('.tmp/screenshots', { recursive: true });
    await page.screenshot({ path: '.tmp/screenshots/portfolio-light.png', fullPage: true });

    // Into one engagement: its teams, each with today's overlap in words and as a timeline.
    await page.getByRole('link', { name: 'Harborline payments platform' }).click();
    await page.getByRole('heading', { name: 'Harborline payments platform' }).waitFor();
    expect(await page.getByLabel('Engagement at a glance').innerText()).toMatch(/Active rituals\s*7/);
    // Overdue risk reviews are flagged where the open risks are counted.
    expect(await page.getByLabel('Engagement at a glance').innerText()).toMatch(/Open risks\s*13\s*[1-9]\d* reviews? overdue/);
    await openSection(page, 'Teams and roles');
    const teamRows = page.getByTestId('team-row');
    expect(await teamRows.count()).toBe(3);
    expect(await teamRows.first().innerText()).toMatch(/h overlap \(\d{2}:\d{2}\u2013\d{2}:\d{2} client time\)/);
    expect(await page.locator('.timeline .overlap').count()).toBe(3);
    // The operating model as a diagram: three levels, their forums and owners, and the routes up.
    await openSection(page, 'Governance levels');
    const diagram = await page.getByTestId('governance-diagram').innerText();
    expect(diagram).toMatch(/Strategic[\s\S]*Tactical[\s\S]*Operational/);
    expect(diagram).toContain('Executive steering committee');
    expect(diagram).toContain('Rachel Okafor');
    expect(diagram).toMatch(/Escalates from operational to tactical: .*Unresolved blocker \(answer within 8 h\)/);
    await page.screenshot({ path: '.tmp/screenshots/engagement-page.png', fullPage: true });

    expect(foreignRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('is held to the app Content-Security-Policy, the same one the desktop shell sends', async () => {
    const { page } = await openApp();
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(policy).toBe(META_CONTENT_SECURITY_POLICY);
    // An inline script is refused: the policy is live, not decorative.
    const ranInline = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true';
      document.head.append(script);
      return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
    });
    expect(ranInline).toBe(false);
  });

  it('follows a dark operating-system theme', async () => {
    const { page } = await openApp({ colorScheme: 'dark' });
    await page.getByRole('button', { name: 'Load demo workspace' }).click();
    await waitForPortfolio(page);
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe('rgb(22, 24, 29)');
    await page.screenshot({ path: '.tmp/screenshots/portfolio-dark.png', fullPage: false });
  });

  it('is reachable from the keyboard: tab to the demo button and press Enter', async () => {
    const { page } = await openApp();
    await page.getByRole('heading', { name: 'Welcome to Governance Cockpit' }).waitFor();
    for (let presses = 0; presses < 15; presses++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => document.activeElement?.textContent ?? '');
      if (focused.includes('Load demo workspace')) break;
    }
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('Load demo workspace');
    await page.keyboard.press('Enter');
    await waitForPortfolio(page);
  });
});

import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useBrowser } from './browser';
import { defaultRitualNames, fillEngagementForm, openSection } from './engagement-steps';

const { openApp } = useBrowser();

describe('engagement template', () => {
  it('saves an engagement’s model as the template, trims it, starts the next engagement from it, and resets', async () => {
    const { page, context, pageErrors } = await openApp();
    await page.getByRole('button', { name: 'Create an engagement' }).click();
    expect(await page.getByTestId('template-note').innerText()).toBe(
      'Starts with the built-in template: 3 governance forums, 7 rituals, 5 minimum standards, 6 communications, 6 escalation ladders, 13 KPIs.',
    );
    await fillEngagementForm(page);
    await page.getByRole('button', { name: 'Create engagement' }).click();
    await page.getByRole('heading', { name: 'Atlas payments platform' }).waitFor();

    // The lead retires a ritual the partner does not run, then makes this model the template.
    await openSection(page, 'Rituals');
    await page.getByRole('button', { name: 'Retire Architecture review' }).click();
    await page.getByRole('button', { name: 'Retire ritual' }).click();
    await page.getByTestId('retired-rituals').waitFor();
    await page.getByRole('button', { name: 'Save as template…' }).click();
    const preview = page.getByTestId('save-template-preview');
    await expect
      .poll(() => preview.innerText())
      .toContain('New engagements will start with 3 governance forums, 6 rituals, 5 minimum standards, 6 communications');
    await page.getByRole('dialog').getByRole('button', { name: 'Save as template' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });

    await page.getByRole('link', { name: 'Engagement template' }).click();
    const source = page.getByTestId('template-source');
    await expect
      .poll(() => source.innerText())
      .toMatch(/^Saved from Atlas payments platform on .+\. New engagements start with .*6 rituals/);
    await page.getByRole('button', { name: 'Remove the Retrospective ritual from the template' }).click();
    await expect.poll(() => source.innerText()).toContain('5 rituals');
    // One standard per area: each is named by its area alone.
    expect(await page.getByRole('button', { name: 'Remove the Security standard from the template' }).count()).toBe(1);
    mkdirSync('.tmp/screenshots', { recursive: true });
    await page.screenshot({ path: '.tmp/screenshots/template.png', fullPage: true });

    await page.getByRole('button', { name: 'New engagement' }).click();
    expect(await page.getByTestId('template-note').innerText()).toContain(
      'Starts with the workspace template (from Atlas payments platform): 3 governance forums, 5 rituals',
    );
    await fillEngagementForm(page, { name: 'Borealis claims' });
    await page.getByRole('button', { name: 'Create engagement' }).click();
    await page.getByRole('heading', { name: 'Borealis claims' }).waitFor();
    await openSection(page, 'Rituals');
    const ritualNames = page.locator('[data-testid="rituals-panel"] > .stack > [data-testid="ritual"] h3');
    await expect
      .poll(() => ritualNames.allInnerTexts())
      .toEqual(defaultRitualNames.filter((name) => name !== 'Architecture review' && name !== 'Retrospective'));

    await page.getByRole('link', { name: 'Engagement template' }).click();
    // A reset confirmed in a dialog opened before another window trimmed the template is refused.
    await page.getByRole('button', { name: 'Reset to built-in template…' }).click();
    const otherWindow = await context.newPage();
    await otherWindow.goto(page.url());
    await otherWindow.getByRole('button', { name: 'Remove the Daily sync ritual from the template' }).click();
    await expect.poll(() => otherWindow.getByTestId('template-source').innerText()).toContain('4 rituals');
    await otherWindow.close();
    await page.getByRole('button', { name: 'Use the built-in template' }).click();
    await expect
      .poll(() => page.locator('.notice').allInnerTexts())
      .toContainEqual(expect.stringContaining('The template could not be reset: This template was changed in another window'));
    expect(await source.innerText()).toContain('4 rituals');

    await page.getByRole('button', { name: 'Reset to built-in template…' }).click();
    await page.getByRole('button', { name: 'Use the built-in template' }).click();
    await expect.poll(() => source.innerText()).toMatch(/^The built-in template: .* 7 rituals/);
    expect(pageErrors).toEqual([]);
  });
});

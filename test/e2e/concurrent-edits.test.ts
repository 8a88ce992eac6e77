import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser, waitForPortfolio } from './browser';
import { openSection } from './engagement-steps';

const { openApp } = useBrowser();

const ENGAGEMENT = 'Harborline payments platform';
const RISK = 'Architectural drift between squads';
const likelihoodLabels = ['Rare', 'Unlikely', 'Possible', 'Likely', 'Almost certain'];

/** A first tab with the demo workspace on the engagement's risk register, and a second tab of the same origin on the same page. */
async function twoTabs(section: string) {
  const app = await openApp();
  const a = app.page;
  await a.getByRole('button', { name: 'Load demo workspace' }).click();
  await waitForPortfolio(a);
  await a.getByRole('button', { name: 'Dismiss notice' }).click();
  await a.getByRole('link', { name: ENGAGEMENT }).click();
  await a.getByRole('heading', { name: ENGAGEMENT }).waitFor();
  await openSection(a, section);
  // Same browser context: both tabs share the one IndexedDB, as two windows of the app do.
  const b = await app.context.newPage();
  const bErrors: string[] = [];
  b.on('pageerror', (error) => bErrors.push(error.message));
  await b.goto(a.url());
  return { a, b, aErrors: app.pageErrors, bErrors };
}

/** Opens the risk's detail from the register, then its form. */
async function openRiskForm(page: Page) {
  const detail = await openRiskDetail(page);
  await detail.getByRole('button', { name: 'Edit risk' }).click();
  const form = page.getByRole('dialog', { name: /^Edit R-/ });
  await form.waitFor();
  return form;
}

/** The risk's detail (left open under the form after a save), or opened from the register. */
async function openRiskDetail(page: Page) {
  const detail = page.getByRole('dialog').filter({ has: page.getByTestId('risk-history') });
  if (await detail.isVisible()) return detail;
  const grid = page.getByRole('grid', { name: 'Risk register' });
  await grid.waitFor();
  await page.getByRole('searchbox', { name: 'Search' }).fill(RISK);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="risk-row"]').length === 1);
  await grid.locator('[data-column="reference"] button').click();
  await detail.waitFor();
  return detail;
}

const another = (value: string) => String(Number(value) < 5 ? Number(value) + 1 : Number(value) - 1);

async function screenshot(page: Page, name: string) {
  mkdirSync('.tmp/screenshots', { recursive: true });
  await page.screenshot({ path: `.tmp/screenshots/${name}.png`, fullPage: true });
}

describe('two windows editing the same record', () => {
  it('asks before a risk save goes over another window’s save: apply on top, then keep theirs', async () => {
    const { a, b, aErrors, bErrors } = await twoTabs('Risks');

    // Both tabs open the same risk's form.
    const formA = await openRiskForm(a);
    const formB = await openRiskForm(b);
    const likelihoodBefore = await formA.locator('[name="likelihood"]').inputValue();
    const likelihoodA = another(likelihoodBefore);
    const titleB = 'Architecture drifts apart between the squads';

    // Tab A saves a new likelihood.
    await formA.locator('[name="likelihood"]').selectOption(likelihoodA);
    await formA.getByRole('button', { name: 'Save changes' }).click();
    await formA.waitFor({ state: 'detached' });

    // Tab B, still showing the old version, changes the title and saves: asked, not silently applied.
    await b.bringToFront();
    await formB.locator('[name="title"]').fill(titleB);
    await formB.getByRole('button', { name: 'Save changes' }).click();
    const conflict = b.getByTestId('conflict-dialog');
    await conflict.waitFor();
    const theirs = await conflict.getByTestId('conflict-their-changes').innerText();
    expect(theirs).toContain('Likelihood');
    expect(theirs).toContain(`${likelihoodBefore} ${likelihoodLabels[Number(likelihoodBefore) - 1]}`);
    expect(theirs).toContain(`${likelihoodA} ${likelihoodLabels[Number(likelihoodA) - 1]}`);
    expect(theirs).not.toContain('Title');
    const mine = await conflict.getByTestId('conflict-my-changes').innerText();
    expect(mine).toContain('Title');
    expect(mine).toContain(`“${titleB}”`);
    expect(mine).not.toContain('Likelihood');
    expect(await conflict.getByTestId('conflict-history').innerText()).toMatch(/Edited by Engagement lead.*Likelihood/s);
    expect(await conflict.getByTestId('conflict-fields').count()).toBe(0);
    await screenshot(b, 'conflict-risk-apply');

    await b.getByRole('button', { name: 'Apply my changes on top' }).click();
    await conflict.waitFor({ state: 'detached' });
    await formB.waitFor({ state: 'detached' });

    // Both changes are stored, and the history records both saves.
    const detailB = await openRiskDetail(b);
    await expect.poll(() => detailB.locator('h2').first().innerText()).toContain(titleB);
    const history = detailB.getByTestId('risk-history').locator(':scope > li');
    await expect.poll(() => history.nth(0).innerText()).toContain(`Title: “${RISK}” → “${titleB}”`);
    expect(await history.nth(1).innerText()).toMatch(new RegExp(`Likelihood: ${likelihoodBefore} \\S+.* → ${likelihoodA} `));
    expect(await detailB.innerText()).toContain(`${likelihoodA} ${likelihoodLabels[Number(likelihoodA) - 1]}`);

    // Second round: both tabs change the likelihood.
    await a.bringToFront();
    const formA2 = await openRiskForm(a);
    await b.bringToFront();
    await detailB.getByRole('button', { name: 'Edit risk' }).click();
    const formB2 = b.getByRole('dialog', { name: /^Edit R-/ });
    await formB2.waitFor();
    const likelihoodA2 = another(likelihoodA);
    const likelihoodB2 = ['1', '2', '3', '4', '5'].find((value) => value !== likelihoodA && value !== likelihoodA2)!;
    await formA2.locator('[name="likelihood"]').selectOption(likelihoodA2);
    await formA2.getByRole('button', { name: 'Save changes' }).click();
    await formA2.waitFor({ state: 'detached' });

    await formB2.locator('[name="likelihood"]').selectOption(likelihoodB2);
    await formB2.getByRole('button', { name: 'Save changes' }).click();
    await conflict.waitFor();
    const conflicting = await conflict.getByTestId('conflict-fields').innerText();
    expect(conflicting).toContain('Both windows changed Likelihood');
    expect(conflicting).toContain(`theirs ${likelihoodA2} ${likelihoodLabels[Number(likelihoodA2) - 1]}`);
    expect(conflicting).toContain(`yours ${likelihoodB2} ${likelihoodLabels[Number(likelihoodB2) - 1]}`);

    // Applying on top is refused until the user says their value should win.
    await b.getByRole('button', { name: 'Apply my changes on top' }).click();
    const refused = conflict.getByTestId('conflict-refused');
    await refused.waitFor();
    expect(await refused.innerText()).toContain('Not applied: the other window also changed Likelihood');
    expect(await refused.getByRole('checkbox', { name: 'Replace their Likelihood with mine' }).isChecked()).toBe(false);
    await screenshot(b, 'conflict-risk-same-field');

    // "Keep their version": the form reloads with tab A's value.
    await b.getByRole('button', { name: 'Keep their version' }).click();
    await conflict.waitFor({ state: 'detached' });
    expect(await formB2.locator('[name="likelihood"]').inputValue()).toBe(likelihoodA2);
    expect(await formB2.getByTestId('risk-form-reloaded').innerText()).toContain('as the other window saved it');
    await screenshot(b, 'conflict-risk-kept-theirs');
    // The reloaded form saves over the latest revision without another question.
    await formB2.locator('[name="impact"]').selectOption('1');
    await formB2.getByRole('button', { name: 'Save changes' }).click();
    await formB2.waitFor({ state: 'detached' });
    await expect.poll(() => history.nth(0).innerText()).toContain('Impact:');
    expect(await history.nth(1).innerText()).toMatch(new RegExp(`Likelihood: ${likelihoodA} \\S+.* → ${likelihoodA2} `));

    expect(aErrors).toEqual([]);
    expect(bErrors).toEqual([]);
  });

  it('asks about an inline edit of the register that another window overtook', async () => {
    const { a, b, aErrors, bErrors } = await twoTabs('Risks');
    const formA = await openRiskForm(a);
    const likelihoodA = another(await formA.locator('[name="likelihood"]').inputValue());

    // Tab B starts editing the title in place, then tab A saves a likelihood.
    const gridB = b.getByRole('grid', { name: 'Risk register' });
    await gridB.waitFor();
    await b.getByRole('searchbox', { name: 'Search' }).fill(RISK);
    await b.waitForFunction(() => document.querySelectorAll('[data-testid="risk-row"]').length === 1);
    // Searching by reference keeps the row in view once its title changes.
    const reference = (await gridB.getByTestId('risk-row').first().getAttribute('data-reference'))!;
    await b.getByRole('searchbox', { name: 'Search' }).fill(reference);
    await b.waitForFunction(() => document.querySelectorAll('[data-testid="risk-row"]').length === 1);
    await gridB.locator('[data-column="title"]').first().click();
    await b.keyboard.press('F2');
    const titleInput = gridB.getByRole('textbox', { name: /^Title of R-/ });
    await titleInput.fill('Squads drift apart on architecture');

    await formA.locator('[name="likelihood"]').selectOption(likelihoodA);
    await formA.getByRole('button', { name: 'Save changes' }).click();
    await formA.waitFor({ state: 'detached' });

    await b.bringToFront();
    await titleInput.press('Enter');
    const conflict = b.getByTestId('conflict-dialog');
    await conflict.waitFor();
    expect(await conflict.getByTestId('conflict-their-changes').innerText()).toContain('Likelihood');
    expect(await conflict.getByTestId('conflict-my-changes').innerText()).toContain('“Squads drift apart on architecture”');
    await screenshot(b, 'conflict-risk-inline');
    await b.getByRole('button', { name: 'Apply my changes on top' }).click();
    await conflict.waitFor({ state: 'detached' });
    await b.waitForFunction(() => !document.querySelector('[data-testid="risk-cell-editor"]'));
    await expect.poll(() => gridB.locator('[data-column="title"]').first().innerText()).toContain('Squads drift apart on architecture');
    await expect.poll(() => gridB.locator('[data-column="inherent"]').first().innerText()).toContain(`${likelihoodA}×`);

    expect(aErrors).toEqual([]);
    expect(bErrors).toEqual([]);
  });

  it('asks before resolving an escalation from a stale view after another window escalated it', async () => {
    const { a, b, aErrors, bErrors } = await twoTabs('Escalations');
    const panelA = a.getByTestId('escalations-panel');
    await panelA.getByRole('button', { name: 'Raise escalation' }).click();
    await a.locator('#raise-pathId').selectOption({ label: 'Unresolved blocker' });
    await a.locator('#raise-title').fill('Staging database locked by a migration');
    await a.getByRole('button', { name: 'Raise escalation' }).last().click();
    const cardA = panelA.getByTestId('escalation').filter({ hasText: 'Staging database locked by a migration' });
    await cardA.waitFor();

    // Tab B opens "Resolve" on the escalation as it stands at step 1.
    await b.bringToFront();
    const cardB = b
      .getByTestId('escalations-panel')
      .getByTestId('escalation')
      .filter({ hasText: 'Staging database locked by a migration' });
    await cardB.waitFor();
    await cardB.getByRole('button', { name: 'Resolve…' }).click();
    await b.locator('#escalation-action-text').fill('Migration rolled back by the platform team');

    // Meanwhile tab A escalates it to step 2.
    await a.bringToFront();
    await cardA.getByRole('button', { name: 'Escalate to step 2' }).click();
    await a.locator('#escalation-action-text').fill('Nobody answered at the daily sync');
    await a.getByRole('button', { name: 'Escalate', exact: true }).click();
    await expect.poll(() => cardA.innerText()).toMatch(/Step 2 of 3/);

    // Tab B's resolve is not applied silently: it is asked.
    await b.bringToFront();
    await b.getByRole('button', { name: 'Resolve', exact: true }).click();
    const conflict = b.getByTestId('conflict-dialog');
    await conflict.waitFor();
    const theirs = await conflict.getByTestId('conflict-their-changes').innerText();
    expect(theirs).toMatch(/Current step\s*step 1 \(operational\)\s*→\s*step 2 \(tactical\)/);
    expect(theirs).toContain('escalated to step 2 by Engagement lead (“Nobody answered at the daily sync”)');
    const mine = await conflict.getByTestId('conflict-my-changes').innerText();
    expect(mine).toMatch(/Status\s*Open\s*→\s*Resolved/);
    expect(mine).toContain('“Migration rolled back by the platform team”');
    expect(await conflict.getByTestId('conflict-fields').count()).toBe(0);
    await screenshot(b, 'conflict-escalation');

    await b.getByRole('button', { name: 'Apply my changes on top' }).click();
    await conflict.waitFor({ state: 'detached' });
    const resolved = b.getByTestId('resolved-escalation-list').locator('li').filter({ hasText: 'Staging database locked by a migration' });
    await resolved.waitFor();
    await resolved.locator('summary').click();
    const history = (await resolved.getByTestId('escalation-history').innerText()).split('\n');
    expect(history).toHaveLength(3);
    expect(history[1]).toMatch(/Escalated to step 2 \(tactical, .*\) · Nobody answered at the daily sync/);
    // Resolved at the step the escalation had really reached.
    expect(history[2]).toMatch(/Resolved at step 2 \(tactical, .*\) · Migration rolled back by the platform team/);

    expect(aErrors).toEqual([]);
    expect(bErrors).toEqual([]);
  });
});

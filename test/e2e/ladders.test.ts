import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useBrowser, waitForPortfolio } from './browser';
import { fillEngagementForm, openSection } from './engagement-steps';

const { openApp } = useBrowser();

describe('escalation ladders', () => {
  it('lists the default ladders, edits one with step-by-step validation, adds a custom one and keeps used ladders', async () => {
    const { page, context, pageErrors } = await openApp();
    await page.getByRole('button', { name: 'Create an engagement' }).click();
    await fillEngagementForm(page);
    await page.getByRole('button', { name: 'Create engagement' }).click();
    await page.getByRole('heading', { name: 'Atlas payments platform' }).waitFor();
    await openSection(page, 'Escalations');

    const panel = page.getByTestId('ladders-panel');
    await panel.getByRole('heading', { name: 'Escalation ladders' }).waitFor();
    const ladderNames = () => panel.locator('[data-testid="ladder"] h3').allInnerTexts();
    expect(await ladderNames()).toEqual([
      'Missed commitment',
      'Security incident',
      'Staffing change',
      'Unresolved blocker',
      'Quality regression',
      'Scope change',
    ]);
    const steps = (name: string) => panel.locator(`[data-testid="ladder"][data-trigger="${name}"] ol`).innerText();
    expect((await steps('Unresolved blocker')).replace(/\s+/g, ' ')).toBe(
      '1. Operational · Scrum master · 2 h → 2. Tactical · Delivery manager · 8 h → 3. Strategic · Engagement lead · 1 d',
    );
    expect(await panel.getByTestId('missing-ladders').count()).toBe(0);

    // A step that goes down a level, and a response time of zero: both named by step, nothing saved.
    const qualityBefore = await steps('Quality regression');
    await panel.getByRole('button', { name: 'Edit the Quality regression ladder' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit the Quality regression ladder' });
    await dialog.waitFor();
    await dialog.locator('[name="steps.0.level"]').selectOption('tactical');
    await dialog.locator('[name="steps.1.level"]').selectOption('operational');
    await dialog.getByRole('button', { name: 'Save ladder' }).click();
    const errors = page.locator('#ladder-form-errors');
    expect(await errors.innerText()).toContain('Step 2: goes down from tactical to operational');
    expect(await steps('Quality regression')).toBe(qualityBefore);

    await dialog.locator('[name="steps.0.responseTime"]').fill('0');
    await dialog.getByRole('button', { name: 'Save ladder' }).click();
    await expect.poll(() => errors.innerText()).toContain('Step 1: needs a positive response time');
    expect(await errors.innerText()).toContain('Step 2: goes down from tactical to operational');
    expect(await dialog.locator('[name="steps.0.responseTime"]').getAttribute('aria-invalid')).toBe('true');
    await dialog.locator('[name="steps.0.responseTime"]').fill('1.5 hours');
    await dialog.getByRole('button', { name: 'Save ladder' }).click();
    await expect.poll(() => errors.innerText()).toContain('Step 1: response time "1.5 hours" is not a number; write it like 2 or 1.5');
    mkdirSync('.tmp/screenshots', { recursive: true });
    await page.screenshot({ path: '.tmp/screenshots/ladder-form.png', fullPage: true });
    expect(await steps('Quality regression')).toBe(qualityBefore);

    // Fixed: the levels climb again, step 1 answers within 6 hours, and the engineering owner's step
    // gives way to a strategic step of 2 days for the engagement lead.
    await dialog.locator('[name="steps.0.level"]').selectOption('operational');
    await dialog.locator('[name="steps.1.level"]').selectOption('tactical');
    await dialog.locator('[name="steps.0.responseTime"]').fill('6');
    await dialog.getByRole('button', { name: 'Remove step 3' }).click();
    await dialog.getByRole('button', { name: 'Add step' }).click();
    expect(await dialog.locator('[name="steps.2.level"]').inputValue()).toBe('strategic');
    await dialog.locator('[name="steps.2.responseTime"]').fill('2');
    await dialog.locator('[name="steps.2.responseUnit"]').selectOption('days');
    await dialog.getByRole('button', { name: 'Save ladder' }).click();
    await dialog.waitFor({ state: 'detached' });
    const qualityAfter = '1. Operational · QA lead · 6 h → 2. Tactical · Delivery manager · 1 d → 3. Strategic · Engagement lead · 2 d';
    await expect.poll(async () => (await steps('Quality regression')).replace(/\s+/g, ' ')).toBe(qualityAfter);

    await page.reload();
    await panel.getByRole('heading', { name: 'Escalation ladders' }).waitFor();
    expect((await steps('Quality regression')).replace(/\s+/g, ' ')).toBe(qualityAfter);
    await openSection(page, 'Governance levels');
    const diagram = page.getByTestId('governance-diagram');
    await diagram.waitFor();
    expect(await diagram.getByLabel('Escalation from tactical to strategic').innerText()).toContain(
      'Quality regression (answer within 2 d)',
    );
    await openSection(page, 'Escalations');

    // A custom ladder; its name must differ from the other custom ladders whatever the case.
    const addCustom = async (name: string) => {
      await panel.getByRole('button', { name: 'Add custom ladder' }).click();
      const customDialog = page.getByRole('dialog', { name: 'Add a custom ladder' });
      await customDialog.locator('[name="customTrigger"]').fill(name);
      await customDialog.locator('[name="steps.0.role"]').selectOption({ label: 'Delivery manager' });
      await customDialog.locator('[name="steps.0.responseTime"]').fill('3');
      await customDialog.getByRole('button', { name: 'Add ladder' }).click();
      return customDialog;
    };
    await (await addCustom('Vendor invoice dispute')).waitFor({ state: 'detached' });
    expect((await steps('Vendor invoice dispute')).replace(/\s+/g, ' ')).toBe('1. Operational · Delivery manager · 3 d');
    const duplicate = await addCustom('vendor Invoice Dispute');
    expect(await page.locator('#ladder-form-errors').innerText()).toContain(
      'Trigger name: the engagement already has a ladder called "vendor Invoice Dispute"',
    );
    await duplicate.getByRole('button', { name: 'Cancel' }).click();
    expect(await ladderNames()).toEqual([
      'Missed commitment',
      'Security incident',
      'Staffing change',
      'Unresolved blocker',
      'Quality regression',
      'Scope change',
      'Vendor invoice dispute',
    ]);

    // Raise an escalation on the custom ladder: the ladder now shows it and cannot be removed.
    await page.getByTestId('escalations-panel').getByRole('button', { name: 'Raise escalation' }).click();
    await page.locator('#raise-pathId').selectOption({ label: 'Vendor invoice dispute' });
    await page.locator('#raise-title').fill('Invoice 4471 charged twice');
    await page.getByRole('button', { name: 'Raise escalation' }).last().click();
    const vendor = panel.locator('[data-testid="ladder"][data-trigger="Vendor invoice dispute"]');
    await expect.poll(() => vendor.getByTestId('ladder-open-count').innerText()).toBe('1 open escalation');

    await vendor.getByRole('button', { name: 'Remove the Vendor invoice dispute ladder' }).click();
    const refused = page.getByRole('dialog', { name: 'The Vendor invoice dispute ladder is in use' });
    expect(await refused.getByTestId('ladder-removal-refused').innerText()).toBe(
      "The Vendor invoice dispute ladder can't be removed: 1 escalation (1 open) follows it and its history refers to the ladder's steps. Keep the ladder (you can change its steps instead) and resolve the open escalation when settled.",
    );
    await refused.getByRole('button', { name: 'Keep the ladder' }).click();
    await refused.waitFor({ state: 'detached' });

    // The editor says what an edit does to the open escalation, and keeps its step.
    await vendor.getByRole('button', { name: 'Edit the Vendor invoice dispute ladder' }).click();
    const vendorDialog = page.getByRole('dialog', { name: 'Edit the Vendor invoice dispute ladder' });
    const note = vendorDialog.getByTestId('ladder-open-note');
    expect(await note.innerText()).toContain('1 open escalation on this ladder.');
    expect(await note.innerText()).toMatch(
      /“Invoice 4471 charged twice” is at step 1: due \w{3} \d{1,2} \w{3}, \d{2}:\d{2} client time\.$/,
    );
    await vendorDialog.locator('[name="steps.0.responseTime"]').fill('1');
    expect(await note.innerText()).toMatch(/client time; with the new response time, due \w{3} \d{1,2} \w{3}, \d{2}:\d{2}\.$/);
    await vendorDialog.getByRole('button', { name: 'Remove step 1' }).click();
    await vendorDialog.getByRole('button', { name: 'Save ladder' }).click();
    expect(await page.locator('#ladder-form-errors').innerText()).toContain(
      'Step 1 can\'t be removed: "Invoice 4471 charged twice" is open at that step. Resolve the escalation first, or keep the step.',
    );
    await vendorDialog.getByRole('button', { name: 'Cancel' }).click();

    // A removal confirmed in a dialog opened before another window changed the ladder is refused.
    await panel.getByRole('button', { name: 'Remove the Scope change ladder' }).click();
    const removeScope = page.getByRole('dialog', { name: 'Remove the Scope change ladder?' });
    expect(await removeScope.innerText()).toContain('which you can add back from the engagement template.');
    const otherWindow = await context.newPage();
    await otherWindow.goto(page.url());
    await otherWindow.getByRole('button', { name: 'Edit the Scope change ladder' }).click();
    const otherDialog = otherWindow.getByRole('dialog', { name: 'Edit the Scope change ladder' });
    await otherDialog.locator('[name="steps.0.responseTime"]').fill('3');
    await otherDialog.getByRole('button', { name: 'Save ladder' }).click();
    await otherDialog.waitFor({ state: 'detached' });
    await otherWindow.close();
    await removeScope.getByRole('button', { name: 'Remove ladder' }).click();
    await removeScope.waitFor({ state: 'detached' });
    await expect
      .poll(() => page.locator('.notice').allInnerTexts())
      .toContainEqual(expect.stringContaining('This ladder was changed in another window'));
    expect((await steps('Scope change')).replace(/\s+/g, ' ')).toContain('1. Operational · Product owner · 3 d');

    // An unused built-in ladder can go, and comes back from the engagement template.
    await panel.getByRole('button', { name: 'Remove the Scope change ladder' }).click();
    await page.getByRole('dialog', { name: 'Remove the Scope change ladder?' }).getByRole('button', { name: 'Remove ladder' }).click();
    await panel.getByRole('button', { name: 'Add ladder for Scope change' }).click();
    const restore = page.getByRole('dialog', { name: 'Add the Scope change ladder' });
    await restore.getByRole('button', { name: 'Add ladder' }).click();
    await restore.waitFor({ state: 'detached' });
    await page.getByText('Added the Scope change ladder with 3 steps.').waitFor();
    expect((await steps('Scope change')).replace(/\s+/g, ' ')).toBe(
      '1. Operational · Product owner · 2 d → 2. Tactical · Delivery manager · 3 d → 3. Strategic · Engagement lead · 7 d',
    );
    expect(await panel.getByTestId('missing-ladders').count()).toBe(0);

    // The notices would cover the list in the screenshot.
    const dismiss = page.getByRole('button', { name: 'Dismiss' });
    while ((await dismiss.count()) > 0) await dismiss.first().click();
    await page.screenshot({ path: '.tmp/screenshots/ladders.png', fullPage: true });
    expect(pageErrors).toEqual([]);
  });

  it('lets a named person own a step, picked from the engagement’s people by side', async () => {
    const { page, pageErrors } = await openApp();
    await page.getByRole('button', { name: 'Load demo workspace' }).click();
    await waitForPortfolio(page);
    await page.getByRole('link', { name: 'Harborline payments platform' }).click();
    await openSection(page, 'Escalations');
    const panel = page.getByTestId('ladders-panel');
    await panel.getByRole('button', { name: 'Edit the Scope change ladder' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit the Scope change ladder' });
    await dialog.locator('[name="steps.0.ownerKind"]').selectOption('person');
    const person = dialog.locator('[name="steps.0.personId"]');
    expect(await person.locator('optgroup').evaluateAll((groups) => groups.map((group) => group.getAttribute('label')))).toEqual([
      'Client people',
      'Partner people',
    ]);
    const partnerOption = person.locator('optgroup[label="Partner people"] option').first();
    const label = await partnerOption.innerText();
    expect(label).toMatch(/^[^,]+, .+$/);
    await person.selectOption({ label });
    await dialog.getByRole('button', { name: 'Save ladder' }).click();
    await dialog.waitFor({ state: 'detached' });
    const firstStep = panel.locator('[data-testid="ladder"][data-trigger="Scope change"] ol li').first();
    await expect.poll(() => firstStep.innerText()).toContain(label.split(',')[0]!);
    expect(pageErrors).toEqual([]);
  });
});

/** Steps several end-to-end tests share: filling the engagement form as a user would. */
import type { Page } from 'playwright-core';

/** The default ritual names every new engagement starts with, sorted. */
export const defaultRitualNames = [
  'Architecture review',
  'Backlog refinement',
  'Daily sync',
  'Governance checkpoint',
  'Retrospective',
  'Sprint planning',
  'Sprint review',
];

export interface EngagementFormValues {
  name: string;
  clientTimeZone: string;
  startDate?: string;
  teamName: string;
  teamTimeZone: string;
}

const defaults: EngagementFormValues = {
  name: 'Atlas payments platform',
  clientTimeZone: 'America/Chicago',
  teamName: 'Ledger squad',
  teamTimeZone: 'America/Montevideo',
};

/** Fills the open engagement form with a valid nearshore engagement and one team. */
export async function fillEngagementForm(page: Page, values: Partial<EngagementFormValues> = {}): Promise<void> {
  const { name, clientTimeZone, startDate, teamName, teamTimeZone } = { ...defaults, ...values };
  const form = page.locator('#engagement-form');
  await form.locator('[name="name"]').fill(name);
  await form.locator('[name="client"]').fill('Harbor Mutual');
  await form.locator('[name="partner"]').fill('Southwind Engineering');
  await form.locator('[name="sourcingModel"]').selectOption('nearshoring');
  await form.locator('[name="engagementLead"]').fill('Dana Whitfield');
  await form.locator('[name="clientTimeZone"]').fill(clientTimeZone);
  if (startDate) await form.locator('[name="startDate"]').fill(startDate);
  await form.locator('[name="teams.0.name"]').fill(teamName);
  await form.locator('[name="teams.0.size"]').fill('6');
  await form.locator('[name="teams.0.location"]').fill('Montevideo');
  await form.locator('[name="teams.0.timeZone"]').fill(teamTimeZone);
}

/** Opens a section of the engagement page through its tab, as a user would. */
export async function openSection(page: Page, label: string): Promise<void> {
  const tab = page.getByRole('navigation', { name: 'Engagement sections' }).getByRole('link', { name: label, exact: true });
  await tab.click();
  await page.waitForFunction((name) => document.querySelector('.section-tabs [aria-current="page"]')?.textContent === name, label);
}

/** From the empty portfolio: creates the default engagement through its form and waits for its page. */
export async function createEngagement(page: Page, values: Partial<EngagementFormValues> = {}): Promise<void> {
  await page.getByRole('button', { name: 'Create an engagement' }).click();
  await fillEngagementForm(page, values);
  await page.getByRole('button', { name: 'Create engagement' }).click();
  await page.getByRole('heading', { name: values.name ?? defaults.name }).waitFor();
}

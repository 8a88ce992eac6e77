/**
 * One Chromium per test file, one fresh browser context (fresh IndexedDB) per test.
 * Every request the page makes is recorded so tests can prove the app stays offline.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, inject } from 'vitest';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface AppPage {
  page: Page;
  context: BrowserContext;
  baseUrl: string;
  /** URLs of every request that left the page's own origin. */
  foreignRequests: string[];
  /** Uncaught errors and console errors. */
  pageErrors: string[];
}

export function launchArgs(): string[] {
  return [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
}

export function browserEnvironment(home: string): Record<string, string> {
  return {
    ...(process.env as Record<string, string>),
    HOME: home,
    XDG_CONFIG_HOME: `${home}/config`,
    XDG_CACHE_HOME: `${home}/cache`,
    XDG_DATA_HOME: `${home}/data`,
  };
}

export function useBrowser() {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const baseUrl = inject('baseUrl');

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: chromiumPath, args: launchArgs(), env: browserEnvironment(inject('browserHome')) });
  });
  afterEach(async (context) => {
    // A failed test leaves a screenshot of each of its pages, with the page's errors, in
    // .tmp/e2e-failures: what the page showed is most of the diagnosis.
    if (context.task.result?.state === 'fail') {
      const folder = join('.tmp', 'e2e-failures');
      mkdirSync(folder, { recursive: true });
      const name = context.task.name.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 80);
      const pages = contexts.flatMap((browserContext) => browserContext.pages());
      await Promise.all(
        pages.map((page, index) =>
          page.screenshot({ path: join(folder, `${name}-${index + 1}.png`), fullPage: true }).catch(() => undefined),
        ),
      );
      writeFileSync(
        join(folder, `${name}.txt`),
        `${pages.map((page) => page.url()).join('\n')}\n${(context.task.result.errors ?? []).map((error) => error.stack ?? error.message).join('\n')}\n`,
      );
    }
    await Promise.all(contexts.splice(0).map((browserContext) => browserContext.close()));
  });
  afterAll(async () => {
    await browser?.close();
  });

  return {
    async openApp(options: { colorScheme?: 'light' | 'dark'; clockTime?: Date } = {}): Promise<AppPage> {
      const context = await browser.newContext({
        acceptDownloads: true,
        colorScheme: options.colorScheme ?? 'light',
        viewport: { width: 1360, height: 900 },
      });
      contexts.push(context);
      const page = await context.newPage();
      const origin = new URL(baseUrl).origin;
      const foreignRequests: string[] = [];
      const pageErrors: string[] = [];
      page.on('request', (request) => {
        const url = request.url();
        if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) foreignRequests.push(url);
      });
      page.on('pageerror', (error) => pageErrors.push(error.message));
      page.on('console', (message) => {
        if (message.type() === 'error') pageErrors.push(message.text());
      });
      // A controllable clock, for deadlines that must pass during a test.
      if (options.clockTime) await page.clock.install({ time: options.clockTime });
      await page.goto(baseUrl);
      return { page, context, baseUrl, foreignRequests, pageErrors };
    },
  };
}

/** Waits until the portfolio shows its rows and its workload counts have filled in. */
export async function waitForPortfolio(page: Page): Promise<void> {
  await page.getByTestId('portfolio-row').first().waitFor();
  await page.locator('[data-testid="portfolio"][data-counts="ready"]').waitFor();
}

/**
 * Printing the pack's static HTML to PDF through a Chromium already on the computer
 * (playwright-core drives it; it downloads nothing). `CHROME_PATH`, when set, is the only
 * browser tried, so a wrong setting is reported rather than quietly replaced.
 */
import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';
import { PackCommandError } from './pack-errors';

export const BROWSER_VARIABLE = 'CHROME_PATH';
const WELL_KNOWN_PATHS = ['/usr/bin/chromium'];
const NAMES_ON_PATH = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

/** Fonts are embedded, so this only waits for decoding; a minute means something is stuck. */
const PRINT_TIMEOUT_MS = 60_000;

function isExecutableFile(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The browser to print with, or a message listing every place looked at and how to point at one. */
export function findChromium(environment: NodeJS.ProcessEnv): string {
  const configured = environment[BROWSER_VARIABLE];
  if (configured !== undefined && configured !== '') {
    if (isExecutableFile(configured)) return configured;
    throw new PackCommandError(
      `${BROWSER_VARIABLE} is set to ${configured}, which is not an executable file. Point ${BROWSER_VARIABLE} at Chromium or Chrome, or unset it to search /usr/bin/chromium and ${NAMES_ON_PATH.join(', ')} on PATH.`,
    );
  }
  const folders = (environment.PATH ?? '').split(path.delimiter).filter((folder) => folder !== '');
  const candidates = [...WELL_KNOWN_PATHS, ...NAMES_ON_PATH.flatMap((name) => folders.map((folder) => path.join(folder, name)))];
  const found = candidates.find(isExecutableFile);
  if (found !== undefined) return found;
  throw new PackCommandError(
    `No Chromium found to print the PDF: tried ${WELL_KNOWN_PATHS.join(', ')} and ${NAMES_ON_PATH.join(', ')} on PATH. Install Chromium, or set ${BROWSER_VARIABLE} to a Chromium or Chrome executable (or export with --format html).`,
  );
}

export async function printHtmlToPdf(html: string, executablePath: string): Promise<Uint8Array> {
  // Loaded only for a PDF: Markdown and HTML exports need no browser driver.
  const { chromium } = await import('playwright-core');
  let browser;
  try {
    browser = await chromium.launch({
      executablePath,
      headless: true,
      timeout: PRINT_TIMEOUT_MS,
      // Chromium's own sandbox refuses to start as root (containers, CI); the page is our
      // static HTML with no scripts and every request blocked below.
      args: process.getuid?.() === 0 ? ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] : ['--disable-gpu'],
    });
  } catch (error) {
    const firstLine = ((error as Error).message.split('\n')[0] ?? '').trim();
    throw new PackCommandError(`Could not start the browser at ${executablePath} to print the PDF: ${firstLine}`);
  }
  try {
    const page = await browser.newPage();
    page.setDefaultTimeout(PRINT_TIMEOUT_MS);
    // The document is self-contained: nothing may be fetched (fonts are data: URLs, which never reach the router).
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, outline: true, tagged: true });
    return new Uint8Array(pdf);
  } finally {
    await browser.close();
  }
}

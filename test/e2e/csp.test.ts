/**
 * The Content-Security-Policy is live in Chromium, not decorative: with the built renderer
 * served as the tests serve it (the same header the desktop app:// handler sends, plus the
 * meta tag), an injected inline script, eval and a request to a remote host are refused,
 * and the browser reports each refusal as a `securitypolicyviolation`.
 */
import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY } from '@shared/platform/csp';
import { useBrowser } from './browser';

const { openApp } = useBrowser();

interface Violation {
  effectiveDirective: string;
  blockedURI: string;
  disposition: string;
  originalPolicy: string;
}

describe('content security policy', () => {
  it('is sent as the desktop header and carried in the built page', async () => {
    const { page, baseUrl } = await openApp();
    const response = await page.request.get(baseUrl);
    expect(response.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers()['x-content-type-options']).toBe('nosniff');
    expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toBe(META_CONTENT_SECURITY_POLICY);
  });

  it('blocks an injected inline script, a string timer, and a request to a remote host, and reports each', async () => {
    const { page, foreignRequests, pageErrors } = await openApp();
    await page.getByRole('heading', { name: 'Welcome to Governance Cockpit' }).waitFor();

    const outcome = await page.evaluate(async () => {
      const violations: Violation[] = [];
      document.addEventListener('securitypolicyviolation', (event) => {
        violations.push({
          effectiveDirective: event.effectiveDirective,
          blockedURI: event.blockedURI,
          disposition: event.disposition,
          originalPolicy: event.originalPolicy,
        });
      });
      const global = window as unknown as { __injectedRan?: boolean; __evalRan?: boolean };

      const script = document.createElement('script');
      script.textContent = 'window.__injectedRan = true';
      document.body.append(script);

      // A string timer is eval in disguise. It runs after this evaluate call returns: DevTools
      // lets code it evaluates directly use eval, so a direct eval here would prove nothing.
      (window.setTimeout as unknown as (code: string, delay: number) => number)('window.__evalRan = true', 0);

      let fetchError = '';
      try {
        await fetch('https://example.com/', { cache: 'no-store' });
      } catch (error) {
        fetchError = String(error);
      }

      // Violation events are queued as tasks; give them a moment to arrive.
      const deadline = Date.now() + 5_000;
      while (violations.length < 6 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      return { injectedRan: global.__injectedRan === true, evalRan: global.__evalRan === true, fetchError, violations };
    });

    expect(outcome.injectedRan).toBe(false);
    expect(outcome.evalRan).toBe(false);
    expect(outcome.fetchError).toMatch(/TypeError: Failed to fetch/);
    // Each attempt breaks both enforced policies, the header and the meta tag, so each is reported twice.
    const blocked = [
      { effectiveDirective: 'script-src-elem', blockedURI: 'inline' },
      { effectiveDirective: 'script-src', blockedURI: 'eval' },
      { effectiveDirective: 'connect-src', blockedURI: 'https://example.com/' },
    ];
    const expected = blocked.flatMap((violation) =>
      [CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY].map((originalPolicy) => ({
        ...violation,
        disposition: 'enforce',
        originalPolicy,
      })),
    );
    const byKey = (violation: Violation) => `${violation.effectiveDirective} ${violation.blockedURI} ${violation.originalPolicy}`;
    expect(outcome.violations.toSorted((a, b) => byKey(a).localeCompare(byKey(b)))).toEqual(
      expected.toSorted((a, b) => byKey(a).localeCompare(byKey(b))),
    );

    // Chromium also says so on the console (its wording changes between versions), and the
    // request never left the page.
    const consoleText = pageErrors.join('\n');
    expect(consoleText).toMatch(/inline script violates the following Content Security Policy directive.*script-src 'self'/i);
    expect(consoleText).toMatch(/'https:\/\/example\.com\/' violates the following Content Security Policy directive.*connect-src 'self'/i);
    expect(foreignRequests).toEqual([]);

    mkdirSync('.tmp/screenshots', { recursive: true });
    await page.screenshot({ path: '.tmp/screenshots/csp-after-blocked-injection.png', fullPage: true });
  });
});

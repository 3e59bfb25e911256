// Issue #13, item 8, in a real browser: the main pages load under the server's real
// Content-Security-Policy without a single violation (a blocked script, style, image or fetch
// would otherwise break a page silently in production only).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_PASSWORD, openDemoNegotiation, startHarness, type Harness } from './helpers/browser-harness';

let harness: Harness;

/** Collects CSP violations the page reports, and the console's "Refused to …" errors. */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  // Injected by the browser driver, not as an inline script: the CSP does not apply to it.
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(
        `CSP violation on ${location.pathname}: ${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber}:${event.columnNumber})`,
      );
    });
  });
  page.on('console', (message) => {
    const text = message.text();
    if (message.type() === 'error' && /CSP violation|Refused to/.test(text)) violations.push(text);
  });
  return violations;
}

describe('issue 13: the main pages under the real Content-Security-Policy', () => {
  beforeAll(async () => {
    harness = await startHarness();
  }, 180_000);
  afterAll(async () => {
    await harness?.close();
  });

  test('the watcher sees a violation when there is one', async () => {
    const context = await harness.browser.newContext({ baseURL: harness.server.url });
    const page = await context.newPage();
    const violations = await watchViolations(page);
    await page.goto('/');
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.injected = true';
      document.body.append(script);
    });
    await expect.poll(() => violations.length).toBeGreaterThan(0);
    expect(await page.evaluate(() => 'injected' in window)).toBe(false);
    await context.close();
  });

  test('sign-in, negotiations, plan, point, analysis chart, audit log and settings load with no violation', async () => {
    const context = await harness.browser.newContext({
      baseURL: harness.server.url,
      viewport: { width: 1280, height: 900 },
    });
    const page = await context.newPage();
    const violations = await watchViolations(page);
    const visited: string[] = [];

    const document = await page.goto('/');
    expect(document?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.getByLabel('Password').waitFor();
    visited.push('sign-in');

    await page.getByLabel('Email').fill('mediator@demo.parley');
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('heading', { name: 'Your negotiations' }).waitFor();
    visited.push('negotiations');

    await openDemoNegotiation(page);
    const sections = page.getByRole('navigation', { name: 'Negotiation sections' });
    await sections.getByRole('link', { name: 'Plan', exact: true }).click();
    await page.getByRole('heading', { name: 'Position matrix' }).waitFor();
    visited.push('plan');

    await page.locator('ol.points > li').first().getByRole('link').click();
    await page.getByRole('heading', { name: 'Positions' }).waitFor();
    visited.push('point');

    await sections.getByRole('link', { name: 'Audit log' }).click();
    await page.getByRole('list', { name: 'Audit entries' }).waitFor();
    await page.waitForLoadState('networkidle');
    visited.push('audit');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Analysis' }).click();
    await page.getByRole('heading', { name: 'Pareto frontier' }).waitFor();
    await page.locator('.frontier-points .recharts-symbols').first().waitFor();
    visited.push('analysis chart');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'API tokens' }).waitFor();
    await page.waitForLoadState('networkidle');
    visited.push('settings');

    expect(visited).toHaveLength(7);
    expect(violations).toEqual([]);
    await context.close();
  });
});

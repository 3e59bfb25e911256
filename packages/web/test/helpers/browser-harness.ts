// Starts the REAL server (embedded PGlite, demo loaded) and Debian's Chromium for the browser
// tests and the screenshot script. Never downloads a browser.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startServer, type RunningServer } from '../../../server/src/http/start-server';
import { releaseChromium, sharedChromium } from './shared-chromium';
import { ensureWebBuilt } from './web-build';

export const DEMO_PASSWORD = 'parley-demo-2025';

export type Harness = { server: RunningServer; browser: Browser; close: () => Promise<void> };

export async function startHarness(): Promise<Harness> {
  ensureWebBuilt();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'parley-web-'));
  // Side by side: the browser needs nothing of the server until a test opens a page, and each
  // start is seconds of a suite's set-up. When one fails, the other is stopped before the error.
  const serverStart = startServer({ port: 0, dataDir, log: () => {} });
  const browserLaunch = sharedChromium();
  let server: RunningServer;
  let browser: Browser;
  try {
    [server, browser] = await Promise.all([serverStart, browserLaunch]);
  } catch (error) {
    await Promise.allSettled([
      serverStart.then((started) => started.close()),
      browserLaunch.then(releaseChromium),
    ]);
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  return {
    server,
    browser,
    close: async () => {
      // Each waits for nothing of the other: the pages close with their contexts, the server drains.
      await Promise.all([releaseChromium(browser), server.close()]);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type Viewer = { context: BrowserContext; page: Page; bodies: string[] };

/**
 * A separate browser context (own cookies) signed in through the sign-in form. Every API response
 * body it receives is kept, so tests can check what reached this browser, not just what it shows.
 */
export async function signInAs(
  harness: Harness,
  email: string,
  // The browser's window, and its clock's zone when a test needs one other than the machine's.
  display: { width: number; height: number; timezoneId?: string } = { width: 1280, height: 900 },
): Promise<Viewer> {
  const { timezoneId, ...viewport } = display;
  const context = await harness.browser.newContext({
    viewport,
    baseURL: harness.server.url,
    ...(timezoneId === undefined ? {} : { timezoneId }),
  });
  const page = await context.newPage();
  const bodies: string[] = [];
  context.on('response', (response) => {
    const type = response.headers()['content-type'] ?? '';
    if (!response.url().includes('/api/') || type.includes('text/event-stream')) return;
    response.text().then(
      (text) => bodies.push(text),
      () => {},
    );
  });
  await page.goto('/');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('heading', { name: 'Your negotiations' }).waitFor();
  return { context, page, bodies };
}

/** From the negotiations list into the (only) demo negotiation. */
export async function openDemoNegotiation(page: Page): Promise<void> {
  await page.getByRole('heading', { name: 'Your negotiations' }).waitFor();
  await page.locator('.cards a').first().click();
  await page.getByRole('navigation', { name: 'Negotiation sections' }).waitFor();
}

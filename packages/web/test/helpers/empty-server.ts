// The real `parley serve --no-demo` (a child process, embedded PGlite in a fresh folder) and
// Debian's Chromium, for the story of a negotiation run from an empty server (#11).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page, ViewportSize } from 'playwright-core';
import { releaseChromium, sharedChromium } from './shared-chromium';
import { ensureWebBuilt } from './web-build';

const PARLEY_BIN = path.resolve(import.meta.dirname, '../../../server/bin/parley.js');

export type EmptyServer = {
  url: string;
  browser: Browser;
  /** What the server printed (it logs the invitation mail it would have sent). */
  output: () => string;
  close: () => Promise<void>;
};

export async function startEmptyServer(): Promise<EmptyServer> {
  ensureWebBuilt();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'parley-empty-'));
  const child = spawn(
    process.execPath,
    [PARLEY_BIN, 'serve', '--no-demo', '--port', '0', '--data', dataDir],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, PORT: '' },
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  // Made ready while the server starts: it needs nothing of the server until a page opens.
  const browserLaunch = sharedChromium();
  let url: string;
  let browser: Browser;
  try {
    [url, browser] = await Promise.all([waitForUrl(child, () => output), browserLaunch]);
  } catch (error) {
    await Promise.allSettled([browserLaunch.then(releaseChromium), stop(child)]);
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  return {
    url,
    browser,
    output: () => output,
    close: async () => {
      await Promise.all([releaseChromium(browser), stop(child)]);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function waitForUrl(child: ChildProcess, output: () => string): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      const match = /Parley listening on (http:\/\/localhost:\d+)/.exec(output());
      if (match?.[1] !== undefined) {
        clearInterval(timer);
        resolve(match[1]);
      }
    }, 100);
    child.once('exit', (code) => {
      clearInterval(timer);
      reject(new Error(`parley serve exited with ${code}: ${output()}`));
    });
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

export type Person = { context: BrowserContext; page: Page; bodies: string[]; email: string };

/**
 * One person's own browser context (own cookies). Every API response body that reaches it is kept,
 * so the test can check what reached this browser, not only what the page shows.
 */
export async function openBrowserFor(
  server: EmptyServer,
  email: string,
  {
    viewport = { width: 1280, height: 900 },
    timezoneId,
  }: { viewport?: ViewportSize; timezoneId?: string } = {},
): Promise<Person> {
  const context = await server.browser.newContext({
    viewport,
    baseURL: server.url,
    ...(timezoneId === undefined ? {} : { timezoneId }),
  });
  const page = await context.newPage();
  const bodies: string[] = [];
  context.on('response', (response) => {
    const type = response.headers()['content-type'] ?? '';
    if (!response.url().includes('/api/') || type.includes('text/event-stream')) return;
    response.text().then(
      (text) =>
        bodies.push(
          `${response.request().method()} ${new URL(response.url()).pathname} ${response.status()} ${text}`,
        ),
      () => {},
    );
  });
  return { context, page, bodies, email };
}

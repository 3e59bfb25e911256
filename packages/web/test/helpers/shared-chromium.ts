// One Chromium per test worker, shared by the files the worker runs one after another (it keeps
// its modules between them, vitest.config.ts): each launch was 2–3 s of CPU on a two-core machine,
// for every browser suite. A file still gets nothing of another's: each works in browser contexts
// of its own (cookies, storage, cache), and closes them when it ends. The browser ends with the
// worker: Playwright's launcher kills it when the process exits, and Chromium leaves when its pipe
// to the process closes. Outside a test worker (the screenshot scripts) a harness's browser is its
// own and closes with it, so the script's process can end.
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM } from './chromium-path';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const isTestWorker = process.env.VITEST !== undefined;
let launch: Promise<Browser> | undefined;

const launchChromium = () =>
  chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });

/** The worker's Chromium, launched on first use and again after it went away. */
export function sharedChromium(): Promise<Browser> {
  if (!isTestWorker) return launchChromium();
  if (launch === undefined) {
    const started = launchChromium();
    launch = started;
    started.then(
      (browser) => browser.on('disconnected', () => (launch = launch === started ? undefined : launch)),
      () => (launch = launch === started ? undefined : launch),
    );
  }
  return launch;
}

/** Done with the browser: in a test worker its contexts are closed and it stays for the next file. */
export async function releaseChromium(browser: Browser): Promise<void> {
  if (!isTestWorker) return browser.close();
  await Promise.all(browser.contexts().map((context) => context.close()));
}

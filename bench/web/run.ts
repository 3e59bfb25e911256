// The web app's first load in a fresh browser context (a new visitor, or every browser test):
// wall time from navigation to the page's content, the script the browser fetched for it, and the
// main thread's script time (Chromium's `ScriptDuration`, which includes compiling). Measured on
// the sign-in page, a negotiation's plan and the analysis page (the one page that draws charts),
// against `parley serve` in its own process with the demo. Writes bench/results/web.{json,md}.
//   node packages/server/bin/run-ts.js bench/web/run.ts [--runs 9]
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM } from '../../packages/web/test/helpers/chromium-path';
import { ensureWebBuilt } from '../../packages/web/test/helpers/web-build';
import { startServerProcess } from '../load/server-process';
import { machineLoad, median } from '../whole-process';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '9' } } });
const runs = Number(values.runs);
const RESULTS = join(import.meta.dirname, '../results');
const DEMO_NEGOTIATION = '00000000-0000-4000-8000-000000000d01';

type Load = { wallMs: number; scriptMs: number; scriptKiB: number; scriptKiBSent: number };
type Row = { page: string; path: string; loads: Load[] };

const PAGES: { page: string; path: string; signedIn: boolean; ready: (page: Page) => Promise<unknown> }[] = [
  {
    page: 'Sign-in (signed out)',
    path: '/',
    signedIn: false,
    ready: (page) => page.getByLabel('Email').waitFor(),
  },
  {
    page: 'A negotiation’s plan',
    path: `/n/${DEMO_NEGOTIATION}/plan`,
    signedIn: true,
    ready: (page) => page.getByRole('table').first().waitFor(),
  },
  {
    page: 'Analysis (charts)',
    path: '/analysis',
    signedIn: true,
    ready: (page) => page.getByRole('heading', { level: 1 }).waitFor(),
  },
];

async function firstLoad(browser: Browser, baseURL: string, target: (typeof PAGES)[number]): Promise<Load> {
  const context = await browser.newContext({ baseURL });
  try {
    if (target.signedIn) {
      const answer = await context.request.post('/api/auth/login', {
        data: { email: 'mediator@demo.parley', password: 'parley-demo-2025' },
      });
      if (!answer.ok()) throw new Error(`sign-in failed: ${answer.status()}`);
    }
    const page = await context.newPage();
    const scripts: { bytes: number; sent: number }[] = [];
    page.on('response', async (response) => {
      if (response.request().resourceType() !== 'script') return;
      const body = await response.body().catch(() => Buffer.alloc(0));
      const sizes = await response.request().sizes();
      scripts.push({ bytes: body.length, sent: sizes.responseBodySize });
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const started = performance.now();
    await page.goto(target.path);
    await target.ready(page);
    const wallMs = performance.now() - started;
    const { metrics } = await cdp.send('Performance.getMetrics');
    const scriptSeconds = metrics.find((metric) => metric.name === 'ScriptDuration')?.value ?? 0;
    const kib = (bytes: number) => bytes / 1024;
    return {
      wallMs,
      scriptMs: scriptSeconds * 1000,
      scriptKiB: kib(scripts.reduce((sum, script) => sum + script.bytes, 0)),
      scriptKiBSent: kib(scripts.reduce((sum, script) => sum + script.sent, 0)),
    };
  } finally {
    await context.close();
  }
}

ensureWebBuilt();
const server = await startServerProcess({});
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
const rows: Row[] = [];
try {
  for (const target of PAGES) {
    await firstLoad(browser, server.url, target); // the server's and the disk's caches, not the browser's
    const loads: Load[] = [];
    for (let run = 0; run < runs; run++) loads.push(await firstLoad(browser, server.url, target));
    rows.push({ page: target.page, path: target.path, loads });
    console.log(`${target.page}: median ${median(loads.map((load) => load.wallMs)).toFixed(0)} ms`);
  }
} finally {
  await browser.close();
  await server.stop();
}

const load = machineLoad();
writeFileSync(
  join(RESULTS, 'web.json'),
  `${JSON.stringify({ when: new Date().toISOString(), load, rows }, null, 2)}\n`,
);
const cell = (loads: Load[], pick: (load: Load) => number) => median(loads.map(pick)).toFixed(0);
writeFileSync(
  join(RESULTS, 'web.md'),
  [
    '# The web app’s first load in a fresh browser context',
    '',
    `Debian Chromium, headless, a new context per load (empty cache), ${runs} loads per page after one`,
    'uncounted, medians. Wall: navigation to the page’s content. Script: main-thread script time',
    '(compiling included). Sent: script bytes on the wire (Brotli). `npm run bench -- web`.',
    `Machine load when run: ${load}.`,
    '',
    '| page | wall ms | script ms | script KiB | sent KiB |',
    '| ---- | ------: | --------: | ---------: | -------: |',
    ...rows.map(
      (row) =>
        `| ${row.page} | ${cell(row.loads, (l) => l.wallMs)} | ${cell(row.loads, (l) => l.scriptMs)} | ${cell(row.loads, (l) => l.scriptKiB)} | ${cell(row.loads, (l) => l.scriptKiBSent)} |`,
    ),
    '',
  ].join('\n'),
);

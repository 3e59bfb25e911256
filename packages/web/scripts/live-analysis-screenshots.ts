// Screenshots of the issue #12 pages (Issues, Our preferences, Suggested packages) at 1280 and
// 390 px for docs/user-guide.md, against the real server with the demo loaded:
// `node packages/server/bin/run-ts.js packages/web/scripts/live-analysis-screenshots.ts`.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { openDemoNegotiation, signInAs, startHarness } from '../test/helpers/browser-harness';
import {
  defineIssues,
  enterProfile,
  RUSSIA_VALUES,
  suggestPackages,
  tab,
  UKRAINE_VALUES,
} from '../test/helpers/live-analysis-flow';

const OUT = path.resolve(import.meta.dirname, '../../../docs/screenshots');
const PHONE = { width: 390, height: 844 };

async function shot(page: Page, name: string) {
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: path.join(OUT, `${name}.png`), fullPage: true });
  console.log(`docs/screenshots/${name}.png`);
}

const harness = await startHarness();
try {
  const mediator = await signInAs(harness, 'mediator@demo.parley');
  await openDemoNegotiation(mediator.page);
  await defineIssues(mediator.page, { options: 5, range: 10 });
  await shot(mediator.page, 'issues');
  const ukraine = await signInAs(harness, 'ukraine@demo.parley', PHONE);
  await openDemoNegotiation(ukraine.page);
  await enterProfile(ukraine.page, UKRAINE_VALUES, true);
  await shot(ukraine.page, 'preferences-phone');
  const russia = await signInAs(harness, 'russia@demo.parley');
  await openDemoNegotiation(russia.page);
  await enterProfile(russia.page, RUSSIA_VALUES, true);
  await shot(russia.page, 'preferences');
  await suggestPackages(mediator.page);
  await shot(mediator.page, 'packages');
  await suggestPackages(ukraine.page);
  await shot(ukraine.page, 'packages-phone');
  const phone = await signInAs(harness, 'mediator@demo.parley', PHONE);
  await openDemoNegotiation(phone.page);
  await tab(phone.page, 'Issues');
  await phone.page.getByRole('heading', { name: 'Issues and options' }).waitFor();
  await shot(phone.page, 'issues-phone');
} finally {
  await harness.close();
}

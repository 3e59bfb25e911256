// Screenshots of every view for docs/user-guide.md, taken against the real server with the demo
// loaded: `node packages/server/bin/run-ts.js packages/web/scripts/screenshots.ts`.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { openDemoNegotiation, signInAs, startHarness } from '../test/helpers/browser-harness';

const OUT = path.resolve(import.meta.dirname, '../../../docs/screenshots');

/** `maxHeight` takes a full-page shot cut at that height (long pages stay readable and small). */
async function shot(page: Page, name: string, maxHeight?: number) {
  await page.waitForLoadState('networkidle');
  await page
    .locator('.loading')
    .waitFor({ state: 'detached' })
    .catch(() => {});
  const clip =
    maxHeight === undefined
      ? undefined
      : { x: 0, y: 0, width: page.viewportSize()?.width ?? 1280, height: maxHeight };
  await page.screenshot({ path: path.join(OUT, `${name}.png`), fullPage: maxHeight !== undefined, clip });
  console.log(`docs/screenshots/${name}.png`);
}

async function tab(page: Page, name: string) {
  await page.getByRole('link', { name, exact: true }).click();
}

/** The plan read as a document (#11): the Geneva text, by topic, with each point's status and reason. */
async function documentShots(page: Page, name: string, maxHeight: number) {
  await page.getByRole('link', { name: 'Read as a document' }).click();
  await page.getByRole('combobox', { name: 'Version' }).selectOption({ label: 'Geneva text — 19 points' });
  await page.locator('section.document-point').nth(18).waitFor();
  await shot(page, name, maxHeight);
  await page.goBack();
}

mkdirSync(OUT, { recursive: true });
const harness = await startHarness();
try {
  const anonymous = await harness.browser.newContext({
    viewport: { width: 1280, height: 720 },
    baseURL: harness.server.url,
  });
  const signInPage = await anonymous.newPage();
  await signInPage.goto('/');
  await signInPage.getByRole('region', { name: 'Demo accounts' }).waitFor();
  await signInPage.getByLabel('Email').fill('ukraine@demo.parley');
  await shot(signInPage, 'sign-in', 900);

  const ukraine = await signInAs(harness, 'ukraine@demo.parley', { width: 1280, height: 900 });
  await shot(ukraine.page, 'negotiations');
  await openDemoNegotiation(ukraine.page);
  await ukraine.page.getByRole('heading', { name: 'Overall state' }).waitFor();
  await shot(ukraine.page, 'overview');
  await tab(ukraine.page, 'Plan');
  await ukraine.page.getByRole('heading', { name: 'Position matrix' }).waitFor();
  await shot(ukraine.page, 'plan');
  await documentShots(ukraine.page, 'document', 1800);
  await ukraine.page.locator('ol.points > li').nth(5).getByRole('link').click();
  await ukraine.page.getByRole('heading', { name: 'Positions' }).waitFor();
  await shot(ukraine.page, 'point', 1450);
  await tab(ukraine.page, 'Compare versions');
  await ukraine.page.getByRole('combobox', { name: 'From' }).selectOption({ label: '28-point draft' });
  await ukraine.page.getByRole('combobox', { name: 'To' }).selectOption({ label: 'Geneva text — 19 points' });
  await ukraine.page.getByRole('heading', { name: 'Lineage' }).waitFor();
  await shot(ukraine.page, 'compare', 1700);
  await tab(ukraine.page, 'Rounds & statements');
  await ukraine.page.locator('.timeline-item').first().waitFor();
  await shot(ukraine.page, 'timeline');
  await tab(ukraine.page, 'Records');
  await ukraine.page.locator('.records details').first().waitFor();
  await ukraine.page.locator('.records summary').first().click();
  await shot(ukraine.page, 'records');
  // Search from the heading: the words marked in each passage, only what Ukraine may read.
  await ukraine.page.getByRole('searchbox', { name: 'Search this negotiation' }).fill('ceasefire');
  await ukraine.page.getByRole('button', { name: 'Search', exact: true }).click();
  await ukraine.page.locator('.search-results').first().waitFor();
  await shot(ukraine.page, 'search', 1600);

  const mediator = await signInAs(harness, 'mediator@demo.parley', { width: 1280, height: 900 });
  await openDemoNegotiation(mediator.page);
  await tab(mediator.page, 'Plan');
  const adopt = mediator.page.getByRole('region', { name: 'Adopt amendments into a new version' });
  await adopt.scrollIntoViewIfNeeded();
  await adopt.getByRole('checkbox').first().check();
  await adopt.screenshot({ path: path.join(OUT, 'adopt-amendments.png') });
  console.log('docs/screenshots/adopt-amendments.png');

  await mediator.page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Analysis' })
    .click();
  await mediator.page.locator('table.packages').waitFor();
  // A package on the table (the first option of every issue): the view marks it and lists its improvements.
  const packageForm = mediator.page.getByRole('form', { name: 'Package on the table' });
  for (const select of await packageForm.getByRole('combobox').all()) await select.selectOption({ index: 0 });
  await packageForm.getByRole('button', { name: 'Evaluate this package' }).click();
  await mediator.page.getByRole('heading', { name: 'Improvements on the package on the table' }).waitFor();
  await shot(mediator.page, 'analysis', 3400);

  const phone = await signInAs(harness, 'russia@demo.parley', { width: 390, height: 844 });
  await openDemoNegotiation(phone.page);
  await tab(phone.page, 'Plan');
  await phone.page.getByRole('heading', { name: 'Position matrix' }).waitFor();
  await shot(phone.page, 'plan-phone');
  await documentShots(phone.page, 'document-phone', 1600);
  await tab(phone.page, 'Plan');
  await tab(phone.page, 'Audit log');
  await phone.page.locator('.audit-entry').first().waitFor();
  await shot(phone.page, 'audit-phone', 1600);
  await phone.page.getByRole('searchbox', { name: 'Search this negotiation' }).fill('ceasefire');
  await phone.page.getByRole('button', { name: 'Search', exact: true }).click();
  await phone.page.locator('.search-results').first().waitFor();
  await shot(phone.page, 'search-phone', 1600);

  await mediator.page.goto('/');
  await openDemoNegotiation(mediator.page);
  await tab(mediator.page, 'Audit log');
  await mediator.page.locator('.audit-entry').first().waitFor();
  await shot(mediator.page, 'audit', 1500);

  // Exports: the mediator makes fingerprinted copies of the Geneva text for two delegations, then
  // traces three points pasted out of one of them.
  await tab(mediator.page, 'Export');
  const exportForm = mediator.page.getByRole('form', { name: 'Export' });
  await exportForm
    .getByRole('combobox', { name: 'Version', exact: true })
    .selectOption({ label: 'Geneva text — 19 points' });
  const recipients = exportForm.getByRole('combobox', { name: 'Recipient', exact: true });
  const recipientLabel = async (pattern: RegExp) =>
    (await recipients.locator('option').allInnerTexts()).find((text) => pattern.test(text)) ?? '';
  await exportForm.getByLabel('PDF').check();
  await recipients.selectOption({ label: await recipientLabel(/Russian Federation/) });
  await exportForm.getByRole('button', { name: 'Export' }).click();
  await mediator.page.locator('.exports-done > li').first().waitFor();
  await exportForm.getByLabel('Markdown').check();
  await recipients.selectOption({ label: await recipientLabel(/\(Ukraine\)/) });
  await exportForm.getByRole('button', { name: 'Export' }).click();
  await mediator.page.locator('.exports-done > li').nth(1).waitFor();
  const latest = mediator.page.locator('.exports-done > li').first();
  await latest.getByText('Preview').click();
  await shot(mediator.page, 'export', 1400);
  const markdown = await latest.locator('.export-preview').innerText();
  const points = markdown
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter((block) => block !== '' && !block.startsWith('#') && !block.startsWith('_'));
  await tab(mediator.page, 'Trace a leak');
  await mediator.page.getByLabel(/Leaked text/).fill(points.slice(2, 5).join('\n\n'));
  await mediator.page.getByRole('button', { name: 'Trace', exact: true }).click();
  await mediator.page.locator('.verdict').waitFor();
  await shot(mediator.page, 'leak-tracing', 1400);

  await tab(phone.page, 'Export');
  await phone.page.getByRole('form', { name: 'Export' }).waitFor();
  await shot(phone.page, 'export-phone', 1200);
} finally {
  await harness.close();
}

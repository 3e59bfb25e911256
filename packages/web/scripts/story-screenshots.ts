// Screenshots of the forms that run a negotiation's story (#11): rounds, statements, deadlines,
// the leaders' decision and filing a record, at 1280 px and on a 390 px phone, against the real
// server with the demo loaded: `node packages/server/bin/run-ts.js packages/web/scripts/story-screenshots.ts`.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { openDemoNegotiation, signInAs, startHarness, type Harness } from '../test/helpers/browser-harness';

const OUT = path.resolve(import.meta.dirname, '../../../docs/screenshots');
const WIDE = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

async function shot(page: Page, name: string, maxHeight: number) {
  await page.waitForLoadState('networkidle');
  const width = page.viewportSize()?.width ?? 1280;
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.screenshot({
    path: path.join(OUT, `${name}.png`),
    fullPage: true,
    clip: { x: 0, y: 0, width, height: Math.min(height, maxHeight) },
  });
  console.log(`docs/screenshots/${name}.png`);
}

const tab = (page: Page, name: string) =>
  page
    .getByRole('navigation', { name: 'Negotiation sections' })
    .getByRole('link', { name, exact: true })
    .click();

async function both(harness: Harness, email: string, take: (page: Page, suffix: string) => Promise<void>) {
  for (const [viewport, suffix] of [
    [WIDE, ''],
    [PHONE, '-phone'],
  ] as const) {
    const viewer = await signInAs(harness, email, viewport);
    await openDemoNegotiation(viewer.page);
    await take(viewer.page, suffix);
    await viewer.context.close();
  }
}

mkdirSync(OUT, { recursive: true });
const harness = await startHarness();
try {
  await both(harness, 'mediator@demo.parley', async (page, suffix) => {
    await tab(page, 'Rounds & statements');
    await page.getByText('Record a round', { exact: true }).click();
    const round = page.getByRole('form', { name: 'Record a round' });
    await round.getByLabel('Name').fill('Abu Dhabi technical round');
    await round.getByLabel('Place').fill('Abu Dhabi');
    await round.getByRole('checkbox').first().check();
    await round.getByLabel(/^Minutes/).fill('Restricted: who said what in the room.');
    await round.getByLabel(/^Public readout/).fill('The parties met and will meet again.');
    await shot(page, `round-form${suffix}`, suffix === '' ? 1500 : 2600);
    await page.getByText('Record a round', { exact: true }).click();
    await page.getByText('Publish a statement', { exact: true }).click();
    const statement = page.getByRole('form', { name: 'Publish a statement' });
    await statement.getByLabel('Who said it').fill('Foreign minister');
    await statement.getByLabel('Source').fill('Press conference');
    await statement.getByLabel('Quote').fill('We are ready to talk.');
    await shot(page, `statement-form${suffix}`, suffix === '' ? 1300 : 2000);

    await tab(page, 'Deadlines');
    await page.getByRole('list', { name: 'Deadlines, soonest first' }).waitFor();
    await page.getByText('Set a deadline', { exact: true }).click();
    const deadline = page.getByRole('form', { name: 'Set a deadline' });
    await deadline.getByLabel('Title').fill('Reply to the revised text');
    await deadline.getByLabel(/^Due/).fill('2020-01-15T17:00');
    await deadline.getByRole('button', { name: 'Set the deadline' }).click();
    await deadline.getByRole('alert').waitFor();
    await shot(page, `deadlines${suffix}`, suffix === '' ? 1300 : 2000);

    await tab(page, 'Plan');
    // A point of its own per pass: once escalated, a point is with the leaders until they decide.
    await page
      .locator('ol.points > li')
      .nth(suffix === '' ? 6 : 8)
      .getByRole('link')
      .first()
      .click();
    await page.getByRole('heading', { name: 'Escalation' }).waitFor();
    await page.getByText('Escalate to the leaders', { exact: true }).click();
    const escalate = page.getByRole('form', { name: 'Escalate the point' });
    await escalate.getByLabel('Principals (comma-separated)').fill('President of the United States');
    await escalate.getByLabel('Question').fill(`Can the leaders settle this point?${suffix}`);
    await escalate.getByRole('button', { name: 'Escalate' }).click();
    await page.getByText('Record the leaders’ decision', { exact: true }).last().click();
    const section = page.getByRole('region', { name: 'Escalation' });
    await section.scrollIntoViewIfNeeded();
    await section.screenshot({ path: path.join(OUT, `escalation-decision${suffix}.png`) });
    console.log(`docs/screenshots/escalation-decision${suffix}.png`);
  });

  await both(harness, 'ukraine@demo.parley', async (page, suffix) => {
    await tab(page, 'Records');
    await page.getByText('File a record', { exact: true }).click();
    const form = page.getByRole('form', { name: 'File a record' });
    await form.getByLabel('Kind').selectOption('transcript');
    await form.getByLabel('Title').fill('Debrief of the Geneva round');
    await form.getByLabel('Text', { exact: true }).fill('Our delegation’s own transcript of the debrief.');
    await shot(page, `record-form${suffix}`, suffix === '' ? 1400 : 2200);
  });
} finally {
  await harness.close();
}

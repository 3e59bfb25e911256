// Issue #12 item 5 end to end, real server and Chromium: the mediator opens a blind bidding on a
// numeric issue, Ukraine and Russia each seal a bound in their own browser, the mediator reveals.
// Every API response body and realtime message that reached each browser is searched for the
// other side's bound (and the mediator's, for both).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import {
  openDemoNegotiation,
  signInAs,
  startHarness,
  type Harness,
  type Viewer,
} from './helpers/browser-harness';
import { defineIssues, tab } from './helpers/live-analysis-flow';
import { everythingReceived, recordRealtime } from './helpers/received';

let harness: Harness;

const UKRAINE_BOUND = '72.4375'; // the most Ukraine will give
const RUSSIA_BOUND = '41.8125'; // the least Russia will take
const SETTLEMENT = 'Overlap: settled at 57.125 bn';

async function recorded(email: string): Promise<Viewer> {
  const viewer = await signInAs(harness, email);
  await recordRealtime(viewer);
  await openDemoNegotiation(viewer.page);
  await tab(viewer.page, 'Blind bids');
  await viewer.page.getByRole('heading', { name: 'Blind bids' }).waitFor();
  return viewer;
}

async function sealBid(page: Page, label: RegExp, bound: string): Promise<void> {
  const form = page.getByRole('form', { name: 'Your sealed bid' });
  await form.getByLabel(label).fill(bound);
  await form.getByRole('button', { name: 'Submit sealed bid' }).click();
  await form.getByText('Submitted, sealed.').waitFor();
}

describe('blind bids in real browsers', () => {
  beforeAll(async () => {
    harness = await startHarness();
  }, 180_000);
  afterAll(async () => {
    await harness?.close();
  });

  test('a blind bid on one numeric issue reveals only overlap/settlement', async () => {
    const mediator = await signInAs(harness, 'mediator@demo.parley');
    await openDemoNegotiation(mediator.page);
    await defineIssues(mediator.page);
    const ukraine = await recorded('ukraine@demo.parley');
    const russia = await recorded('russia@demo.parley');
    await ukraine.page.getByText('No bidding you may see.').waitFor();

    // The mediator opens a bidding; only a numeric range is offered (point 1 has options).
    await tab(mediator.page, 'Blind bids');
    const opening = mediator.page.getByRole('form', { name: 'Open a blind bidding' });
    await expect
      .poll(() => opening.getByLabel('Issue').locator('option').allInnerTexts())
      .toEqual([expect.stringMatching(/^2\. .* \(bn\)$/)]);
    await opening.getByLabel(/^Giving party/).selectOption({ label: 'Ukraine' });
    await opening.getByLabel(/^Taking party/).selectOption({ label: 'Russian Federation' });
    // Closing time on the negotiation's clock (Europe/Zurich), shown so to every side.
    await opening.getByLabel('Closes at (Europe/Zurich; optional)').fill('2031-12-10T18:00');
    await opening.getByRole('button', { name: 'Open the bidding' }).click();
    await opening.getByText('Bidding opened.').waitFor();
    await ukraine.page.getByText('closes 10 Dec 2031, 18:00 (Europe/Zurich)').waitFor();

    // Each side sees the sealed-bid form through the live update, and a bound off the range is refused.
    const ukraineForm = ukraine.page.getByRole('form', { name: 'Your sealed bid' });
    await ukraineForm.getByLabel(/The most Ukraine will give \(bn\)/).fill('150');
    await ukraineForm.getByRole('button', { name: 'Submit sealed bid' }).click();
    await ukraineForm
      .locator('.field-error')
      .getByText(/^The bound must lie between 0 and 100 bn/)
      .waitFor();
    await sealBid(ukraine.page, /The most Ukraine will give/, UKRAINE_BOUND);
    await ukraine.page.getByText('Ukraine gives: sealed bid submitted').waitFor();
    await sealBid(russia.page, /The least Russian Federation will take/, RUSSIA_BOUND);

    // The mediator reveals once both are in; everyone sees the settlement and nothing else.
    const reveal = mediator.page.getByRole('button', { name: 'Reveal the outcome' });
    await expect.poll(() => reveal.isEnabled(), { timeout: 15_000 }).toBe(true);
    await reveal.click();
    await mediator.page.getByText(SETTLEMENT).waitFor();
    // The reveal's button is gone: the focus is on the outcome, not on the page's body.
    await expect
      .poll(() => mediator.page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toBe('Outcome');
    await ukraine.page.getByText(SETTLEMENT).waitFor();
    await russia.page.getByText(SETTLEMENT).waitFor();

    const check = async (viewer: Viewer, secrets: string[]) => {
      const received = await everythingReceived(viewer);
      expect(received.length).toBeGreaterThan(10);
      expect(secrets.filter((secret) => received.some((body) => body.includes(secret)))).toEqual([]);
      // Sanity of the search: the outcome did reach this browser, through an API body and the stream.
      expect(received.some((body) => body.includes('57.125'))).toBe(true);
    };
    await check(ukraine, [RUSSIA_BOUND]);
    await check(russia, [UKRAINE_BOUND]);
    await check(mediator, [UKRAINE_BOUND, RUSSIA_BOUND]);
    for (const viewer of [ukraine, russia]) {
      const messages = await everythingReceived(viewer);
      expect(messages.some((message) => message.startsWith('bidding.changed:'))).toBe(true);
    }
    for (const viewer of [mediator, ukraine, russia]) await viewer.context.close();
  }, 240_000);
});

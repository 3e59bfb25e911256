// Issue #11 item 8, no lost updates, on blind bids: two members of Ukraine's delegation seal a bid
// at once in their own browsers, and two of the mediator's windows reveal at once. The second to
// bid is told which colleague bid, when, at which revision (never the bound) and keeps what they
// typed; the second to reveal is told it was revealed, and its reveal button goes. Real server
// (demo loaded) and Chromium.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_NEGOTIATION, DEMO_PARTIES } from '../../server/src/demo';
import {
  openDemoNegotiation,
  signInAs,
  startHarness,
  type Harness,
  type Viewer,
} from './helpers/browser-harness';
import { defineIssues, tab } from './helpers/live-analysis-flow';
import { postFrom, withoutLiveUpdates } from './helpers/second-window';

let harness: Harness;
let mediator: Viewer;
let lead: Viewer;
let delegate: Viewer;

const LEAD_BOUND = '61.25';
const DELEGATE_BOUND = '73.5';
const GIVE = /The most Ukraine will give/;

const formOf = (viewer: Viewer) => viewer.page.getByRole('form', { name: 'Your sealed bid' });
const conflictOf = (viewer: Viewer) => formOf(viewer).getByRole('region', { name: 'The other change' });

async function openBids(viewer: Viewer): Promise<void> {
  await openDemoNegotiation(viewer.page);
  await tab(viewer.page, 'Blind bids');
  await viewer.page.getByRole('heading', { name: 'Blind bids' }).waitFor();
}

async function seal(viewer: Viewer, bound: string): Promise<void> {
  await formOf(viewer).getByLabel(GIVE).fill(bound);
  await formOf(viewer)
    .getByRole('button', { name: /sealed bid$/ })
    .click();
  await formOf(viewer).getByText('Submitted, sealed.').waitFor();
}

/** The seat of Ukraine's former lead, again, as a delegate: a second member who may bid. */
async function seatDelegate(page: Page): Promise<number> {
  return postFrom(
    page,
    `/api/negotiations/${DEMO_NEGOTIATION.id}/parties/${DEMO_PARTIES.ukraine.id}/members`,
    { userId: DEMO_ACCOUNTS.ukraineFormer.id, function: 'delegate' },
  );
}

describe('two members of one delegation bid at once', () => {
  beforeAll(async () => {
    harness = await startHarness();
    mediator = await signInAs(harness, DEMO_ACCOUNTS.mediator.email);
    await openDemoNegotiation(mediator.page);
    await defineIssues(mediator.page);
    await tab(mediator.page, 'Blind bids');
    const opening = mediator.page.getByRole('form', { name: 'Open a blind bidding' });
    await opening.getByLabel('Issue').locator('option').first().waitFor({ state: 'attached' });
    await opening.getByLabel(/^Giving party/).selectOption({ label: 'Ukraine' });
    await opening.getByLabel(/^Taking party/).selectOption({ label: 'Russian Federation' });
    await opening.getByRole('button', { name: 'Open the bidding' }).click();
    await opening.getByText('Bidding opened.').waitFor();
    lead = await signInAs(harness, DEMO_ACCOUNTS.ukraine.email);
    expect(await seatDelegate(lead.page)).toBe(201);
    delegate = await signInAs(harness, DEMO_ACCOUNTS.ukraineFormer.email);
    await Promise.all([openBids(lead), openBids(delegate)]);
  }, 240_000);

  afterAll(async () => {
    await harness?.close();
  });

  test('the second to bid is told who bid meanwhile, keeps the bound typed, and seals it over', async () => {
    // The delegate starts typing before the lead seals.
    await formOf(delegate).getByLabel(GIVE).fill(DELEGATE_BOUND);
    await seal(lead, LEAD_BOUND);
    await formOf(delegate)
      .getByRole('button', { name: /sealed bid$/ })
      .click();
    await conflictOf(delegate).waitFor();
    const text = await conflictOf(delegate).innerText();
    expect(text).toContain(
      `${DEMO_ACCOUNTS.ukraine.displayName} sealed your delegation's bid (revision 1) on`,
    );
    expect(text).toContain('Its bound is not shown');
    expect(text).not.toContain(LEAD_BOUND);
    expect(await formOf(delegate).getByRole('alert').innerText()).toContain(
      'save yours over it, or keep theirs',
    );
    // Nothing typed is lost meanwhile.
    expect(await formOf(delegate).getByLabel(GIVE).inputValue()).toBe(DELEGATE_BOUND);

    await conflictOf(delegate).getByRole('button', { name: 'Save mine over it' }).click();
    await formOf(delegate).getByText('Submitted, sealed.').waitFor();
    expect(await conflictOf(delegate).count()).toBe(0);
    await formOf(lead)
      .getByText(`${DEMO_ACCOUNTS.ukraineFormer.displayName} sealed your delegation's bid (revision 2) on`)
      .waitFor();
  }, 120_000);

  test('the second to bid keeps the colleague’s bid instead: the bound typed is cleared, nothing sent', async () => {
    await formOf(lead).getByLabel(GIVE).fill(LEAD_BOUND);
    await seal(delegate, DELEGATE_BOUND);
    await formOf(lead).getByRole('button', { name: 'Replace the sealed bid' }).click();
    await conflictOf(lead).waitFor();
    expect(await conflictOf(lead).innerText()).toContain(
      `${DEMO_ACCOUNTS.ukraineFormer.displayName} sealed your delegation's bid (revision 3) on`,
    );
    await conflictOf(lead).getByRole('button', { name: 'Keep theirs' }).click();
    expect(await conflictOf(lead).count()).toBe(0);
    expect(await formOf(lead).getByLabel(GIVE).inputValue()).toBe('');
    const stored = await lead.page.evaluate(async (negotiationId) => {
      const list = (await (await fetch(`/api/negotiations/${negotiationId}/biddings`)).json()) as {
        items: { yourBid: { revision: number } | null }[];
      };
      return list.items[0]?.yourBid?.revision;
    }, DEMO_NEGOTIATION.id);
    expect(stored).toBe(3);
  }, 120_000);

  test('the second window to reveal is told it was revealed, by whom, and loses its reveal button', async () => {
    const russia = await signInAs(harness, DEMO_ACCOUNTS.russia.email);
    await openBids(russia);
    await formOf(russia)
      .getByLabel(/The least Russian Federation will take/)
      .fill('12.5');
    await formOf(russia).getByRole('button', { name: 'Submit sealed bid' }).click();
    await formOf(russia).getByText('Submitted, sealed.').waitFor();
    const second = await signInAs(harness, DEMO_ACCOUNTS.mediator.email);
    await withoutLiveUpdates(second.page);
    await openBids(second);
    const reveal = (viewer: Viewer) => viewer.page.getByRole('button', { name: 'Reveal the outcome' });
    await expect.poll(() => reveal(second).isEnabled(), { timeout: 15_000 }).toBe(true);
    await expect.poll(() => reveal(mediator).isEnabled(), { timeout: 15_000 }).toBe(true);
    await reveal(mediator).click();
    await mediator.page.getByRole('status', { name: 'Outcome' }).waitFor();

    await reveal(second).click();
    await second.page
      .getByText('This bidding was revealed meanwhile (above), so nothing was sent.')
      .waitFor();
    await second.page.getByText(`Revealed by ${DEMO_ACCOUNTS.mediator.displayName} on`).waitFor();
    expect(await reveal(second).count()).toBe(0);
    expect(await second.page.getByText('reload').count()).toBe(0);
    // Ukraine's form for a bid goes too; what Ukraine bid was never told to Russia's browser.
    await expect.poll(() => formOf(lead).count()).toBe(0);
    const russiaSaw = await russia.page.content();
    expect(russiaSaw).not.toContain(DEMO_ACCOUNTS.ukraineFormer.displayName);
  }, 120_000);
});

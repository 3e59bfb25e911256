// End-to-end, real server (demo loaded, its own clock) and Chromium: a lead hand-over dated a few
// seconds ahead. When it takes effect nothing is written, yet the pages held open change then:
// the former lead's drops what the seat let it read, and the other party's shows the new lead.
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
import { postFrom, section } from './helpers/second-window';

const INTERNAL_NOTE = 'Internal note (placeholder): handover between heads of delegation';
const SUCCESSOR = DEMO_ACCOUNTS.ukraineFormer;
// Long enough for the hand-over to be stored before it takes effect, on a loaded machine too.
const AHEAD_MS = 6_000;

let harness: Harness;
let ukraine: Viewer;
let russia: Viewer;

/** The rows of Ukraine's delegation that name the successor, as the page shows them now. */
const successorRows = (page: Page) =>
  page
    .locator('ul.delegations > li')
    .filter({ has: page.getByRole('heading', { name: 'Ukraine' }) })
    .locator('tbody tr')
    .filter({ hasText: SUCCESSOR.displayName });

// Set in the page: still there afterwards, the page was never loaded again.
const markDocument = (page: Page) =>
  page.evaluate(() => ((window as unknown as { __loadedOnce: boolean }).__loadedOnce = true));
const isSameDocument = (page: Page) =>
  page.evaluate(() => (window as unknown as { __loadedOnce?: boolean }).__loadedOnce === true);

describe('a lead hand-over dated a few seconds ahead', () => {
  beforeAll(async () => {
    harness = await startHarness();
    [ukraine, russia] = await Promise.all([
      signInAs(harness, DEMO_ACCOUNTS.ukraine.email),
      signInAs(harness, DEMO_ACCOUNTS.russia.email),
    ]);
    await Promise.all([ukraine, russia].map((viewer) => openDemoNegotiation(viewer.page)));
  }, 180_000);

  afterAll(async () => {
    await harness?.close();
  });

  test("takes the former lead's material off its open page, and shows the other party the new lead", async () => {
    await section(ukraine.page, 'Records');
    await ukraine.page.getByText(INTERNAL_NOTE).waitFor();
    await section(russia.page, 'Delegations');
    await russia.page.locator('ul.delegations').waitFor();
    // Only the seat the successor held before (ended on 28 November 2025).
    await expect.poll(() => successorRows(russia.page).count()).toBe(1);
    const live = (page: Page) => page.getByRole('status').filter({ hasText: /Live updates/ });
    for (const { page } of [ukraine, russia]) {
      await expect.poll(() => live(page).innerText()).toBe('Live updates on');
      await markDocument(page);
    }

    const takesEffect = Date.now() + AHEAD_MS;
    const status = await postFrom(
      ukraine.page,
      `/api/negotiations/${DEMO_NEGOTIATION.id}/parties/${DEMO_PARTIES.ukraine.id}/lead`,
      { userId: SUCCESSOR.id, title: 'Head of delegation', validFrom: new Date(takesEffect).toISOString() },
    );
    expect(status).toBe(201);
    expect(Date.now()).toBeLessThan(takesEffect);
    // Dated ahead, the hand-over is Ukraine's own until then: its lead still reads on.
    expect(await successorRows(russia.page).count()).toBe(1);
    expect(await ukraine.page.getByText(INTERNAL_NOTE).count()).toBe(1);

    await new Promise((resolve) => setTimeout(resolve, Math.max(takesEffect - Date.now(), 0)));
    await expect.poll(() => ukraine.page.getByText(INTERNAL_NOTE).count(), { timeout: 10_000 }).toBe(0);
    await ukraine.page.getByRole('alert').filter({ hasText: 'Not found' }).waitFor();
    await expect.poll(() => successorRows(russia.page).count(), { timeout: 10_000 }).toBe(2);
    for (const { page } of [ukraine, russia]) expect(await isSameDocument(page)).toBe(true);
  }, 60_000);
});

// The point page after a delegate's own save, in a real browser on the real server (demo loaded):
// the position and the status the server now derives show at once, not when the page's lists or
// the realtime stream next arrive, and a re-read that fails keeps the page and its confirmation.
import type { Page, Request, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  openDemoNegotiation,
  signInAs,
  startHarness,
  type Harness,
  type Viewer,
} from './helpers/browser-harness';

const RUN = `${Date.now() % 100_000}`;
// From the demo data: Ukraine and Russia, the required parties, both accept this point openly.
const AGREED_POINT = 'Dnipro and Black Sea trade';

let harness: Harness;
let ukraine: Viewer;

const isStatusRead = (route: Route) => new URL(route.request().url()).pathname.endsWith('/status');
// The stream is held on its own, until the test lets it go.
const isApiRead = (route: Route) => {
  const path = new URL(route.request().url()).pathname;
  return route.request().method() === 'GET' && path.startsWith('/api/') && !path.endsWith('/events');
};

/**
 * Opens the point afresh with its realtime stream held until the returned function lets it go:
 * the stream the page had goes with the reload, so no event reaches it in the meantime.
 */
async function openWithStreamHeld(page: Page): Promise<() => void> {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/events', async (route) => {
    await released;
    await route.continue();
  });
  await page.reload();
  await page.getByRole('heading', { name: 'Positions' }).waitFor();
  await page.getByText('Live updates connecting…').waitFor();
  return release;
}

/**
 * Holds every read `isHeld` picks until `release()`: while held, what the page shows can only come
 * from a save's own answer or from a read let through. `landed()` waits until each read let go has
 * reached the page and the page has had its turn with it, so a check after it sees their effect.
 */
async function holdReads(page: Page, isHeld: (route: Route) => boolean) {
  let isReleased = false;
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  const held: Request[] = [];
  await page.route(
    () => true,
    async (route) => {
      if (!isReleased && isHeld(route)) {
        held.push(route.request());
        await released;
      }
      await route.fallback();
    },
  );
  const landed = async () => {
    const responses = await Promise.all([...held].map((request) => request.response()));
    await Promise.all(responses.map((response) => response?.finished()));
    // Two frames: the page's handlers of those answers have run, and what they set has rendered.
    await page.evaluate(
      () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
    );
    return responses.map((response) => response?.status());
  };
  return {
    release: () => {
      isReleased = true;
      release();
    },
    landed,
    count: () => held.length,
  };
}

async function openAgreedPoint(page: Page) {
  await page.getByRole('link', { name: 'Plan', exact: true }).click();
  await page.getByRole('heading', { name: 'Position matrix' }).waitFor();
  await page.getByRole('link', { name: new RegExp(AGREED_POINT) }).click();
  await page.getByRole('heading', { name: 'Positions' }).waitFor();
}

async function record(page: Page, stance: string, visibility: string, note: string) {
  const form = page.getByRole('form', { name: 'Record your position' });
  await form.getByLabel('Stance').selectOption(stance);
  await form.getByLabel('Visible to').selectOption(visibility);
  await form.getByLabel('Note').fill(note);
  await form.getByRole('button', { name: 'Record position' }).click();
  await form.getByText('Position recorded.').waitFor();
}

describe("the point page after the delegate's own save", () => {
  beforeAll(async () => {
    harness = await startHarness();
    ukraine = await signInAs(harness, 'ukraine@demo.parley');
    await openDemoNegotiation(ukraine.page);
  }, 180_000);

  afterAll(async () => {
    await harness?.close();
  });

  test('shows the saved position and the status the server derives at once, with the stream and the lists held back', async () => {
    const { page } = ukraine;
    await openAgreedPoint(page);
    const heading = page.getByRole('heading', { level: 2 });
    await expect.poll(() => heading.innerText()).toContain('Agreed');
    const releaseStream = await openWithStreamHeld(page);
    // From here every read but the status is held until the checks below are done: the position
    // must come from the save's own answer, the status from the one read the save starts.
    const reads = await holdReads(page, (route) => isApiRead(route) && !isStatusRead(route));
    const positions = page.getByRole('region', { name: 'Positions' });
    const ukraineEntry = positions.getByRole('listitem').filter({ hasText: /^Ukraine/ });
    try {
      const rejected = `Not while the ports are mined ${RUN}`;
      await record(page, 'reject', 'mediator', rejected);
      await expect.poll(() => heading.innerText(), { timeout: 2000 }).toContain('Contested');
      await page.getByText('Ukraine: reject').waitFor({ timeout: 2000 });
      await expect
        .poll(() => ukraineEntry.innerText(), { timeout: 2000 })
        .toMatch(/Reject\s+visible to: the delegation of Ukraine and the mediator/);
      expect(await ukraineEntry.innerText()).toContain(rejected);

      // The last required party to accept makes the point agreed.
      const accepted = `Agreed once the ports are cleared ${RUN}`;
      await record(page, 'accept', 'parties', accepted);
      await expect.poll(() => heading.innerText(), { timeout: 2000 }).toContain('Agreed');
      await expect
        .poll(() => ukraineEntry.innerText(), { timeout: 2000 })
        .toMatch(/Accept\s+visible to: the mediator and every party/);
      expect(await ukraineEntry.innerText()).toContain(accepted);
      expect(await page.getByText('Ukraine: reject').count()).toBe(0);

      // The reads held back since the first save land late: none of them undoes the second.
      expect(reads.count()).toBeGreaterThan(0);
      reads.release();
      expect(await reads.landed()).toEqual(Array(reads.count()).fill(200));
      expect(await heading.innerText()).toContain('Agreed');
      expect(await ukraineEntry.innerText()).toContain(accepted);
      expect(await ukraineEntry.count()).toBe(1);
    } finally {
      reads.release();
      releaseStream();
      await page.unrouteAll({ behavior: 'ignoreErrors' });
    }
  });

  test('lists an amendment just proposed, and then withdrawn, with the lists held back', async () => {
    const { page } = ukraine;
    await openAgreedPoint(page);
    const releaseStream = await openWithStreamHeld(page);
    const reads = await holdReads(page, isApiRead);
    const amendments = page.getByRole('region', { name: 'Amendments' });
    const text = `Ships pass the Dnipro under a joint escort ${RUN}.`;
    try {
      const proposal = page.getByRole('form', { name: 'Propose an amendment' });
      await proposal.getByLabel('New text').fill(text);
      await proposal.getByRole('button', { name: 'Propose amendment' }).click();
      await proposal.getByText('Amendment proposed.').waitFor();
      const entry = amendments.getByRole('listitem').filter({ hasText: text });
      await expect.poll(() => entry.innerText(), { timeout: 2000 }).toContain('Fate: Open');
      await entry.getByRole('button', { name: 'Withdraw amendment' }).click();
      await expect.poll(() => entry.innerText(), { timeout: 2000 }).toContain('Fate: Withdrawn');
      expect(await entry.getByRole('button', { name: 'Withdraw amendment' }).count()).toBe(0);
    } finally {
      reads.release();
      releaseStream();
      await page.unrouteAll({ behavior: 'ignoreErrors' });
    }
  });

  test('a re-read that fails after a save keeps the page, the saved position and the confirmation', async () => {
    const { page } = ukraine;
    await openAgreedPoint(page);
    const heading = page.getByRole('heading', { level: 2 });
    const releaseStream = await openWithStreamHeld(page);
    const before = await heading.innerText();
    let isFailing = true;
    await page.route(
      () => true,
      async (route) => {
        if (!isFailing || !isApiRead(route)) return route.fallback();
        await route.fulfill({
          status: 503,
          contentType: 'application/problem+json',
          body: JSON.stringify({ type: 'about:blank', title: 'Service Unavailable', status: 503 }),
        });
      },
    );
    const form = page.getByRole('form', { name: 'Record your position' });
    try {
      const rejected = `Not while the ports are mined, again ${RUN}`;
      await record(page, 'reject', 'parties', rejected);
      await page.getByText('reading it again failed').waitFor();
      await page.getByText('Could not read the point again').waitFor();
      // Still the page, with what was saved and the form's word that it was.
      expect(await form.getByRole('status').innerText()).toBe('Position recorded.');
      expect(
        await page.getByRole('region', { name: 'Positions' }).getByRole('listitem').allInnerTexts(),
      ).toEqual(expect.arrayContaining([expect.stringContaining(rejected)]));
      expect(await heading.innerText()).toBe(before);

      isFailing = false;
      await page.getByRole('button', { name: 'Read the status again' }).click();
      await expect.poll(() => heading.innerText()).toContain('Contested');
      expect(await page.getByText('reading it again failed').count()).toBe(0);
    } finally {
      releaseStream();
      await page.unrouteAll({ behavior: 'ignoreErrors' });
    }
  });
});

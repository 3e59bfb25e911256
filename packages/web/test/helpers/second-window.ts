// What the no-lost-updates browser tests (issue #11 item 8) do in each window: read through the
// API as the page would, cut a window off from live updates so that it keeps showing what it
// loaded, and reach a point to propose an amendment there.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Viewer } from './browser-harness';

export async function read<T>(viewer: Viewer, path: string): Promise<T> {
  return viewer.page.evaluate(async (path) => (await (await fetch(path)).json()) as T, path);
}

/** A write through the API from a signed-in window, as its own page would send it: its status. */
export async function postFrom(page: Page, path: string, body: unknown): Promise<number> {
  return page.evaluate(
    async ({ path, body }) => {
      const me = (await (await fetch('/api/me')).json()) as { csrfToken: string };
      const response = await fetch(path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: JSON.stringify(body),
      });
      return response.status;
    },
    { path, body },
  );
}

/** A page that hears of no change made elsewhere: what it shows stays as it was loaded. */
export async function withoutLiveUpdates(page: Page): Promise<void> {
  await page.route('**/events', (route) => route.abort());
}

export async function section(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Negotiation sections' }).getByRole('link', { name }).click();
}

export async function openPoint(page: Page, number: number): Promise<void> {
  await section(page, 'Plan');
  await page.getByRole('heading', { name: 'Position matrix' }).waitFor();
  await page
    .locator('ol.points > li')
    .nth(number - 1)
    .getByRole('link')
    .click();
  await page.getByRole('heading', { name: 'Positions' }).waitFor();
}

/** Ukraine proposes a new text for a point, from its point page. */
export async function proposeAmendment(page: Page, text: string): Promise<void> {
  const proposal = page.getByRole('form', { name: 'Propose an amendment' });
  await proposal.getByLabel('New text').fill(text);
  await proposal.getByLabel('Rationale').fill('Said more plainly.');
  await proposal.getByRole('button', { name: 'Propose amendment' }).click();
  await expect.poll(() => proposal.getByRole('status').innerText()).toContain('Amendment proposed');
}

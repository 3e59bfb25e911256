// End-to-end, real server (demo loaded) and Chromium: searching a negotiation from the box in its
// heading. What is found comes only from what the server lets the viewer read: Ukraine's internal
// note is found by Ukraine and reaches no other browser, not even as a passage.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  openDemoNegotiation,
  signInAs,
  startHarness,
  type Harness,
  type Viewer,
} from './helpers/browser-harness';

// From the demo data: Ukraine's delegation-only record, and a point of the Geneva text.
const UKRAINE_NOTE_TITLE = 'Internal note (placeholder): handover between heads of delegation';
const UKRAINE_NOTE_PASSAGE = 'written after the change of head of delegation';
const TERRITORY = 'Territorial arrangements';

let harness: Harness;
let ukraine: Viewer;
let russia: Viewer;
let observer: Viewer;

async function search(viewer: Viewer, words: string) {
  const { page } = viewer;
  await page.getByRole('searchbox', { name: 'Search this negotiation' }).fill(words);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await page.getByRole('heading', { name: `Search for “${words}”` }).waitFor();
  await page.getByRole('status').filter({ hasText: /found/ }).first().waitFor();
}

describe('search in the web app', () => {
  beforeAll(async () => {
    harness = await startHarness();
    [ukraine, russia, observer] = await Promise.all([
      signInAs(harness, 'ukraine@demo.parley'),
      signInAs(harness, 'russia@demo.parley'),
      signInAs(harness, 'observer@demo.parley', { width: 390, height: 844 }),
    ]);
    await Promise.all([ukraine, russia, observer].map((viewer) => openDemoNegotiation(viewer.page)));
  }, 180_000);

  afterAll(async () => {
    await harness?.close();
  });

  test('a delegation finds its own internal note, marked, and the link opens it on the records page', async () => {
    const { page } = ukraine;
    await search(ukraine, 'handover heads');
    await page.getByRole('heading', { name: 'Records', level: 3 }).waitFor();
    const result = page.locator('.search-results li').filter({ hasText: UKRAINE_NOTE_TITLE });
    expect(await result.locator('mark').allInnerTexts()).toEqual(
      expect.arrayContaining(['handover', 'heads']),
    );
    await result.getByRole('link', { name: UKRAINE_NOTE_TITLE }).click();
    await page.waitForURL(/\/records#record-/);
    const card = page.locator('.records li').filter({ hasText: UKRAINE_NOTE_TITLE });
    // opened at the record, its text shown without another click, and focus on it
    await expect.poll(() => card.locator('.record-body').isVisible()).toBe(true);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id ?? '')).toMatch(/^record-/);
  });

  test('another party searching the same words finds nothing, and no passage of it reaches its browser', async () => {
    const { page } = russia;
    await search(russia, 'handover heads delegation');
    await page.getByText('Nothing found.').waitFor();
    const received = russia.bodies.join('\n');
    expect(received).not.toContain(UKRAINE_NOTE_TITLE);
    expect(received).not.toContain(UKRAINE_NOTE_PASSAGE);
  });

  test('an observer on a phone finds a point and opens it', async () => {
    const { page } = observer;
    await search(observer, 'territorial arrangements');
    const link = page
      .locator('.search-results')
      .getByRole('link', { name: new RegExp(TERRITORY) })
      .first();
    await link.click();
    await page
      .getByRole('heading', { name: new RegExp(TERRITORY) })
      .first()
      .waitFor();
    expect(page.url()).toMatch(/\/points\/[^/?]+\?version=/);
  });

  test('a one-letter search says what is wrong instead of searching', async () => {
    const { page } = observer;
    await page.getByRole('searchbox', { name: 'Search this negotiation' }).fill('x');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByText('Type at least 2 characters to search.').waitFor();
    expect(await page.getByRole('button', { name: /try again/i }).count()).toBe(0);
  });
});

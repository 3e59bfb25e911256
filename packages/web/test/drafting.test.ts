// End-to-end drafting in the web app: the real server (PGlite, demo loaded) and Debian's Chromium.
// The mediator imports a plan from a document, drafts and revises versions; parties see the
// result. Every assertion is on what reached a browser (the page or an API body it received).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  openDemoNegotiation,
  signInAs,
  startHarness,
  type Harness,
  type Viewer,
} from './helpers/browser-harness';

const RUN = `${Date.now() % 100_000}`;
let harness: Harness;
let mediator: Viewer;
let ukraine: Viewer;

// Three points under two headings, numbered in the text (see fixtures/README.md).
const WORD_PLAN = readFileSync(path.join(import.meta.dirname, 'fixtures/harbour-accord.docx'));

describe('drafting in a real browser', () => {
  beforeAll(async () => {
    harness = await startHarness();
    [mediator, ukraine] = await Promise.all([
      signInAs(harness, 'mediator@demo.parley'),
      signInAs(harness, 'ukraine@demo.parley'),
    ]);
    await Promise.all([mediator, ukraine].map((viewer) => openDemoNegotiation(viewer.page)));
  }, 180_000);

  afterAll(async () => {
    await harness?.close();
  });

  test('the mediator imports a plan from a Word file after fixing the problems shown inline', async () => {
    const { page } = mediator;
    await page.getByRole('link', { name: 'Plan', exact: true }).click();
    await page.getByRole('link', { name: 'Import a plan from a document' }).click();
    const form = page.getByRole('form', { name: 'Import a plan' });
    await form.getByLabel('Version label').fill(`Harbour accord ${RUN}`);
    await form.getByLabel('Plan text').fill('1. Berths. Ships berth in order.\n3. Fees. Fees are fixed.\n');
    const problems = page.getByRole('region', { name: 'Problems in the text' });
    await expect
      .poll(() => problems.innerText())
      .toContain('line 2: point 3 follows point 1; point 2 is missing');
    expect(await form.getByRole('button', { name: 'Import as a new version' }).isDisabled()).toBe(true);

    await form
      .getByLabel('Upload a file (.md, .txt or .docx)')
      .setInputFiles({ name: 'accord.docx', mimeType: 'application/octet-stream', buffer: WORD_PLAN });
    await expect
      .poll(() => form.getByLabel('Plan text').inputValue())
      .toContain('Ships berth in the order they arrive.');
    await expect.poll(() => form.getByRole('status').innerText()).toContain('3 points read');
    expect(await problems.count()).toBe(0);
    await form.getByRole('button', { name: 'Import as a new version' }).click();
    await page.getByRole('heading', { name: `Harbour accord ${RUN}` }).waitFor();
    await expect.poll(() => page.locator('ol.points').innerText()).toContain('Pilots');

    // A party reads the new version (the plan is shared with every participant).
    await ukraine.page.reload();
    await ukraine.page.getByRole('link', { name: 'Plan', exact: true }).click();
    await expect
      .poll(() => ukraine.page.getByRole('combobox', { name: 'Version' }).locator('option').allInnerTexts())
      .toEqual(expect.arrayContaining([`Harbour accord ${RUN} (3 points)`]));
    // …but is not offered the mediator's drafting links.
    expect(await ukraine.page.getByRole('link', { name: 'Import a plan from a document' }).count()).toBe(0);
  });
});

// End-to-end, real server and Chromium: the export dialog and the mediator's leak-tracing page.
// The mediator exports the Geneva text for two delegations; a paragraph copied out of one copy and
// pasted into the tracing page names that delegation's member, and so does the other's PDF uploaded whole. A party exports only for itself,
// has no tracing page, and the server refuses it the tracing route.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_RECORDS } from '../../server/src/demo';
import { readPdf } from '../../server/test/helpers/read-files';
import {
  openDemoNegotiation,
  signInAs,
  startHarness,
  type Harness,
  type Viewer,
} from './helpers/browser-harness';

let harness: Harness;
let mediator: Viewer;
let ukraine: Viewer;

const GENEVA = 'Geneva text — 19 points';

async function openTab(viewer: Viewer, name: string) {
  await viewer.page
    .getByRole('navigation', { name: 'Negotiation sections' })
    .getByRole('link', { name, exact: true })
    .click();
}

/** Fills the export dialog for the Geneva text and submits it; returns the new entry in the list. */
async function exportGeneva(viewer: Viewer, format: 'Markdown' | 'PDF' | 'Word (DOCX)', recipient?: RegExp) {
  const form = viewer.page.getByRole('form', { name: 'Export' });
  await form.getByRole('combobox', { name: 'What', exact: true }).selectOption({ label: 'Plan version' });
  await form.getByRole('combobox', { name: 'Version', exact: true }).selectOption({ label: GENEVA });
  await form.getByLabel(format).check();
  if (recipient !== undefined)
    await form
      .getByRole('combobox', { name: 'Recipient', exact: true })
      .selectOption({ label: await optionMatching(viewer, recipient) });
  const before = await viewer.page.locator('.exports-done > li').count();
  await form.getByRole('button', { name: 'Export' }).click();
  // The first export in a process also starts its layout in a worker thread: allow for it.
  await expect
    .poll(() => viewer.page.locator('.exports-done > li').count(), { timeout: 30_000 })
    .toBe(before + 1);
  return viewer.page.locator('.exports-done > li').first();
}

async function optionMatching(viewer: Viewer, pattern: RegExp): Promise<string> {
  const labels = await viewer.page
    .getByRole('form', { name: 'Export' })
    .getByRole('combobox', { name: 'Recipient', exact: true })
    .locator('option')
    .allInnerTexts();
  const label = labels.find((text) => pattern.test(text));
  if (label === undefined) throw new Error(`no recipient option matches ${pattern}: ${labels.join(' | ')}`);
  return label;
}

describe('exports and leak tracing in a real browser', () => {
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

  test('the mediator exports the Geneva text for two delegations, and a pasted paragraph names the right one', async () => {
    await openTab(mediator, 'Export');
    const forRussia = await exportGeneva(mediator, 'PDF', /Russian presidential envoy/);
    expect(await forRussia.innerText()).toContain(`for ${DEMO_ACCOUNTS.russia.displayName}`);
    // The download link serves a real PDF to its creator.
    const href = await forRussia.getByRole('link').getAttribute('href');
    const pdf = await mediator.page.evaluate(async (url) => {
      const response = await fetch(url ?? '', { credentials: 'same-origin' });
      return {
        status: response.status,
        type: response.headers.get('content-type'),
        head: new TextDecoder().decode((await response.arrayBuffer()).slice(0, 5)),
      };
    }, href);
    expect(pdf).toEqual({ status: 200, type: expect.stringContaining('application/pdf'), head: '%PDF-' });

    const forUkraine = await exportGeneva(mediator, 'Markdown', /Secretary of the NSDC of Ukraine/);
    // The register lists both copies for the mediator, newest first.
    const register = mediator.page.getByRole('region', { name: 'Copies issued' });
    await expect.poll(() => register.locator('tbody tr').count()).toBeGreaterThanOrEqual(2);
    expect(await register.locator('tbody tr').first().innerText()).toContain(
      DEMO_ACCOUNTS.ukraine.displayName,
    );
    expect(await register.innerText()).toContain(DEMO_ACCOUNTS.russia.displayName);
    expect(await forUkraine.innerText()).toContain('fingerprinted');
    await forUkraine.getByText('Preview').click();
    const markdown = await forUkraine.locator('.export-preview').innerText();
    // Three points (the body paragraphs after the title and subtitle), as a journalist would paste them.
    const paragraphs = markdown
      .split(/\n\s*\n/)
      .map((block) => block.trim())
      .filter((block) => block !== '' && !block.startsWith('#') && !block.startsWith('_'));
    expect(paragraphs.length).toBeGreaterThanOrEqual(7);
    const excerpt = paragraphs.slice(4, 7).join('\n\n');

    await openTab(mediator, 'Trace a leak');
    await mediator.page.getByLabel(/Leaked text/).fill(excerpt);
    await mediator.page.getByRole('button', { name: 'Trace', exact: true }).click();
    const verdict = mediator.page.locator('.verdict');
    await expect.poll(() => verdict.innerText()).toContain('Identified');
    expect(await verdict.innerText()).toContain(DEMO_ACCOUNTS.ukraine.displayName);
    const ranking = mediator.page.getByRole('table', { name: 'Every recorded copy, most likely first' });
    expect(await ranking.locator('tbody tr').first().innerText()).toContain(
      DEMO_ACCOUNTS.ukraine.displayName,
    );
    // The marks and the fewer distinct choices they show, and the caveat that goes with a name.
    const evidence = await mediator.page.locator('.trace-result').innerText();
    const [, marks, choices] =
      /(\d+) fingerprint marks read from the excerpt, showing (\d+) distinct/.exec(evidence) ?? [];
    expect(Number(choices)).toBeGreaterThan(0);
    expect(Number(choices)).toBeLessThan(Number(marks));
    expect(evidence).toContain('Someone who retypes the text');

    // The whole leaked PDF, uploaded as a file, names the Russian delegation's copy.
    const pdfBytes = await (await mediator.context.request.get(href ?? '')).body();
    await mediator.page
      .getByLabel(/leaked file/)
      .setInputFiles({ name: 'leak.pdf', mimeType: 'application/pdf', buffer: pdfBytes });
    await mediator.page.getByRole('button', { name: 'Trace', exact: true }).click();
    await expect.poll(() => verdict.innerText()).toContain(DEMO_ACCOUNTS.russia.displayName);
    expect(await verdict.innerText()).toContain('Identified');
  });

  test("a party exports only for itself, has no tracing page, and receives no other copy's details", async () => {
    await openTab(ukraine, 'Export');
    const form = ukraine.page.getByRole('form', { name: 'Export' });
    expect(await form.getByRole('combobox', { name: 'Recipient', exact: true }).count()).toBe(0);
    expect(
      await ukraine.page
        .getByRole('navigation', { name: 'Negotiation sections' })
        .getByRole('link', { name: 'Trace a leak' })
        .count(),
    ).toBe(0);
    const own = await exportGeneva(ukraine, 'Word (DOCX)');
    expect(await own.innerText()).toContain(`for ${DEMO_ACCOUNTS.ukraine.displayName}`);
    // Its register holds its own copies (including the one the mediator made for it), nobody else's.
    const register = ukraine.page.getByRole('region', { name: 'Copies issued' });
    await expect.poll(() => register.locator('tbody tr').count()).toBeGreaterThanOrEqual(2);
    for (const row of await register.locator('tbody tr').allInnerTexts())
      expect(row).toContain(DEMO_ACCOUNTS.ukraine.displayName);
    // Opened by address, the tracing page gets the same answer as a missing negotiation.
    await ukraine.page.goto(`${new URL(ukraine.page.url()).pathname.replace(/\/exports$/, '')}/leaks`);
    await ukraine.page.getByLabel(/Leaked text/).fill('Any text at all, pasted by a party.');
    await ukraine.page.getByRole('button', { name: 'Trace', exact: true }).click();
    await expect.poll(() => ukraine.page.getByRole('alert').innerText()).toMatch(/not found/i);
    // Nothing about anyone's copies reached the party: no ranking, no keys, no other recipient.
    const received = ukraine.bodies.join('\n');
    expect(received).not.toContain('"ranking"');
    expect(received).not.toContain('fingerprintKey');
    expect(received).toContain(`"recipient":{"userId":"${DEMO_ACCOUNTS.ukraine.id}"`);
    expect(received).not.toMatch(new RegExp(`"recipient":\\{"userId":"(?!${DEMO_ACCOUNTS.ukraine.id})`));
  });

  test('a party exports a transcript it may read as a marked PDF, with its own page header and a watermark', async () => {
    const transcript = DEMO_RECORDS.find((record) => record.kind === 'transcript');
    if (transcript === undefined) throw new Error('expected a demo transcript');
    await openTab(ukraine, 'Export');
    const form = ukraine.page.getByRole('form', { name: 'Export' });
    await form
      .getByRole('combobox', { name: 'What', exact: true })
      .selectOption({ label: 'A record (transcript, note or memo)' });
    const records = form.getByRole('combobox', { name: 'Record', exact: true });
    await expect
      .poll(() => records.locator('option').allInnerTexts())
      .toContainEqual(expect.stringContaining(transcript.title));
    // Another delegation's internal note is not offered.
    expect((await records.locator('option').allInnerTexts()).join('\n')).not.toContain('Russian delegation');
    await records.selectOption({
      label:
        (await records.locator('option').allInnerTexts()).find((text) => text.includes(transcript.title)) ??
        '',
    });
    await form.getByLabel('PDF').check();
    await form.getByRole('textbox', { name: 'Page header' }).fill('Restricted — for the NSDC office');
    await form.getByRole('checkbox', { name: /Watermark every page/ }).check();
    const before = await ukraine.page.locator('.exports-done > li').count();
    await form.getByRole('button', { name: 'Export' }).click();
    await expect
      .poll(() => ukraine.page.locator('.exports-done > li').count(), { timeout: 30_000 })
      .toBe(before + 1);
    const done = ukraine.page.locator('.exports-done > li').first();
    expect(await done.innerText()).toContain('fingerprinted');
    const href = await done.getByRole('link').getAttribute('href');
    const pages = await readPdf(Buffer.from(await (await ukraine.context.request.get(href ?? '')).body()));
    const text = pages.map((page) => page.text).join('\n');
    expect(text).toContain('Restricted — for the NSDC office');
    expect(text).toContain(`Page 1 of ${pages.length}`);
    expect(text.split(DEMO_ACCOUNTS.ukraine.displayName).length - 1).toBeGreaterThanOrEqual(2);
    const register = ukraine.page.getByRole('region', { name: 'Copies issued' });
    await expect.poll(() => register.innerText()).toContain('Record');
  });
});

// End-to-end, real server and Chromium: the export dialog and the mediator's leak-tracing page.
// The mediator exports the Geneva text for two delegations; a paragraph copied out of one copy and
// pasted into the tracing page names that delegation's member, and so does the other's PDF uploaded whole. A party exports only for itself,
// has no tracing page, and the server refuses it the tracing route. The register says what each copy
// is of, a trace without marks names no one and lists no copy, and on a phone nothing is off-screen.
import type { Locator } from 'playwright-core';
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
let mediatorOnPhone: Viewer;

const GENEVA = 'Geneva text — 19 points';
const PHONE = { width: 390, height: 844 };
const demoRecord = (party: string, classification: string) => {
  const record = DEMO_RECORDS.find(
    (candidate) => candidate.party === party && candidate.classification === classification,
  );
  if (record === undefined) throw new Error(`expected a ${classification} record of ${party}`);
  return record;
};

async function openTab(viewer: Viewer, name: string) {
  await viewer.page
    .getByRole('navigation', { name: 'Negotiation sections' })
    .getByRole('link', { name, exact: true })
    .click();
}

/** Opens the export form on a record and waits until the record titled `title` is offered. */
async function recordExportForm(viewer: Viewer, title: string) {
  await openTab(viewer, 'Export');
  const form = viewer.page.getByRole('form', { name: 'Export' });
  await form
    .getByRole('combobox', { name: 'What', exact: true })
    .selectOption({ label: 'A record (transcript, note or memo)' });
  const records = form.getByRole('combobox', { name: 'Record', exact: true });
  await expect
    .poll(() => records.locator('option').allInnerTexts())
    .toContainEqual(expect.stringContaining(title));
  return { form, records };
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

/** Wholly inside a phone's width: nothing to find by scrolling a card sideways. */
async function isOnScreen(locator: Locator): Promise<boolean> {
  await locator.scrollIntoViewIfNeeded();
  const box = await locator.boundingBox();
  const clipped = await locator.evaluate((element) => {
    const scroller = element.closest('.table-scroll');
    return scroller !== null && scroller.scrollWidth > scroller.clientWidth;
  });
  return box !== null && box.x >= 0 && box.x + box.width <= PHONE.width && !clipped;
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
    [mediator, ukraine, mediatorOnPhone] = await Promise.all([
      signInAs(harness, 'mediator@demo.parley'),
      signInAs(harness, 'ukraine@demo.parley'),
      signInAs(harness, 'mediator@demo.parley', PHONE),
    ]);
    await Promise.all([mediator, ukraine, mediatorOnPhone].map((viewer) => openDemoNegotiation(viewer.page)));
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
    // Each row says what the copy is of, not just "Plan version" beside a hashed file name.
    expect(await register.locator('tbody tr').first().innerText()).toContain(GENEVA);
    expect(await register.innerText()).toContain(DEMO_ACCOUNTS.russia.displayName);
    // Issued in the negotiation's zone, named, as deadlines are shown.
    expect(await register.locator('tbody tr').first().innerText()).toMatch(
      /\d{1,2} [A-Z][a-z]{2,3} \d{4}, \d{2}:\d{2} \(Europe\/Zurich\)/,
    );
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
    const ranking = mediator.page.getByRole('table', { name: 'Copies the marks bear on, most likely first' });
    expect(await ranking.locator('tbody tr').first().innerText()).toContain(
      DEMO_ACCOUNTS.ukraine.displayName,
    );
    // A recipient may hold several copies: each row says which, by when it was issued and of what.
    expect(await ranking.locator('tbody tr').first().innerText()).toMatch(
      /\d{1,2} [A-Z][a-z]{2,3} \d{4}, \d{2}:\d{2} \(Europe\/Zurich\)\s+Geneva text — 19 points \(Plan version, Markdown\)/,
    );
    // The marks and the fewer distinct choices they show, and the caveat that goes with a name.
    const evidence = await mediator.page.locator('.trace-result').innerText();
    const [, marks, choices] =
      /(\d+) fingerprint marks? read from the excerpt, showing (\d+) distinct/.exec(evidence) ?? [];
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
    // Opened by address, the tracing page says who traces leaks, and offers no form to send.
    await ukraine.page.goto(`${new URL(ukraine.page.url()).pathname.replace(/\/exports$/, '')}/leaks`);
    await ukraine.page.getByText("Only the mediator's lead and delegates trace leaks").waitFor();
    expect(await ukraine.page.getByLabel(/Leaked text/).count()).toBe(0);
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
    const { form, records } = await recordExportForm(ukraine, transcript.title);
    // Another delegation's internal note is not offered.
    expect((await records.locator('option').allInnerTexts()).join('\n')).not.toContain('Russian delegation');
    await records.selectOption({
      label:
        (await records.locator('option').allInnerTexts()).find((text) => text.includes(transcript.title)) ??
        '',
    });
    await form.getByLabel('PDF').check();
    await form.getByRole('textbox', { name: 'Page header' }).fill('Restricted — for the NSDC office');
    const watermark = form.getByRole('checkbox', { name: /Watermark every page/ });
    await watermark.check();
    // The checkbox sits beside its text, not centred above it.
    expect(
      await watermark.evaluate((box) => getComputedStyle(box.closest('label') ?? box).flexDirection),
    ).toBe('row');
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

  test('the register names the record a copy is of, and only offers formats and recipients the server accepts', async () => {
    await openTab(mediator, 'Export');
    const form = mediator.page.getByRole('form', { name: 'Export' });
    const what = form.getByRole('combobox', { name: 'What', exact: true });
    await what.selectOption({ label: 'Plan version' });
    await expect.poll(() => form.getByLabel('Akoma Ntoso XML').count()).toBe(1);
    await what.selectOption({ label: 'A record (transcript, note or memo)' });
    // Akoma Ntoso marks up a plan version's points: the server refuses it for a record.
    await expect.poll(() => form.getByLabel('Akoma Ntoso XML').count()).toBe(0);
    const records = form.getByRole('combobox', { name: 'Record', exact: true });
    const chooseRecord = async (title: string) => {
      await expect
        .poll(() => records.locator('option').allInnerTexts())
        .toContainEqual(expect.stringContaining(title));
      const label = (await records.locator('option').allInnerTexts()).find((text) => text.includes(title));
      await records.selectOption({ label: label ?? '' });
    };
    const recipientOptions = () =>
      form.getByRole('combobox', { name: 'Recipient', exact: true }).locator('option').allInnerTexts();
    // Ukraine's memo to the mediator: Russia may not read it, so Russia is not offered.
    await chooseRecord(demoRecord('ukraine', 'mediator').title);
    // Both conditions at once: the list before the memo is chosen holds both names.
    await expect
      .poll(async () => {
        const offered = (await recipientOptions()).join('\n');
        return (
          offered.includes('Secretary of the NSDC of Ukraine') &&
          !offered.includes('Russian presidential envoy')
        );
      })
      .toBe(true);

    const transcript = demoRecord('unitedStates', 'parties');
    await chooseRecord(transcript.title);
    await form
      .getByRole('combobox', { name: 'Recipient', exact: true })
      .selectOption({ label: await optionMatching(mediator, /Russian presidential envoy/) });
    await form.getByLabel('Word (DOCX)').check();
    const before = await mediator.page.locator('.exports-done > li').count();
    await form.getByRole('button', { name: 'Export' }).click();
    await expect
      .poll(() => mediator.page.locator('.exports-done > li').count(), { timeout: 30_000 })
      .toBe(before + 1);
    const register = mediator.page.getByRole('region', { name: 'Copies issued' });
    // Waited for whole: an earlier test's PDF of the same transcript heads the register until it
    // is read again (a CI run read that row).
    await expect
      .poll(async () => {
        const row = await register.locator('tbody tr').first().innerText();
        return (
          row.includes(transcript.title) &&
          row.includes('Word') &&
          row.includes(DEMO_ACCOUNTS.russia.displayName)
        );
      })
      .toBe(true);
  });

  test("a changed choice clears the last export's notice, and a recipient it rules out is named beside the field", async () => {
    await openTab(mediator, 'Export');
    const form = mediator.page.getByRole('form', { name: 'Export' });
    await exportGeneva(mediator, 'PDF', /Russian presidential envoy/);
    await expect
      .poll(() => form.getByRole('status').allInnerTexts())
      .toContainEqual(expect.stringContaining('Export ready'));

    await form
      .getByRole('combobox', { name: 'What', exact: true })
      .selectOption({ label: 'A record (transcript, note or memo)' });
    // Ukraine's memo to the mediator: Russia's envoy may not read it, so the copy is the exporter's.
    const memo = demoRecord('ukraine', 'mediator');
    const records = form.getByRole('combobox', { name: 'Record', exact: true });
    await expect
      .poll(() => records.locator('option').allInnerTexts())
      .toContainEqual(expect.stringContaining(memo.title));
    const memoLabel = (await records.locator('option').allInnerTexts()).find((text) =>
      text.includes(memo.title),
    );
    await records.selectOption({ label: memoLabel ?? '' });
    await expect
      .poll(() => form.getByRole('status').allInnerTexts())
      .toEqual([`${DEMO_ACCOUNTS.russia.displayName} may not read this record; the copy will be for you.`]);
    const recipient = form.getByRole('combobox', { name: 'Recipient', exact: true });
    expect(await recipient.locator('option:checked').innerText()).toBe('Myself');
    expect(await recipient.getAttribute('aria-describedby')).toContain('export-recipient-ruled-out');
    // The copy made before is listed under its own title, naming its own recipient.
    expect(await mediator.page.getByRole('heading', { name: 'Exports made in this session' }).count()).toBe(
      1,
    );
  });

  test("a delegation's copy of its internal note never shows its title to the mediator", async () => {
    const note = demoRecord('ukraine', 'delegation');
    const { form, records } = await recordExportForm(ukraine, note.title);
    await records.selectOption({
      label:
        (await records.locator('option').allInnerTexts()).find((text) => text.includes(note.title)) ?? '',
    });
    await form.getByLabel('Markdown').check();
    await form.getByRole('button', { name: 'Export' }).click();
    const own = ukraine.page.getByRole('region', { name: 'Copies issued' });
    await expect
      .poll(() => own.locator('tbody tr').first().innerText(), { timeout: 30_000 })
      .toContain(note.title);

    await mediator.page.reload();
    await mediator.page.getByRole('region', { name: 'Copies issued' }).locator('tbody tr').first().waitFor();
    expect(mediator.bodies.join('\n')).not.toContain(note.title);
  });

  test('the minutes offered are those of rounds the exporter sat in; an observer is told it reads none', async () => {
    const roundsOffered = async (viewer: Viewer, what: string) => {
      await openTab(viewer, 'Export');
      const form = viewer.page.getByRole('form', { name: 'Export' });
      await form.getByRole('combobox', { name: 'What', exact: true }).selectOption({ label: what });
      const rounds = form.getByRole('combobox', { name: 'Round', exact: true });
      await expect.poll(() => rounds.locator('option').first().innerText()).not.toBe('Loading rounds…');
      return { form, options: await rounds.locator('option').allInnerTexts() };
    };
    // Ukraine sat in Geneva and Florida, not in Abu Dhabi: those minutes would only answer "Round not found".
    const minutes = await roundsOffered(ukraine, "A round's minutes (restricted)");
    expect(minutes.options.some((option) => option.startsWith('Geneva round'))).toBe(true);
    expect(minutes.options.some((option) => option.startsWith('Florida round'))).toBe(true);
    expect(minutes.options.some((option) => option.startsWith('Abu Dhabi'))).toBe(false);
    // Every round's public readout is for every participant.
    const readouts = await roundsOffered(ukraine, "A round's public readout");
    expect(readouts.options.some((option) => option.startsWith('Abu Dhabi'))).toBe(true);

    const observer = await signInAs(harness, 'observer@demo.parley', PHONE);
    try {
      await openDemoNegotiation(observer.page);
      const none = await roundsOffered(observer, "A round's minutes (restricted)");
      expect(none.options).toEqual(['No round whose minutes you may read']);
      await none.form.getByText('go only to the mediator and the parties present').waitFor();
    } finally {
      await observer.context.close();
    }
  });

  test('a trace of text without marks names no one and lists no copy', async () => {
    await openTab(mediator, 'Trace a leak');
    await mediator.page
      .getByLabel(/Leaked text/)
      .fill('The talks went on late into the night, and both sides said they would meet again soon.');
    await mediator.page.getByRole('button', { name: 'Trace', exact: true }).click();
    const result = mediator.page.locator('.trace-result');
    await expect.poll(() => result.innerText()).toContain('Undecided');
    expect(await result.innerText()).toContain('No one is named');
    expect(await result.getByRole('table').count()).toBe(0);
  });

  test("on a phone the register's file link and the trace's marks and odds are on screen", async () => {
    const { page } = mediatorOnPhone;
    await openTab(mediatorOnPhone, 'Export');
    const copy = await exportGeneva(mediatorOnPhone, 'Markdown', /Secretary of the NSDC of Ukraine/);
    const register = page.getByRole('region', { name: 'Copies issued' });
    const fileName = await copy.getByRole('link').innerText();
    const fileLink = register.getByRole('link', { name: fileName });
    await fileLink.waitFor();
    expect(await isOnScreen(fileLink)).toBe(true);

    await copy.getByText('Preview').click();
    const paragraphs = (await copy.locator('.export-preview').innerText())
      .split(/\n\s*\n/)
      .map((block) => block.trim())
      .filter((block) => block !== '' && !block.startsWith('#') && !block.startsWith('_'));
    await openTab(mediatorOnPhone, 'Trace a leak');
    await page.getByLabel(/Leaked text/).fill(paragraphs.slice(4, 7).join('\n\n'));
    await page.getByRole('button', { name: 'Trace', exact: true }).click();
    const result = page.locator('.trace-result');
    await expect.poll(() => result.locator('.verdict').innerText()).toContain('Identified');
    const firstRow = result.locator('tbody tr').first();
    for (const column of ['Marks matched', 'Chance it is this copy', 'Weight of evidence (ln LR)'])
      expect(await isOnScreen(firstRow.locator(`td[data-label="${column}"]`)), column).toBe(true);
  });
});

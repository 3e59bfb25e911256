// End-to-end, real server and Chromium: the Audit log view. The mediator sees every entry (with the
// ids of another delegation's internal papers withheld); a party sees only its own material's trail,
// and the check is on the API answers that reached its browser, not only on what the page shows.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_NEGOTIATION, DEMO_RECORDS } from '../../server/src/demo';
import {
  openDemoNegotiation,
  signInAs,
  startHarness,
  type Harness,
  type Viewer,
} from './helpers/browser-harness';

let harness: Harness;
let ukraine: Viewer;
let russia: Viewer;
let mediator: Viewer;

const record = (index: number) => DEMO_RECORDS[index] ?? { id: 'missing', title: 'missing' };
// 2 Ukraine's memo to the mediator · 3 Ukraine's delegation note · 4 Russia's delegation note · 5 Russia's memo to the mediator
// An id tail ("…a3f2c1"): what the log showed before it named its subjects in words.
const ID_TAIL = /…[0-9a-f]{6}\b/;
const auditBodies = (viewer: Viewer) => viewer.bodies.filter((body) => body.includes('"chain"')).join('\n');

/** The Records page lists (and so reads) every record the viewer may read: an audited `record.list`. */
async function openRecords(viewer: Viewer, title: string) {
  await viewer.page.getByRole('link', { name: 'Records', exact: true }).click();
  await viewer.page.getByText(title, { exact: true }).click();
  await viewer.page.waitForLoadState('networkidle');
}

async function openAuditLog(viewer: Viewer) {
  // Keyboard: the tab is a link in the section navigation, reached and followed without a mouse.
  await viewer.page
    .getByRole('navigation', { name: 'Negotiation sections' })
    .getByRole('link', { name: 'Audit log' })
    .focus();
  await viewer.page.keyboard.press('Enter');
  await viewer.page.getByRole('list', { name: 'Audit entries' }).waitFor();
}

describe('the Audit log view in a real browser', () => {
  beforeAll(async () => {
    harness = await startHarness();
    [ukraine, russia, mediator] = await Promise.all([
      signInAs(harness, 'ukraine@demo.parley'),
      signInAs(harness, 'russia@demo.parley'),
      signInAs(harness, 'mediator@demo.parley'),
    ]);
    await Promise.all([ukraine, russia, mediator].map((viewer) => openDemoNegotiation(viewer.page)));
    // The reads the log will show: each delegation opens its own restricted papers.
    await openRecords(russia, record(4).title);
    await openRecords(ukraine, record(2).title);
  }, 180_000);

  afterAll(async () => {
    await harness?.close();
  });

  test("the mediator sees restricted reads, with another delegation's internal note withheld, and a verified chain", async () => {
    await openAuditLog(mediator);
    const { page } = mediator;
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Hash chain' }).innerText())
      .toContain('Hash chain verified');
    const entries = page.getByRole('list', { name: 'Audit entries' });
    await expect
      .poll(() => entries.innerText())
      .toContain(`${DEMO_ACCOUNTS.russia.displayName} listed restricted records`);
    expect(await entries.innerText()).toContain(
      `${DEMO_ACCOUNTS.ukraine.displayName} listed restricted records`,
    );
    expect(await entries.locator('.chip-withheld').count()).toBeGreaterThan(0);
    const received = auditBodies(mediator);
    expect(received).toContain(DEMO_ACCOUNTS.russia.id);
    expect(received).toContain(record(2).id); // Ukraine's memo to the mediator: the mediator may open it
    expect(received).not.toContain(record(4).id); // Russia's delegation note: withheld even from the mediator
    expect(received).not.toContain(record(3).id);
    // What each entry is about, in words: Ukraine's memo by its title, linked to the records page.
    const memo = entries.getByRole('link', { name: `record ‘${record(2).title}’`, exact: false }).first();
    expect(await memo.getAttribute('href')).toMatch(new RegExp(`/records#record-${record(2).id}$`));
    expect(await entries.innerText()).toMatch(/Ukraine’s position on point \d+ · /);
    for (const hidden of [3, 4]) expect(received).not.toContain(record(hidden).title);
    expect(await entries.innerText()).not.toMatch(ID_TAIL);
  });

  test("a party sees its own trail and receives nothing about another party's restricted material", async () => {
    await openAuditLog(russia);
    const entries = russia.page.getByRole('list', { name: 'Audit entries' });
    await expect
      .poll(() => entries.innerText())
      .toContain(`${DEMO_ACCOUNTS.russia.displayName} listed restricted records`);
    // Ukraine's lead appears only as a reader of Russia's own positions (shared with all parties,
    // and logged like every position read): never beside Ukraine's material. Text content, not
    // rendered text: identical reads folded under a closed summary render nothing but still count.
    const byUkraine = await entries
      .locator('li.audit-entry')
      .filter({ hasText: DEMO_ACCOUNTS.ukraine.displayName })
      .allTextContents();
    expect(byUkraine.length).toBeGreaterThan(0);
    for (const entry of byUkraine) expect(entry).toContain('read restricted positions');
    const received = auditBodies(russia);
    expect(received).toContain(record(4).id);
    for (const hidden of [record(2).id, record(3).id]) expect(received).not.toContain(hidden);
    expect(received).not.toContain('"redacted":true');
    expect(received).not.toContain('audit.read');
    // Its own papers by title; nothing of Ukraine's: no title, no position or amendment of Ukraine's.
    for (const hidden of [2, 3]) expect(received).not.toContain(record(hidden).title);
    expect(received).not.toContain('Ukraine’s position');
    expect(received).not.toContain('amendment by Ukraine');
    expect(await entries.innerText()).not.toMatch(ID_TAIL);
    const note = entries.getByRole('link', { name: `record ‘${record(4).title}’`, exact: false }).first();
    await note.click();
    await russia.page.waitForURL(new RegExp(`/records#record-${record(4).id}$`));
    await russia.page.getByText(record(4).title, { exact: true }).waitFor();
  });

  test("a copy the mediator made for Ukraine shows as the mediator reading on its behalf, without the mediator's address", async () => {
    // The mediator exports a summary for Ukraine's lead from its own signed-in browser.
    const status = await mediator.page.evaluate(
      async ({ recipientUserId }) => {
        const me = (await (await fetch('/api/me')).json()) as { csrfToken: string; seats?: unknown };
        const list = (await (await fetch('/api/negotiations')).json()) as { items: { id: string }[] };
        const response = await fetch(`/api/negotiations/${list.items[0]?.id ?? ''}/exports`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
          body: JSON.stringify({ kind: 'negotiation-summary', recipientUserId }),
        });
        return response.status;
      },
      { recipientUserId: DEMO_ACCOUNTS.ukraine.id },
    );
    expect(status).toBe(201);
    await openAuditLog(ukraine);
    const entries = ukraine.page.getByRole('list', { name: 'Audit entries' });
    await expect
      .poll(() => entries.innerText())
      .toContain(`${DEMO_ACCOUNTS.mediator.displayName} read restricted positions`);
    expect(await entries.innerText()).toContain(`On behalf of: ${DEMO_ACCOUNTS.ukraine.displayName}`);
    // The copy is named by what it is of and for whom, as the exports register names it.
    await expect
      .poll(() => entries.innerText())
      .toContain(`copy of ${DEMO_NEGOTIATION.title} for ${DEMO_ACCOUNTS.ukraine.displayName}`);
    // Its own members' addresses are Ukraine's business; the mediator's are not.
    expect(await entries.innerText()).toMatch(/from (127\.0\.0\.1|::1)\b/);
    const received = JSON.parse(`[${auditBodies(ukraine).split('\n').join(',')}]`) as {
      items: { actorId: string | null; ip: string | null }[];
    }[];
    const mediatorEntries = received
      .flatMap((page) => page.items)
      .filter((entry) => entry.actorId === DEMO_ACCOUNTS.mediator.id);
    expect(mediatorEntries.length).toBeGreaterThan(0);
    for (const entry of mediatorEntries) expect(entry.ip).toBeNull();
  });

  test('folds identical reads in a row under the newest, each still listed and verifiable', async () => {
    // Each reload of Ukraine's record page reads the same record again: as many identical entries.
    for (let reload = 0; reload < 3; reload++) {
      await ukraine.page.reload();
      await ukraine.page.waitForLoadState('networkidle');
    }
    const { page } = mediator;
    await page.reload();
    await page.getByRole('list', { name: 'Audit entries' }).waitFor();
    const folded = page.locator('.audit-repeats').first();
    await expect
      .poll(() => folded.locator('summary').innerText())
      .toMatch(/^and \d+ identical reads before it/);
    const count = Number(/and (\d+)/.exec(await folded.locator('summary').innerText())?.[1]);
    expect(count).toBeGreaterThanOrEqual(2);
    await folded.locator('summary').click();
    const repeats = folded.getByRole('list', { name: 'Identical reads' }).locator(':scope > li');
    expect(await repeats.count()).toBe(count);
    expect(
      await repeats
        .first()
        .getByRole('button', { name: /verify/i })
        .count(),
    ).toBe(1);
  });

  test('the filter narrows the log to one family of actions', async () => {
    const { page } = mediator;
    await page.getByLabel('Show').selectOption({ label: 'Records' });
    await expect
      .poll(async () => {
        // Folded repeats sit in closed summaries: their text content is what they would show.
        const actions = await page.locator('.audit-action').allTextContents();
        return actions.length > 0 && actions.every((action) => action.startsWith('record.'));
      })
      .toBe(true);
  });

  test('those without access get no Audit log tab, and the page answers with an error, not entries', async () => {
    const analyst = await signInAs(harness, 'analyst@demo.parley');
    await openDemoNegotiation(analyst.page);
    const sections = analyst.page.getByRole('navigation', { name: 'Negotiation sections' });
    await sections.getByRole('link', { name: 'Records' }).waitFor();
    expect(await sections.getByRole('link', { name: 'Audit log' }).count()).toBe(0);
    await analyst.page.goto(`${analyst.page.url().replace(/\/$/, '')}/audit`);
    await expect.poll(() => analyst.page.getByRole('alert').innerText()).toMatch(/not|may/i);
    expect(auditBodies(analyst)).toBe('');
    await analyst.context.close();
  });

  test('is readable on a 390 px phone', async () => {
    const phone = await signInAs(harness, 'mediator@demo.parley', { width: 390, height: 844 });
    await openDemoNegotiation(phone.page);
    await openAuditLog(phone);
    await phone.page.locator('.audit-entry').first().waitFor();
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await phone.context.close();
  });
});

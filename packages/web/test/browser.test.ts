// End-to-end: the real server (PGlite, demo loaded) and Debian's Chromium, driven through the UI
// as the mediator and two parties. Besides what each page shows, every API response body that
// reached each browser is checked for material that viewer may never receive.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  openDemoNegotiation,
  signInAs,
  startHarness,
  type Harness,
  type Viewer,
} from './helpers/browser-harness';

const RUN = `${Date.now() % 100_000}`;
const UKRAINE_PRIVATE_NOTE = `Ukraine private note ${RUN}`;
const AMENDMENT_TEXT = `The sovereignty of Ukraine is confirmed and guaranteed ${RUN}.`;
const ESCALATION_QUESTION = `May the leaders settle this wording? ${RUN}`;
const LEADERS_DECISION = `The leaders settled the wording as it stands ${RUN}.`;
// From the demo data: Ukraine's private red line on territory, Russia's delegation-only note.
const DEMO_UKRAINE_PRIVATE = 'No legal recognition of occupied territory.';
const DEMO_RUSSIA_DELEGATION = 'Demo placeholder for a note internal to the Russian delegation.';
const DEMO_RUSSIA_MEMO = 'Demo placeholder for a memo the Russian Federation shares with the mediator only.';

let harness: Harness;
let ukraine: Viewer;
let russia: Viewer;
let mediator: Viewer;

async function openPoint(viewer: Viewer, number: number) {
  const { page } = viewer;
  await page.getByRole('link', { name: 'Plan', exact: true }).click();
  await page.getByRole('heading', { name: 'Position matrix' }).waitFor();
  await page
    .locator('ol.points > li')
    .nth(number - 1)
    .getByRole('link')
    .click();
  await page.getByRole('heading', { name: 'Positions' }).waitFor();
}

describe('the web app in a real browser', () => {
  beforeAll(async () => {
    harness = await startHarness();
    [ukraine, russia, mediator] = await Promise.all([
      signInAs(harness, 'ukraine@demo.parley'),
      signInAs(harness, 'russia@demo.parley'),
      signInAs(harness, 'mediator@demo.parley'),
    ]);
    await Promise.all([ukraine, russia, mediator].map((viewer) => openDemoNegotiation(viewer.page)));
  }, 180_000);

  afterAll(async () => {
    await harness?.close();
  });

  test('a wrong password shows a readable error on the sign-in page', async () => {
    const context = await harness.browser.newContext({ baseURL: harness.server.url });
    const page = await context.newPage();
    await page.goto('/n/anything');
    await page.getByLabel('Email').fill('ukraine@demo.parley');
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect.poll(() => page.getByRole('alert').innerText()).toMatch(/password/i);
    // The focus is where the next attempt starts, not on the page (the button was disabled).
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('autocomplete')))
      .toBe('current-password');
    await context.close();
  });

  test('Ukraine records a private position; Russia sees the cell blank and never receives the note', async () => {
    await openPoint(ukraine, 1);
    const form = ukraine.page.getByRole('form', { name: 'Record your position' });
    await form.getByLabel('Stance').selectOption('accept_with_reservation');
    await form.getByLabel('Visible to').selectOption('private');
    await form.getByLabel('Note').fill(UKRAINE_PRIVATE_NOTE);
    await form.getByRole('button', { name: 'Record position' }).click();
    await expect.poll(() => form.getByRole('status').innerText()).toContain('Position recorded');
    await expect.poll(() => ukraine.page.locator('main').innerText()).toContain(UKRAINE_PRIVATE_NOTE);

    // Russia's matrix: Ukraine's point-1 cell was "Accept (parties)"; now private, it is blank.
    await russia.page.getByRole('link', { name: 'Plan', exact: true }).click();
    const cell = russia.page.locator('table.matrix tbody tr').first().locator('td').first();
    await expect.poll(() => cell.getAttribute('aria-label')).toBe('Ukraine: nothing visible');
    await openPoint(russia, 1);
    expect(await russia.page.locator('main').innerText()).not.toContain(UKRAINE_PRIVATE_NOTE);
    // The mediator does not see private positions either.
    await openPoint(mediator, 1);
    expect(await mediator.page.locator('main').innerText()).not.toContain(UKRAINE_PRIVATE_NOTE);
  });

  test('a stale edit gets the "someone changed this" message (409)', async () => {
    const stale = await ukraine.context.newPage();
    await stale.route('**/events', (route) => route.abort()); // no live refresh: keep the old revision
    await stale.goto(ukraine.page.url());
    const staleForm = stale.getByRole('form', { name: 'Record your position' });
    await staleForm.getByLabel('Note').waitFor();
    const form = ukraine.page.getByRole('form', { name: 'Record your position' });
    await form.getByLabel('Stance').selectOption('accept');
    await form.getByRole('button', { name: 'Record position' }).click();
    await expect.poll(() => form.getByRole('status').innerText()).toContain('Position recorded');
    await staleForm.getByRole('button', { name: 'Record position' }).click();
    await expect.poll(() => staleForm.getByRole('alert').innerText()).toMatch(/^Someone changed this/);
    // Their position is shown to choose from, so the alert does not send the user off to reload.
    await staleForm.getByRole('region', { name: 'The other change' }).waitFor();
    expect(await staleForm.getByRole('alert').innerText()).not.toMatch(/reload/i);
    await stale.close();
  });

  test('Ukraine proposes an amendment; the mediator adopts it into a new version; both compare it', async () => {
    const proposal = ukraine.page.getByRole('form', { name: 'Propose an amendment' });
    await proposal.getByLabel('New text').fill(AMENDMENT_TEXT);
    await proposal.getByLabel('Rationale').fill('Guarantee the sovereignty explicitly.');
    await proposal.getByRole('button', { name: 'Propose amendment' }).click();
    await expect.poll(() => proposal.getByRole('status').innerText()).toContain('Amendment proposed');

    // Russia may not see Ukraine's amendments (read as `mediator`), the mediator may.
    await russia.page.reload();
    await russia.page.getByRole('heading', { name: 'Amendments' }).waitFor();
    expect(await russia.page.locator('main').innerText()).not.toContain(AMENDMENT_TEXT);
    await russia.page.waitForLoadState('networkidle');
    expect(russia.bodies.join('\n')).not.toContain(AMENDMENT_TEXT); // not even in a payload, before adoption

    const { page } = mediator;
    await page.getByRole('link', { name: 'Plan', exact: true }).click();
    const adopt = page.getByRole('region', { name: 'Adopt amendments into a new version' });
    await adopt.getByRole('checkbox', { name: new RegExp(`Point 1 — Ukraine.*${RUN}`) }).check();
    await adopt.getByLabel('New version label').fill(`Revised text ${RUN}`);
    await adopt.getByRole('button', { name: /Create version adopting 1/ }).click();
    await page.getByRole('heading', { name: 'Lineage' }).waitFor();
    await expect.poll(() => page.getByLabel('Summary of changes').innerText()).toMatch(/Amended\s*1/i);
    await expect
      .poll(() => page.locator('ins').allInnerTexts())
      .toEqual(expect.arrayContaining([expect.stringContaining('guaranteed')]));
    expect(await page.getByRole('img', { name: /Lineage from Florida text/ }).count()).toBe(1);

    // Ukraine's point page, still on the Florida text, says live that it is no longer the newest.
    await expect
      .poll(() => ukraine.page.getByRole('note').allInnerTexts())
      .toEqual(expect.arrayContaining([expect.stringMatching(/not the newest version \(“Revised text/)]));

    // Ukraine's open page learns of the new version live, without a reload.
    await ukraine.page.getByRole('link', { name: 'Compare versions' }).click();
    await expect
      .poll(() =>
        ukraine.page.getByRole('combobox', { name: 'To', exact: true }).locator('option').allInnerTexts(),
      )
      .toEqual(expect.arrayContaining([expect.stringContaining(`Revised text ${RUN}`)]));
    await ukraine.page.getByRole('link', { name: 'Rounds & statements' }).click();
    await expect.poll(() => ukraine.page.locator('main').innerText()).toContain(`Revised text ${RUN}`);
    // The point page records the amendment's fate.
    await openPoint(ukraine, 1);
    await expect
      .poll(() => ukraine.page.getByRole('region', { name: 'Amendments' }).innerText())
      .toContain(`Adopted in Revised text ${RUN}`);
  });

  test('Ukraine withdraws its own open amendment', async () => {
    await openPoint(ukraine, 3);
    const proposal = ukraine.page.getByRole('form', { name: 'Propose an amendment' });
    await proposal.getByLabel('Proposal').selectOption('drop');
    await proposal.getByRole('button', { name: 'Propose amendment' }).click();
    await expect.poll(() => proposal.getByRole('status').innerText()).toContain('Amendment proposed');
    await ukraine.page.getByRole('button', { name: 'Withdraw amendment' }).click();
    await expect
      .poll(() => ukraine.page.getByRole('region', { name: 'Amendments' }).innerText())
      .toContain('Withdrawn');
    expect(await ukraine.page.getByRole('button', { name: 'Withdraw amendment' }).count()).toBe(0);
    // The form no longer announces a proposal that has been taken back.
    await expect.poll(() => proposal.getByRole('status').count()).toBe(0);
  });

  test('a typed position note survives another section and comes back with the revision it started from', async () => {
    await openPoint(ukraine, 2);
    const form = () => ukraine.page.getByRole('form', { name: 'Record your position' });
    const note = `Only with guarantees, ${RUN}`;
    await form().getByLabel('Note').fill(note);
    await form().getByLabel('Stance').selectOption('accept_with_reservation');
    // To another section and back, with no dialog in between (in-app navigation is not held).
    await ukraine.page.getByRole('link', { name: 'Deadlines', exact: true }).click();
    await ukraine.page.getByRole('heading', { name: 'Deadlines' }).first().waitFor();
    await openPoint(ukraine, 2);
    expect(await form().getByLabel('Note').inputValue()).toBe(note);
    expect(await form().getByLabel('Stance').inputValue()).toBe('accept_with_reservation');
    expect(await form().getByRole('status').first().innerText()).toContain('the unsaved work you left here');

    // Meanwhile someone else in the delegation saves: the kept edit still knows its base.
    const other = await ukraine.context.newPage();
    await other.goto(ukraine.page.url());
    const otherForm = other.getByRole('form', { name: 'Record your position' });
    await otherForm.getByLabel('Stance').selectOption('reject');
    await otherForm.getByRole('button', { name: 'Record position' }).click();
    await expect.poll(() => otherForm.getByRole('status').innerText()).toContain('Position recorded');
    await other.close();
    await expect
      .poll(() => form().innerText())
      .toContain('Someone in your delegation changed this position while you were editing');
    await form().getByRole('button', { name: 'Record position' }).click();
    await form()
      .getByRole('region', { name: 'The other change' })
      .getByRole('button', { name: /mine/i })
      .click();
    await expect.poll(() => form().getByRole('status').last().innerText()).toContain('Position recorded');

    // Saved: nothing is kept, so a reload shows the saved position and no restored work.
    await ukraine.page.reload();
    await ukraine.page.getByRole('heading', { name: 'Positions' }).waitFor();
    expect(await form().getByLabel('Note').inputValue()).toBe(note);
    expect(await form().getByText('the unsaved work you left here').count()).toBe(0);
  });

  test('the mediator escalates a point; Ukraine sees it live on the point page', async () => {
    await openPoint(ukraine, 2);
    await openPoint(mediator, 2);
    const question = ESCALATION_QUESTION;
    await mediator.page.getByText('Escalate to the leaders').click();
    const form = mediator.page.getByRole('form', { name: 'Escalate the point' });
    await form
      .getByLabel('Principals (comma-separated)')
      .fill('President of the United States, President of Ukraine');
    await form.getByLabel('Question').fill(question);
    await form.getByLabel('Due date').fill('2030-01-15');
    await form.getByRole('button', { name: 'Escalate' }).click();
    // The form gives way to its outcome, which keeps the focus: no second escalation to send.
    const escalation = mediator.page.getByRole('region', { name: 'Escalation' });
    await expect.poll(() => escalation.getByRole('status').innerText()).toContain('Point escalated');
    expect(await form.count()).toBe(0);
    expect(await mediator.page.evaluate(() => document.activeElement?.textContent)).toBe('Point escalated.');
    await expect
      .poll(() => ukraine.page.getByRole('heading', { level: 2 }).innerText())
      .toContain('Deferred to leaders');
    await expect.poll(() => ukraine.page.locator('main').innerText()).toContain(question);
    // Opened again, the point is with the leaders: no second escalation is offered until they decide.
    await mediator.page.reload();
    await mediator.page.getByText('This point is with the leaders').waitFor();
    expect(await mediator.page.getByText('Escalate to the leaders').count()).toBe(0);
  });

  test("the leaders' decision shows on the point at once, and on the timeline instead of its due date", async () => {
    await openPoint(mediator, 2);
    const escalation = mediator.page.getByRole('region', { name: 'Escalation' });
    await escalation.getByText('Record the leaders’ decision', { exact: true }).click();
    const decide = escalation.getByRole('form', { name: /^Record the decision of/ });
    await decide.getByLabel('Outcome').selectOption('agreed');
    await decide.getByLabel('What they decided').fill(LEADERS_DECISION);
    // Reading the list again (after the save, or on the realtime event) is held back for 5 s: the
    // decision must come from the save's own answer, not from a read that happens to be quick.
    const isEscalationList = (url: URL) => url.pathname.endsWith('/escalations');
    await mediator.page.route(isEscalationList, async (route) => {
      if (route.request().method() === 'GET') await new Promise((resolve) => setTimeout(resolve, 5000));
      await route.continue();
    });
    try {
      await decide.getByRole('button', { name: 'Record the decision' }).click();
      await escalation.getByText('Decision recorded.').waitFor();
      await escalation.getByText(LEADERS_DECISION).waitFor({ timeout: 1000 });
      expect(await escalation.getByText('Deferred to leaders').count()).toBe(0);
      // Handed back to the parties: the point may be escalated afresh.
      await escalation.getByText('Escalate to the leaders', { exact: true }).waitFor({ timeout: 1000 });
    } finally {
      // A read still held back is let go: the page has moved on, and so does the test.
      await mediator.page.unrouteAll({ behavior: 'ignoreErrors' });
    }

    await mediator.page.getByRole('link', { name: 'Rounds & statements', exact: true }).click();
    const timeline = mediator.page.getByRole('list', { name: /^Rounds, versions, statements/ });
    const entries = timeline.getByRole('listitem').filter({ hasText: ESCALATION_QUESTION });
    await expect.poll(() => entries.allInnerTexts()).toHaveLength(1);
    const [entry] = await entries.allInnerTexts();
    expect(entry).toMatch(/Leaders’ decision\s+May the leaders settle this wording\? \d+\s+Agreed/);
    expect(entry).not.toContain('due');
  });

  test('an observer sees the plan but no party position (those are shared with parties at most)', async () => {
    const observer = await signInAs(harness, 'observer@demo.parley');
    await openDemoNegotiation(observer.page);
    await observer.page.getByRole('link', { name: 'Plan', exact: true }).click();
    await observer.page.getByRole('heading', { name: 'Position matrix' }).waitFor();
    await expect.poll(() => observer.page.locator('table.matrix tbody tr').count()).toBeGreaterThan(10);
    expect(await observer.page.locator('table.matrix td.cell').count()).toBe(0);
    expect(await observer.page.locator('table.matrix td.cell-blank').count()).toBeGreaterThan(10);
    // The leak-tracing page, reached by its address, says who traces leaks instead of a form.
    await observer.page.goto(`${observer.page.url().replace(/\/plan.*$/, '')}/leaks`);
    await observer.page.getByText("Only the mediator's lead and delegates trace leaks").waitFor();
    expect(await observer.page.getByRole('form', { name: 'Trace a leak' }).count()).toBe(0);
    // So does the packages page: no form the server would refuse with a 403.
    await observer.page.goto(`${observer.page.url().replace(/\/leaks$/, '')}/packages`);
    await observer.page
      .getByText('Only the mediator’s delegation and the negotiating parties run the analysis')
      .waitFor();
    expect(await observer.page.getByRole('form', { name: 'Run the analysis' }).count()).toBe(0);
    await observer.page
      .getByText('The mediator’s delegation and the negotiating parties check packages.')
      .waitFor();
    expect(
      await observer.page.getByRole('form', { name: 'Check for a package everyone prefers' }).count(),
    ).toBe(0);
    await observer.context.close();
  });

  test('records show their classification; delegation notes stay with their delegation', async () => {
    await ukraine.page.getByRole('link', { name: 'Records' }).click();
    await expect
      .poll(() => ukraine.page.locator('.records .chip').allInnerTexts())
      .toEqual(expect.arrayContaining(['Delegation', 'Mediator']));
    await russia.page.getByRole('link', { name: 'Records' }).click();
    await russia.page.locator('.records details summary').first().waitFor();
    await russia.page.getByText('Internal note (placeholder): Russian delegation').click();
    await expect.poll(() => russia.page.locator('main').innerText()).toContain(DEMO_RUSSIA_DELEGATION);

    // Ukraine files two records while Russia's Records page stays open: the public one appears
    // there live; the delegation note neither shows nor reaches Russia's browser.
    const file = async (classification: string, title: string) => {
      const form = ukraine.page.getByRole('form', { name: 'File a record' });
      if (!(await form.isVisible())) await ukraine.page.getByText('File a record', { exact: true }).click();
      await form.getByRole('radio', { name: new RegExp(`^${classification}:`, 'i') }).check();
      await form.getByLabel('Title', { exact: true }).fill(title);
      await form.getByLabel('Text', { exact: true }).fill(`${title}: text.`);
      await form.getByRole('button', { name: 'File the record' }).click();
      await expect.poll(() => form.getByRole('status').innerText()).toBe('Record filed.');
    };
    await file('delegation', `Our fallback lines ${RUN}`);
    await file('public', `Press summary ${RUN}`);
    await expect.poll(() => russia.page.locator('.records').innerText()).toContain(`Press summary ${RUN}`);
    expect(await russia.page.locator('.records').innerText()).not.toContain(`Our fallback lines ${RUN}`);
    expect(russia.bodies.join('\n')).not.toContain(`Our fallback lines ${RUN}`);
  });

  test('what changed in the last round is one click from the overview and from the round', async () => {
    const { page } = ukraine;
    const selected = (name: string) =>
      page.getByRole('combobox', { name, exact: true }).locator('option:checked').innerText();
    await page.getByRole('link', { name: 'Overview', exact: true }).click();
    await page.getByRole('heading', { name: 'Latest round' }).waitFor();
    await page.getByRole('link', { name: 'What changed in this round' }).click();
    await page.getByRole('heading', { name: 'Redline' }).waitFor();
    expect(await selected('From')).toContain('Geneva text');
    expect(await selected('To')).toContain('Florida text');
    // The Geneva round, on the timeline, compares the draft it started from with its own text.
    await page.getByRole('link', { name: 'Rounds & statements' }).click();
    await page
      .locator('li', { has: page.getByText('Geneva round (Geneva)') })
      .getByRole('link', { name: 'What changed in this round' })
      .click();
    await page.getByRole('heading', { name: 'Redline' }).waitFor();
    expect(await selected('From')).toContain('28-point draft');
    expect(await selected('To')).toContain('Geneva text');
  });

  test('on a phone the position form says in full who will read the position', async () => {
    const phone = await signInAs(harness, 'ukraine@demo.parley', { width: 390, height: 844 });
    try {
      await openDemoNegotiation(phone.page);
      await openPoint(phone, 4);
      const form = phone.page.getByRole('form', { name: 'Record your position' });
      const visibleTo = form.getByLabel('Visible to');
      await visibleTo.selectOption('private');
      const audience = phone.page.locator(
        `[id="${(await visibleTo.getAttribute('aria-describedby')) ?? ''}"]`,
      );
      expect(await audience.innerText()).toBe('Read by only the delegation of Ukraine.');
      await visibleTo.selectOption('mediator');
      expect(await audience.innerText()).toBe('Read by the delegation of Ukraine and the mediator.');
      // Wholly on the screen, where the select itself cuts the option's words short.
      const box = await audience.boundingBox();
      expect(box !== null && box.x >= 0 && box.x + box.width <= 390).toBe(true);
    } finally {
      await phone.context.close();
    }
  });

  test('a record being typed survives another section and a reload, and is gone once filed', async () => {
    const { page } = ukraine;
    const title = `Transcript typed by hand ${RUN}`;
    const text = `Pages of a transcript, typed before a mistaken click ${RUN}.`;
    await page.getByRole('link', { name: 'Records', exact: true }).click();
    const form = page.getByRole('form', { name: 'File a record' });
    // A restored textarea's text joins its label's name: found by its tag, not by "Text" exactly.
    const textField = form.locator('textarea');
    if (!(await form.isVisible())) await page.getByText('File a record', { exact: true }).click();
    await form.getByRole('radio', { name: /^Mediator:/ }).check();
    await form.getByLabel('Title', { exact: true }).fill(title);
    await textField.fill(text);
    // To another section and back: the form opens again on the work, and says so.
    await page.getByRole('link', { name: 'Deadlines', exact: true }).click();
    await page.getByRole('heading', { name: 'Deadlines' }).first().waitFor();
    await page.getByRole('link', { name: 'Records', exact: true }).click();
    await expect.poll(() => form.getByLabel('Title', { exact: true }).inputValue()).toBe(title);
    expect(await textField.inputValue()).toBe(text);
    expect(await form.getByRole('radio', { name: /^Mediator:/ }).isChecked()).toBe(true);
    expect(await page.getByText('the unsaved work you left here').count()).toBe(1);
    await page.reload();
    await expect.poll(() => textField.inputValue()).toBe(text);

    await form.getByRole('button', { name: 'File the record' }).click();
    await expect.poll(() => form.getByRole('status').innerText()).toBe('Record filed.');
    await page.reload();
    await page.locator('.records details summary').first().waitFor();
    expect(await page.getByText('the unsaved work you left here').count()).toBe(0);
    if (!(await form.isVisible())) await page.getByText('File a record', { exact: true }).click();
    expect(await form.getByLabel('Title', { exact: true }).inputValue()).toBe('');
  });

  test('no browser ever received material hidden from its viewer', async () => {
    await Promise.all(
      [ukraine, russia, mediator].map((viewer) => viewer.page.waitForLoadState('networkidle')),
    );
    const all = (viewer: Viewer) => viewer.bodies.join('\n');
    expect(ukraine.bodies.length).toBeGreaterThan(20);
    expect(all(ukraine)).toContain(UKRAINE_PRIVATE_NOTE);
    expect(all(russia)).not.toContain(UKRAINE_PRIVATE_NOTE);
    expect(all(mediator)).not.toContain(UKRAINE_PRIVATE_NOTE);
    expect(all(russia)).not.toContain(DEMO_UKRAINE_PRIVATE);
    expect(all(mediator)).not.toContain(DEMO_UKRAINE_PRIVATE);
    expect(all(ukraine)).toContain(DEMO_UKRAINE_PRIVATE);
    expect(all(ukraine)).not.toContain(DEMO_RUSSIA_DELEGATION);
    expect(all(mediator)).not.toContain(DEMO_RUSSIA_DELEGATION);
    expect(all(russia)).toContain(DEMO_RUSSIA_DELEGATION);
    expect(all(ukraine)).not.toContain(DEMO_RUSSIA_MEMO);
  });
});

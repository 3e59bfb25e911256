// Done-means of issue #11: a negotiation run from an EMPTY server (`parley serve --no-demo`),
// entirely through the web app, in one browser context per person. Every action goes through the
// UI; every check is on what reached a browser: the page, or the API bodies that context received
// (so restricted material is shown never to have ARRIVED where it must not, not merely hidden).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { openBrowserFor, startEmptyServer, type EmptyServer, type Person } from './helpers/empty-server';

const PASSWORD = 'correct horse battery';
const NEGOTIATION = 'River accord';
// Markers for material whose reach the test checks, each unique in the whole run.
const MINUTES = 'Minutes: Northland would trade the toll for ferry rights (restricted)';
const READOUT = 'Readout: the parties met in Basel and agreed to meet again.';
const NORTH_NOTE = 'Northland note: we can live with a shared weir if the quota holds';
const SOUTH_NOTE = 'Southland note: equal shares are acceptable to us';
const NORTH_RECORD = 'Northland transcript: our internal debrief of the Basel round';
const QUOTE = 'Southland will not pay for crossing its own river.';
const DECISION = 'The leaders agreed to abolish the toll for people on foot.';

const FIRST_DRAFT = [
  '1. **Water access.** Both sides share the water of the river equally, measured at the weir each month.',
  '2. **Fishing rights.** Fishermen from both sides may fish from either bank of the river all year.',
  '3. **Bridge tolls.** No toll is charged on the old bridge for people on foot or bicycles.',
  '4. **Border posts.** The border posts open at dawn for traders and close at dusk for everyone except ambulances.',
  '5. **Schools.** Children from either side may attend the school nearest to their home.',
].join('\n');
// Points 1 and 2 merged, 3 renumbered, 4 split in two, 5 unchanged.
const REVISED = [
  '1. **River use.** Both sides share the water of the river equally, measured at the weir each month, and fishermen from both sides may fish from either bank of the river all year.',
  '2. **Bridge tolls.** No toll is charged on the old bridge for people on foot or bicycles.',
  '3. **Opening of the border posts.** The border posts open at dawn for traders.',
  '4. **Closing of the border posts.** The border posts close at dusk for everyone except ambulances.',
  '5. **Schools.** Children from either side may attend the school nearest to their home.',
].join('\n');

let server: EmptyServer;
let mediator: Person;
let north: Person;
let south: Person;
let observer: Person;
let successor: Person;
let negotiationPath = '';

/** Everything the API sent this person, as one text (method, path, status and body per line). */
const received = (person: Person) => person.bodies.join('\n');
const sections = (page: Page) => page.getByRole('navigation', { name: 'Negotiation sections' });
const tab = (page: Page, name: string) => sections(page).getByRole('link', { name, exact: true });
const partyCard = (page: Page, name: string) =>
  page
    .locator('ul.delegations > li')
    .filter({ has: page.getByRole('heading', { name: new RegExp(`^${name}`) }) });

async function openTab(person: Person, name: string) {
  await tab(person.page, name).click();
}

/** Opens a point of the latest version from the plan, by its number and title. */
async function openPoint(person: Person, number: number, title: string) {
  await openTab(person, 'Plan');
  await person.page
    .getByRole('link', { name: `${number}. ${title}` })
    .first()
    .click();
  await person.page.getByRole('heading', { level: 2, name: `Point ${number}. ${title}` }).waitFor();
}

async function register(page: Page, form: Locator, name: string, email: string) {
  await form.getByLabel('Your name, as others will see it').fill(name);
  await form.getByLabel('Email').fill(email);
  await form.getByLabel('Password (at least 10 characters)').fill(PASSWORD);
  await form.getByRole('button').click();
  void page;
}

/** The invitee opens the one-time link in their own browser, registers, then accepts the seat. */
async function acceptInvitation(person: Person, link: string, name: string) {
  await person.page.goto(link);
  await person.page.getByRole('heading', { name: 'You are invited to a negotiation' }).waitFor();
  await register(person.page, person.page.getByRole('form', { name: 'Create account' }), name, person.email);
  await person.page.getByRole('button', { name: 'Accept the invitation' }).click();
  await sections(person.page).waitFor();
}

async function invite(page: Page, party: string, summary: string, email: string): Promise<string> {
  const card = partyCard(page, party);
  await card.getByText(summary, { exact: true }).click();
  const form = card.getByRole('form', { name: `Invite to ${party}` });
  await form.getByLabel('Email').fill(email);
  await form.getByRole('button', { name: /^Invite/ }).click();
  const link = form.getByLabel(/Invitation link for/);
  await link.waitFor();
  return link.inputValue();
}

/** Polls for up to 20 s: a busy shared machine can take seconds to re-read a page after a write. */
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 20_000, interval: 200 });

/** How often `needle` occurs in `text`. */
const occurrences = (text: string, needle: string) => text.split(needle).length - 1;

describe('running a negotiation of one’s own, from an empty server, in the web app', () => {
  beforeAll(async () => {
    server = await startEmptyServer();
    // The mediator works from New York, the observer from Tokyo; the talks run on Zurich time.
    mediator = await openBrowserFor(server, 'mia@example.org', { timezoneId: 'America/New_York' });
    north = await openBrowserFor(server, 'nils@example.org');
    south = await openBrowserFor(server, 'sara@example.org');
    observer = await openBrowserFor(server, 'otto@example.org', { timezoneId: 'Asia/Tokyo' });
    successor = await openBrowserFor(server, 'nora@example.org');
  }, 300_000);

  afterAll(async () => {
    await server?.close();
  });

  test('the whole story, with what reached each browser', { timeout: 300_000 }, async () => {
    try {
      await story();
    } catch (failure) {
      for (const [name, person] of Object.entries({ mediator, north, south, observer, successor }))
        await person.page.screenshot({ path: `/tmp/i11s/fail-${name}.png`, fullPage: true }).catch(() => {});
      throw failure;
    }
  });
});

async function story() {
  {
    // 1. The first visitor of an empty server creates the administrator account.
    const { page } = mediator;
    await page.goto('/');
    await page.getByRole('heading', { name: 'Set up this Parley server' }).waitFor();
    await register(
      page,
      page.getByRole('form', { name: 'Create the administrator account' }),
      'Mia Mediator',
      mediator.email,
    );
    await page.getByRole('heading', { name: 'Your negotiations' }).waitFor();

    // 2. The negotiation, in Zurich's time zone; its creator leads the mediator party.
    await page.getByRole('link', { name: 'Open a new negotiation' }).click();
    const created = page.getByRole('form', { name: 'New negotiation' });
    // Blanks get past \`required\`; the server's answer is said once, each field's own error beside it.
    await created.getByLabel('Title').fill(' ');
    await created.getByLabel(/^Your party, the mediator/).fill(' ');
    await created.getByRole('button', { name: 'Open the negotiation' }).click();
    await poll(() => created.getByRole('alert').innerText()).toBe(
      'Some fields need correcting: see the note beside each.',
    );
    expect(await created.locator('.field-error').allInnerTexts()).toEqual(['Required.', 'Required.']);
    expect(await created.getByLabel('Title').getAttribute('aria-invalid')).toBe('true');
    await created.getByLabel('Title').fill(NEGOTIATION);
    await created
      .getByLabel('Description (mandate)')
      .fill('Sharing the river between Northland and Southland.');
    // Typed texts survive a reload (a walk-through lost a mandate so).
    await page.reload();
    await poll(() => created.getByLabel('Title').inputValue()).toBe(NEGOTIATION);
    expect(await created.getByLabel('Description (mandate)').inputValue()).toBe(
      'Sharing the river between Northland and Southland.',
    );
    // Discarded, the kept texts go with their notice, and the focus lands on the page's heading (its
    // only one, an h1), not on the body.
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Discard draft' }).click();
    await poll(() => created.getByLabel('Title').inputValue()).toBe('');
    await poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Open a new negotiation');
    await created.getByLabel('Title').fill(NEGOTIATION);
    await created
      .getByLabel('Description (mandate)')
      .fill('Sharing the river between Northland and Southland.');
    await created.getByLabel(/^Time zone/).selectOption('Europe/Zurich');
    await created.getByLabel(/^Your party, the mediator/).fill('Mediation team');
    await created.getByRole('button', { name: 'Open the negotiation' }).click();
    await sections(page).waitFor();
    negotiationPath = new URL(page.url()).pathname.replace(/\/delegations$/, '');

    // 3. Parties, then their leads invited; each accepts in their own browser.
    const addParty = page.getByRole('form', { name: 'Add a party' });
    for (const [name, role] of [
      ['Northland', 'party'],
      ['Southland', 'party'],
      ['Watchers', 'observer'],
    ] as const) {
      await addParty.getByLabel('Name').fill(name);
      await addParty.getByLabel('Role').selectOption(role);
      await addParty.getByRole('button', { name: 'Add party' }).click();
      await partyCard(page, name).waitFor();
    }
    const invitations = {
      north: await invite(page, 'Northland', 'Invite the lead of Northland', north.email),
      south: await invite(page, 'Southland', 'Invite the lead of Southland', south.email),
      observer: await invite(page, 'Watchers', 'Invite the lead of Watchers', observer.email),
    };
    await acceptInvitation(north, invitations.north, 'Nils North');
    await acceptInvitation(south, invitations.south, 'Sara South');
    await acceptInvitation(observer, invitations.observer, 'Otto Observer');
    await page.reload();
    await poll(() => partyCard(page, 'Northland').innerText()).toContain('Nils North');

    // 4. The first draft, pasted into the plan import page.
    await openTab(mediator, 'Plan');
    await page.getByRole('link', { name: 'Import a plan from a document' }).click();
    const importForm = page.getByRole('form', { name: 'Import a plan' });
    await importForm.getByLabel('Version label').fill('First draft');
    await importForm.getByLabel('Plan text').fill(FIRST_DRAFT);
    await importForm.getByRole('button', { name: 'Import as a new version' }).click();
    await page.getByRole('heading', { name: 'First draft' }).waitFor();

    // 5. Positions from both parties: Northland's for the mediator only, Southland's for every party.
    for (const [person, stance, visibility, note] of [
      [north, 'reject', 'mediator', NORTH_NOTE],
      [south, 'accept', 'parties', SOUTH_NOTE],
    ] as const) {
      await person.page.goto(negotiationPath);
      await openPoint(person, 1, 'Water access');
      const form = person.page.getByRole('form', { name: 'Record your position' });
      await form.getByLabel('Stance').selectOption(stance);
      await form.getByLabel('Visible to').selectOption(visibility);
      await form.getByLabel('Note').fill(note);
      await form.getByRole('button', { name: 'Record position' }).click();
      await poll(() => form.getByRole('status').innerText()).toContain('Position recorded');
    }

    // 6. A revised text pasted back: the inferred lineage shows the merge and the split; confirmed.
    await openTab(mediator, 'Plan');
    await page.getByRole('link', { name: 'Paste a revised text' }).click();
    const revised = page.getByRole('form', { name: 'Revised text' });
    await revised.getByLabel('Revised text').fill(REVISED);
    await revised.getByRole('button', { name: 'Propose the lineage' }).click();
    const map = page.getByRole('region', { name: 'Lineage map' });
    await map.getByRole('table').waitFor();
    const row = (number: number) => map.getByRole('row', { name: new RegExp(`^${number}\\. `) });
    await poll(() => row(1).innerText()).toMatch(/Merged/i);
    await poll(() => row(3).innerText()).toMatch(/Split/i);
    expect(await row(4).innerText()).toMatch(/Split/i);
    const create = page.getByRole('form', { name: 'Create the revised version' });
    await create.getByLabel('New version label').fill('Second draft');
    await create.getByRole('button', { name: 'Create the version' }).click();
    await page.getByRole('heading', { name: 'Lineage' }).waitFor();
    const summary = page.getByLabel('Summary of changes');
    await poll(() => summary.innerText()).toMatch(/Merged\s*1/i);
    expect(await summary.innerText()).toMatch(/Split\s*1/i);

    // 7. A point escalated to the leaders, and their decision recorded.
    await openPoint(mediator, 2, 'Bridge tolls');
    await page.getByText('Escalate to the leaders', { exact: true }).click();
    const escalate = page.getByRole('form', { name: 'Escalate the point' });
    await escalate
      .getByLabel('Principals (comma-separated)')
      .fill('President of Northland, President of Southland');
    await escalate.getByLabel('Question').fill('Should the bridge toll go?');
    await escalate.getByRole('button', { name: 'Escalate' }).click();
    // The form gives way to its outcome, which takes the focus: a second escalation is not offered.
    const escalation = page.getByRole('region', { name: 'Escalation', exact: true });
    await poll(() => escalation.getByRole('status').innerText()).toContain('Point escalated');
    expect(await escalate.count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Point escalated.');
    await page.getByText('Record the leaders’ decision', { exact: true }).click();
    const decide = page.getByRole('form', { name: /^Record the decision of President of Northland/ });
    // Nothing is preselected: an empty decision is refused beside its fields, not recorded as "Agreed".
    await decide.getByRole('button', { name: 'Record the decision' }).click();
    await poll(() => decide.locator('.field-error').allInnerTexts()).toEqual([
      'Choose what the leaders decided.',
      'Say what the leaders decided.',
    ]);
    await decide.getByLabel('Outcome').selectOption('agreed');
    await decide.getByLabel('What they decided').fill(DECISION);
    await decide.getByRole('button', { name: 'Record the decision' }).click();
    await poll(() => page.locator('main').innerText()).toContain(DECISION);
    await poll(() => page.getByRole('form', { name: /^Record the decision of/ }).count()).toBe(0);
    // The outcome keeps the focus, no earlier alert outlives the decision, and the point may be
    // escalated afresh.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Decision recorded.');
    expect(await escalation.getByRole('alert').count()).toBe(0);
    await escalation.getByText('Escalate to the leaders', { exact: true }).waitFor();
    expect(await escalation.getByText('Point escalated').count()).toBe(0);

    // 8. A round with restricted minutes (Northland and the mediator present) and a public readout.
    await openTab(mediator, 'Rounds & statements');
    await page.getByText('Record a round', { exact: true }).click();
    const round = page.getByRole('form', { name: 'Record a round' });
    await round.getByLabel('Name').fill('Basel round');
    await round.getByLabel('Place').fill('Basel');
    await round.getByRole('checkbox', { name: 'Mediation team' }).check();
    await round.getByRole('checkbox', { name: 'Northland' }).check();
    await round.getByLabel('Version it started from').selectOption({ label: 'First draft' });
    await round.getByLabel('Version it produced').selectOption({ label: 'Second draft' });
    await round.getByLabel(/^Minutes/).fill(MINUTES);
    await round.getByLabel(/^Public readout/).fill(READOUT);
    // Minutes typed by hand survive a reload mid-form (the short fields are typed again).
    await page.reload();
    await poll(() => round.getByLabel(/^Minutes/).inputValue()).toBe(MINUTES);
    expect(await round.getByLabel(/^Public readout/).inputValue()).toBe(READOUT);
    // Minutes with no party present would reach the mediator's side alone: the form says so first.
    const mediatorOnly = round.getByText(/only the mediator's side will read these minutes/);
    expect(await mediatorOnly.count()).toBe(1);
    await round.getByLabel('Name').fill('Basel round');
    await round.getByLabel('Place').fill('Basel');
    await round.getByRole('checkbox', { name: 'Mediation team' }).check();
    await round.getByRole('checkbox', { name: 'Northland' }).check();
    expect(await mediatorOnly.count()).toBe(0);
    await round.getByLabel('Version it started from').selectOption({ label: 'First draft' });
    await round.getByLabel('Version it produced').selectOption({ label: 'Second draft' });
    await round.getByRole('button', { name: 'Record the round' }).click();
    // Focus lands on the outcome, so a screen reader hears it.
    // Exactly the outcome line: <body>, which holds it too, would not do.
    await poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toBe('Round recorded.');
    const timeline = page.getByRole('list', { name: /^Rounds, versions, statements/ });
    await poll(() => timeline.innerText()).toContain(READOUT);
    expect(await timeline.innerText()).toContain('Started from First draft · produced Second draft');
    expect(await timeline.innerText()).toContain('Basel round (Basel)');
    // The form starts the next round blank: attendance kept ticked would give that round's
    // restricted minutes to this round's parties.
    expect(await round.getByRole('checkbox', { name: 'Northland' }).isChecked()).toBe(false);
    expect(await round.getByRole('checkbox', { name: 'Mediation team' }).isChecked()).toBe(false);
    expect(await round.getByLabel('Version it produced').inputValue()).toBe('');
    expect(await round.getByLabel(/^Minutes/).inputValue()).toBe('');
    // The decision reads in words, its outcome in the same case as every other chip.
    expect(await timeline.innerText()).toMatch(/Leaders’ decision\s+Should the bridge toll go\?\s+Agreed/);

    // 9. A public statement linked to the merged point; it appears once on the timeline.
    await page.getByText('Publish a statement', { exact: true }).click();
    const statement = page.getByRole('form', { name: 'Publish a statement' });
    await statement.getByLabel('Who said it').fill('Foreign minister of Southland');
    // No party is preselected: the first listed is the mediator's, whose name a hurried quote would bear.
    expect(await statement.getByLabel('For').inputValue()).toBe('');
    // The greyed-out button says what it waits for.
    const publish = statement.getByRole('button', { name: 'Publish the statement' });
    expect(await publish.isDisabled()).toBe(true);
    expect(
      await statement.getByText('To publish, the form still needs the party it speaks for.').count(),
    ).toBe(1);
    await statement.getByLabel('For').selectOption({ label: 'Southland' });
    expect(await statement.getByText(/the form still needs/).count()).toBe(0);
    await statement.getByLabel('Source').fill('Press conference');
    await statement.getByLabel('Quote').fill(QUOTE);
    await statement.getByLabel('Points it concerns').selectOption({ label: '1. River use' });
    await statement.getByRole('button', { name: 'Publish the statement' }).click();
    await poll(() => timeline.innerText()).toContain(QUOTE);
    expect(occurrences(await timeline.innerText(), QUOTE)).toBe(1);

    // 10. A deadline: one in the past is refused next to its field; then one a month ahead.
    await openTab(mediator, 'Deadlines');
    await page.getByText('Set a deadline', { exact: true }).click();
    const deadline = page.getByRole('form', { name: 'Set a deadline' });
    await deadline.getByLabel('Title').fill('Answer on the river text');
    const due = deadline.getByLabel('Due (Europe/Zurich)');
    await due.fill('2020-01-15T17:00');
    await deadline.getByLabel('Consequence if it passes').fill('The mediator reports to the sponsors.');
    await deadline.getByRole('button', { name: 'Set the deadline' }).click();
    // Said beside the field only: the alert points there (it repeated it word for word).
    await poll(() => deadline.getByRole('alert').innerText()).toBe(
      'A field needs correcting: see the note beside it.',
    );
    expect(await due.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await due.getAttribute('aria-describedby')) ?? '';
    expect(await page.locator(`[id="${describedBy}"]`).innerText()).toContain('in the past');
    expect(await due.evaluate((input) => input === document.activeElement)).toBe(true);
    const next = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    await due.fill(`${next}T17:00`);
    await poll(() => deadline.innerText()).toContain('Your time:');
    await deadline.getByRole('button', { name: 'Set the deadline' }).click();
    await poll(() => deadline.getByRole('status').innerText()).toContain('Deadline set');
    const deadlines = page.getByRole('list', { name: 'Deadlines, soonest first' });
    await poll(() => deadlines.innerText()).toContain('Answer on the river text');
    const card = await deadlines.innerText();
    expect(card).toMatch(/17:00 \(Europe\/Zurich\)/);
    expect(card).toMatch(/Your time: .*\(America\/New_York\)/);
    expect(card).toContain('Open');
    expect(card).toContain('The mediator reports to the sponsors.');

    // 11. Northland files a transcript for its delegation only (uploaded as a text file).
    await openTab(north, 'Records');
    await north.page.getByText('File a record', { exact: true }).click();
    const fileForm = north.page.getByRole('form', { name: 'File a record' });
    await fileForm.getByLabel('Kind').selectOption('transcript');
    await fileForm.getByRole('radio', { name: /^Delegation:/ }).check();
    await fileForm.getByLabel('Upload a text file (.txt or .md)').setInputFiles({
      name: 'basel-debrief.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(NORTH_RECORD),
    });
    await poll(() => fileForm.getByLabel('Title').inputValue()).toBe('basel-debrief');
    await fileForm.getByRole('button', { name: 'File the record' }).click();
    await poll(() => fileForm.getByRole('status').innerText()).toContain('Record filed');
    await poll(() => north.page.locator('ul.records').innerText()).toContain('basel-debrief');

    // 12. Everyone reads the negotiation: point 1, the timeline, the deadlines, the records.
    for (const person of [mediator, north, south, observer]) {
      await person.page.goto(negotiationPath);
      await openPoint(person, 1, 'River use');
      await openTab(person, 'Rounds & statements');
      await person.page
        .getByRole('list', { name: /^Rounds, versions, statements/ })
        .getByText(READOUT)
        .waitFor();
      await openTab(person, 'Deadlines');
      await person.page.getByText('Answer on the river text').waitFor();
      await openTab(person, 'Records');
      await person.page.locator('ul.records').waitFor();
    }
    // Public material reached everyone; the observer's Tokyo clock is shown beside Zurich's.
    for (const person of [mediator, north, south, observer]) {
      const all = received(person);
      for (const text of [READOUT, QUOTE, DECISION, 'Answer on the river text']) expect(all).toContain(text);
    }
    await openTab(observer, 'Deadlines');
    await poll(() => observer.page.locator('main').innerText()).toMatch(/\(Asia\/Tokyo\)/);
    // Restricted minutes: the mediator and Northland (present), never Southland or the observer.
    expect(received(mediator)).toContain(MINUTES);
    expect(received(north)).toContain(MINUTES);
    expect(received(south)).not.toContain(MINUTES);
    expect(received(observer)).not.toContain(MINUTES);
    expect(await observer.page.getByText('Minutes (restricted)').count()).toBe(0);
    // Northland's note was for the mediator; Southland's for the parties; observers see neither.
    expect(received(mediator)).toContain(NORTH_NOTE);
    expect(received(south)).not.toContain(NORTH_NOTE);
    expect(received(north)).toContain(SOUTH_NOTE);
    expect(received(observer)).not.toContain(NORTH_NOTE);
    expect(received(observer)).not.toContain(SOUTH_NOTE);
    // Northland's delegation record never left its delegation.
    expect(received(north)).toContain(NORTH_RECORD);
    for (const person of [mediator, south, observer]) expect(received(person)).not.toContain(NORTH_RECORD);
    // Only the mediator is offered the story's forms.
    for (const person of [north, south, observer]) {
      await openTab(person, 'Rounds & statements');
      await person.page.getByRole('list', { name: /^Rounds, versions, statements/ }).waitFor();
      expect(await person.page.getByRole('form', { name: 'Record a round' }).count()).toBe(0);
    }

    // 13. Northland's lead invites a successor, who is seated, and hands the lead over at once.
    await openTab(north, 'Delegations');
    const link = await invite(north.page, 'Northland', 'Invite someone', successor.email);
    await acceptInvitation(successor, link, 'Nora North');
    await north.page.reload();
    const northCard = partyCard(north.page, 'Northland');
    await poll(() => northCard.innerText()).toContain('Nora North');
    await northCard.getByText('Hand over the lead', { exact: true }).click();
    const handOver = northCard.getByRole('form', { name: 'Hand over the lead of Northland' });
    await handOver.getByLabel('New lead').selectOption({ label: 'Nora North' });
    // Dated before the lead took office: refused at once, not first confirmed as "ends at once".
    const from = handOver.getByLabel(/^From/);
    const shown = await from.inputValue();
    await from.fill('2020-01-01T09:00');
    await handOver.getByRole('button', { name: 'Hand over' }).click();
    await poll(() => handOver.getByRole('alert').innerText()).toMatch(
      /^The hand-over must be dated after the current lead took office/,
    );
    expect(await handOver.getByRole('group', { name: 'Confirm the hand-over' }).count()).toBe(0);
    await from.fill(shown);
    // The time is left as shown: the successor was seated seconds ago, within this very minute.
    await handOver.getByRole('button', { name: 'Hand over' }).click();
    // Asked once more, since it ends the lead's own seat; the focus is on the answer.
    const confirm = handOver.getByRole('group', { name: 'Confirm the hand-over' });
    await poll(() => confirm.innerText()).toMatch(
      /^Hand the lead to Nora North\? Your seat as lead of Northland ends at once: from then you no longer have access to “.+”\./,
    );
    expect(await north.page.evaluate(() => document.activeElement?.textContent)).toBe('Yes, hand over');
    await confirm.getByRole('button', { name: 'Yes, hand over' }).click();
    // The server accepted it, and the former lead is told so on their list of negotiations rather
    // than left on a page that can no longer load.
    await poll(() => received(north)).toMatch(/POST \/api\/negotiations\/[^ ]+\/parties\/[^ ]+\/lead 20\d /);
    await poll(() => north.page.getByRole('status').allInnerTexts()).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^You handed the lead of Northland to Nora North; your seat in “.+” has ended\.$/,
        ),
      ]),
    );

    // The former lead loses access: the negotiation answers 404 and their list is empty.
    const before = north.bodies.length;
    await north.page.goto(negotiationPath);
    await poll(() => north.bodies.slice(before).join('\n')).toMatch(
      new RegExp(`GET /api${negotiationPath.replace('/n/', '/negotiations/')} 404`),
    );
    await north.page.goto('/');
    await north.page.getByText('You have no seat in any negotiation yet.').waitFor();
    // The successor now leads: Northland's own record is theirs to read, the minutes too.
    await successor.page.goto(negotiationPath);
    await openTab(successor, 'Records');
    await poll(() => successor.page.locator('ul.records').innerText()).toContain('basel-debrief');
    await openTab(successor, 'Delegations');
    await poll(() =>
      partyCard(successor.page, 'Northland').getByText('Hand over the lead', { exact: true }).count(),
    ).toBe(1);
    expect(received(successor)).toContain(NORTH_RECORD);
  }
}

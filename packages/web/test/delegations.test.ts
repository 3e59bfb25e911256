// End-to-end, real server (demo loaded) and Chromium: seating people directly in a delegation with
// a function and a validity, ending a seat, and invitations answered in the form (#11, item 2).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_NEGOTIATION } from '../../server/src/demo';
import {
  openDemoNegotiation,
  signInAs,
  startHarness,
  type Harness,
  type Viewer,
} from './helpers/browser-harness';

let harness: Harness;
let ukraine: Viewer;
let mediator: Viewer;

async function openDelegations(viewer: Viewer) {
  await viewer.page
    .getByRole('navigation', { name: 'Negotiation sections' })
    .getByRole('link', { name: 'Delegations' })
    .click();
  await viewer.page.locator('ul.delegations').waitFor();
}

const card = (viewer: Viewer, party: string) =>
  viewer.page
    .locator('ul.delegations > li')
    .filter({ has: viewer.page.getByRole('heading', { name: party }) });

describe('delegations: seats with a function and a validity', () => {
  beforeAll(async () => {
    harness = await startHarness();
    [ukraine, mediator] = await Promise.all([
      // Ukraine's lead works from New York: times are still typed and shown on the negotiation's clock.
      signInAs(harness, 'ukraine@demo.parley', { width: 1280, height: 900, timezoneId: 'America/New_York' }),
      signInAs(harness, 'mediator@demo.parley'),
    ]);
    await Promise.all([ukraine, mediator].map((viewer) => openDemoNegotiation(viewer.page)));
    await Promise.all([ukraine, mediator].map(openDelegations));
  }, 180_000);

  afterAll(async () => {
    await harness?.close();
  });

  test("Ukraine's lead seats a colleague as analyst until a date, sees the seat, then ends it; not a stranger", async () => {
    const { page } = ukraine;
    const ukraineCard = card(ukraine, 'Ukraine');
    await ukraineCard.getByText('Seat someone with an account').click();
    const form = ukraineCard.getByRole('form', { name: 'Seat someone in Ukraine' });

    // An account Ukraine's lead has never sat with is answered, next to the email field, as one
    // with no account: invite them.
    await form.getByLabel('Email of their account').fill(DEMO_ACCOUNTS.outsider.email);
    await form.getByRole('button', { name: 'Seat', exact: true }).click();
    const email = form.getByLabel('Email of their account');
    await expect.poll(() => email.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await email.getAttribute('aria-describedby')) ?? '';
    expect(await page.locator(`[id="${describedBy}"]`).innerText()).toContain('invite the person instead');

    // The former lead has sat in this negotiation: a colleague, seated at once.
    await email.fill(DEMO_ACCOUNTS.ukraineFormer.email);
    await form.getByLabel('Function').selectOption('analyst');
    await form.getByLabel('Title shown to others (optional)').fill('Legal adviser');
    // Typed on the negotiation's clock (Europe/Zurich), with the same instant on the viewer's own.
    await form.getByLabel('Valid until (Europe/Zurich; empty for open-ended)').fill('2031-06-30T18:00');
    expect(await form.getByText('Your time: 30 Jun 2031, 12:00 (America/New_York)').count()).toBe(1);
    await form.getByRole('button', { name: 'Seat', exact: true }).click();
    await expect.poll(() => form.getByRole('status').innerText()).toBe('Seated.');
    // The focus lands on the outcome, not on the page body.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Seated.');

    const row = ukraineCard
      .locator('tbody tr')
      .filter({ hasText: DEMO_ACCOUNTS.ukraineFormer.displayName })
      .filter({ hasText: 'Legal adviser' });
    await expect
      .poll(() => row.innerText())
      .toMatch(/Analyst[\s\S]*until 30 Jun 2031, 18:00 \(Europe\/Zurich\)/);
    expect(await row.innerText()).toContain('Legal adviser');

    const end = row.getByRole('form', { name: `End the seat of ${DEMO_ACCOUNTS.ukraineFormer.displayName}` });
    await end.getByRole('button', { name: 'End seat' }).click();
    await expect.poll(() => row.getAttribute('class')).toBe('past');
    expect(await row.getByRole('form').count()).toBe(0);
  });

  test('an invitation for someone already seated is answered in the form with what is wrong', async () => {
    const { page } = ukraine;
    const ukraineCard = card(ukraine, 'Ukraine');
    await ukraineCard.getByText('Invite someone').click();
    const form = ukraineCard.getByRole('form', { name: 'Invite to Ukraine' });
    // The title's example follows the function: a delegate is not offered "Head of delegation".
    const title = form.getByLabel('Title shown to others (optional)');
    expect(await title.getAttribute('placeholder')).toBe('Deputy head of delegation');
    await form.getByLabel('Function').selectOption('analyst');
    expect(await title.getAttribute('placeholder')).toBe('Legal adviser');
    await form.getByLabel('Function').selectOption('delegate');
    // Ukraine's own lead: an address seated in another delegation is not told apart (no oracle).
    await form.getByLabel('Email').fill(DEMO_ACCOUNTS.ukraine.email);
    await form.getByRole('button', { name: 'Invite', exact: true }).click();
    const alert = form.getByRole('alert');
    // Said once, beside the field; the alert points there.
    await expect.poll(() => alert.innerText()).toBe('A field needs correcting: see the note beside it.');
    const email = form.getByLabel('Email');
    expect(await email.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await email.getAttribute('aria-describedby')) ?? '';
    expect(await page.locator(`[id="${describedBy}"]`).innerText()).toContain('already has a seat');
  });

  test('the mediator seats in its own delegation, but not in a party that has its lead', async () => {
    const ukraineCard = card(mediator, 'Ukraine');
    await ukraineCard.getByRole('table').waitFor();
    expect(await ukraineCard.getByText('Seat someone with an account').count()).toBe(0);
    expect(await ukraineCard.getByText(/Seat the lead of/).count()).toBe(0);
    const own = card(mediator, 'United States');
    expect(await own.getByText('Seat someone with an account').count()).toBe(1);
  });

  test('a member who is not the lead is told the lead manages the delegation, and offered no form', async () => {
    const analyst = await signInAs(harness, 'analyst@demo.parley');
    try {
      await openDemoNegotiation(analyst.page);
      await openDelegations(analyst);
      const own = card(analyst, 'United States');
      await own.getByRole('table').waitFor();
      await own.getByText('lead invites and seats its members, ends seats and hands over the lead').waitFor();
      expect(await own.getByRole('group').count()).toBe(0);
      expect(await own.locator('summary').count()).toBe(0);
      // Said only on its own delegation's card, not on a party it does not sit for.
      expect(await card(analyst, 'Ukraine').getByText('lead invites and seats').count()).toBe(0);
      // The lead, who has the forms, is not told so.
      expect(await card(mediator, 'United States').getByText('lead invites and seats').count()).toBe(0);
    } finally {
      await analyst.context.close();
    }
  });

  test("on a 390 px phone a delegation's seats, with the form that ends one, fit the screen", async () => {
    const phone = await signInAs(harness, 'mediator@demo.parley', { width: 390, height: 844 });
    await openDemoNegotiation(phone.page);
    await openDelegations(phone);
    const own = card(phone, 'United States');
    const endForm = own.getByRole('form', { name: /^End the seat of / }).first();
    await endForm.waitFor();
    const box = await endForm.getByRole('button', { name: 'End seat' }).boundingBox();
    expect(box !== null && box.x + box.width <= 390).toBe(true);
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const scrolls = await phone.page.$$eval(
      '.table-scroll',
      (nodes) => nodes.filter((node) => node.scrollWidth > node.clientWidth).length,
    );
    expect(scrolls).toBe(0);
    await phone.page.context().close();
  });

  // Last of Ukraine's: its lead leaves the negotiation here.
  test("Ukraine's lead is told before accepting the mediator's proposed successor that the seat ends, then where it went", async () => {
    const successor = DEMO_ACCOUNTS.ukraineFormer.displayName;
    await ukraine.page.reload();
    const ukraineCard = card(ukraine, 'Ukraine');
    await ukraineCard.getByText('Seat someone with an account').click();
    const seat = ukraineCard.getByRole('form', { name: 'Seat someone in Ukraine' });
    await seat.getByLabel('Email of their account').fill(DEMO_ACCOUNTS.ukraineFormer.email);
    await seat.getByLabel('Function').selectOption('delegate');
    await seat.getByRole('button', { name: 'Seat', exact: true }).click();
    await expect.poll(() => seat.getByRole('status').innerText()).toBe('Seated.');

    await mediator.page.reload();
    const mediatorCard = card(mediator, 'Ukraine');
    await mediatorCard.getByText('Propose a new lead', { exact: true }).click();
    const propose = mediatorCard.getByRole('form', { name: 'Propose a new lead for Ukraine' });
    await propose.getByLabel('New lead').selectOption({ label: successor });
    await propose.getByLabel('Their title').fill('Chief negotiator');
    await propose.getByRole('button', { name: 'Propose' }).click();
    await expect.poll(() => propose.getByRole('status').innerText()).toContain('Proposal sent');
    // Sent, the form starts again: not filled with the proposal just made.
    expect(await propose.getByLabel('Their title').inputValue()).toBe('Head of delegation');

    await ukraine.page.reload();
    const pending = card(ukraine, 'Ukraine').getByRole('region', {
      name: 'Proposed lead hand-overs for Ukraine',
    });
    const accept = pending.getByRole('button', { name: 'Accept' });
    // Said before accepting, beside the button and tied to it.
    const describedBy = (await accept.getAttribute('aria-describedby')) ?? '';
    expect(await ukraine.page.locator(`[id="${describedBy}"]`).innerText()).toBe(
      `Accepting ends your seat as lead of Ukraine at once: from then you no longer have access to “${DEMO_NEGOTIATION.title}”.`,
    );
    await accept.click();
    // Not a bare "not found" on a page that can no longer load: their list, saying what happened.
    await ukraine.page.getByRole('heading', { name: 'Your negotiations' }).waitFor();
    await expect
      .poll(() => ukraine.page.getByRole('status').allInnerTexts())
      .toContainEqual(
        `You accepted ${successor} as lead of Ukraine; your seat in “${DEMO_NEGOTIATION.title}” has ended.`,
      );
    expect(await ukraine.page.getByText('not found').count()).toBe(0);
  });

  // After the last of Ukraine's: the mediator's own delegation changes lead later, not at once.
  test("a hand-over dated ahead is said on the delegation's own card, and nowhere on another party's", async () => {
    const successor = DEMO_ACCOUNTS.mediatorAnalyst.displayName;
    await mediator.page.reload();
    const own = card(mediator, 'United States');
    await own.getByText('Hand over the lead', { exact: true }).click();
    const form = own.getByRole('form', { name: 'Hand over the lead of United States' });
    await form.getByLabel('New lead').selectOption({ label: successor });
    await form.getByLabel('From (Europe/Zurich)').fill('2032-03-15T09:30');
    await form.getByRole('button', { name: 'Hand over', exact: true }).click();
    await form.getByRole('button', { name: 'Yes, hand over' }).click();
    await expect.poll(() => form.getByRole('status').innerText()).toContain('Lead handed over from');
    const scheduled = `${successor} takes over as lead on 15 Mar 2032, 09:30 (Europe/Zurich).`;
    await own.getByText(scheduled).waitFor();

    const russia = await signInAs(harness, DEMO_ACCOUNTS.russia.email);
    try {
      await openDemoNegotiation(russia.page);
      await openDelegations(russia);
      const theirs = card(russia, 'United States');
      await theirs.getByRole('table').waitFor();
      // The delegation as it is: its lead in office with no end, its analyst an analyst.
      const lead = theirs.locator('tbody tr').filter({ hasText: DEMO_ACCOUNTS.mediator.displayName });
      expect(await lead.innerText()).not.toContain('until');
      expect(await theirs.getByText('takes over').count()).toBe(0);
      expect(await theirs.locator('tbody tr').filter({ hasText: 'Lead' }).count()).toBe(1);
      // Nor did any answer the page received carry the date.
      expect(russia.bodies.join('\n')).not.toContain('2032-03-15');
    } finally {
      await russia.context.close();
    }
  });
});

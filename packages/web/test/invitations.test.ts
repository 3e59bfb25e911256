// End-to-end, real server (demo loaded) and Chromium: a delegation's lead sees the invitations it
// sent and withdraws a mistyped one, whose link then says so; the invitee's link names what it is
// for before any account exists; the mediator's browser never receives Ukraine's invitations.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_NEGOTIATION } from '../../server/src/demo';
import {
  openDemoNegotiation,
  signInAs,
  startHarness,
  type Harness,
  type Viewer,
} from './helpers/browser-harness';

const MISTYPED = 'typo-invitee@exmaple.org';
const INVITEE = 'new-analyst@example.org';

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
const pendingList = (viewer: Viewer) =>
  card(viewer, 'Ukraine').getByRole('region', { name: 'Pending invitations to Ukraine' });

/** Invites from Ukraine's card and returns the one-time link the form shows. */
async function invite(email: string, fn: 'delegate' | 'analyst'): Promise<string> {
  const form = card(ukraine, 'Ukraine').getByRole('form', { name: 'Invite to Ukraine' });
  if (!(await form.isVisible())) await card(ukraine, 'Ukraine').getByText('Invite someone').click();
  await form.getByLabel('Email').fill(email);
  await form.getByLabel('Function').selectOption(fn);
  await form.getByRole('button', { name: 'Invite', exact: true }).click();
  const link = form.getByLabel(`Invitation link for ${email}`, { exact: false });
  await link.waitFor();
  return link.inputValue();
}

/** Opens a link in a browser of its own, signed out, as the invitee would. */
async function openSignedOut(link: string): Promise<Page> {
  const context = await harness.browser.newContext({ baseURL: harness.server.url });
  const page = await context.newPage();
  await page.goto(link);
  return page;
}

describe('pending invitations: listed, withdrawn, and named on the invitation page', () => {
  beforeAll(async () => {
    harness = await startHarness();
    [ukraine, mediator] = await Promise.all([
      signInAs(harness, 'ukraine@demo.parley'),
      signInAs(harness, 'mediator@demo.parley'),
    ]);
    await Promise.all([ukraine, mediator].map((viewer) => openDemoNegotiation(viewer.page)));
    await Promise.all([ukraine, mediator].map(openDelegations));
  }, 180_000);

  afterAll(async () => {
    await harness?.close();
  });

  test("Ukraine's lead sees a new invitation listed, withdraws it, and its link then says it was withdrawn", async () => {
    await pendingList(ukraine).getByText('None pending.').waitFor();
    const link = await invite(MISTYPED, 'delegate');
    const item = pendingList(ukraine).getByRole('listitem').filter({ hasText: MISTYPED });
    await expect
      .poll(() => item.innerText())
      .toMatch(/as delegate, sent by you; expires \d{1,2} \w{3} \d{4}, \d\d:\d\d \(/);

    await item.getByRole('button', { name: 'Withdraw' }).click();
    const confirm = item.getByRole('form', { name: `Withdraw the invitation for ${MISTYPED}` });
    // Keyboard users land on the question's answer, then on what happened: never on the page.
    const focused = () => ukraine.page.evaluate(() => document.activeElement?.textContent ?? '');
    await expect.poll(focused).toBe('Yes, withdraw');
    await confirm.getByRole('button', { name: 'Yes, withdraw' }).click();
    await expect
      .poll(() => pendingList(ukraine).getByRole('status').innerText())
      .toBe(`The invitation for ${MISTYPED} was withdrawn: its link no longer works.`);
    await expect.poll(() => item.count()).toBe(0);
    await expect
      .poll(focused)
      .toBe(`The invitation for ${MISTYPED} was withdrawn: its link no longer works.`);
    // Its dead link is no longer offered for copying, nor "Invitation created." beside it.
    const form = card(ukraine, 'Ukraine').getByRole('form', { name: 'Invite to Ukraine' });
    expect(await form.getByLabel(`Invitation link for ${MISTYPED}`, { exact: false }).count()).toBe(0);
    expect(await form.getByText('Invitation created.').count()).toBe(0);

    const page = await openSignedOut(link);
    await expect
      .poll(() => page.getByRole('alert').innerText())
      .toBe(
        `This invitation to the delegation of Ukraine in “${DEMO_NEGOTIATION.title}” was withdrawn. Ask for a new one if you still need a seat.`,
      );
    expect(await page.getByRole('form', { name: 'Create account' }).count()).toBe(0);
    await page.context().close();
  });

  test('signed in as someone else, the link offers to sign out, not to accept', async () => {
    const link = await invite(`other-${INVITEE}`, 'delegate');
    const other = await signInAs(harness, 'russia@demo.parley');
    await other.page.goto(link);
    await other.page.getByText(/but you are signed in as russia@demo\.parley/).waitFor();
    // Accepting as another account could only fail, with a vague refusal.
    expect(await other.page.getByRole('button', { name: 'Accept the invitation' }).count()).toBe(0);
    await other.page.getByRole('button', { name: 'Sign out of russia@demo.parley' }).click();
    await other.page.getByRole('form', { name: 'Create account' }).waitFor();
    // Its "sign in" leads to a page that leads back, not one that says to ask for an invitation.
    await other.page.getByRole('link', { name: 'sign in' }).click();
    await other.page.getByRole('link', { name: 'Back to your invitation' }).click();
    await other.page.getByRole('form', { name: 'Create account' }).waitFor();
    await other.context.close();
  });

  test('the invitee, signed out, reads what the invitation is for before creating an account', async () => {
    const link = await invite(INVITEE, 'analyst');
    const page = await openSignedOut(link);
    const summary = page.getByText(/^You are invited to join the delegation of/);
    await expect
      .poll(() => summary.innerText())
      .toMatch(
        new RegExp(
          `^You are invited to join the delegation of Ukraine in “${DEMO_NEGOTIATION.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}” as analyst\\. Accept it by \\d{1,2} \\w{3} \\d{4}, \\d\\d:\\d\\d \\(.+\\)\\.$`,
        ),
      );
    expect(await page.getByText(`Create your account with ${INVITEE}`).count()).toBe(1);

    // Signed in, the page names it again above the button that accepts it.
    const form = page.getByRole('form', { name: 'Create account' });
    await form.getByLabel('Your name, as others will see it').fill('New analyst');
    // The invited address is filled in: the account must have it.
    expect(await form.getByLabel('Email').inputValue()).toBe(INVITEE);
    await form.getByLabel('Password (at least 10 characters)').fill('new analyst password');
    // Another address is refused beside the field, which takes the focus to be corrected.
    const email = form.getByLabel('Email');
    await email.fill(`other-${INVITEE}`);
    await form.getByRole('button').click();
    await expect.poll(() => email.getAttribute('aria-invalid')).toBe('true');
    expect(await form.getByRole('alert').innerText()).toBe(
      `This invitation is for ${INVITEE}: create the account with that address.`,
    );
    expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('email');
    await email.fill(INVITEE);
    await form.getByRole('button').click();
    await page.getByRole('heading', { name: 'Your invitation' }).waitFor();
    // The form is gone: the focus starts at the heading of the page that accepts.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Your invitation');
    expect(await summary.innerText()).toContain('as analyst. Accept it by');
    await page.getByRole('button', { name: 'Accept the invitation' }).click();
    await page.getByRole('navigation', { name: 'Negotiation sections' }).waitFor();
    await page.context().close();
  });

  test("the mediator is shown no list for Ukraine, and its browser never receives Ukraine's invitations", async () => {
    await mediator.page.reload();
    await card(mediator, 'Ukraine').getByRole('table').waitFor();
    expect(await pendingList(mediator).count()).toBe(0);
    // Its own delegation's list is there (the mediator runs it), empty.
    await card(mediator, 'United States')
      .getByRole('region', { name: 'Pending invitations to United States' })
      .getByText('None pending.')
      .waitFor();
    const received = mediator.bodies.join('\n');
    expect(received).not.toContain(INVITEE);
    expect(received).not.toContain(MISTYPED);
  });
});

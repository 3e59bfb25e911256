// Issue #11 item 8, no lost updates, on decision buttons: someone decides first, and the second to
// click is told who decided what (from a re-read), sees the page refreshed, and is offered no
// decision that makes no sense any more. Each second viewer's
// page has no live updates (its event stream is refused), so it still shows what it loaded when
// the first one acts. Real server (demo loaded) and Chromium.
import type { LeadHandover } from '@parley/core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_NEGOTIATION, DEMO_PARTIES } from '../../server/src/demo';
import {
  openDemoNegotiation,
  signInAs,
  startHarness,
  type Harness,
  type Viewer,
} from './helpers/browser-harness';
import {
  openPoint,
  postFrom,
  proposeAmendment,
  read,
  section,
  withoutLiveUpdates,
} from './helpers/second-window';

const RUN = `${Date.now() % 100_000}`;
const API = `/api/negotiations/${DEMO_NEGOTIATION.id}`;

let harness: Harness;
let mediator: Viewer;
let ukraine: Viewer;

describe('decisions made twice at once', () => {
  beforeAll(async () => {
    harness = await startHarness();
    [mediator, ukraine] = await Promise.all([
      signInAs(harness, DEMO_ACCOUNTS.mediator.email),
      signInAs(harness, DEMO_ACCOUNTS.ukraine.email),
    ]);
    await withoutLiveUpdates(ukraine.page);
    await Promise.all([openDemoNegotiation(mediator.page), openDemoNegotiation(ukraine.page)]);
  }, 180_000);

  afterAll(async () => {
    await harness?.close();
  });

  test('a hand-over the mediator withdrew first is not accepted: the lead is told who withdrew it, and when', async () => {
    // A colleague seated as delegate, whom the mediator proposes as Ukraine's next lead.
    const ukraineParty = `${API}/parties/${DEMO_PARTIES.ukraine.id}`;
    expect(
      await postFrom(ukraine.page, `${ukraineParty}/members`, {
        userId: DEMO_ACCOUNTS.ukraineFormer.id,
        function: 'delegate',
      }),
    ).toBe(201);
    expect(
      await postFrom(mediator.page, `${ukraineParty}/lead-handovers`, {
        userId: DEMO_ACCOUNTS.ukraineFormer.id,
        title: '',
        validFrom: '2031-06-30T10:00:00.000Z',
      }),
    ).toBe(201);
    const proposals = (viewer: Viewer) =>
      viewer.page.getByRole('region', { name: 'Proposed lead hand-overs for Ukraine' });
    await section(ukraine.page, 'Delegations');
    await proposals(ukraine).getByRole('button', { name: 'Accept' }).waitFor();

    await section(mediator.page, 'Delegations');
    await proposals(mediator).getByRole('button', { name: 'Withdraw' }).click();
    await expect.poll(() => proposals(mediator).count()).toBe(0);

    await proposals(ukraine).getByRole('button', { name: 'Accept' }).click();
    const said = proposals(ukraine).getByRole('alert');
    await expect.poll(() => said.innerText()).toMatch(/^The mediator withdrew this proposal on \d/);
    expect(await said.innerText()).toContain('there is nothing left to decide');
    // Nothing left to press, and nothing accepted.
    expect(await proposals(ukraine).getByRole('button').count()).toBe(0);
    const stored = await read<{ items: LeadHandover[] }>(ukraine, `${API}/lead-handovers`);
    expect(stored.items.map((handover) => handover.state)).toEqual(['withdrawn']);
  }, 120_000);

  test('an amendment the mediator rejected first is not withdrawn: its party is told it was rejected, and why', async () => {
    const text = `Point 2 said more plainly ${RUN}.`;
    const reason = `Out of scope ${RUN}`;
    await openPoint(ukraine.page, 2);
    await proposeAmendment(ukraine.page, text);
    const itemOf = (viewer: Viewer) =>
      viewer.page.getByRole('region', { name: 'Amendments' }).getByRole('listitem').filter({ hasText: text });

    await openPoint(mediator.page, 2);
    const reject = itemOf(mediator).getByRole('form', { name: 'Reject this amendment' });
    await reject.getByLabel('Reason').fill(reason);
    await reject.getByRole('button', { name: 'Reject amendment' }).click();
    await expect.poll(() => itemOf(mediator).innerText()).toContain(reason);

    await itemOf(ukraine).getByRole('button', { name: 'Withdraw amendment' }).click();
    await expect
      .poll(() => itemOf(ukraine).getByRole('alert').innerText())
      .toBe(
        `Someone decided this amendment first: it was rejected by the mediator (“${reason}”). There is nothing left to decide.`,
      );
    // The page shows the amendment as it is now, with no button to withdraw it.
    expect(await itemOf(ukraine).innerText()).toContain(`— ${reason}`);
    expect(await itemOf(ukraine).getByRole('button', { name: 'Withdraw amendment' }).count()).toBe(0);
  }, 120_000);

  test('a decision of the leaders recorded first is not recorded over: the second is told what it was, and when', async () => {
    const question = `May the leaders settle point 4? ${RUN}`;
    const decided = `The leaders agreed the text of point 4 ${RUN}.`;
    await openPoint(mediator.page, 4);
    await mediator.page.getByText('Escalate to the leaders').click();
    const escalate = mediator.page.getByRole('form', { name: 'Escalate the point' });
    await escalate.getByLabel('Principals (comma-separated)').fill('President of the United States');
    await escalate.getByLabel('Question').fill(question);
    await escalate.getByRole('button', { name: 'Escalate' }).click();
    const escalationOf = (page: Page) => page.getByRole('region', { name: 'Escalation' });
    await expect.poll(() => escalationOf(mediator.page).innerText()).toContain('Point escalated');

    const second = await signInAs(harness, DEMO_ACCOUNTS.mediator.email);
    await withoutLiveUpdates(second.page);
    await openDemoNegotiation(second.page);
    await openPoint(second.page, 4);
    const decide = async (page: Page, outcome: string, note: string) => {
      await escalationOf(page).getByText('Record the leaders’ decision', { exact: true }).click();
      const form = escalationOf(page).getByRole('form', { name: /^Record the decision of/ });
      await form.getByLabel('Outcome').selectOption(outcome);
      await form.getByLabel('What they decided').fill(note);
      return form;
    };
    const secondForm = await decide(second.page, 'dropped', `Dropped ${RUN}`);
    await mediator.page.reload();
    const firstForm = await decide(mediator.page, 'agreed', decided);
    await firstForm.getByRole('button', { name: 'Record the decision' }).click();
    await escalationOf(mediator.page).getByText('Decision recorded.').waitFor();

    await secondForm.getByRole('button', { name: 'Record the decision' }).click();
    const said = escalationOf(second.page).getByRole('alert');
    await expect
      .poll(() => said.innerText())
      .toMatch(
        new RegExp(`^Someone recorded the leaders’ decision first, on \\d.*: Agreed — “${decided}”\\.`),
      );
    expect(await said.innerText()).toContain('There is nothing left to record.');
    // The page shows the decision that stands, and no form to record another.
    await expect.poll(() => escalationOf(second.page).innerText()).toContain(decided);
    expect(await escalationOf(second.page).getByRole('form').count()).toBe(0);
    await second.context.close();
  }, 120_000);
});

// Issue #11 item 8, no lost updates, on the delegations page: Ukraine's lead works in two windows,
// the second cut off from live updates so that it keeps showing what it loaded. Ending a seat or
// withdrawing an invitation the first window already dealt with says what happened meanwhile, who
// did it and when, and the buttons that no longer make sense go; never "reload". Real server (demo
// loaded) and Chromium.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_NEGOTIATION, DEMO_PARTIES } from '../../server/src/demo';
import {
  openDemoNegotiation,
  signInAs,
  startHarness,
  type Harness,
  type Viewer,
} from './helpers/browser-harness';
import { postFrom, section, withoutLiveUpdates } from './helpers/second-window';

let harness: Harness;
let first: Viewer;
let second: Viewer;

const LEAD = DEMO_ACCOUNTS.ukraine.displayName;
const SEATED = DEMO_ACCOUNTS.ukraineFormer.displayName;
const INVITEE = 'second-thoughts@example.org';

const ukraineCard = (viewer: Viewer) =>
  viewer.page
    .locator('ul.delegations > li')
    .filter({ has: viewer.page.getByRole('heading', { name: 'Ukraine' }) });
const seatRow = (viewer: Viewer) =>
  ukraineCard(viewer).locator('tbody tr').filter({ hasText: SEATED }).filter({ hasText: 'Analyst' });
const pendingList = (viewer: Viewer) =>
  ukraineCard(viewer).getByRole('region', { name: 'Pending invitations to Ukraine' });

async function openDelegations(viewer: Viewer): Promise<void> {
  await openDemoNegotiation(viewer.page);
  await section(viewer.page, 'Delegations');
  await viewer.page.locator('ul.delegations').waitFor();
}

describe('one lead in two windows manages the delegation', () => {
  beforeAll(async () => {
    harness = await startHarness();
    [first, second] = await Promise.all([
      signInAs(harness, DEMO_ACCOUNTS.ukraine.email),
      signInAs(harness, DEMO_ACCOUNTS.ukraine.email),
    ]);
    const N = `/api/negotiations/${DEMO_NEGOTIATION.id}`;
    expect(
      await postFrom(first.page, `${N}/parties/${DEMO_PARTIES.ukraine.id}/members`, {
        userId: DEMO_ACCOUNTS.ukraineFormer.id,
        function: 'analyst',
        // Seated before now: the form's default end (now, to the minute) must not precede it.
        validFrom: '2025-12-01T00:00:00.000Z',
      }),
    ).toBe(201);
    expect(
      await postFrom(first.page, `${N}/parties/${DEMO_PARTIES.ukraine.id}/invitations`, {
        email: INVITEE,
        function: 'delegate',
      }),
    ).toBe(201);
    await withoutLiveUpdates(second.page);
    await Promise.all([openDelegations(first), openDelegations(second)]);
  }, 240_000);

  afterAll(async () => {
    await harness?.close();
  });

  test('ending a seat the other window ended says by whom and until when, and its form goes', async () => {
    await seatRow(first).getByRole('button', { name: 'End seat' }).click();
    await expect.poll(() => seatRow(first).getAttribute('class')).toBe('past');

    // The second window still shows the seat open, with its form.
    await seatRow(second).getByRole('button', { name: 'End seat' }).click();
    const said = seatRow(second).getByRole('alert').first();
    await expect
      .poll(() => said.innerText())
      .toMatch(
        new RegExp(
          `^This seat was already ended meanwhile by ${escape(LEAD)} on \\d{1,2} \\w{3} \\d{4}, \\d\\d:\\d\\d \\(Europe/Zurich\\): it ends .+ \\(you saw no end\\)\\.$`,
        ),
      );
    await expect.poll(() => seatRow(second).getAttribute('class')).toBe('past');
    expect(await seatRow(second).getByRole('form').count()).toBe(0);
    expect(await second.page.getByText(/reload/i).count()).toBe(0);
  }, 120_000);

  test('withdrawing an invitation the other window withdrew says by whom and when, and the item goes', async () => {
    const itemIn = (viewer: Viewer) => pendingList(viewer).getByRole('listitem').filter({ hasText: INVITEE });
    await itemIn(first).getByRole('button', { name: 'Withdraw' }).click();
    await itemIn(first).getByRole('button', { name: 'Yes, withdraw' }).click();
    await pendingList(first).getByText(`The invitation for ${INVITEE} was withdrawn`).waitFor();

    await itemIn(second).getByRole('button', { name: 'Withdraw' }).click();
    await itemIn(second).getByRole('button', { name: 'Yes, withdraw' }).click();
    const said = pendingList(second).getByRole('alert');
    await expect
      .poll(() => said.innerText())
      .toMatch(
        new RegExp(
          `^The invitation for ${escape(INVITEE)} was not withdrawn: This invitation was already withdrawn by ${escape(LEAD)} on \\d{1,2} \\w{3} \\d{4}, \\d\\d:\\d\\d \\(Europe/Zurich\\)\\.$`,
        ),
      );
    await expect.poll(() => itemIn(second).count()).toBe(0);
    expect(await second.page.getByText(/reload/i).count()).toBe(0);
  }, 120_000);
});

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

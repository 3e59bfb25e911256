import { call, type SignedIn } from './session';
import type { TestApp } from './test-app';

/**
 * Gives a signed-in account a current seat (as mediator lead of a fresh negotiation): engine work
 * needs one since issue 13 (a seatless account may not start analyses or simulations).
 */
export async function takeASeat(testApp: TestApp, as: SignedIn): Promise<void> {
  const response = await call(testApp, 'POST /api/negotiations', {
    as,
    body: { title: 'Seat for engine work', closureRule: 'all-or-nothing', mediatorPartyName: 'Mediators' },
  });
  if (response.status !== 201) throw new Error(`taking a seat failed: ${response.status}`);
}

/**
 * Makes `newcomer` a colleague of `host` the way people meet in Parley: `host` creates a
 * negotiation and invites `newcomer` by email, who accepts. Seating someone directly (by email or
 * id) is only for colleagues; strangers are invited (services/members.ts).
 */
export async function meet(
  testApp: TestApp,
  host: SignedIn,
  newcomer: { signedIn: SignedIn; email: string },
): Promise<void> {
  const created = await call(testApp, 'POST /api/negotiations', {
    as: host,
    body: { title: 'Where they met', closureRule: 'all-or-nothing', mediatorPartyName: 'Mediators' },
  });
  if (created.status !== 201) throw new Error(`creating a negotiation failed: ${created.status}`);
  const { id } = (await created.json()) as { id: string };
  const parties = (await (
    await call(testApp, `GET /api/negotiations/${id}/parties`, { as: host })
  ).json()) as {
    items: { id: string }[];
  };
  const invited = await call(
    testApp,
    `POST /api/negotiations/${id}/parties/${parties.items[0]?.id}/invitations`,
    {
      as: host,
      body: { email: newcomer.email, function: 'delegate' },
    },
  );
  if (invited.status !== 201) throw new Error(`inviting failed: ${invited.status} ${await invited.text()}`);
  const { token } = (await invited.json()) as { token: string };
  const accepted = await call(testApp, 'POST /api/invitations/accept', {
    as: newcomer.signedIn,
    body: { token },
  });
  if (accepted.status !== 201)
    throw new Error(`accepting failed: ${accepted.status} ${await accepted.text()}`);
}

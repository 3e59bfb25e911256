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

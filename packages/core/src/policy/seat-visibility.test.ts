import { describe, expect, it } from 'vitest';
import type { NegotiationId, PartyId, UserId } from '../ids';
import { seatAsOfNow, seatsSeenBy } from './seat-visibility';
import type { Viewer } from './viewer';

const NEGOTIATION = '00000000-0000-4000-8000-000000000001' as NegotiationId;
const MEDIATORS = '00000000-0000-4000-8000-0000000000a0' as PartyId;
const UKRAINE = '00000000-0000-4000-8000-0000000000a1' as PartyId;
const RUSSIA = '00000000-0000-4000-8000-0000000000a2' as PartyId;
const NOW = new Date('2025-12-05T12:00:00.000Z');
const AHEAD = '2025-12-10T00:00:00.000Z';
const SINCE = '2025-11-01T00:00:00.000Z';

const seat = (validFrom: string, validTo: string | null) => ({
  negotiationId: NEGOTIATION,
  partyId: UKRAINE,
  validFrom,
  validTo,
});
const viewerIn = (
  partyId: PartyId,
  role: 'mediator' | 'party',
  fn: 'lead' | 'delegate' | 'analyst',
): Viewer => ({
  userId: '00000000-0000-4000-8000-00000000beef' as UserId,
  memberships: [{ negotiationId: NEGOTIATION, partyId, partyRole: role, function: fn }],
});

// A hand-over to a new lead on 10 December, entered on 5 December: the outgoing lead's seat ends
// then and the incoming one starts then.
const OUTGOING = seat(SINCE, AHEAD);
const INCOMING = seat(AHEAD, null);

describe('seatAsOfNow', () => {
  it('leaves out a seat that starts after now', () => {
    expect(seatAsOfNow(INCOMING, NOW)).toBeUndefined();
  });

  it('shows a seat whose end is ahead as current, without the end', () => {
    expect(seatAsOfNow(OUTGOING, NOW)).toEqual({ ...OUTGOING, validTo: null });
  });

  it('shows a seat that started and an end that passed as they are', () => {
    const ended = seat(SINCE, '2025-12-01T00:00:00.000Z');
    expect(seatAsOfNow(ended, NOW)).toBe(ended);
    expect(seatAsOfNow(seat(SINCE, null), NOW)).toEqual(seat(SINCE, null));
  });

  it('shows the change from the very moment it takes effect', () => {
    const at = new Date(AHEAD);
    expect(seatAsOfNow(INCOMING, at)).toEqual(INCOMING);
    expect(seatAsOfNow(OUTGOING, at)).toEqual(OUTGOING);
  });
});

describe('seatsSeenBy', () => {
  const seats = [OUTGOING, INCOMING];

  it.each([
    ['its own delegation', viewerIn(UKRAINE, 'party', 'delegate')],
    ["the mediator's staff", viewerIn(MEDIATORS, 'mediator', 'delegate')],
  ])('shows %s the hand-over dated ahead', (_who, viewer) => {
    expect(seatsSeenBy(viewer, seats, NOW)).toEqual(seats);
  });

  it.each([
    ['another party', viewerIn(RUSSIA, 'party', 'lead')],
    ["the mediator's analyst (who does not run seating)", viewerIn(MEDIATORS, 'mediator', 'analyst')],
  ])('shows %s the delegation as it is now, with no trace of the hand-over', (_who, viewer) => {
    expect(seatsSeenBy(viewer, seats, NOW)).toEqual([{ ...OUTGOING, validTo: null }]);
  });

  it('shows another party the hand-over once its date has come', () => {
    expect(seatsSeenBy(viewerIn(RUSSIA, 'party', 'lead'), seats, new Date(AHEAD))).toEqual(seats);
  });
});

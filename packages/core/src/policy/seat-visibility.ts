import type { NegotiationId, PartyId } from '../ids';
import { can } from './can';
import type { Viewer } from './viewer';

/** What the visibility of a seat depends on: whose it is and its dates. */
export type DatedSeat = {
  readonly negotiationId: NegotiationId;
  readonly partyId: PartyId;
  readonly validFrom: string;
  readonly validTo: string | null;
};

/**
 * A seat as it stands at `now` for someone outside its delegation: a seat that starts later does
 * not exist yet (undefined), and an end set ahead is not shown, because both are the delegation's
 * plans until they happen (a hand-over dated ahead would tell the other side who takes over when).
 * @example seatAsOfNow({ ...seat, validFrom: '2025-12-10T00:00:00Z' }, new Date('2025-12-05')) // undefined
 */
export function seatAsOfNow<S extends DatedSeat>(seat: S, now: Date): S | undefined {
  const at = now.getTime();
  if (Date.parse(seat.validFrom) > at) return undefined;
  if (seat.validTo !== null && Date.parse(seat.validTo) > at) return { ...seat, validTo: null };
  return seat;
}

/**
 * The seat as this viewer may see it at `now`: whole for those who may read the delegation's
 * future (`seat.read-future`), as of now for everyone else (undefined: not there at all).
 */
export function seatSeenBy<S extends DatedSeat>(viewer: Viewer, seat: S, now: Date): S | undefined {
  const mayReadFuture = can(viewer, 'seat.read-future', {
    kind: 'party',
    negotiationId: seat.negotiationId,
    partyId: seat.partyId,
  });
  return mayReadFuture ? seat : seatAsOfNow(seat, now);
}

/** The seats this viewer may see at `now`, each as {@link seatSeenBy} shows it. */
export function seatsSeenBy<S extends DatedSeat>(viewer: Viewer, seats: readonly S[], now: Date): S[] {
  return seats.flatMap((seat) => {
    const seen = seatSeenBy(viewer, seat, now);
    return seen === undefined ? [] : [seen];
  });
}

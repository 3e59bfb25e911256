import type { Member } from '@parley/core';
import { formatIn } from '../deadlines/zoned-time';
import { useNegotiation } from '../negotiation/negotiation-context';

/**
 * A lead hand-over dated ahead, said in words above the seats. The server sends a seat that
 * starts later only to its own delegation and the mediator's staff (docs/security.md), so every
 * other party's card shows the delegation as it is now and says nothing here.
 */
export function ScheduledLead({ seats }: { seats: readonly Member[] }) {
  const { negotiation } = useNegotiation();
  const now = Date.now();
  const next = seats
    .filter((seat) => seat.function === 'lead' && Date.parse(seat.validFrom) > now)
    .sort((a, b) => Date.parse(a.validFrom) - Date.parse(b.validFrom))[0];
  if (next === undefined) return null;
  return (
    <p className="muted">
      {next.displayName} takes over as lead on {formatIn(next.validFrom, negotiation.timeZone)}.
    </p>
  );
}

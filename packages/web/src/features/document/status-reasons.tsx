import type { PlanStatus, Position } from '@parley/core';
import { useSession } from '../../app/session';
import { partyName, useNegotiation } from '../negotiation/negotiation-context';
import { sharedPositionsReadable } from '../overview/awaited-parties';
import { pointReasons } from './point-reasons';

/** The reason line of a point's status ("Russia: red line; awaiting Ukraine"), or nothing. */
export function StatusReasons({
  status,
  positions,
  className = 'muted',
}: {
  status: PlanStatus['points'][number];
  positions: readonly Position[];
  className?: string;
}) {
  const { me } = useSession();
  const { parties } = useNegotiation();
  const reasons = pointReasons({
    status,
    positions,
    nameOf: (partyId) => partyName(parties, partyId),
    readable: sharedPositionsReadable(me, parties),
  });
  if (reasons.length === 0) return null;
  return <p className={`status-reasons ${className}`}>{reasons.join('; ')}</p>;
}

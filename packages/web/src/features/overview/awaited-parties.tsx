import type { Me, Party } from '@parley/core';
import { may, useSession } from '../../app/session';
import { partyName } from '../negotiation/negotiation-context';

/**
 * Why a point is not settled, as far as this viewer can tell (#11). A party whose positions the
 * viewer may never read is not "missing": its positions are not visible to them. A point agreed
 * ad referendum names who reserved.
 */
export function AwaitedParties({
  parties,
  missingPartyIds,
  reservingPartyIds,
  reviewingPartyIds,
}: {
  parties: readonly Party[];
  missingPartyIds: readonly string[];
  reservingPartyIds: readonly string[];
  /** Parties asked to look again at a position after the text changed: not "awaited". */
  reviewingPartyIds: readonly string[];
}) {
  const { me } = useSession();
  const readable = sharedPositionsReadable(me, parties);
  const reviewing = reviewingPartyIds.filter(readable);
  const awaited = missingPartyIds.filter(
    (partyId) => readable(partyId) && !reservingPartyIds.includes(partyId) && !reviewing.includes(partyId),
  );
  const hidden = missingPartyIds.filter((partyId) => !readable(partyId));
  const names = (ids: readonly string[]) => ids.map((id) => partyName(parties, id)).join(', ');
  return (
    <>
      {reservingPartyIds.length > 0 && <span className="muted"> reserved by {names(reservingPartyIds)}</span>}
      {reviewing.length > 0 && (
        <span className="muted">
          {' '}
          {names(reviewing)} to review {reviewing.length === 1 ? 'its position' : 'their positions'}
        </span>
      )}
      {awaited.length > 0 && <span className="muted"> awaiting {names(awaited)}</span>}
      {hidden.length > 0 && <span className="muted"> positions of {names(hidden)} not visible to you</span>}
    </>
  );
}

/**
 * Whether the viewer could ever read a party's positions shared with the parties: if not, a
 * party's silence on a point says nothing (its positions are not visible), it is not "missing".
 */
export function sharedPositionsReadable(me: Me, parties: readonly Party[]) {
  return (partyId: string): boolean => {
    const party = parties.find((candidate) => candidate.id === partyId);
    return (
      party !== undefined &&
      may(me, 'position.read', {
        kind: 'position',
        negotiationId: party.negotiationId,
        partyId: party.id,
        visibility: 'parties',
      })
    );
  };
}

import type { Bidding, Party, PartyId } from '@parley/core';
import type { BidReceipt, BidSubmission, StoredBidding } from '../storage/blind-bids';
import type { StoredVersion } from '../storage/plan-versions';

/** What a presenter needs besides the bidding: loaded once per list. */
export type BiddingContext = {
  readonly now: Date;
  /** Decided by the service: the side the viewer bids for in a bidding, and whether it may reveal. */
  readonly sideOf: (bidding: StoredBidding) => Bidding['yourSide'];
  readonly canManage: boolean;
  readonly parties: readonly Party[];
  readonly versions: readonly StoredVersion[];
  readonly submissions: readonly BidSubmission[];
  /** Bids of the viewer's own side only (the service loads no other party's). */
  readonly ownBids: readonly BidReceipt[];
};

/** A bidding as its readers see it: who has bid and the outcome after the reveal, never a bound. */
export function presentBidding(bidding: StoredBidding, context: BiddingContext): Bidding {
  const point = context.versions
    .find((entry) => entry.version.id === bidding.versionId)
    ?.version.points.find((entry) => entry.pointId === bidding.pointId);
  const side = (partyId: PartyId) => ({
    partyId,
    partyName: context.parties.find((party) => party.id === partyId)?.name ?? '',
    submitted: context.submissions.some((bid) => bid.biddingId === bidding.id && bid.partyId === partyId),
  });
  const yourSide = context.sideOf(bidding);
  const yourParty =
    yourSide === null ? null : yourSide === 'giving' ? bidding.givingPartyId : bidding.takingPartyId;
  // Matched on the viewer's own side too, so another party's bid can never be shown as yours.
  const ownBid = context.ownBids.find((bid) => bid.biddingId === bidding.id && bid.partyId === yourParty);
  return {
    id: bidding.id,
    versionId: bidding.versionId,
    pointId: bidding.pointId,
    pointNumber: point?.number ?? null,
    pointTitle: point?.title ?? '',
    unit: bidding.unit,
    min: bidding.min,
    max: bidding.max,
    rule: bidding.rule,
    closesAt: bidding.closesAt?.toISOString() ?? null,
    openedAt: bidding.openedAt.toISOString(),
    giving: side(bidding.givingPartyId),
    taking: side(bidding.takingPartyId),
    state: biddingState(bidding, context.now),
    revealedAt: bidding.revealedAt?.toISOString() ?? null,
    outcome: bidding.outcome,
    yourSide,
    yourBid: ownBid === undefined ? null : presentOwnBid(ownBid),
    canReveal: bidding.revealedAt === null && context.canManage,
    revealedBy: bidding.revealedBy,
  };
}

const presentOwnBid = (bid: BidReceipt): NonNullable<Bidding['yourBid']> => ({
  revision: bid.revision,
  submittedAt: bid.submittedAt.toISOString(),
  submittedBy: bid.submittedBy,
});

export function biddingState(bidding: StoredBidding, now: Date): Bidding['state'] {
  if (bidding.revealedAt !== null) return 'revealed';
  return bidding.closesAt !== null && bidding.closesAt.getTime() <= now.getTime() ? 'closed' : 'open';
}

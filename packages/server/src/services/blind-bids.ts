import { createHash } from 'node:crypto';
import {
  can,
  DomainError,
  settleBlindBids,
  type Bidding,
  type BiddingId,
  type BiddingResource,
  type Negotiation,
  type Party,
  type SubmitBidInput,
  type Viewer,
} from '@parley/core';
import { biddingState, presentBidding, type BiddingContext } from '../presenters/blind-bids';
import type { PlanEvent } from '../realtime/plan-events';
import { openBound, sealBound } from '../sealing/bid-seal';
import {
  findBidding,
  listBiddings,
  listBidReceipts,
  listBidSubmissions,
  listSealedBids,
  markBiddingRevealed,
  upsertSealedBid,
  type BidReceipt,
  type StoredBidding,
} from '../storage/blind-bids';
import type { Database } from '../storage/database';
import { listParties } from '../storage/parties';
import { commitChange, type AuditNote } from './commit-change';
import type { AppDeps } from './deps';
import { partyResource } from './known-party';
import { listVersionsForViewer } from './plan-versions';
import { assertBidCurrent, assertNotRevealed } from './blind-bid-conflicts';
import { assertAllowed } from './viewer';

// Blind bids on a numeric issue (docs/live-analysis.md, "Blind bids"). Opening: blind-bid-opening.ts.

export const biddingResource = (bidding: StoredBidding): BiddingResource => ({
  kind: 'bidding',
  negotiationId: bidding.negotiationId as BiddingResource['negotiationId'],
  givingPartyId: bidding.givingPartyId,
  takingPartyId: bidding.takingPartyId,
});

/** A short, value-free fingerprint of a ciphertext: the log ties each reveal to the bids it opened. */
const sealDigest = (sealed: string) => createHash('sha256').update(sealed).digest('hex');

export async function loadBiddingContext(
  deps: AppDeps,
  viewer: Viewer,
  input: { negotiation: Negotiation; biddings: readonly StoredBidding[] },
): Promise<BiddingContext> {
  const biddingIds = input.biddings.map((bidding) => bidding.id);
  const [parties, { versions }, submissions] = await Promise.all([
    listParties(deps.db, input.negotiation.id),
    listVersionsForViewer(deps, viewer, input.negotiation),
    listBidSubmissions(deps.db, biddingIds),
  ]);
  return {
    now: deps.clock.now(),
    parties,
    versions,
    submissions,
    ownBids: await listOwnBids(deps, { viewer, biddings: input.biddings, parties }),
    sideOf: (bidding) => sideOf(viewer, bidding, parties),
    canManage: can(viewer, 'bidding.manage', { kind: 'negotiation', negotiationId: input.negotiation.id }),
  };
}

/**
 * The bids of the side the viewer bids for, and of no other party: a bid's revision and who sealed
 * it are that delegation's business alone (issue #11 item 8).
 */
async function listOwnBids(
  deps: AppDeps,
  input: { viewer: Viewer; biddings: readonly StoredBidding[]; parties: readonly Party[] },
): Promise<BidReceipt[]> {
  const byParty = new Map<string, BiddingId[]>();
  for (const bidding of input.biddings) {
    const partyId = sidePartyOf(bidding, sideOf(input.viewer, bidding, input.parties));
    if (partyId !== null) byParty.set(partyId, [...(byParty.get(partyId) ?? []), bidding.id]);
  }
  const lists = await Promise.all(
    [...byParty].map(([partyId, biddingIds]) => listBidReceipts(deps.db, { biddingIds, partyId })),
  );
  return lists.flat();
}

const sidePartyOf = (bidding: StoredBidding, side: 'giving' | 'taking' | null) =>
  side === null ? null : side === 'giving' ? bidding.givingPartyId : bidding.takingPartyId;

/** The biddings the viewer may read (observers and uninvolved parties: none). */
export async function listBiddingsForViewer(
  deps: AppDeps,
  viewer: Viewer,
  negotiation: Negotiation,
): Promise<Bidding[]> {
  const visible = (await listBiddings(deps.db, negotiation.id)).filter((bidding) =>
    can(viewer, 'bidding.read', biddingResource(bidding)),
  );
  const context = await loadBiddingContext(deps, viewer, { negotiation, biddings: visible });
  return visible.map((bidding) => presentBidding(bidding, context));
}

/** Found and readable, or the same not-found as a bidding that never existed. */
async function visibleBidding(
  deps: AppDeps,
  viewer: Viewer,
  input: { negotiation: Negotiation; biddingId: BiddingId; lock?: boolean },
): Promise<StoredBidding> {
  const bidding = await findBidding(deps.db, { ...input, negotiationId: input.negotiation.id });
  if (bidding === undefined || !can(viewer, 'bidding.read', biddingResource(bidding)))
    throw new DomainError('not-found', 'Bidding not found.');
  return bidding;
}

export async function getBiddingForViewer(
  deps: AppDeps,
  viewer: Viewer,
  input: { negotiation: Negotiation; biddingId: BiddingId },
): Promise<Bidding> {
  const bidding = await visibleBidding(deps, viewer, input);
  const context = await loadBiddingContext(deps, viewer, { ...input, biddings: [bidding] });
  return presentBidding(bidding, context);
}

/** Ids only, never a bound or the outcome. */
export function biddingChanged(bidding: StoredBidding): PlanEvent {
  return {
    type: 'bidding.changed',
    negotiationId: bidding.negotiationId as BiddingResource['negotiationId'],
    biddingId: bidding.id,
    givingPartyId: bidding.givingPartyId,
    takingPartyId: bidding.takingPartyId,
  };
}

/** A change to one bidding made under its row lock, dated `at`, and announced (ids only) after the commit. */
async function changeBidding<Result>(
  deps: AppDeps,
  input: { viewer: Viewer; negotiation: Negotiation; biddingId: BiddingId; at: Date },
  change: {
    write: (tx: Database, locked: StoredBidding) => Promise<Result>;
    audit: (result: Result, locked: StoredBidding) => AuditNote;
  },
): Promise<void> {
  await commitChange(deps, {
    actor: input.viewer,
    at: input.at,
    write: async (tx) => {
      const locked = await findBidding(tx, {
        negotiationId: input.negotiation.id,
        biddingId: input.biddingId,
        lock: true,
      });
      if (locked === undefined) throw new DomainError('not-found', 'Bidding not found.');
      return { locked, result: await change.write(tx, locked) };
    },
    audit: ({ locked, result }) => change.audit(result, locked),
    event: ({ locked }) => biddingChanged(locked),
  });
}

function assertOpen(bidding: StoredBidding, input: { now: Date; timeZone: string }): void {
  const state = biddingState(bidding, input.now);
  if (state === 'revealed') assertNotRevealed(bidding, input.timeZone);
  if (state === 'closed')
    throw new DomainError('conflict', 'This bidding closed; no bid can be made or changed.');
}

/** A side's lead or delegate seals its bound; a second submission replaces the first until the reveal. */
export async function submitBid(
  deps: AppDeps,
  viewer: Viewer,
  input: { negotiation: Negotiation; biddingId: BiddingId; body: SubmitBidInput },
): Promise<Bidding> {
  const { negotiation, biddingId, body } = input;
  const found = await visibleBidding(deps, viewer, input);
  const parties = await listParties(deps.db, negotiation.id);
  const side = sideOf(viewer, found, parties);
  assertAllowed(side !== null, 'bid in this bidding');
  if (body.bound < found.min || body.bound > found.max)
    throw new DomainError(
      'invalid-input',
      `The bound must lie between ${found.min} and ${found.max} ${found.unit}.`,
      {
        field: 'bound',
      },
    );
  const partyId = side === 'giving' ? found.givingPartyId : found.takingPartyId;
  const at = deps.clock.now();
  await changeBidding(
    deps,
    { ...input, viewer, at },
    {
      write: async (tx, locked) => {
        assertOpen(locked, { now: at, timeZone: negotiation.timeZone });
        // The bidding's row lock serialises bids, so the revision read here is still current.
        const [current] = await listBidReceipts(tx, { biddingIds: [biddingId], partyId });
        assertBidCurrent(current, { baseRevision: body.baseRevision, timeZone: negotiation.timeZone });
        const sealed = sealBound(deps.sealKey, { biddingId, partyId }, body.bound);
        await upsertSealedBid(tx, {
          biddingId,
          partyId,
          sealed,
          submittedBy: viewer.userId,
          submittedAt: at,
          revision: (current?.revision ?? 0) + 1,
        });
        return { replaced: current !== undefined, sealed };
      },
      audit: ({ replaced, sealed }) => ({
        action: 'bid.submit',
        subjectType: 'blind_bid',
        subjectId: biddingId,
        negotiationId: negotiation.id,
        // Never the bound: only which side bid, whether it replaced a bid, and the sealed value's digest.
        detail: { biddingId, partyId, side, replaced, sealDigest: sealDigest(sealed) },
      }),
    },
  );
  return getBiddingForViewer(deps, viewer, { negotiation, biddingId });
}

/** The mediator's staff reveal once both sides have bid: the outcome only, and the sealed bounds are erased. */
export async function revealBidding(
  deps: AppDeps,
  viewer: Viewer,
  input: { negotiation: Negotiation; biddingId: BiddingId },
): Promise<Bidding> {
  const { negotiation, biddingId } = input;
  await visibleBidding(deps, viewer, input);
  assertAllowed(
    can(viewer, 'bidding.manage', { kind: 'negotiation', negotiationId: negotiation.id }),
    'reveal a bidding',
  );
  const at = deps.clock.now();
  await changeBidding(
    deps,
    { ...input, viewer, at },
    {
      write: async (tx, locked) => {
        assertNotRevealed(locked, negotiation.timeZone);
        const bids = await listSealedBids(tx, biddingId);
        const sealedOf = (partyId: string) => bids.find((bid) => bid.partyId === partyId)?.sealed ?? null;
        const giving = sealedOf(locked.givingPartyId);
        const taking = sealedOf(locked.takingPartyId);
        if (giving === null || taking === null)
          throw new DomainError('conflict', 'Both sides must bid before the reveal.');
        const outcome = settleBlindBids({
          giving: openBound(deps.sealKey, { biddingId, partyId: locked.givingPartyId }, giving),
          taking: openBound(deps.sealKey, { biddingId, partyId: locked.takingPartyId }, taking),
          rule: locked.rule,
        });
        await markBiddingRevealed(tx, { biddingId, outcome, revealedBy: viewer.userId, revealedAt: at });
        return { outcome, sealDigests: [sealDigest(giving), sealDigest(taking)] };
      },
      audit: ({ outcome, sealDigests }, locked) => ({
        action: 'bid.reveal',
        subjectType: 'blind_bidding',
        subjectId: biddingId,
        negotiationId: negotiation.id,
        detail: {
          biddingId,
          partyIds: [locked.givingPartyId, locked.takingPartyId],
          rule: locked.rule,
          outcome,
          sealDigests,
        },
      }),
    },
  );
  return getBiddingForViewer(deps, viewer, { negotiation, biddingId });
}

/** The side the viewer speaks for in this bidding (`bid.submit` on that side's party), if any. */
export function sideOf(
  viewer: Viewer,
  bidding: StoredBidding,
  parties: readonly Party[],
): 'giving' | 'taking' | null {
  const speaksFor = (partyId: string) => {
    const party = parties.find((entry) => entry.id === partyId);
    return party !== undefined && can(viewer, 'bid.submit', partyResource(party));
  };
  if (speaksFor(bidding.givingPartyId)) return 'giving';
  if (speaksFor(bidding.takingPartyId)) return 'taking';
  return null;
}

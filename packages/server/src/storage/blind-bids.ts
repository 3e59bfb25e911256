import {
  BiddingIdSchema,
  BiddingOutcomeSchema,
  NegotiationIdSchema,
  PartyIdSchema,
  PlanVersionIdSchema,
  PointIdSchema,
  SettlementRuleSchema,
  UserIdSchema,
  type BiddingId,
  type BiddingOutcome,
  type NegotiationId,
  type PartyId,
  type PlanVersionId,
  type PointId,
  type SettlementRule,
  type UserId,
} from '@parley/core';
import type { BlindBiddingsTable } from './blind-bids-schema';
import type { Database } from './database';

/** A bidding as stored; never carries a bound. */
export type StoredBidding = {
  readonly id: BiddingId;
  readonly negotiationId: NegotiationId;
  readonly versionId: PlanVersionId;
  readonly pointId: PointId;
  readonly givingPartyId: PartyId;
  readonly takingPartyId: PartyId;
  readonly unit: string;
  readonly min: number;
  readonly max: number;
  readonly rule: SettlementRule;
  readonly closesAt: Date | null;
  readonly openedBy: UserId | null;
  readonly openedAt: Date;
  readonly revealedAt: Date | null;
  /** Who revealed it; null before the reveal or when the account is gone. */
  readonly revealedBy: { readonly userId: UserId; readonly displayName: string } | null;
  readonly outcome: BiddingOutcome | null;
};

/** That a side has bid, and when: what every reader of a bidding may know of a bid. */
export type BidSubmission = {
  readonly biddingId: BiddingId;
  readonly partyId: string;
  readonly submittedAt: Date;
};

/**
 * A delegation's own record of its bid: its revision and who sealed it when. Only that
 * delegation's members may be shown it (services/blind-bids.ts decides); never the bound.
 */
export type BidReceipt = {
  readonly biddingId: BiddingId;
  readonly partyId: string;
  readonly revision: number;
  readonly submittedAt: Date;
  readonly submittedBy: { readonly userId: UserId; readonly displayName: string } | null;
};

type BiddingRow = BlindBiddingsTable & { revealed_by_name: string | null };

function toBidding(row: BiddingRow): StoredBidding {
  return {
    id: BiddingIdSchema.parse(row.id),
    negotiationId: NegotiationIdSchema.parse(row.negotiation_id),
    versionId: PlanVersionIdSchema.parse(row.version_id),
    pointId: PointIdSchema.parse(row.point_id),
    givingPartyId: PartyIdSchema.parse(row.giving_party_id),
    takingPartyId: PartyIdSchema.parse(row.taking_party_id),
    unit: row.unit,
    min: row.range_min,
    max: row.range_max,
    rule: SettlementRuleSchema.parse(row.rule),
    closesAt: row.closes_at,
    openedBy: row.opened_by === null ? null : UserIdSchema.parse(row.opened_by),
    openedAt: row.opened_at,
    revealedAt: row.revealed_at,
    revealedBy:
      row.revealed_by === null || row.revealed_by_name === null
        ? null
        : { userId: UserIdSchema.parse(row.revealed_by), displayName: row.revealed_by_name },
    outcome: row.outcome === null ? null : BiddingOutcomeSchema.parse(row.outcome),
  };
}

export async function insertBidding(db: Database, bidding: StoredBidding): Promise<void> {
  await db
    .insertInto('blind_biddings')
    .values({
      id: bidding.id,
      negotiation_id: bidding.negotiationId,
      version_id: bidding.versionId,
      point_id: bidding.pointId,
      giving_party_id: bidding.givingPartyId,
      taking_party_id: bidding.takingPartyId,
      unit: bidding.unit,
      range_min: bidding.min,
      range_max: bidding.max,
      rule: bidding.rule,
      closes_at: bidding.closesAt,
      opened_by: bidding.openedBy,
      opened_at: bidding.openedAt,
      revealed_by: null,
      revealed_at: null,
      outcome: null,
    })
    .execute();
}

/** The revealer's name by a subquery, not a join: a locked read (FOR UPDATE) may not outer-join. */
const selectBiddings = (db: Database) =>
  db
    .selectFrom('blind_biddings')
    .selectAll('blind_biddings')
    .select((eb) =>
      eb
        .selectFrom('users')
        .select('users.display_name')
        .whereRef('users.id', '=', 'blind_biddings.revealed_by')
        .as('revealed_by_name'),
    );

export async function listBiddings(db: Database, negotiationId: string): Promise<StoredBidding[]> {
  const rows = await selectBiddings(db)
    .where('negotiation_id', '=', negotiationId)
    .orderBy('opened_at', 'desc')
    .orderBy('id')
    .execute();
  return rows.map(toBidding);
}

/** One bidding of this negotiation; `lock` holds it until the transaction ends (bids and the reveal serialise). */
export async function findBidding(
  db: Database,
  input: { negotiationId: string; biddingId: BiddingId; lock?: boolean },
): Promise<StoredBidding | undefined> {
  let query = selectBiddings(db)
    .where('id', '=', input.biddingId)
    .where('negotiation_id', '=', input.negotiationId);
  if (input.lock === true) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row === undefined ? undefined : toBidding(row);
}

export async function listBidSubmissions(
  db: Database,
  biddingIds: readonly BiddingId[],
): Promise<BidSubmission[]> {
  if (biddingIds.length === 0) return [];
  const rows = await db
    .selectFrom('blind_bids')
    .select(['bidding_id', 'party_id', 'submitted_at'])
    .where('bidding_id', 'in', biddingIds)
    .execute();
  return rows.map((row) => ({
    biddingId: BiddingIdSchema.parse(row.bidding_id),
    partyId: row.party_id,
    submittedAt: row.submitted_at,
  }));
}

/** One party's bids in the given biddings, with who sealed each (for that party's own members). */
export async function listBidReceipts(
  db: Database,
  input: { biddingIds: readonly BiddingId[]; partyId: string },
): Promise<BidReceipt[]> {
  if (input.biddingIds.length === 0) return [];
  const rows = await db
    .selectFrom('blind_bids')
    .leftJoin('users', 'users.id', 'blind_bids.submitted_by')
    .select([
      'blind_bids.bidding_id',
      'blind_bids.party_id',
      'blind_bids.revision',
      'blind_bids.submitted_at',
      'users.id as user_id',
      'users.display_name',
    ])
    .where('blind_bids.bidding_id', 'in', input.biddingIds)
    .where('blind_bids.party_id', '=', input.partyId)
    .execute();
  return rows.map((row) => ({
    biddingId: BiddingIdSchema.parse(row.bidding_id),
    partyId: row.party_id,
    revision: row.revision,
    submittedAt: row.submitted_at,
    submittedBy:
      row.user_id === null || row.display_name === null
        ? null
        : { userId: UserIdSchema.parse(row.user_id), displayName: row.display_name },
  }));
}

/** The sealed bids of one bidding, for the reveal only. */
export async function listSealedBids(
  db: Database,
  biddingId: BiddingId,
): Promise<{ partyId: string; sealed: string | null }[]> {
  return (
    await db
      .selectFrom('blind_bids')
      .select(['party_id', 'sealed'])
      .where('bidding_id', '=', biddingId)
      .execute()
  ).map((row) => ({ partyId: row.party_id, sealed: row.sealed }));
}

export async function upsertSealedBid(
  db: Database,
  bid: {
    biddingId: BiddingId;
    partyId: string;
    sealed: string;
    submittedBy: string | null;
    submittedAt: Date;
    /** 1 for a first bid, else the stored one's plus 1: the caller holds the bidding's lock. */
    revision: number;
  },
): Promise<void> {
  const values = {
    sealed: bid.sealed,
    submitted_by: bid.submittedBy,
    submitted_at: bid.submittedAt,
    revision: bid.revision,
  };
  await db
    .insertInto('blind_bids')
    .values({ bidding_id: bid.biddingId, party_id: bid.partyId, ...values })
    .onConflict((oc) => oc.columns(['bidding_id', 'party_id']).doUpdateSet(values))
    .execute();
}

/** Stores the outcome and erases the sealed bounds: once revealed, no key opens them again. */
export async function markBiddingRevealed(
  db: Database,
  input: { biddingId: BiddingId; outcome: BiddingOutcome; revealedBy: string | null; revealedAt: Date },
): Promise<void> {
  await db
    .updateTable('blind_biddings')
    .set({
      outcome: JSON.stringify(input.outcome),
      revealed_by: input.revealedBy,
      revealed_at: input.revealedAt,
    })
    .where('id', '=', input.biddingId)
    .execute();
  await db
    .updateTable('blind_bids')
    .set({ sealed: null })
    .where('bidding_id', '=', input.biddingId)
    .execute();
}

import { z } from 'zod';
import { BiddingIdSchema, PartyIdSchema, PlanVersionIdSchema, PointIdSchema, UserIdSchema } from '../ids';
import { InstantSchema, listOf } from './common';

/**
 * How a settlement is found inside the overlap, announced when the bidding opens. Only the
 * midpoint is built: `(most the giver gives + least the taker takes) / 2` (docs/live-analysis.md).
 */
export const SETTLEMENT_RULES = ['midpoint'] as const;
export const SettlementRuleSchema = z.enum(SETTLEMENT_RULES);
export type SettlementRule = z.infer<typeof SettlementRuleSchema>;

/** POST body: the mediator's staff open a bidding on a numeric-range issue of a version. */
export const OpenBiddingInputSchema = z.strictObject({
  versionId: PlanVersionIdSchema,
  pointId: PointIdSchema,
  /** The party that gives (pays, concedes): its bound is the most it will give. */
  givingPartyId: PartyIdSchema,
  /** The party that takes: its bound is the least it will take. */
  takingPartyId: PartyIdSchema,
  rule: SettlementRuleSchema.default('midpoint'),
  /** After this instant no bid is taken or replaced; null: open until the reveal. */
  closesAt: InstantSchema.nullable().default(null),
});
export type OpenBiddingInput = z.infer<typeof OpenBiddingInputSchema>;
/** The body as a client may send it (rule and closesAt have defaults). */
export type OpenBiddingRequest = z.input<typeof OpenBiddingInputSchema>;

/**
 * PUT body: a delegation's sealed bound, in the unit (replaces its earlier bid until the
 * reveal). `baseRevision` is the revision of the delegation's bid the form showed (`yourBid`, 0 for
 * none yet); if a colleague sealed another bid meanwhile the answer is 409. Without it the bid
 * replaces whatever is sealed, as before revisions (clients older than issue #11 item 8).
 */
export const SubmitBidInputSchema = z.strictObject({
  bound: z.number().finite(),
  baseRevision: z
    .number()
    .int()
    .nonnegative()
    .optional()
    .describe(
      "The revision of your side's bid the form showed (yourBid.revision; 0: none). A colleague's bid since → 409; omitted, the bid replaces any earlier one.",
    ),
});
export type SubmitBidInput = z.infer<typeof SubmitBidInputSchema>;

/** What the reveal discloses: whether the bounds overlap and, if so, the settlement. Never a bound. */
export const BiddingOutcomeSchema = z.discriminatedUnion('overlap', [
  z.strictObject({ overlap: z.literal(false) }),
  z.strictObject({ overlap: z.literal(true), settlement: z.number() }),
]);
export type BiddingOutcome = z.infer<typeof BiddingOutcomeSchema>;

const BiddingSideSchema = z.strictObject({
  partyId: PartyIdSchema,
  partyName: z.string(),
  /** Whether this side's sealed bid is in (never its value). */
  submitted: z.boolean(),
});

/**
 * Who sealed a delegation's bid, when, and its revision (counting its bids): for that delegation's
 * own members only, so that a form can send `baseRevision`. Never the bound (bids are write-only).
 */
export const OwnBidSchema = z.strictObject({
  revision: z.number().int().positive(),
  submittedAt: z.string(),
  /** Null when the account is gone. */
  submittedBy: z.strictObject({ userId: UserIdSchema, displayName: z.string() }).nullable(),
});
export type OwnBid = z.infer<typeof OwnBidSchema>;

/** A bidding as the mediator's party and the two bidding delegations read it. */
export const BiddingSchema = z.strictObject({
  id: BiddingIdSchema,
  versionId: PlanVersionIdSchema,
  pointId: PointIdSchema,
  pointNumber: z.number().int().positive().nullable(),
  pointTitle: z.string(),
  unit: z.string(),
  /** The range when the bidding opened: every bound must lie in it. */
  min: z.number(),
  max: z.number(),
  rule: SettlementRuleSchema,
  closesAt: z.string().nullable(),
  openedAt: z.string(),
  giving: BiddingSideSchema,
  taking: BiddingSideSchema,
  state: z.enum(['open', 'closed', 'revealed']),
  revealedAt: z.string().nullable(),
  outcome: BiddingOutcomeSchema.nullable(),
  /** The side the viewer may bid for, if any. */
  yourSide: z.enum(['giving', 'taking']).nullable(),
  /** Your side's bid, if it has bid; always null to anyone not bidding for that side. */
  yourBid: OwnBidSchema.nullable().describe(
    "Your side's bid (its revision, who sealed it and when; never the bound), for its own members only: null to anyone else.",
  ),
  canReveal: z.boolean(),
  /** Who revealed it (the mediator's staff), once revealed. */
  revealedBy: z.strictObject({ userId: UserIdSchema, displayName: z.string() }).nullable(),
});
export type Bidding = z.infer<typeof BiddingSchema>;

export const BiddingsSchema = listOf(BiddingSchema);

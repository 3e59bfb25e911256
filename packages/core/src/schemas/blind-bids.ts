import { z } from 'zod';
import { BiddingIdSchema, PartyIdSchema, PlanVersionIdSchema, PointIdSchema } from '../ids';
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

/** PUT body: a delegation's sealed bound, in the unit (replaces its earlier bid until the reveal). */
export const SubmitBidInputSchema = z.strictObject({
  bound: z.number().finite(),
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
  canReveal: z.boolean(),
});
export type Bidding = z.infer<typeof BiddingSchema>;

export const BiddingsSchema = listOf(BiddingSchema);

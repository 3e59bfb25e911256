import { z } from 'zod';
import {
  EscalationIdSchema,
  NegotiationIdSchema,
  PartyIdSchema,
  PlanVersionIdSchema,
  PointIdSchema,
  PositionIdSchema,
} from '../ids';
import { textSchema } from './common';
import { DateSchema } from './plan';

export const POSITION_VALUES = [
  'accept',
  'accept_with_reservation',
  'amend',
  'reject',
  'red_line',
  'undecided',
] as const;
/** A party's stance on one point revision. */
export const PositionValueSchema = z.enum(POSITION_VALUES);
export type PositionValue = z.infer<typeof PositionValueSchema>;

export const POSITION_VISIBILITIES = ['private', 'mediator', 'parties'] as const;
/** private = own delegation; mediator = own delegation + mediator; parties = every party. */
export const PositionVisibilitySchema = z.enum(POSITION_VISIBILITIES);
export type PositionVisibility = z.infer<typeof PositionVisibilitySchema>;

/** A recorded position; `needsReview` is set when it was carried onto a point whose text changed. */
export const PositionSchema = z.strictObject({
  id: PositionIdSchema,
  negotiationId: NegotiationIdSchema,
  partyId: PartyIdSchema,
  versionId: PlanVersionIdSchema,
  pointId: PointIdSchema,
  value: PositionValueSchema,
  note: textSchema(5_000),
  visibility: PositionVisibilitySchema,
  needsReview: z.boolean(),
  revision: z.number().int().nonnegative(),
  recordedAt: z.iso.datetime(),
});
export type Position = z.infer<typeof PositionSchema>;

/** Body of `PUT …/positions/:partyId` — `baseRevision` is the revision the writer last saw (0 = new). */
export const SetPositionInputSchema = z.strictObject({
  value: PositionValueSchema,
  note: textSchema(5_000).default(''),
  visibility: PositionVisibilitySchema,
  baseRevision: z.number().int().nonnegative(),
});
export type SetPositionInput = z.infer<typeof SetPositionInputSchema>;

export const ESCALATION_OUTCOMES = ['agreed', 'amended', 'dropped', 'no_agreement'] as const;
export type EscalationOutcome = (typeof ESCALATION_OUTCOMES)[number];
/** What the principals decided; the point then returns to the table with this outcome. */
export const EscalationDecisionSchema = z.strictObject({
  outcome: z.enum(ESCALATION_OUTCOMES),
  note: textSchema(5_000),
  decidedAt: z.iso.datetime(),
});

/** A point set aside for named principals (leaders). Open while `decision` is null. */
export const EscalationSchema = z.strictObject({
  id: EscalationIdSchema,
  negotiationId: NegotiationIdSchema,
  pointId: PointIdSchema,
  principals: z.array(textSchema(200).min(1)).min(1),
  question: textSchema(5_000).min(1),
  dueDate: DateSchema.nullable(),
  decision: EscalationDecisionSchema.nullable(),
});
export type Escalation = z.infer<typeof EscalationSchema>;

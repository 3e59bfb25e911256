import { z } from 'zod';
import {
  NegotiationIdSchema,
  PartyIdSchema,
  PlanVersionIdSchema,
  PointIdSchema,
  RoundIdSchema,
  StatementIdSchema,
} from '../ids';
import { textSchema } from './common';
import { DateSchema } from './plan';

export const ROUND_FORMATS = ['bilateral', 'plenary', 'shuttle', 'call'] as const;
export const RoundFormatSchema = z.enum(ROUND_FORMATS);
export type RoundFormat = z.infer<typeof RoundFormatSchema>;

/** A meeting or call; `minutes` are restricted (mediator + parties present), `publicReadout` is agreed text. */
export const RoundSchema = z.strictObject({
  id: RoundIdSchema,
  negotiationId: NegotiationIdSchema,
  name: textSchema(200).min(1),
  place: textSchema(200),
  startsOn: DateSchema,
  endsOn: DateSchema,
  format: RoundFormatSchema,
  partiesPresent: z.array(PartyIdSchema),
  fromVersionId: PlanVersionIdSchema.nullable(),
  producedVersionId: PlanVersionIdSchema.nullable(),
  minutes: textSchema(50_000).nullable(),
  publicReadout: textSchema(10_000).nullable(),
});
export type Round = z.infer<typeof RoundSchema>;

/** A public quote or readout by a named person of a party, linked to points. */
export const StatementSchema = z.strictObject({
  id: StatementIdSchema,
  negotiationId: NegotiationIdSchema,
  person: textSchema(200).min(1),
  partyId: PartyIdSchema,
  date: DateSchema,
  source: textSchema(500).min(1),
  quote: textSchema(5_000).min(1),
  pointIds: z.array(PointIdSchema),
});
export type Statement = z.infer<typeof StatementSchema>;

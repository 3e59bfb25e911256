import { z } from 'zod';
import { NegotiationIdSchema, PartyIdSchema, RecordIdSchema, UserIdSchema } from '../ids';
import { InstantSchema, LabelSchema, LongTextSchema } from './common';

export const RecordKindSchema = z.enum(['transcript', 'note', 'memo']);
export type RecordKind = z.infer<typeof RecordKindSchema>;

/**
 * Who may read a record (see policy/record-policy.ts):
 * `public` every participant · `parties` mediator and parties, not observers ·
 * `mediator` the mediator and the owning party · `delegation` the owning party only.
 */
export const ClassificationSchema = z.enum(['public', 'parties', 'mediator', 'delegation']);
export type Classification = z.infer<typeof ClassificationSchema>;
export const CLASSIFICATIONS = ClassificationSchema.options;

export const RecordSchema = z.strictObject({
  id: RecordIdSchema,
  negotiationId: NegotiationIdSchema,
  owningPartyId: PartyIdSchema,
  authorId: UserIdSchema,
  kind: RecordKindSchema,
  classification: ClassificationSchema,
  title: LabelSchema,
  body: LongTextSchema,
  createdAt: InstantSchema,
});
export type NegotiationRecord = z.infer<typeof RecordSchema>;

/** `owningPartyId` must be a party the author sits in. */
export const CreateRecordInputSchema = z.strictObject({
  owningPartyId: PartyIdSchema,
  kind: RecordKindSchema,
  classification: ClassificationSchema,
  title: LabelSchema,
  body: LongTextSchema,
});
export type CreateRecordInput = z.infer<typeof CreateRecordInputSchema>;

import { z } from 'zod';

/** Branded UUIDs: a UserId can no longer be passed where a NegotiationId is expected. */
export const UserIdSchema = z.uuid().brand<'UserId'>();
export type UserId = z.infer<typeof UserIdSchema>;

export const NegotiationIdSchema = z.uuid().brand<'NegotiationId'>();
export type NegotiationId = z.infer<typeof NegotiationIdSchema>;

export const PartyIdSchema = z.uuid().brand<'PartyId'>();
export type PartyId = z.infer<typeof PartyIdSchema>;

export const MemberIdSchema = z.uuid().brand<'MemberId'>();
export type MemberId = z.infer<typeof MemberIdSchema>;

export const RecordIdSchema = z.uuid().brand<'RecordId'>();
export type RecordId = z.infer<typeof RecordIdSchema>;

export const DeadlineIdSchema = z.uuid().brand<'DeadlineId'>();
export type DeadlineId = z.infer<typeof DeadlineIdSchema>;

export const InvitationIdSchema = z.uuid().brand<'InvitationId'>();
export type InvitationId = z.infer<typeof InvitationIdSchema>;

export const TokenIdSchema = z.uuid().brand<'TokenId'>();
export type TokenId = z.infer<typeof TokenIdSchema>;

export const LeadHandoverIdSchema = z.uuid().brand<'LeadHandoverId'>();
export type LeadHandoverId = z.infer<typeof LeadHandoverIdSchema>;

import { z } from 'zod';
import { PlanVersionIdSchema, PointIdSchema, RecordIdSchema, RoundIdSchema, UserIdSchema } from '../ids';
import { InstantSchema } from './common';

/** An entry's own hash (64 hex digits): its stable id, and the cursor for the next page. */
export const AuditEntryIdSchema = z
  .string()
  .regex(/^[0-9a-f]{64}$/, 'Expected an audit entry id (64 hex digits)');

/** `record`, `record.read`, `amendment.rejected`: an action or the family of actions it starts. */
export const AuditActionFilterSchema = z
  .string()
  .max(64)
  .regex(
    /^[a-z][a-z0-9-]*(\.[a-z0-9-]+)*$/,
    'Expected an action such as record.read, or a family such as record',
  );

/** `GET /api/negotiations/{id}/audit`: newest first, `limit` entries after `cursor`. */
export const AuditLogQuerySchema = z.object({
  cursor: AuditEntryIdSchema.optional(),
  action: AuditActionFilterSchema.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type AuditLogQuery = z.infer<typeof AuditLogQuerySchema>;

/** Where the web app opens what a label names (a point as it read in one version, a round, a record, the exports). */
export const AuditLabelTargetSchema = z.discriminatedUnion('page', [
  z.strictObject({ page: z.literal('point'), pointId: PointIdSchema, versionId: PlanVersionIdSchema }),
  z.strictObject({ page: z.literal('version'), versionId: PlanVersionIdSchema }),
  z.strictObject({ page: z.literal('round'), roundId: RoundIdSchema }),
  z.strictObject({ page: z.literal('record'), recordId: RecordIdSchema }),
  z.strictObject({ page: z.literal('exports') }),
]);
export type AuditLabelTarget = z.infer<typeof AuditLabelTargetSchema>;

/**
 * What one id of an entry names, in words ("Ukraine's position on point 12 · Security guarantees"),
 * as this viewer may read it through the rest of the API; `opens` is null where there is nothing to open.
 */
export const AuditLabelSchema = z.strictObject({
  text: z.string(),
  opens: AuditLabelTargetSchema.nullable(),
});
export type AuditLabel = z.infer<typeof AuditLabelSchema>;

const AuditDetailValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())]);

/**
 * One audit entry as this viewer may see it. Entries about material the viewer may not see are
 * absent; ids of material the viewer may not open are withheld (`subjectId: null`, detail emptied
 * or the id left out of its list) and `redacted` says so.
 */
export const AuditEntrySchema = z.strictObject({
  id: AuditEntryIdSchema,
  at: InstantSchema,
  /** `null`: the system (e.g. loading the demo). */
  actorId: UserIdSchema.nullable(),
  action: z.string(),
  subjectType: z.string(),
  subjectId: z.string().nullable(),
  detail: z.record(z.string(), AuditDetailValueSchema),
  redacted: z.boolean(),
  /**
   * Labels by id, for the entry's `subjectId` and the ids listed in its detail: only ids shown in
   * this entry, and only where the viewer may read the named material itself; others have none.
   */
  labels: z.record(z.string(), AuditLabelSchema),
  /** The client address: shown to the mediator staff only. */
  ip: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

/** The whole chain, recomputed for this answer (`parley audit verify` runs the same check). */
export const AuditChainStatusSchema = z.strictObject({
  verified: z.boolean(),
  checkedAt: InstantSchema,
  /** Why it is broken; the staff get the first broken entry, others a plain sentence. */
  problem: z.string().nullable(),
});
export type AuditChainStatus = z.infer<typeof AuditChainStatusSchema>;

export const AuditLogPageSchema = z.strictObject({
  items: z.array(AuditEntrySchema),
  /** Pass as `cursor` for older entries; `null` on the last page. */
  nextCursor: AuditEntryIdSchema.nullable(),
  chain: AuditChainStatusSchema,
});
export type AuditLogPage = z.infer<typeof AuditLogPageSchema>;

import { z } from 'zod';
import { UserIdSchema } from '../ids';
import { LabelSchema, LongTextSchema } from './common';

/** Export a plan version for one recipient (the caller unless the mediator names another current member). */
export const CreateExportInputSchema = z.strictObject({
  versionId: z.uuid(),
  recipientUserId: UserIdSchema.optional(),
});
export type CreateExportInput = z.infer<typeof CreateExportInputSchema>;

export const ExportRecipientSchema = z.strictObject({ userId: UserIdSchema, displayName: LabelSchema });

/** The fingerprinted Markdown copy; `contentHash` is the SHA-256 (hex) of `markdown`. */
export const ExportSchema = z.strictObject({
  id: z.uuid(),
  recipient: ExportRecipientSchema,
  contentHash: z.string().regex(/^[0-9a-f]{64}$/),
  markdown: z.string(),
});
export type ExportResult = z.infer<typeof ExportSchema>;

export const TraceLeakInputSchema = z.strictObject({ text: LongTextSchema.min(1) });
export type TraceLeakInput = z.infer<typeof TraceLeakInputSchema>;

export const TraceLeakScoreSchema = z.strictObject({
  exportId: z.uuid(),
  recipient: ExportRecipientSchema,
  logLikelihoodRatio: z.number(),
  posterior: z.number(),
  matched: z.number().int(),
  mismatched: z.number().int(),
});

/** Who most likely received the copy the text came from, or "undecided" with the reason. */
export const TraceLeakResultSchema = z.strictObject({
  verdict: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('identified'), exportId: z.uuid(), recipient: ExportRecipientSchema }),
    z.strictObject({ kind: z.literal('undecided'), reason: z.string() }),
  ]),
  marksRead: z.number().int(),
  ranking: z.array(TraceLeakScoreSchema),
});
export type TraceLeakResponse = z.infer<typeof TraceLeakResultSchema>;

import { z } from 'zod';
import { LeakedFileSchema } from './exports';

/**
 * A plan document uploaded to be read as text (.md, .txt or .docx; base64). Same shape and limits
 * as an uploaded leak: one upload format for the whole API.
 */
export const PlanDocumentInputSchema = LeakedFileSchema;
export type PlanDocumentInput = z.infer<typeof PlanDocumentInputSchema>;

/** The text read from an uploaded plan document and what the plan parser makes of it. */
export const PlanDocumentTextSchema = z.strictObject({
  text: z.string(),
  points: z.number().int().nonnegative(),
  problems: z.array(z.strictObject({ line: z.number().int().positive().nullable(), message: z.string() })),
});
export type PlanDocumentText = z.infer<typeof PlanDocumentTextSchema>;

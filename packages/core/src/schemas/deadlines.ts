import { z } from 'zod';
import { DeadlineIdSchema, NegotiationIdSchema } from '../ids';
import { InstantSchema, textSchema, LabelSchema } from './common';

export const DeadlineSchema = z.strictObject({
  id: DeadlineIdSchema,
  negotiationId: NegotiationIdSchema,
  title: LabelSchema,
  dueAt: InstantSchema,
  /** What happens if it passes, in neutral words. */
  consequence: textSchema(2_000),
  createdAt: InstantSchema,
});
export type Deadline = z.infer<typeof DeadlineSchema>;

export const CreateDeadlineInputSchema = z.strictObject({
  title: LabelSchema,
  dueAt: InstantSchema,
  consequence: textSchema(2_000).default(''),
});
export type CreateDeadlineInput = z.infer<typeof CreateDeadlineInputSchema>;

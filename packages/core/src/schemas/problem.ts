import { z } from 'zod';

/**
 * RFC 9457 problem details; `errors` names each offending field for invalid input, with the values
 * it may take (`choices`) when the server knows them and they are few (a folder's profile files),
 * and the point it is about (`pointId`) when a check knows it.
 */
export const ProblemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  errors: z
    .array(
      z.strictObject({
        path: z.string(),
        message: z.string(),
        choices: z.array(z.string()).optional(),
        /** The plan's point the problem is about (a preference profile's checks). */
        pointId: z.string().optional(),
      }),
    )
    .optional(),
});
export type Problem = z.infer<typeof ProblemSchema>;

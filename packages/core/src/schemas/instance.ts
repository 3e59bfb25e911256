import { z } from 'zod';

/**
 * Public facts about a server. Demo accounts appear only on an instance holding the demo; their
 * password never does (issue #13): it is printed at start and written in the README.
 */
export const InstanceSchema = z.strictObject({
  demo: z.boolean(),
  demoAccounts: z.array(z.strictObject({ email: z.string(), sees: z.string() })),
});
export type Instance = z.infer<typeof InstanceSchema>;

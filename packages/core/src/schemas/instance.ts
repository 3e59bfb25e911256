import { z } from 'zod';

/** Public facts about a server. Demo accounts appear only on an instance holding the demo. */
export const InstanceSchema = z.strictObject({
  demo: z.boolean(),
  demoAccounts: z.array(z.strictObject({ email: z.string(), sees: z.string() })),
  /** The shared demo password (printed at start too); null when this is not a demo instance. */
  demoPassword: z.string().nullable(),
});
export type Instance = z.infer<typeof InstanceSchema>;

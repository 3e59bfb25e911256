import { z } from 'zod';

/** `open`: anyone may create an account; `invitation`: only with an invitation (the default). */
export const SignupModeSchema = z.enum(['open', 'invitation']);
export type SignupMode = z.infer<typeof SignupModeSchema>;
/** Who may open a negotiation: anyone signed in, or only the instance's administrators. */
export const NegotiationCreationSchema = z.enum(['anyone', 'admins']);
export type NegotiationCreation = z.infer<typeof NegotiationCreationSchema>;

export const InstanceSettingsSchema = z.strictObject({
  signup: SignupModeSchema,
  negotiationCreation: NegotiationCreationSchema,
});
export type InstanceSettings = z.infer<typeof InstanceSettingsSchema>;
/** The settings as read: `revision` counts the changes, for a form to send back as `baseRevision`. */
export const InstanceSettingsViewSchema = z.strictObject({
  ...InstanceSettingsSchema.shape,
  revision: z.number().int().nonnegative(),
});
export type InstanceSettingsView = z.infer<typeof InstanceSettingsViewSchema>;
/** A change; with `baseRevision` (the revision the form showed) a concurrent change answers 409. */
export const UpdateInstanceSettingsInputSchema = z.strictObject({
  signup: SignupModeSchema.optional(),
  negotiationCreation: NegotiationCreationSchema.optional(),
  baseRevision: z.number().int().nonnegative().optional(),
});
export type UpdateInstanceSettingsInput = z.infer<typeof UpdateInstanceSettingsInputSchema>;

/**
 * Public facts about a server. Demo accounts appear only on an instance holding the demo; their
 * password never does (issue #13): it is printed at start and written in the README.
 */
export const InstanceSchema = z.strictObject({
  /** No account exists yet: the first visitor creates the administrator. */
  needsAdmin: z.boolean(),
  settings: InstanceSettingsViewSchema,
  demo: z.boolean(),
  demoAccounts: z.array(z.strictObject({ email: z.string(), sees: z.string() })),
});
export type Instance = z.infer<typeof InstanceSchema>;

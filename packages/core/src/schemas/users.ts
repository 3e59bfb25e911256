import { z } from 'zod';
import { TokenIdSchema, UserIdSchema } from '../ids';
import { InstantSchema, LabelSchema } from './common';

export const EmailSchema = z.email().max(254);
/** Long passphrases are welcome; the upper bound keeps scrypt's input bounded. */
export const PasswordSchema = z.string().min(10).max(200);

export const UserSchema = z.strictObject({
  id: UserIdSchema,
  email: EmailSchema,
  displayName: LabelSchema,
  createdAt: InstantSchema,
});
export type User = z.infer<typeof UserSchema>;

export const CreateUserInputSchema = z.strictObject({
  email: EmailSchema,
  displayName: LabelSchema,
  password: PasswordSchema,
});
export type CreateUserInput = z.infer<typeof CreateUserInputSchema>;

/** Sign-up in the web app; `invitationToken` is required when the instance is invitation-only. */
export const RegisterInputSchema = CreateUserInputSchema.extend({
  invitationToken: z.string().min(20).max(200).optional(),
});
export type RegisterInput = z.infer<typeof RegisterInputSchema>;

/**
 * What registration answers, whether or not the email already had an account (the answer must
 * not tell): the caller signs in next. `admin` is true when this was an empty instance's first account.
 */
export const RegistrationSchema = z.strictObject({ status: z.literal('accepted'), admin: z.boolean() });
export type Registration = z.infer<typeof RegistrationSchema>;

export const LoginInputSchema = z.strictObject({
  email: EmailSchema,
  password: z.string().min(1).max(200),
});
export type LoginInput = z.infer<typeof LoginInputSchema>;

/** What login answers: the user and the token to echo in `X-CSRF-Token` on cookie-authenticated writes. */
export const SessionViewSchema = z.strictObject({
  user: UserSchema,
  csrfToken: z.string(),
});
export type SessionView = z.infer<typeof SessionViewSchema>;

/** Tokens end (issue 13): 90 days unless asked otherwise, never more than a year. */
export const API_TOKEN_DEFAULT_DAYS = 90;
export const API_TOKEN_MAX_DAYS = 365;

export const CreateApiTokenInputSchema = z.strictObject({
  label: LabelSchema,
  /** Days until the token stops working; default 90, at most 365. */
  expiresInDays: z.int().min(1).max(API_TOKEN_MAX_DAYS).optional(),
});
export type CreateApiTokenInput = z.infer<typeof CreateApiTokenInputSchema>;

/** The secret is shown once, at creation; the server keeps only its hash. */
export const ApiTokenCreatedSchema = z.strictObject({
  id: TokenIdSchema,
  label: LabelSchema,
  token: z.string(),
  createdAt: InstantSchema,
  expiresAt: InstantSchema,
});
export type ApiTokenCreated = z.infer<typeof ApiTokenCreatedSchema>;

/** A token as its owner sees it later: never the secret. */
export const ApiTokenSchema = z.strictObject({
  id: TokenIdSchema,
  label: LabelSchema,
  createdAt: InstantSchema,
  expiresAt: InstantSchema,
  lastUsedAt: InstantSchema.nullable(),
  /** Created while signed in with the caller's current browser session (revoked with it on request). */
  isFromThisSession: z.boolean(),
});
export type ApiToken = z.infer<typeof ApiTokenSchema>;

export const ApiTokenListSchema = z.strictObject({ items: z.array(ApiTokenSchema) });
export type ApiTokenList = z.infer<typeof ApiTokenListSchema>;

/** `POST /api/auth/logout?revokeTokens=session` also revokes the tokens created in this session. */
export const LogoutQuerySchema = z.strictObject({ revokeTokens: z.enum(['session']).optional() });
export type LogoutQuery = z.infer<typeof LogoutQuerySchema>;

import {
  DomainError,
  UserIdSchema,
  type CreateUserInput,
  type LoginInput,
  type User,
  type UserId,
} from '@parley/core';
import { getDummyHash, hashPassword } from '../auth/password';
import { createSecret, hashSecret } from '../auth/secrets';
import { revokeSessionApiTokens } from '../storage/api-tokens';
import { deleteSession, insertSession } from '../storage/sessions';
import { cachedSession } from './cached-reads';
import { findUserByEmail, insertUser } from '../storage/users';
import { commitChange } from './commit-change';
import type { AppDeps } from './deps';

/** Sessions last a working fortnight; the cookie carries the same Max-Age. */
export const SESSION_TTL_MS = 14 * 24 * 60 * 60 * 1000;

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function createUser(
  deps: AppDeps,
  input: CreateUserInput & { actorId?: UserId | null; isAdmin?: boolean },
): Promise<User> {
  const email = normalizeEmail(input.email);
  const passwordHash = await hashPassword(input.password);
  const user: User = {
    id: UserIdSchema.parse(deps.ids.next()),
    email,
    displayName: input.displayName,
    createdAt: deps.clock.now().toISOString(),
  };
  return commitChange(deps, {
    actor: { userId: input.actorId ?? user.id },
    write: async (tx) => {
      if (await findUserByEmail(tx, email))
        throw new DomainError('conflict', 'An account with this email exists.', { field: 'email' });
      return insertUser(tx, { user, passwordHash, isAdmin: input.isAdmin });
    },
    audit: {
      action: 'user.create',
      subjectType: 'user',
      subjectId: user.id,
      negotiationId: null,
      detail: input.isAdmin === true ? { admin: true } : undefined,
    },
  });
}

export type StartedSession = { user: User; sessionToken: string; csrfToken: string };

/** Verifies the password under the per-account and per-address throttle and opens a session. */
export async function login(
  deps: AppDeps,
  input: LoginInput & { ip: string | null },
): Promise<StartedSession> {
  const email = normalizeEmail(input.email);
  // The slot is taken before the hash runs: concurrent guesses cannot all pass the throttle (#13).
  const reservation = await deps.throttle.reserve({ kind: 'login', email, ip: input.ip });
  const found = await findUserByEmail(deps.db, email);
  const isValid = await deps.passwords.verify(input.password, found?.passwordHash ?? (await getDummyHash()));
  if (found === undefined || !isValid) {
    await commitChange(deps, {
      actor: { userId: found?.user.id ?? null },
      audit: {
        action: 'auth.login-failed',
        subjectType: 'user',
        subjectId: found?.user.id ?? null,
        negotiationId: null,
        ip: input.ip,
      },
    });
    throw new DomainError('invalid-credentials', 'Wrong email or password.');
  }
  await reservation.release();
  const sessionToken = createSecret('ps_');
  const csrfToken = createSecret('pc_');
  const now = deps.clock.now();
  await commitChange(deps, {
    actor: { userId: found.user.id },
    write: (tx) =>
      insertSession(tx, {
        idHash: hashSecret(sessionToken),
        userId: found.user.id,
        csrfToken,
        createdAt: now,
        expiresAt: new Date(now.getTime() + SESSION_TTL_MS),
      }),
    audit: {
      action: 'auth.login',
      subjectType: 'user',
      subjectId: found.user.id,
      negotiationId: null,
      ip: input.ip,
    },
  });
  return { user: found.user, sessionToken, csrfToken };
}

/** Ends the session; with `revokeTokens`, the API tokens created in it stop working too. */
export async function logout(
  deps: AppDeps,
  input: { sessionIdHash: string; userId: UserId; ip: string | null; revokeTokens: boolean },
): Promise<void> {
  await commitChange(deps, {
    actor: { userId: input.userId },
    write: async (tx) => {
      await deleteSession(tx, input.sessionIdHash);
      return input.revokeTokens
        ? revokeSessionApiTokens(tx, {
            userId: input.userId,
            sessionIdHash: input.sessionIdHash,
            at: deps.clock.now(),
          })
        : [];
    },
    audit: (revoked) => ({
      action: 'auth.logout',
      subjectType: 'user',
      subjectId: input.userId,
      negotiationId: null,
      ip: input.ip,
      detail: revoked.length > 0 ? { revokedTokens: revoked } : undefined,
    }),
  });
}

/** The session of a cookie, if it exists and has not expired at the clock's now. */
export async function resolveSession(deps: AppDeps, sessionToken: string) {
  const session = await cachedSession(deps.db, hashSecret(sessionToken));
  return session !== undefined && session.expiresAt > deps.clock.now() ? session : undefined;
}

/** An account by its email (the CLI's `--as` and `--recipient`), or undefined. */
export async function findAccountByEmail(deps: AppDeps, email: string) {
  return findUserByEmail(deps.db, normalizeEmail(email));
}

import {
  API_TOKEN_DEFAULT_DAYS,
  can,
  DomainError,
  TokenIdSchema,
  type ApiTokenCreated,
  type CreateApiTokenInput,
  type UserId,
  type Viewer,
} from '@parley/core';
import { createSecret, hashSecret } from '../auth/secrets';
import {
  findApiToken,
  findApiTokenByHash,
  insertApiToken,
  listApiTokens,
  revokeApiToken,
  touchApiToken,
  type StoredApiToken,
} from '../storage/api-tokens';
import { findUserByEmail } from '../storage/users';
import { normalizeEmail } from './accounts';
import { commitChange } from './commit-change';
import type { AppDeps } from './deps';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The secret is returned once; only its hash is stored. `sessionIdHash` is the browser session
 * that asked (null from the CLI), so signing out can revoke the tokens made in it.
 */
export async function createApiToken(
  deps: AppDeps,
  input: CreateApiTokenInput & { userId: UserId; sessionIdHash: string | null },
): Promise<ApiTokenCreated> {
  const token = createSecret('pt_');
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + (input.expiresInDays ?? API_TOKEN_DEFAULT_DAYS) * DAY_MS);
  const id = TokenIdSchema.parse(deps.ids.next());
  await commitChange(deps, {
    actor: { userId: input.userId },
    at: now,
    write: (tx) =>
      insertApiToken(tx, {
        id,
        userId: input.userId,
        label: input.label,
        tokenHash: hashSecret(token),
        createdAt: now,
        expiresAt,
        sessionIdHash: input.sessionIdHash,
      }),
    audit: {
      action: 'token.create',
      subjectType: 'api-token',
      subjectId: id,
      negotiationId: null,
      detail: { expiresAt: expiresAt.toISOString() },
    },
  });
  return { id, label: input.label, token, createdAt: now.toISOString(), expiresAt: expiresAt.toISOString() };
}

/** For the CLI (`parley tokens create --email …`): a token for an existing account, found by email. */
export async function createApiTokenForEmail(
  deps: AppDeps,
  input: { email: string; label: string; expiresInDays?: number },
): Promise<ApiTokenCreated> {
  const found = await findUserByEmail(deps.db, normalizeEmail(input.email));
  if (found === undefined)
    throw new DomainError('not-found', `No account with email ${input.email}.`, { field: 'email' });
  return createApiToken(deps, { ...input, userId: found.user.id, sessionIdHash: null });
}

/**
 * The account a bearer token acts as. An unknown, expired or revoked token is a 401 that says
 * which: the caller holds the secret, so naming its state reveals nothing to them.
 */
export async function authenticateApiToken(
  deps: AppDeps,
  secret: string,
): Promise<{ id: string; userId: UserId }> {
  const token = await findApiTokenByHash(deps.db, hashSecret(secret));
  const now = deps.clock.now();
  if (token === undefined) throw new DomainError('unauthenticated', 'The bearer token is not valid.');
  if (token.revokedAt !== null) throw new DomainError('unauthenticated', 'The bearer token was revoked.');
  if (token.expiresAt <= now)
    throw new DomainError(
      'unauthenticated',
      `The bearer token expired at ${token.expiresAt.toISOString()}; create a new one.`,
    );
  await touchApiToken(deps.db, { id: token.id, at: now });
  return { id: token.id, userId: token.userId };
}

export async function listApiTokensForViewer(deps: AppDeps, viewer: Viewer): Promise<StoredApiToken[]> {
  if (viewer.userId === null) throw new DomainError('unauthenticated', 'Sign in first.');
  return listApiTokens(deps.db, viewer.userId);
}

/** Another account's token answers exactly like a missing one (404), as does a revoked one. */
export async function revokeApiTokenForViewer(deps: AppDeps, viewer: Viewer, tokenId: string): Promise<void> {
  const token = await findApiToken(deps.db, tokenId);
  if (
    token === undefined ||
    token.revokedAt !== null ||
    !can(viewer, 'token.manage', { kind: 'api-token', ownerId: token.userId })
  )
    throw new DomainError('not-found', 'No such token.');
  await commitChange(deps, {
    actor: viewer,
    write: async (tx) => {
      if (!(await revokeApiToken(tx, { id: tokenId, at: deps.clock.now() })))
        throw new DomainError('not-found', 'No such token.');
    },
    audit: { action: 'token.revoke', subjectType: 'api-token', subjectId: tokenId, negotiationId: null },
  });
}

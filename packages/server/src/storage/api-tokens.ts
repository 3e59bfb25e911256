import { TokenIdSchema, UserIdSchema, type TokenId, type UserId } from '@parley/core';
import type { Database } from './database';

export type StoredApiToken = {
  id: TokenId;
  userId: UserId;
  label: string;
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  sessionIdHash: string | null;
};

type ApiTokenRow = {
  id: string;
  user_id: string;
  label: string;
  created_at: Date;
  expires_at: Date;
  revoked_at: Date | null;
  last_used_at: Date | null;
  session_id_hash: string | null;
};

const COLUMNS = [
  'id',
  'user_id',
  'label',
  'created_at',
  'expires_at',
  'revoked_at',
  'last_used_at',
  'session_id_hash',
] as const;

function toStoredApiToken(row: ApiTokenRow): StoredApiToken {
  return {
    id: TokenIdSchema.parse(row.id),
    userId: UserIdSchema.parse(row.user_id),
    label: row.label,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    lastUsedAt: row.last_used_at,
    sessionIdHash: row.session_id_hash,
  };
}

export async function insertApiToken(
  db: Database,
  token: Omit<StoredApiToken, 'revokedAt' | 'lastUsedAt'> & { tokenHash: string },
): Promise<void> {
  await db
    .insertInto('api_tokens')
    .values({
      id: token.id,
      user_id: token.userId,
      label: token.label,
      token_hash: token.tokenHash,
      created_at: token.createdAt,
      expires_at: token.expiresAt,
      session_id_hash: token.sessionIdHash,
    })
    .execute();
}

/** The token whatever its state: the caller tells expired and revoked apart for the 401. */
export async function findApiTokenByHash(
  db: Database,
  tokenHash: string,
): Promise<StoredApiToken | undefined> {
  const row = await db
    .selectFrom('api_tokens')
    .select(COLUMNS)
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  return row === undefined ? undefined : toStoredApiToken(row);
}

export async function findApiToken(db: Database, id: string): Promise<StoredApiToken | undefined> {
  const row = await db.selectFrom('api_tokens').select(COLUMNS).where('id', '=', id).executeTakeFirst();
  return row === undefined ? undefined : toStoredApiToken(row);
}

/** An account's tokens not revoked, newest first; expired ones stay listed until revoked. */
export async function listApiTokens(db: Database, userId: UserId): Promise<StoredApiToken[]> {
  const rows = await db
    .selectFrom('api_tokens')
    .select(COLUMNS)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
  return rows.map(toStoredApiToken);
}

/** Returns whether it was live (not already revoked). */
export async function revokeApiToken(db: Database, input: { id: string; at: Date }): Promise<boolean> {
  const result = await db
    .updateTable('api_tokens')
    .set({ revoked_at: input.at })
    .where('id', '=', input.id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Revokes the account's live tokens created in one browser session; returns their ids. */
export async function revokeSessionApiTokens(
  db: Database,
  input: { userId: UserId; sessionIdHash: string; at: Date },
): Promise<string[]> {
  const rows = await db
    .updateTable('api_tokens')
    .set({ revoked_at: input.at })
    .where('user_id', '=', input.userId)
    .where('session_id_hash', '=', input.sessionIdHash)
    .where('revoked_at', 'is', null)
    .returning('id')
    .execute();
  return rows.map((row) => row.id);
}

/**
 * Records a use at most once a minute per token, so a busy script does not write on every
 * request; "last used" is shown to the minute anyway.
 */
export async function touchApiToken(db: Database, input: { id: string; at: Date }): Promise<void> {
  const stale = new Date(input.at.getTime() - 60_000);
  await db
    .updateTable('api_tokens')
    .set({ last_used_at: input.at })
    .where('id', '=', input.id)
    .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', stale)]))
    .execute();
}

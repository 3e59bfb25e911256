import type { UserId } from '@parley/core';
import type { Database } from './database';

export async function insertApiToken(
  db: Database,
  token: { id: string; userId: UserId; label: string; tokenHash: string; createdAt: Date },
): Promise<void> {
  await db
    .insertInto('api_tokens')
    .values({
      id: token.id,
      user_id: token.userId,
      label: token.label,
      token_hash: token.tokenHash,
      created_at: token.createdAt,
    })
    .execute();
}

export async function findApiTokenByHash(
  db: Database,
  tokenHash: string,
): Promise<{ id: string; userId: UserId } | undefined> {
  const row = await db
    .selectFrom('api_tokens')
    .select(['id', 'user_id'])
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  return row === undefined ? undefined : { id: row.id, userId: row.user_id as UserId };
}

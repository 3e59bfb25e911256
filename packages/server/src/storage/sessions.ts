import { UserIdSchema, type UserId } from '@parley/core';
import type { Database } from './database';

export type StoredSession = { idHash: string; userId: UserId; csrfToken: string; expiresAt: Date };

export async function insertSession(
  db: Database,
  session: StoredSession & { createdAt: Date },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      id_hash: session.idHash,
      user_id: session.userId,
      csrf_token: session.csrfToken,
      created_at: session.createdAt,
      expires_at: session.expiresAt,
    })
    .execute();
}

/** A session whatever its expiry (a cached copy outlives the instant it was read at). */
export async function findSession(db: Database, idHash: string): Promise<StoredSession | undefined> {
  const row = await db.selectFrom('sessions').selectAll().where('id_hash', '=', idHash).executeTakeFirst();
  return row === undefined
    ? undefined
    : {
        idHash: row.id_hash,
        userId: UserIdSchema.parse(row.user_id),
        csrfToken: row.csrf_token,
        expiresAt: row.expires_at,
      };
}

export async function deleteSession(db: Database, idHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
}

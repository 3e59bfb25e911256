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

/** Only sessions that have not expired at `now`. */
export async function findLiveSession(
  db: Database,
  input: { idHash: string; now: Date },
): Promise<StoredSession | undefined> {
  const row = await db
    .selectFrom('sessions')
    .selectAll()
    .where('id_hash', '=', input.idHash)
    .where('expires_at', '>', input.now)
    .executeTakeFirst();
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

import { sql } from 'kysely';
import type { Database } from './database';

export type ThrottleSlot = { scope: string; key: string; limit: number; windowMs: number; now: Date };

/**
 * Takes one slot in the (scope, key) window, or none when the window is full: one statement, so
 * concurrent requests, in this process or another, cannot both take the last slot (PostgreSQL
 * locks the row for the upsert; its WHERE is re-checked on the row as the winner left it).
 * Returns undefined when a slot was taken, else when the window ends.
 */
export async function takeThrottleSlot(db: Database, slot: ThrottleSlot): Promise<Date | undefined> {
  const expired = new Date(slot.now.getTime() - slot.windowMs);
  const taken = await sql<{ attempts: number }>`
    insert into sign_in_throttle (scope, key, window_start, attempts)
    values (${slot.scope}, ${slot.key}, ${slot.now}, 1)
    on conflict (scope, key) do update set
      window_start = case when sign_in_throttle.window_start <= ${expired}
        then excluded.window_start else sign_in_throttle.window_start end,
      attempts = case when sign_in_throttle.window_start <= ${expired}
        then 1 else sign_in_throttle.attempts + 1 end
    where sign_in_throttle.window_start <= ${expired} or sign_in_throttle.attempts < ${slot.limit}
    returning attempts`.execute(db);
  if (taken.rows.length > 0) return undefined;
  const row = await db
    .selectFrom('sign_in_throttle')
    .select('window_start')
    .where('scope', '=', slot.scope)
    .where('key', '=', slot.key)
    .executeTakeFirst();
  const start = row === undefined ? slot.now : new Date(row.window_start);
  return new Date(start.getTime() + slot.windowMs);
}

/** Gives a slot back (a sign-in that succeeded does not count against the window). */
export async function returnThrottleSlot(db: Database, slot: { scope: string; key: string }): Promise<void> {
  await db
    .updateTable('sign_in_throttle')
    .set((eb) => ({ attempts: eb('attempts', '-', 1) }))
    .where('scope', '=', slot.scope)
    .where('key', '=', slot.key)
    .where('attempts', '>', 0)
    .execute();
}

/** Forgets windows that ended long ago, so the table stays as small as the recent attempts. */
export async function forgetEndedThrottleWindows(db: Database, before: Date): Promise<void> {
  await db.deleteFrom('sign_in_throttle').where('window_start', '<', before).execute();
}

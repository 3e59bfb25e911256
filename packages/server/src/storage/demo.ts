import type { NegotiationId, UserId } from '@parley/core';
import type { Database } from './database';

/** Removes the demo negotiation (rows cascade) and the demo accounts, so the demo can be reloaded. */
export async function deleteDemoData(
  db: Database,
  input: { negotiationIds: readonly NegotiationId[]; userIds: readonly UserId[] },
): Promise<void> {
  if (input.negotiationIds.length > 0)
    await db.deleteFrom('negotiations').where('id', 'in', input.negotiationIds).execute();
  if (input.userIds.length === 0) return;
  const users = input.userIds;
  // Whatever the demo accounts did since (their own negotiations, seats, records, invitations
  // elsewhere) goes with them, or the foreign keys would block the reload.
  await db.deleteFrom('negotiations').where('created_by', 'in', users).execute();
  await db.deleteFrom('records').where('author_id', 'in', users).execute();
  await db
    .deleteFrom('invitations')
    .where((eb) => eb.or([eb('invited_by', 'in', users), eb('accepted_by', 'in', users)]))
    .execute();
  await db.deleteFrom('members').where('user_id', 'in', users).execute();
  await db.deleteFrom('users').where('id', 'in', users).execute();
}

/** True when no account exists yet: the first start of an empty database. */
export async function isDatabaseEmpty(db: Database): Promise<boolean> {
  const row = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  return row === undefined;
}

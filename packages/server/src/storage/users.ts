import { UserIdSchema, type User, type UserId } from '@parley/core';
import { sql, type Selectable } from 'kysely';
import type { Database } from './database';
import type { UsersTable } from './schema';

/** A user plus the stored password hash (never leaves the auth service). */
export type UserWithSecret = { user: User; passwordHash: string };

function toUser(row: Omit<Selectable<UsersTable>, 'is_admin'>): User {
  return {
    id: UserIdSchema.parse(row.id),
    email: row.email,
    displayName: row.display_name,
    createdAt: row.created_at.toISOString(),
  };
}

export async function insertUser(
  db: Database,
  input: { user: User; passwordHash: string; isAdmin?: boolean },
): Promise<User> {
  const { user, passwordHash } = input;
  await db
    .insertInto('users')
    .values({
      id: user.id,
      email: user.email,
      display_name: user.displayName,
      password_hash: passwordHash,
      created_at: new Date(user.createdAt),
      is_admin: input.isAdmin ?? false,
    })
    .execute();
  return user;
}

export async function findUserByEmail(db: Database, email: string): Promise<UserWithSecret | undefined> {
  const row = await db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
  return row === undefined ? undefined : { user: toUser(row), passwordHash: row.password_hash };
}

export async function findUser(db: Database, id: UserId): Promise<User | undefined> {
  const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  return row === undefined ? undefined : toUser(row);
}

export async function updatePasswordHash(
  db: Database,
  input: { id: UserId; passwordHash: string },
): Promise<void> {
  await db
    .updateTable('users')
    .set({ password_hash: input.passwordHash })
    .where('id', '=', input.id)
    .execute();
}

export async function isAdminUser(db: Database, id: UserId): Promise<boolean> {
  const row = await db.selectFrom('users').select('is_admin').where('id', '=', id).executeTakeFirst();
  return row?.is_admin === true;
}

/** Whether any account exists: an instance without one lets its first visitor create the administrator. */
export async function hasAnyUser(db: Database): Promise<boolean> {
  const row = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  return row !== undefined;
}

/**
 * Serialises first-account creation: two visitors racing on an empty instance must not both
 * become administrators. Held until the surrounding transaction ends.
 */
export async function lockUsersForFirstAccount(db: Database): Promise<void> {
  await sql`LOCK TABLE users IN SHARE ROW EXCLUSIVE MODE`.execute(db);
}

export async function setAdmin(db: Database, input: { id: UserId; isAdmin: boolean }): Promise<void> {
  await db.updateTable('users').set({ is_admin: input.isAdmin }).where('id', '=', input.id).execute();
}

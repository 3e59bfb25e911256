import type { User, UserId } from '@parley/core';
import type { Database } from './database';
import type { UsersTable } from './schema';

/** A user plus the stored password hash (never leaves the auth service). */
export type UserWithSecret = { user: User; passwordHash: string };

function toUser(row: UsersTable): User {
  return {
    id: row.id as UserId,
    email: row.email,
    displayName: row.display_name,
    createdAt: row.created_at.toISOString(),
  };
}

export async function insertUser(db: Database, input: { user: User; passwordHash: string }): Promise<User> {
  const { user, passwordHash } = input;
  await db
    .insertInto('users')
    .values({
      id: user.id,
      email: user.email,
      display_name: user.displayName,
      password_hash: passwordHash,
      created_at: new Date(user.createdAt),
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

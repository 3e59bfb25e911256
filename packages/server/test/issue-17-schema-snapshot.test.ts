import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { temporaryFolders } from './helpers/temporary-folders';
import { LOCK_FILE_NAME } from '../src/storage/data-folder-lock';
import { openDatabase, type Database } from '../src/storage/database';
import { MIGRATIONS } from '../src/storage/migrations';
import { readSchemaSnapshot } from '../src/storage/schema-snapshot';

// A new PGlite database starts from a tarball of the migrated empty schema (issue #17 item 4). What
// must hold: it is exactly the migrated schema, never anything an earlier database wrote.

const freshFolder = temporaryFolders('parley-snapshot-');
// initdb and every migration, twice in one test: 67 s, past the default minute, on a two-core
// machine running the rest of the suite beside two other engineers' (load average 9).
const FROM_ZERO_TIMEOUT = 180_000;

const appliedNames = async (db: Database) =>
  (await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name`.execute(db)).rows.map(
    (row) => row.name,
  );

const userEmails = async (db: Database) =>
  (await sql<{ email: string }>`SELECT email FROM users ORDER BY email`.execute(db)).rows.map(
    (row) => row.email,
  );

const databaseNames = async (db: Database) =>
  (await sql<{ datname: string }>`SELECT datname FROM pg_database ORDER BY datname`.execute(db)).rows.map(
    (row) => row.datname,
  );

const sharedBuffers = async (db: Database) =>
  (await sql<{ shared_buffers: string }>`SHOW shared_buffers`.execute(db)).rows[0]?.shared_buffers;

async function addUser(db: Database, email: string): Promise<void> {
  await sql`INSERT INTO users (id, email, display_name, password_hash)
            VALUES (gen_random_uuid(), ${email}, 'Someone', 'x')`.execute(db);
}

describe('new PGlite databases from the migrated schema', () => {
  it('holds every migration and nothing an earlier database wrote after it was made', async () => {
    const first = await openDatabase({ inMemory: true });
    await addUser(first.db, 'first@example.org');
    expect(readSchemaSnapshot()).toBeInstanceOf(Blob);

    const inMemory = await openDatabase({ inMemory: true });
    const inFolder = await openDatabase({ dataDir: freshFolder() });
    for (const handle of [inMemory, inFolder]) {
      expect(handle.origin).toBe('schema snapshot');
      expect(await appliedNames(handle.db)).toEqual(Object.keys(MIGRATIONS).sort());
      expect(await userEmails(handle.db)).toEqual([]);
      // PGlite serves only this one; initdb's templates were half of every open's files.
      expect(await databaseNames(handle.db)).toEqual(['postgres']);
    }
    // A database in memory is a test's, started with small buffers (they cost most of its start);
    // a folder keeps Postgres's default as the cache of a database that grows.
    expect(await sharedBuffers(inMemory.db)).toBe('16MB');
    expect(await sharedBuffers(inFolder.db)).toBe('128MB');
    await Promise.all([first.close(), inMemory.close(), inFolder.close()]);
  });

  it('keeps what a folder started from the snapshot wrote, across a restart', async () => {
    expect(readSchemaSnapshot()).toBeInstanceOf(Blob);
    const folder = freshFolder();
    const opened = await openDatabase({ dataDir: folder });
    await addUser(opened.db, 'kept@example.org');
    await opened.close();
    const reopened = await openDatabase({ dataDir: folder });
    expect(reopened.origin).toBe('existing');
    expect(await userEmails(reopened.db)).toEqual(['kept@example.org']);
    await reopened.close();
  });

  // This keeps its snapshot in a folder of its own: the installation's is shared with the other test
  // files running meanwhile, which would make it again the moment it was gone. One test, as each
  // migration from zero is most of ten seconds on a loaded machine: the folder migrated after the
  // damaged file is also the data folder no snapshot may be made from.
  it(
    'passes a damaged snapshot file by, is never made from a data folder, and is made from memory',
    async () => {
      const schemaSnapshot = join(freshFolder(), 'schema.tar.gz');
      writeFileSync(schemaSnapshot, Buffer.from('not a tarball'));
      expect(readSchemaSnapshot(schemaSnapshot)).toBeUndefined();
      expect(existsSync(schemaSnapshot)).toBe(false);

      const folder = freshFolder();
      const opened = await openDatabase({ dataDir: folder, schemaSnapshot });
      expect(opened.origin).toBe('migrations');
      expect(await appliedNames(opened.db)).toEqual(Object.keys(MIGRATIONS).sort());
      // Every folder started from a snapshot made here would inherit this process's lock.
      expect(existsSync(join(folder, LOCK_FILE_NAME))).toBe(true);
      await opened.close();
      expect(existsSync(schemaSnapshot)).toBe(false);

      const inMemory = await openDatabase({ inMemory: true, schemaSnapshot });
      expect(inMemory.origin).toBe('migrations');
      await inMemory.close();
      expect(existsSync(schemaSnapshot)).toBe(true);
      const fromIt = await openDatabase({ inMemory: true, schemaSnapshot });
      expect(fromIt.origin).toBe('schema snapshot');
      expect(await appliedNames(fromIt.db)).toEqual(Object.keys(MIGRATIONS).sort());
      await fromIt.close();
    },
    FROM_ZERO_TIMEOUT,
  );
});

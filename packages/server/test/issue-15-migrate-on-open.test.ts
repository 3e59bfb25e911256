import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { temporaryFolders } from './helpers/temporary-folders';
import { openDatabase, type Database } from '../src/storage/database';
import { MIGRATIONS } from '../src/storage/migrations';

// Opening an up-to-date database skips kysely's Migrator (start-up time, issue #15 item 6); these
// tests pin that the shortcut never skips a migration that is missing.

const freshFolder = temporaryFolders('parley-migrate-');

const appliedNames = async (db: Database) =>
  (await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name`.execute(db)).rows.map(
    (row) => row.name,
  );

describe('opening a PGlite data folder', () => {
  it('applies every migration to a new folder and finds them all applied on reopen', async () => {
    const folder = freshFolder();
    const first = await openDatabase({ dataDir: folder });
    expect(await appliedNames(first.db)).toEqual(Object.keys(MIGRATIONS).sort());
    await first.close();
    const again = await openDatabase({ dataDir: folder });
    expect(await appliedNames(again.db)).toEqual(Object.keys(MIGRATIONS).sort());
    await again.close();
  });

  it('runs a migration the folder lacks, although every other one is applied', async () => {
    const folder = freshFolder();
    const first = await openDatabase({ dataDir: folder });
    const last = Object.keys(MIGRATIONS).sort().at(-1) ?? '';
    // Undo the newest migration as if the folder came from the release before it.
    await MIGRATIONS[last]?.down?.(first.db as never);
    await sql`DELETE FROM kysely_migration WHERE name = ${last}`.execute(first.db);
    await first.close();

    const reopened = await openDatabase({ dataDir: folder });
    // Had the shortcut skipped it, its row would still be missing (and its `down` undone).
    expect(await appliedNames(reopened.db)).toEqual(Object.keys(MIGRATIONS).sort());
    await reopened.close();
  });
});

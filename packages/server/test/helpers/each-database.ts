import { randomBytes } from 'node:crypto';
import { Socket } from 'node:net';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '../../src/storage/database';

// Runs API suites on in-memory PGlite and, when a local PostgreSQL answers, once more on a
// throwaway database there. (Local to the app tests until the storage helper's test/support
// lands; then this file should delegate to it.)

const POSTGRES_URL = process.env.PARLEY_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function isPostgresReachable(): Promise<boolean> {
  const url = new URL(POSTGRES_URL);
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (isUp: boolean) => {
      socket.destroy();
      resolve(isUp);
    };
    socket.setTimeout(500, () => done(false));
    socket.once('error', () => done(false));
    socket.connect(Number(url.port || 5432), url.hostname, () => done(true));
  });
}

export type DatabaseKind = 'pglite' | 'postgres';

/**
 * `PARLEY_TEST_POSTGRES` says which suites run a second time on PostgreSQL (when one answers):
 * - `storage` (the default, `npm test`): the storage suites, whose outcome depends on the database
 *   (transactions and locks, concurrent writers, LISTEN/NOTIFY, the audit chain's SQL, full-text
 *   search, the read cache that only PGlite's single writer allows);
 * - `all`: the API suites too (CI's Node 24 pass): they go through the same SQL as on PGlite, and
 *   running them twice in `npm test` cost a third of its time;
 * - `off`: PGlite alone (CI's Node 22 pass).
 */
const postgresPass = process.env.PARLEY_TEST_POSTGRES ?? 'storage';
if (!['storage', 'all', 'off'].includes(postgresPass))
  throw new Error(`PARLEY_TEST_POSTGRES must be storage, all or off, not "${postgresPass}"`);
const isPostgresUp = postgresPass !== 'off' && (await isPostgresReachable());

/** The databases a storage suite runs on. */
export const DATABASE_KINDS: readonly DatabaseKind[] = isPostgresUp ? ['pglite', 'postgres'] : ['pglite'];
/** The databases an API suite runs on. */
export const API_DATABASE_KINDS: readonly DatabaseKind[] =
  isPostgresUp && postgresPass === 'all' ? ['pglite', 'postgres'] : ['pglite'];

/** A migrated, empty database of the given kind; close() drops a PostgreSQL one. */
export async function openTestDatabase(kind: DatabaseKind): Promise<DatabaseHandle & { url?: string }> {
  if (kind === 'pglite') return openDatabase({ inMemory: true });
  const name = `parley_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: url.toString() });
  return {
    ...handle,
    url: url.toString(),
    close: async () => {
      await handle.close();
      const dropper = new pg.Client({ connectionString: POSTGRES_URL });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}

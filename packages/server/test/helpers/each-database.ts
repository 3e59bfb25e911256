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
// `PARLEY_TEST_POSTGRES=off` keeps a run on PGlite alone (CI's Node 22/24 passes: the PostgreSQL
// pass does not depend on the Node version, and running it once keeps CI's time).
const isPostgresWanted = process.env.PARLEY_TEST_POSTGRES !== 'off';
export const DATABASE_KINDS: readonly DatabaseKind[] =
  isPostgresWanted && (await isPostgresReachable()) ? ['pglite', 'postgres'] : ['pglite'];

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

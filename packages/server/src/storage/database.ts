import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, Migrator, PostgresDialect, sql } from 'kysely';
import { lockDataFolder, type DataFolderLock } from './data-folder-lock';
import { MIGRATIONS } from './migrations';
import { PGliteDialect, type LocalWrites } from './pglite-dialect';
import { forgetSchemaSnapshot, readSchemaSnapshot, saveSchemaSnapshot } from './schema-snapshot';
import type { Db } from './schema';

export type Database = Kysely<Db>;
/**
 * Where the schema came from: a database that already existed, or a new PGlite database made from
 * the snapshot of the migrated schema, or by initdb and every migration (see schema-snapshot.ts).
 */
export type DatabaseOrigin = 'existing' | 'schema snapshot' | 'migrations';
export type DatabaseHandle = {
  db: Database;
  kind: 'pglite' | 'postgres';
  origin: DatabaseOrigin;
  close(): Promise<void>;
};

export type OpenDatabaseOptions = {
  /** A PostgreSQL connection string; when absent, embedded PGlite is used. */
  databaseUrl?: string;
  /** PGlite's data folder (default ./data). */
  dataDir?: string;
  /** PGlite in memory (tests). */
  inMemory?: boolean;
  /** The schema snapshot a new PGlite database starts from (default: the installation's). */
  schemaSnapshot?: string;
};

/** Opens PostgreSQL or embedded PGlite and brings its schema up to date before returning. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  const isPostgres = options.databaseUrl !== undefined;
  // Taken before PGlite touches the folder: a second backend on the same files corrupts them.
  const lock: DataFolderLock | undefined =
    isPostgres || options.inMemory ? undefined : lockDataFolder(ensureFolder(options.dataDir));
  let db: Database;
  let origin: DatabaseOrigin = 'existing';
  let pglite: PGlite | undefined;
  try {
    if (isPostgres) db = await openPostgres(options.databaseUrl ?? '');
    else ({ db, pglite, origin } = openPglite(options));
  } catch (error) {
    lock?.release();
    throw error;
  }
  try {
    await migrate(db);
    // Made only from a database nothing but the migrations has written to, and only in memory: a
    // data folder also holds files that are not the database's (this process's lock), which every
    // folder started from the tarball would otherwise inherit.
    if (pglite !== undefined && origin === 'migrations' && options.inMemory === true)
      await saveSchemaSnapshot(pglite, options.schemaSnapshot);
  } catch (error) {
    await db.destroy();
    lock?.release();
    throw error;
  }
  const close = async () => {
    try {
      await db.destroy();
    } finally {
      lock?.release();
    }
  };
  return { db, kind: isPostgres ? 'postgres' : 'pglite', origin, close };
}

function ensureFolder(dataDir = './data'): string {
  mkdirSync(dataDir, { recursive: true });
  return dataDir;
}

async function openPostgres(connectionString: string): Promise<Database> {
  // Loaded here, not with the module: a server on PGlite never needs the PostgreSQL client (#17).
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString });
  // An idle connection the server drops (restart, failover, a terminated backend, or one still
  // closing after pool.end()) is an 'error' event on the pool; unheard, Node would crash the process.
  // The pool has already discarded that connection and opens a fresh one on the next query.
  pool.on('error', (error) => {
    if (!pool.ending) console.warn(`database: idle connection lost (${error.message})`);
  });
  return new Kysely<Db>({ dialect: new PostgresDialect({ pool }) });
}

/**
 * Whether every migration is already applied, in two cheap queries. On a restart this is the common
 * case, and kysely's Migrator would first introspect the catalog and take its lock table, which on
 * PGlite costs most of a second of start-up (issue #15 item 6, #17 item 4). Anything missing, or no
 * migration table yet, goes through the Migrator, whose lock makes concurrent starts safe.
 */
async function isUpToDate(db: Database): Promise<boolean> {
  const table = await sql<{
    found: string | null;
  }>`SELECT to_regclass('kysely_migration')::text AS found`.execute(db);
  if (table.rows[0]?.found == null) return false;
  const applied = await sql<{ name: string }>`SELECT name FROM kysely_migration`.execute(db);
  const names = new Set(applied.rows.map((row) => row.name));
  return Object.keys(MIGRATIONS).every((name) => names.has(name));
}

function openPglite(options: OpenDatabaseOptions): { db: Database; pglite: PGlite; origin: DatabaseOrigin } {
  const folder = options.inMemory ? undefined : ensureFolder(options.dataDir);
  // PGlite refuses a tarball for a folder that already holds a database (PG_VERSION is initdb's).
  const isNew = folder === undefined || !existsSync(join(folder, 'PG_VERSION'));
  const snapshot = isNew ? readSchemaSnapshot(options.schemaSnapshot) : undefined;
  const settings = {
    ...(snapshot === undefined ? {} : { loadDataDir: snapshot }),
    ...(folder === undefined ? { startParams: IN_MEMORY_START_PARAMS } : {}),
  };
  const client = folder === undefined ? new PGlite(settings) : new PGlite(folder, settings);
  // A server opens one folder: the 42 MB tarball is kept in memory only for in-memory databases
  // (tests open many).
  if (folder !== undefined) forgetSchemaSnapshot();
  const dialect = new PGliteDialect(client);
  const db = new Kysely<Db>({ dialect });
  LOCAL_WRITES.set(db, dialect.writes);
  const origin: DatabaseOrigin = !isNew
    ? 'existing'
    : snapshot === undefined
      ? 'migrations'
      : 'schema snapshot';
  return { db, pglite: client, origin };
}

/**
 * A database in memory is a test's: small and short-lived. Postgres initialises every shared buffer
 * as it starts, and at the default 128 MB that was about 0.45 s of each 1.1 s open in WebAssembly;
 * 16 MB holds a test's data many times over. A data folder keeps the default: the buffers are its
 * cache for a database that grows.
 */
const IN_MEMORY_START_PARAMS = [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB'];

const LOCAL_WRITES = new WeakMap<Database, LocalWrites>();

/**
 * On PGlite, this process is the only writer: the count of its commits to tables whose reads are
 * cached. Undefined on PostgreSQL, where other processes write too.
 */
export function localWritesOf(db: Database): Readonly<LocalWrites> | undefined {
  return LOCAL_WRITES.get(db);
}

async function migrate(db: Database): Promise<void> {
  if (await isUpToDate(db)) return;
  // Migration numbers are reserved in ranges per feature, so a lower number can land after a
  // higher one was applied: run it anyway (each migration touches only its own tables).
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => MIGRATIONS },
    allowUnorderedMigrations: true,
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error === undefined) return;
  const failed = results?.find((result) => result.status === 'Error')?.migrationName ?? 'unknown';
  throw new Error(
    `database migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`,
    { cause: error },
  );
}

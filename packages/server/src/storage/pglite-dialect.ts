// Kysely 0.28 ships no PGlite dialect. PGlite is one in-process connection, so the driver hands
// that connection to one user at a time: without the queue, two transactions would interleave their
// statements on the same session.
import type { PGlite } from '@electric-sql/pglite';
import { READ_GENERATION_TABLES } from './migrations/0210-read-generations';
import {
  CompiledQuery,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
} from 'kysely';

/**
 * Commits that wrote a table whose reads are cached (storage migration 0210). PGlite has one
 * writer, this process (the data folder is locked), and this driver runs every statement: while
 * the count stands still, no generation moved, so the read cache need not ask the database.
 */
export type LocalWrites = { commits: number };

const TRACKED_NAME = new RegExp(`\\b(${Object.keys(READ_GENERATION_TABLES).join('|')})\\b`, 'i');

/** Anything but a plain SELECT that names a tracked table may have written it. */
function mayWriteTracked(text: string): boolean {
  return !/^\s*select\b/i.test(text) && TRACKED_NAME.test(text);
}

/** Several statements separated by semicolons (a trailing one does not count). */
function isScript(text: string): boolean {
  return text.trim().replace(/;$/, '').includes(';');
}

class PGliteConnection implements DatabaseConnection {
  inTransaction = false;
  wroteTracked = false;
  constructor(
    private readonly client: PGlite,
    private readonly writes: LocalWrites,
  ) {}
  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const writes = mayWriteTracked(query.sql);
    try {
      return await this.run<R>(query);
    } finally {
      // Counted once the write is over (committed, or failed): a later look at the generations sees it.
      if (writes && this.inTransaction) this.wroteTracked = true;
      else if (writes) this.writes.commits += 1;
    }
  }
  private async run<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    // The extended protocol takes one statement; the job queue's own migrations send scripts.
    if (query.parameters.length === 0 && isScript(query.sql)) {
      const results = await this.client.exec(query.sql);
      const last = results[results.length - 1];
      return {
        rows: (last?.rows ?? []) as R[],
        numAffectedRows: last?.affectedRows === undefined ? undefined : BigInt(last.affectedRows),
      };
    }
    const result = await this.client.query<R>(query.sql, [...query.parameters]);
    return {
      rows: result.rows,
      numAffectedRows: result.affectedRows === undefined ? undefined : BigInt(result.affectedRows),
    };
  }
  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming is not supported on PGlite');
  }
}

class PGliteDriver implements Driver {
  private queue: Promise<void> = Promise.resolve();
  private release: (() => void) | undefined;
  private readonly connection: PGliteConnection;
  constructor(
    private readonly client: PGlite,
    private readonly writes: LocalWrites,
  ) {
    this.connection = new PGliteConnection(client, writes);
  }
  async init() {}
  async acquireConnection() {
    // PGlite runs a query synchronously and answers in a microtask, so requests awaiting query
    // after query never let the event loop turn: new connections, and the responses already
    // written, waited until every such chain was done (issue #15). One turn before taking the
    // connection lets them through; none while it is held, so a transaction is not drawn out.
    await new Promise((resolve) => setImmediate(resolve));
    const previous = this.queue;
    let release!: () => void;
    this.queue = new Promise<void>((resolve) => {
      release = resolve;
    });
    await previous;
    this.release = release;
    return this.connection;
  }
  async beginTransaction() {
    await this.connection.executeQuery(CompiledQuery.raw('begin'));
    this.connection.inTransaction = true;
  }
  async commitTransaction() {
    await this.endTransaction('commit');
  }
  async rollbackTransaction() {
    await this.endTransaction('rollback');
  }
  private async endTransaction(how: 'commit' | 'rollback') {
    try {
      await this.connection.executeQuery(CompiledQuery.raw(how));
    } finally {
      this.connection.inTransaction = false;
      if (this.connection.wroteTracked) this.writes.commits += 1;
      this.connection.wroteTracked = false;
    }
  }
  async releaseConnection() {
    this.release?.();
  }
  async destroy() {
    await this.client.close();
  }
}

export class PGliteDialect implements Dialect {
  readonly writes: LocalWrites = { commits: 0 };
  constructor(private readonly client: PGlite) {}
  createAdapter() {
    return new PostgresAdapter();
  }
  createDriver() {
    return new PGliteDriver(this.client, this.writes);
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
  createIntrospector(db: Kysely<unknown>) {
    return new PostgresIntrospector(db);
  }
}

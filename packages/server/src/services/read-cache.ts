import { AsyncLocalStorage } from 'node:async_hooks';
import { localWritesOf, type Database } from '../storage/database';
import { listReadGenerations, type ReadGeneration, type TrackedTable } from '../storage/read-generations';

// What most requests read (a session, the caller's seats, a negotiation's plan records) changes a
// few times a minute and is read a thousand times a second (issue #15). It is kept in memory, each
// copy stamped with the generations of the tables it came from (storage migration 0210: a trigger
// gives a table's scope a new generation on every committed write, from any process). Before a
// copy is used, the generations are read again by a query that *started after the request
// arrived*, so a change committed before the request (a sign-out, an ended seat, another
// process's write) is always seen: the copy is never older than what a direct read would return.
// That query is shared: requests arriving while one is running wait for the next, so under load
// it costs one round trip per batch of requests, not one per request.

/** `negotiationId: null` is the instance-wide scope (sessions, users, every seat). */
export type ReadScope = { readonly table: TrackedTable; readonly negotiationId: string | null };

type Batch = { readonly ids: Set<string>; promise: Promise<void> };
type Entry = { readonly stamp: string; readonly value: Promise<unknown> };
/** The scopes (negotiation ids, '' for the instance) a request has looked at since it began or last wrote. */
type RequestReads = { readonly synced: Set<string>; commits: number };

/** Copies kept per database; the oldest go first beyond this. */
const MAX_ENTRIES = 20_000;
const requests = new AsyncLocalStorage<RequestReads>();

class ReadCache {
  private readonly known = new Map<string, string>();
  private readonly entries = new Map<string, Entry>();
  private running: Promise<void> = Promise.resolve();
  private queued: Batch | undefined;
  /** PGlite: the count of tracked commits when the last look began (none while it stands still). */
  private readonly localWrites;
  private lookedAt = -1;
  private readonly looked = new Set<string>();

  constructor(private readonly db: Database) {
    this.localWrites = localWritesOf(db);
  }

  async read<T>(key: string, scopes: readonly ReadScope[], load: () => Promise<T>): Promise<T> {
    await this.ensureFresh(scopes);
    const stamp = scopes.map((scope) => this.generationOf(scope)).join(',');
    const hit = this.entries.get(key);
    if (hit !== undefined && hit.stamp === stamp) return hit.value as Promise<T>;
    // Loaded after the generations were read: the copy is at least as new as its stamp says.
    const value = load();
    this.entries.delete(key);
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
    const entry = { stamp, value };
    this.entries.set(key, entry);
    value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    return value;
  }

  /** Reads the generations once per request (again after a local write), by a query started now or later. */
  async ensureFresh(scopes: readonly ReadScope[]): Promise<void> {
    const ids = scopes.map((scope) => scope.negotiationId ?? '');
    const request = requests.getStore();
    if (request !== undefined && ids.every((id) => request.synced.has(id))) return;
    const commits = request?.commits;
    await this.sync(ids);
    // A commit of this request during the look may not be in it.
    if (request !== undefined && request.commits === commits) for (const id of ids) request.synced.add(id);
  }

  private sync(negotiationIds: readonly string[]): Promise<void> {
    // On PGlite a look that began after the last tracked commit, and covered these scopes, is
    // still true: no generation can have moved since (only this process writes, through a driver
    // that counts). The look itself may still be running.
    const covered = this.localWrites !== undefined && this.localWrites.commits === this.lookedAt;
    if (covered && negotiationIds.every((id) => this.looked.has(id))) return this.running;
    let batch = this.queued;
    if (batch === undefined) {
      const next: Batch = { ids: new Set(), promise: Promise.resolve() };
      next.promise = this.running.then(
        () => this.run(next),
        () => this.run(next),
      );
      this.queued = batch = next;
    }
    for (const id of negotiationIds) batch.ids.add(id);
    return batch.promise;
  }

  private run(batch: Batch): Promise<void> {
    // From here on, newcomers form the next batch: this query may already be too old for them.
    if (this.queued === batch) this.queued = undefined;
    const ids = [...batch.ids].filter((id) => id !== '');
    const commits = this.localWrites?.commits ?? -1;
    if (commits !== this.lookedAt) this.looked.clear();
    this.lookedAt = commits;
    for (const id of batch.ids) this.looked.add(id);
    this.running = listReadGenerations(this.db, ids).then(
      (rows) => this.remember(rows),
      (error: unknown) => {
        this.lookedAt = -1;
        throw error;
      },
    );
    return this.running;
  }

  private remember(rows: readonly ReadGeneration[]): void {
    for (const row of rows) this.known.set(`${row.negotiationId}/${row.table}`, row.generation);
  }

  private generationOf(scope: ReadScope): string {
    const scoped = this.known.get(`${scope.negotiationId ?? ''}/${scope.table}`) ?? '0';
    return `${scoped}.${this.known.get(`*/${scope.table}`) ?? '0'}`;
  }
}

const CACHES = new WeakMap<Database, ReadCache>();

function cacheOf(db: Database): ReadCache {
  let cache = CACHES.get(db);
  if (cache === undefined) {
    cache = new ReadCache(db);
    CACHES.set(db, cache);
  }
  return cache;
}

/**
 * `load()`'s answer, or a copy of it loaded under the same generations of `scopes`. Copies are
 * shared between requests: callers must not change what they get.
 */
export function cachedRead<T>(
  db: Database,
  input: { key: string; scopes: readonly ReadScope[]; load: () => Promise<T> },
): Promise<T> {
  return cacheOf(db).read(input.key, input.scopes, input.load);
}

/** Reads the generations of these negotiations now, so the request's cached reads share one query. */
export function prepareCachedReads(db: Database, negotiationIds: readonly string[]): Promise<void> {
  return cacheOf(db).ensureFresh([
    { table: 'sessions', negotiationId: null },
    ...negotiationIds.map((negotiationId) => ({ table: 'negotiations' as const, negotiationId })),
  ]);
}

/** Called after a commit: the committing request's next cached read looks at the generations again. */
export function noteCommitted(): void {
  const request = requests.getStore();
  if (request === undefined) return;
  request.commits += 1;
  request.synced.clear();
}

/** Runs one request: its cached reads share one look at the generations (until it writes). */
export function withRequestReads<T>(run: () => T): T {
  return requests.run({ synced: new Set(), commits: 0 }, run);
}

import type { Database } from '../storage/database';

type Loads<T> = { running: Promise<unknown>; queued: Promise<T> | undefined };

/**
 * `load` for callers that only read its answer: a call joins a load that has not started yet, or
 * queues the next one behind the load running now. Every caller so gets an answer read from the
 * database after its call, never an older one, while 1,000 event streams opening at once cost two
 * loads instead of 1,000 (issue #15).
 */
export function shareLoads<T>(load: (db: Database) => Promise<T>): (db: Database) => Promise<T> {
  const perDatabase = new WeakMap<Database, Loads<T>>();
  return (db) => {
    let loads = perDatabase.get(db);
    if (loads === undefined) {
      loads = { running: Promise.resolve(), queued: undefined };
      perDatabase.set(db, loads);
    }
    if (loads.queued !== undefined) return loads.queued;
    const shared = loads;
    const next: Promise<T> = shared.running.then(
      () => start(),
      () => start(),
    );
    function start(): Promise<T> {
      // From here on a newcomer queues the next load: this one may already be too old for it.
      if (shared.queued === next) shared.queued = undefined;
      const running = load(db);
      shared.running = running;
      return running;
    }
    shared.queued = next;
    return next;
  };
}

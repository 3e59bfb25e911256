import { CompiledQuery } from 'kysely';
import type PgBoss from 'pg-boss';
import type { DatabaseHandle } from '../storage/database';

export const SIMULATION_QUEUE = 'parley-simulation';

export type JobQueueOptions = {
  /** A PostgreSQL URL: pg-boss opens its own pool there (required for workers in other processes). */
  databaseUrl?: string;
  /** Seconds a worker may hold a job before it counts as dead and the job is retried. */
  expireInSeconds?: number;
  /** How often pg-boss looks for expired jobs (seconds, ≥ 1). */
  maintenanceIntervalSeconds?: number;
};

export type JobQueue = {
  readonly boss: PgBoss;
  /** Seconds after which the queue counts a held job's worker as dead. */
  readonly expireInSeconds: number;
  readonly stop: () => Promise<void>;
};

/** Attempts after the first: a worker that dies mid-job costs one retry; a job that fails twice is not retried (issue 13). */
export const SIMULATION_RETRY_LIMIT = 1;

/**
 * pg-boss on the same database as everything else. On PostgreSQL it opens its own pool, so
 * `parley worker` processes on other machines share the queue. On PGlite (one process, one
 * session) it sends its SQL through Kysely's driver, so its statements wait their turn instead of
 * landing inside a transaction of ours.
 */
export async function startJobQueue(
  handle: DatabaseHandle,
  options: JobQueueOptions = {},
): Promise<JobQueue> {
  const timing = {
    expireInSeconds: options.expireInSeconds ?? 15 * 60,
    maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 60,
    retryLimit: SIMULATION_RETRY_LIMIT,
    retryDelay: 1,
  };
  // Loaded when the queue starts, after the database is open, not with the server's modules (#17).
  const { default: Boss } = await import('pg-boss');
  // A job still running when stop() gave up waiting reports its end later, after the database may
  // be closed; pg-boss does not catch that statement's failure (an unhandled rejection that failed a
  // test run). Once stopped, the queue's statements reach nothing and change nothing.
  let stopped = false;
  const boss =
    options.databaseUrl !== undefined
      ? new Boss({ connectionString: options.databaseUrl, max: 4, ...timing })
      : new Boss({
          db: {
            executeSql: async (text, values) =>
              stopped ? { rows: [] } : executeThroughKysely(handle, text, values),
          },
          ...timing,
        });
  boss.on('error', (error) => console.error('job queue:', error));
  await boss.start();
  await ensureQueue(boss, {
    name: SIMULATION_QUEUE,
    retryLimit: timing.retryLimit,
    retryDelay: timing.retryDelay,
    expireInSeconds: timing.expireInSeconds,
  });
  return {
    boss,
    expireInSeconds: timing.expireInSeconds,
    stop: async () => {
      await boss.stop({ graceful: true, wait: true, timeout: 5000 });
      stopped = true;
    },
  };
}

async function executeThroughKysely(
  handle: DatabaseHandle,
  text: string,
  values: unknown[] | undefined,
): Promise<{ rows: unknown[] }> {
  const result = await handle.db.executeQuery(CompiledQuery.raw(text, values ?? []));
  return { rows: [...result.rows] };
}

/**
 * Several processes may start at once (`parley serve --workers`, a deployment's servers and
 * workers). pg-boss's create_queue is not safe against itself: two at once can deadlock, and
 * PostgreSQL then aborts one while the other has not yet committed, so the loser may not see the
 * queue at once. It looks again after a pause, and tries to create it again if still missing.
 */
async function ensureQueue(boss: PgBoss, queue: PgBoss.Queue): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    if ((await boss.getQueue(queue.name)) !== null) return;
    try {
      await boss.createQueue(queue.name, queue);
      return;
    } catch (error) {
      if (attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt + Math.random() * 100));
    }
  }
}

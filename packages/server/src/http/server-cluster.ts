import cluster, { type Worker } from 'node:cluster';
import { defaultAuditKeyDir, loadAuditKeyring } from '../audit/signing-keys';
import { formatDemoCredentials, loadDemoIfEmpty } from '../demo';
import { loadSealKey } from '../sealing/seal-key';
import { openDatabase } from '../storage/database';
import { assertPortFree, startServer, type RunningServer } from './start-server';

// One Node process answers on one core. On PostgreSQL, `parley serve --workers N` runs N of them
// behind one port (node:cluster), which is what the two cores of the load benchmark need for the
// issue #15 rate: each worker is an ordinary server process, and everything they share (sessions,
// caches checked by generation, realtime by LISTEN/NOTIFY, throttles, jobs, the audit chain) is
// already shared through the database for the several-process deployment of docs/deployment.md.
// The primary only prepares the database, starts the workers, replaces one that dies, and stops
// them all on SIGTERM.

export type ClusterOptions = {
  workers: number;
  databaseUrl: string;
  /** The folder of the keys' audit-keys/ (default ./data): the database holds everything else. */
  dataDir?: string;
  port: number;
  loadDemoOnEmpty: boolean;
  log: (line: string) => void;
  err: (line: string) => void;
};

type ReadyMessage = { type: 'parley-ready'; url: string };

/** Workers that die this often in a row are not replaced: something is wrong with every start. */
const MAX_RESTARTS_PER_MINUTE = 5;
/** A worker that has not said it is ready by then is stopped, and counts as failed. */
const START_TIMEOUT_MS = 60_000;
/** Within the 10 s a supervisor waits (issue #15), each worker has its own 9.5 s grace. */
const STOP_GRACE_MS = 9_800;

export const isClusterWorker = (): boolean => cluster.isWorker;

/** In a worker: serve on the port the primary chose, and tell the primary where. */
export async function startClusterWorker(options: {
  databaseUrl: string;
  dataDir?: string;
  port: number;
  /** Lines a worker prints (mail it could not send, for one) go to the shared output. */
  log: (line: string) => void;
}): Promise<RunningServer> {
  const server = await startServer({
    databaseUrl: options.databaseUrl,
    ...(options.dataDir === undefined ? {} : { dataDir: options.dataDir }),
    port: options.port,
    // The primary migrated and loaded the demo before any worker started, and probed the port.
    loadDemoOnEmpty: false,
    probePort: false,
    log: options.log,
  });
  const ready: ReadyMessage = { type: 'parley-ready', url: server.url };
  process.send?.(ready);
  return server;
}

/** In the primary: prepare the database once, start the workers, and serve until SIGTERM/SIGINT. */
export async function runServerCluster(options: ClusterOptions): Promise<number> {
  const database = await openDatabase({ databaseUrl: options.databaseUrl });
  try {
    const demo = options.loadDemoOnEmpty ? await loadDemoIfEmpty(database.db) : undefined;
    if (demo !== undefined) options.log(`Loaded the demo negotiation.\n${formatDemoCredentials(demo)}`);
  } finally {
    await database.close();
  }
  // Created here, once: workers starting together must not each create a different key.
  const keyDir = defaultAuditKeyDir(options.dataDir);
  loadAuditKeyring({ keyDir });
  loadSealKey({ keyDir });
  if (options.port !== 0) await assertPortFree(options.port);

  const supervisor = new Supervisor(options);
  const url = await supervisor.start();
  options.log(
    `Parley is serving ${url} (postgres, ${options.workers} workers, ready in ${Math.round(performance.now())} ms)`,
  );
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  const clean = await supervisor.stop();
  options.log('Parley stopped.');
  return clean ? 0 : 1;
}

class Supervisor {
  private stopping = false;
  private readonly restarts: number[] = [];
  private readonly running = new Set<Worker>();

  constructor(private readonly options: ClusterOptions) {}

  async start(): Promise<string> {
    const started = await Promise.allSettled(Array.from({ length: this.options.workers }, () => this.fork()));
    const failed = started.find((result) => result.status === 'rejected');
    if (failed !== undefined) {
      await this.stop();
      throw failed.reason;
    }
    const first = started[0];
    return first?.status === 'fulfilled' ? first.value : '';
  }

  /** Every worker is asked to stop; true when all exited cleanly within the grace. */
  async stop(): Promise<boolean> {
    this.stopping = true;
    const exits = [...this.running].map(
      (worker) =>
        new Promise<boolean>((resolve) => {
          if (worker.isDead()) return resolve(worker.process.exitCode === 0);
          const timer = setTimeout(() => {
            worker.process.kill('SIGKILL');
            resolve(false);
          }, STOP_GRACE_MS);
          worker.once('exit', (code, signal) => {
            clearTimeout(timer);
            // A worker still starting has no handler yet: our SIGTERM ends it, with nothing in flight.
            resolve(code === 0 || signal === 'SIGTERM');
          });
          worker.process.kill('SIGTERM');
        }),
    );
    return (await Promise.all(exits)).every(Boolean);
  }

  private fork(): Promise<string> {
    const worker = cluster.fork({ PARLEY_CLUSTER_PORT: String(this.options.port) });
    this.running.add(worker);
    return new Promise<string>((resolve, reject) => {
      let ready = false;
      const startTimer = setTimeout(() => worker.process.kill('SIGKILL'), START_TIMEOUT_MS);
      worker.on('message', (message: ReadyMessage) => {
        if (message.type !== 'parley-ready') return;
        ready = true;
        clearTimeout(startTimer);
        resolve(message.url);
      });
      worker.once('exit', (code, signal) => {
        clearTimeout(startTimer);
        this.running.delete(worker);
        if (!ready) {
          reject(new Error(`a worker exited while starting (${signal ?? `code ${code}`})`));
          return;
        }
        if (this.stopping) return;
        this.replace(worker, signal ?? `code ${code}`);
      });
    });
  }

  private replace(worker: Worker, how: string): void {
    const now = Date.now();
    this.restarts.push(now);
    while ((this.restarts[0] ?? now) < now - 60_000) this.restarts.shift();
    if (this.restarts.length > MAX_RESTARTS_PER_MINUTE) {
      this.options.err(`parley serve: workers keep exiting (${how}); stopping`);
      void this.stop().then(() => process.exit(1));
      return;
    }
    this.options.err(`parley serve: worker ${worker.process.pid} exited (${how}); starting another`);
    this.fork().catch((error: unknown) =>
      this.options.err(`parley serve: a replacement worker failed to start: ${String(error)}`),
    );
  }
}

import { createServer } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { defaultAuditKeyDir, loadAuditKeyring } from '../audit/signing-keys';
import { formatDemoCredentials, loadDemoIfEmpty, type DemoSummary } from '../demo';
import { relayPlanEvents } from '../realtime/plan-notify';
import { startPlanEventPruning } from '../realtime/plan-event-pruning';
import { startSeatChangeTimer } from '../realtime/seat-change-timer';
import { startJobQueue, type JobQueue } from '../jobs/job-queue';
import { enqueueSimulation, workSimulations } from '../jobs/simulation-worker';
import { SYSTEM_CLOCK } from '../clock';
import { createDeps } from '../services/deps';
import { sharedEnginePool } from '../work/engine-pool';
import { loadSealKey } from '../sealing/seal-key';
import { describeReseal } from '../sealing/describe-reseal';
import { resealStoredValues } from '../services/reseal';
import { openDatabase, type DatabaseHandle } from '../storage/database';
import { sealClearLiveJobs } from '../storage/live-simulations';
import { sealClearProfiles } from '../storage/preference-profiles';
import { parseTrustedProxies } from './client-address';
import { createApp } from './create-app';
import { ShutdownGate } from './shutdown-gate';
import { mountWebApp } from './web-app';

export type StartServerOptions = {
  /** Default: $PORT, else 4000 (DESIGN §6); 0 picks a free port. */
  port?: number;
  /** PGlite data folder (default ./data); ignored when databaseUrl is set. */
  dataDir?: string;
  databaseUrl?: string;
  /** Load the demo when the database has no accounts (default true). */
  loadDemoOnEmpty?: boolean;
  log?: (line: string) => void;
  /** Start the job queue so the API can queue simulations (default true). */
  runJobs?: boolean;
  /** Also work queued jobs in this process (default true; false leaves them to `parley worker`). */
  workJobs?: boolean;
  /** Check the port is free before opening the database (default true; a cluster's primary did). */
  probePort?: boolean;
};

export type RunningServer = {
  url: string;
  port: number;
  demo: DemoSummary | undefined;
  database: DatabaseHandle;
  /** When each step of start-up ended, in ms since the process started (where start-up time goes). */
  startup: StartupPhases;
  close: () => Promise<void>;
};

export type StartupPhases = {
  modules: number;
  database: number;
  demo: number;
  jobs: number;
  listening: number;
};

/** Opens the database (running migrations), loads the demo on first start, then listens. */
export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const log = options.log ?? ((line: string) => console.log(line));
  const modulesLoaded = performance.now();
  const requestedPort = options.port ?? (Number(process.env.PORT) || 4000);
  // Fail on a taken port before spending seconds opening (or creating) the database.
  if (requestedPort !== 0 && options.probePort !== false) await assertPortFree(requestedPort);
  const database = await openDatabase({ databaseUrl: options.databaseUrl, dataDir: options.dataDir });
  const sealKey = loadSealKey({ keyDir: defaultAuditKeyDir(options.dataDir) });
  // Before anything serves: a migration cannot hold the key, so profiles and live jobs stored
  // before sealing (or by an older server still running) are sealed here, with the key loaded.
  const newlySealed = await sealClearProfiles(database.db, sealKey);
  if (newlySealed > 0) log(`Sealed ${newlySealed} preference profile revisions stored in clear.`);
  const jobsSealed = await sealClearLiveJobs(database.db, sealKey);
  if (jobsSealed > 0) log(`Sealed ${jobsSealed} live simulation jobs stored in clear.`);
  const databaseOpen = performance.now();
  const demo = options.loadDemoOnEmpty === false ? undefined : await loadDemoIfEmpty(database.db);
  const demoLoaded = performance.now();
  if (demo !== undefined) log(`Loaded the demo negotiation.\n${formatDemoCredentials(demo)}`);
  // Simulations run as pg-boss jobs; this process works them too unless told not to, so a single
  // machine needs nothing else, and `parley worker` processes add capacity on PostgreSQL.
  const queue: JobQueue | undefined =
    options.runJobs === false
      ? undefined
      : await startJobQueue(database, { databaseUrl: options.databaseUrl });
  if (queue !== undefined && options.workJobs !== false)
    await workSimulations(queue, { db: database.db, clock: SYSTEM_CLOCK, sealKey });
  const jobsStarted = performance.now();
  const engine = sharedEnginePool();
  engine.warm({ renderers: true });
  const deps = createDeps(database.db, {
    engine,
    secureCookies: process.env.PARLEY_SECURE_COOKIES === '1',
    trustedProxies: parseTrustedProxies(process.env.PARLEY_TRUSTED_PROXIES),
    outbox: (mail) => log(loggedMail(mail)),
    auditKeys: loadAuditKeyring({ keyDir: defaultAuditKeyDir(options.dataDir) }),
    sealKey,
    enqueueSimulation:
      queue === undefined ? undefined : (simulationId) => enqueueSimulation(queue, simulationId),
  });
  // After a rotation (a new key in PARLEY_BID_SEAL_KEY, the old one retired), what the old key
  // sealed is sealed again under the new one before anything serves.
  if (sealKey.retired.length > 0) log(describeReseal(await resealStoredValues(deps, 'start-up'), sealKey));
  const app = createApp(deps);
  // On PostgreSQL several processes may serve one database: plan events cross them by LISTEN/NOTIFY.
  const relay =
    options.databaseUrl === undefined
      ? undefined
      : await relayPlanEvents({
          hub: deps.events,
          databaseUrl: options.databaseUrl,
          db: database.db,
          onError: (error) => console.error(error),
        });
  const pruning = startPlanEventPruning({
    db: database.db,
    clock: SYSTEM_CLOCK,
    onError: (error) => console.error(error),
  });
  const seatChanges = startSeatChangeTimer({
    db: database.db,
    clock: deps.clock,
    events: deps.events,
    onError: (error) => console.error(error),
  });
  const hasWebApp = mountWebApp(app);
  const shutdown = new ShutdownGate();
  let server: ServerType;
  try {
    server = await new Promise<ServerType>((resolve, reject) => {
      const listening = serve({ fetch: shutdown.wrap(app.fetch), port: requestedPort }, () =>
        resolve(listening),
      );
      listening.once('error', reject); // e.g. EADDRINUSE: fail instead of hanging
    });
  } catch (error) {
    await seatChanges.stop();
    await pruning.stop();
    await relay?.close();
    await queue?.stop();
    await database.close();
    throw error;
  }
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : requestedPort;
  const url = `http://localhost:${port}`;
  log(`Parley listening on ${url}${hasWebApp ? '' : ' (API only: web app not built)'}`);
  return {
    url,
    port,
    demo,
    database,
    startup: {
      modules: modulesLoaded,
      database: databaseOpen,
      demo: demoLoaded,
      jobs: jobsStarted,
      listening: performance.now(),
    },
    close: async () => {
      // New requests get 503, open event streams end, in-flight requests finish (within the grace).
      await shutdown.drain(server, () => deps.events.endStreams());
      await seatChanges.stop();
      // A change answered just now is logged as an event after its answer: without this wait the
      // database closed under it, and other processes and reconnecting streams never saw it.
      await deps.events.settled();
      await pruning.stop();
      await relay?.close();
      await queue?.stop();
      await database.close();
    },
  };
}

export function assertPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(port, () => probe.close(() => resolve()));
  });
}

/**
 * What the log says of a message it cannot send: to whom and about what, never a one-time secret
 * in it (an invitation's token would seat whoever reads the log). The inviter was shown the link.
 */
export function loggedMail(mail: { to: string; subject: string; text: string }): string {
  const text = mail.text.replace(/#pi_[A-Za-z0-9_-]+/g, '#… (the link, shown to the inviter, is not logged)');
  return `mail (not sent; no SMTP) to ${mail.to}: ${mail.subject}\n${text}`;
}

// Load benchmark (issue #15): `parley serve` on 127.0.0.1 over PGlite and over PostgreSQL, driven by
// autocannon with the realistic mix, then the realtime fan-out to N subscribers, then SIGTERM.
// Three load phases per database, because one closed loop cannot show both figures the issue asks
// for (with C connections each waiting for its answer, mean latency = C ÷ throughput):
//  - capacity: C connections as fast as the server answers (the most it serves);
//  - at the target rate: 200 clients' requests arrive at R requests/s in total (1,000 on
//    PostgreSQL, 500 on PGlite), independently (open-loop.ts), and the latency each sees is kept;
//  - profile: the same paced load against a second server started with --cpu-prof, so where the
//    CPU goes is known without the profiler's own cost weighing on the two figures above.
// Writes bench/results/load.json and load.md.
//   node packages/server/bin/run-ts.js bench/load/run.ts [--duration 20] [--connections 100]
//     [--clients 200] [--subscribers 1000] [--only pglite|postgres] [--postgres-workers 1]
import { execSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon, { type Result } from 'autocannon';
import { addProfiles, summariseProfile } from './cpu-profile';
import { measureFanOut } from './fan-out';
import { openLoop, type OpenLoopResult } from './open-loop';
import { READERS, latestVersionId, requestsFor, signIn, type Session } from './scenario';
import { createPostgresDatabase, startServerProcess } from './server-process';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '20' },
    connections: { type: 'string', default: '100' },
    clients: { type: 'string', default: '200' },
    subscribers: { type: 'string', default: '1000' },
    only: { type: 'string' },
    'postgres-workers': { type: 'string', default: '1' },
  },
});
const duration = Number(values.duration);
const connections = Number(values.connections);
const subscriberCount = Number(values.subscribers);
const pacedClients = Number(values.clients);
/** Issue #15's targets: 1,000 requests/s on PostgreSQL, and within 2× of that on PGlite. */
const TARGET_RATE = { postgres: 1000, pglite: 500 } as const;
const PROFILE_SECONDS = 10;
/**
 * PostgreSQL may run several server processes (`--postgres-workers`); on this 2-core machine,
 * shared with the load generator and PostgreSQL's own backends, one process answers more than two
 * (docs/deployment.md). A PGlite folder has a single owner.
 */
const postgresWorkers = Number(values['postgres-workers']);
const SERVE_ARGS = {
  postgres: postgresWorkers > 1 ? ['--workers', String(postgresWorkers)] : [],
  pglite: [],
} as const;

type LoadFigures = Pick<Result, 'latency' | 'errors' | 'timeouts' | 'non2xx'> & {
  rps: number;
  total: number;
  statuses: Record<string, number>;
  uptimeBefore: string;
  byRoute?: OpenLoopResult['byRoute'];
};

type Row = {
  database: 'pglite' | 'postgres';
  readyMs: number;
  capacity: LoadFigures;
  paced: LoadFigures & { rate: number; clients: number };
  fanOutMs: number[];
  stopMs: number;
  exitCode: number | null;
  profile: ReturnType<typeof summariseProfile> | undefined;
};

type Target = { url: string; sessions: Session[]; writer: Session; versionId: string };

async function prepare(url: string): Promise<Target> {
  const sessions = await Promise.all(READERS.map((name) => signIn(url, name)));
  const writer = sessions[0];
  if (writer === undefined) throw new Error('no mediator session');
  return { url, sessions, writer, versionId: await latestVersionId(url, writer) };
}

/** The mix at `rate` requests/s from `pacedClients` clients, arriving independently (open-loop.ts). */
async function atRate(target: Target, options: { rate: number; seconds: number }): Promise<LoadFigures> {
  const uptimeBefore = execSync('uptime').toString().trim();
  const clients = Array.from({ length: pacedClients }, (_, index) =>
    requestsFor({
      reader: target.sessions[index % target.sessions.length] ?? target.writer,
      writer: target.writer,
      versionId: target.versionId,
    }),
  );
  const result = await openLoop({ url: target.url, clients, rate: options.rate, seconds: options.seconds });
  return {
    latency: { ...result.latency },
    errors: result.errors,
    timeouts: 0,
    non2xx: result.non2xx,
    rps: result.answered / options.seconds,
    total: result.answered,
    statuses: {},
    uptimeBefore,
    byRoute: result.byRoute,
  };
}

/** The mix for `seconds`, closed loop on `connections`: each sends its next request when answered. */
async function drive(
  target: Target,
  options: { connections: number; seconds: number },
): Promise<LoadFigures> {
  let next = 0;
  const uptimeBefore = execSync('uptime').toString().trim();
  const result = await autocannon({
    url: target.url,
    connections: options.connections,
    duration: options.seconds,
    timeout: 10,
    setupClient: (client) => {
      const reader = target.sessions[next++ % target.sessions.length] ?? target.writer;
      client.setRequests(requestsFor({ reader, writer: target.writer, versionId: target.versionId }));
    },
  });
  return {
    latency: result.latency,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    rps: result.requests.average,
    total: result.requests.total,
    statuses: Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, s]) => [code, s.count])),
    uptimeBefore,
  };
}

async function withDatabase<T>(
  database: Row['database'],
  run: (databaseUrl: string | undefined) => Promise<T>,
): Promise<T> {
  const postgres = database === 'postgres' ? await createPostgresDatabase() : undefined;
  try {
    return await run(postgres?.url);
  } finally {
    await postgres?.drop();
  }
}

async function measure(database: Row['database']): Promise<Row> {
  const rate = TARGET_RATE[database];
  const measured = await withDatabase(database, async (databaseUrl) => {
    // The fan-out spreads its subscribers over five accounts; a real conference has a person per stream.
    const server = await startServerProcess({
      databaseUrl,
      serveArgs: [...SERVE_ARGS[database]],
      env: { PARLEY_STREAMS_PER_USER: String(subscriberCount) },
    });
    try {
      const target = await prepare(server.url);
      // What the first seconds cost (JIT, caches) is paid before either figure is taken.
      await drive(target, { connections: 20, seconds: 3 });
      const capacity = await drive(target, { connections, seconds: duration });
      console.log(`${database}: capacity ${Math.round(capacity.rps)} req/s on ${connections} connections`);
      const paced = await atRate(target, { rate, seconds: duration });
      console.log(
        `${database}: at ${rate} req/s: ${Math.round(paced.rps)} req/s, p50 ${paced.latency.p50} ms, p99 ${paced.latency.p99} ms`,
      );
      const fanOutMs = await measureFanOut({
        baseUrl: server.url,
        readers: target.sessions,
        writer: target.writer,
        count: subscriberCount,
        rounds: 5,
      });
      console.log(`${database}: fan-out to ${subscriberCount}: ${fanOutMs.map(Math.round).join(', ')} ms`);
      const stopStarted = performance.now();
      const exitCode = await server.stop();
      const stopMs = performance.now() - stopStarted;
      return {
        readyMs: server.readyMs,
        capacity,
        paced: { ...paced, rate, clients: pacedClients },
        fanOutMs,
        stopMs,
        exitCode,
      };
    } finally {
      if (server.child.exitCode === null) await server.stop();
    }
  });
  return { database, ...measured, profile: await profileAtRate(database, rate) };
}

/** A second server, with --cpu-prof, under the paced load: where its CPU goes at the target rate. */
async function profileAtRate(database: Row['database'], rate: number) {
  const profileDir = mkdtempSync(join(tmpdir(), 'parley-prof-'));
  try {
    return await withDatabase(database, async (databaseUrl) => {
      const server = await startServerProcess({
        databaseUrl,
        nodeFlags: ['--cpu-prof', `--cpu-prof-dir=${profileDir}`],
        serveArgs: [...SERVE_ARGS[database]],
      });
      try {
        const target = await prepare(server.url);
        await drive(target, { connections: 20, seconds: 3 });
        const profileStart = performance.now();
        await atRate(target, { rate, seconds: PROFILE_SECONDS });
        const profileEnd = performance.now();
        await server.stop();
        // Every server process writes its own profile (a cluster's workers inherit --cpu-prof):
        // only the paced seconds count, and the processes' figures are added up.
        const window = { fromMs: profileStart - server.startedAt, untilMs: profileEnd - server.startedAt };
        const profiles = readdirSync(profileDir)
          .filter((name) => name.endsWith('.cpuprofile'))
          .map((name) => summariseProfile(join(profileDir, name), window));
        return profiles.length === 0 ? undefined : addProfiles(profiles);
      } finally {
        if (server.child.exitCode === null) await server.stop();
      }
    });
  } finally {
    rmSync(profileDir, { recursive: true, force: true });
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const ms = (x: number) => `${Math.round(x)} ms`;

const loadCells = (figures: LoadFigures) =>
  `${Math.round(figures.rps)} | ${ms(figures.latency.p50)} | ${ms(figures.latency.p97_5)} | ${ms(figures.latency.p99)} | ${ms(figures.latency.max)} | ${figures.total} | ${figures.errors + figures.timeouts} | ${figures.non2xx}`;

function markdown(rows: Row[]): string {
  const lines = [
    '# Load benchmark',
    '',
    '`npm run bench -- load` — `parley serve` on 127.0.0.1 (its own process, the compiled CLI as',
    '`npm start` runs it), autocannon in the benchmark process on the same two cores. The mix: each',
    'client reads as one of five demo accounts (mediator, Ukraine, Russia, observer, analyst) the latest',
    'plan version, its positions, its status and the timeline, and writes one public statement as the',
    'mediator per 20 requests (5 % writes). After 3 s of warm-up, two phases of',
    `${duration} s each (issue #15's targets: p99 < 100 ms at ≥ 1,000 requests/s on PostgreSQL, within`,
    '2× of that on PGlite):',
    '',
    `- **capacity**: ${connections} connections, each sending its next request when the last is answered:`,
    '  the most the server answers. Its latencies are queueing (mean latency = connections ÷ throughput),',
    '  not what a client sees at a given rate.',
    `- **at the target rate**: ${pacedClients} clients whose requests arrive independently (Poisson, the`,
    '  target rate in total, whether or not earlier ones were answered; `bench/load/open-loop.ts`): the',
    '  latency a client sees while the server serves that rate, counted from when each request was due.',
    "  (autocannon's own rate limit sends each connection's quota at the start of every second, so it",
    '  measures draining a burst of the whole rate instead.)',
    '',
    `Then ${subscriberCount} Server-Sent Events subscribers, spread over the same accounts (the server runs with`,
    `PARLEY_STREAMS_PER_USER=${subscriberCount}: by default an account holds 20), and five writes: the`,
    'time from sending a write to the moment the last subscriber has its event. Then SIGTERM with the',
    'subscribers already gone, timed to exit. Where the CPU goes is profiled on a second server',
    `(--cpu-prof) under the paced load for ${PROFILE_SECONDS} s, so the profiler's cost is not in the figures.`,
    '',
    `Generated ${new Date().toISOString()} on ${process.platform}/${process.arch}, Node ${process.version}.`,
    '',
    '| database | phase | req/s | p50 | p95 (p97.5) | p99 | max | requests | errors | non-2xx |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...rows.flatMap((row) => [
      `| ${row.database} | capacity, ${connections} connections | ${loadCells(row.capacity)} |`,
      `| ${row.database} | at ${row.paced.rate} req/s, ${row.paced.clients} clients | ${loadCells(row.paced)} |`,
    ]),
    '',
    '| database | fan-out to the last subscriber, median / max | start to ready | SIGTERM to exit |',
    '|---|---|---|---|',
    ...rows.map(
      (row) =>
        `| ${row.database} | ${ms(median(row.fanOutMs))} / ${ms(Math.max(...row.fanOutMs))} | ${ms(row.readyMs)} | ${ms(row.stopMs)} (code ${row.exitCode}) |`,
    ),
    '',
    'At the target rate, by kind of request:',
    '',
    '| database | request | count | p50 | p99 | max |',
    '|---|---|---|---|---|---|',
    ...rows.flatMap((row) =>
      Object.entries(row.paced.byRoute ?? {}).map(
        ([route, figures]) =>
          `| ${row.database} | \`${route}\` | ${figures.count} | ${ms(figures.p50)} | ${ms(figures.p99)} | ${ms(figures.max)} |`,
      ),
    ),
    '',
    'autocannon reports p97.5, not p95. Machine load when each phase began:',
    '',
    ...rows.flatMap((row) => [
      `- ${row.database}, capacity: \`${row.capacity.uptimeBefore}\``,
      `- ${row.database}, at the target rate: \`${row.paced.uptimeBefore}\``,
    ]),
  ];
  for (const row of rows) {
    if (row.profile === undefined) continue;
    const share = (x: number) => `${((100 * x) / (row.profile?.busyMs ?? 1)).toFixed(1)} %`;
    const perRequest = row.profile.busyMs / (row.paced.rate * PROFILE_SECONDS);
    lines.push(
      '',
      `## Where the server's CPU went (${row.database}, at ${row.paced.rate} req/s for ${PROFILE_SECONDS} s)`,
      '',
      `The server's processes (${SERVE_ARGS[row.database].join(' ') || 'one process'}) were busy ${ms(row.profile.busyMs)} on their main threads in ${ms(row.profile.windowMs)} (about ${perRequest.toFixed(2)} ms per request at the target rate, profiler included).`,
      '',
      '| self time by module | share |',
      '|---|---|',
      ...row.profile.categories.map(([name, time]) => `| ${name} | ${share(time)} |`),
      '',
      '| hottest functions (self time) | share |',
      '|---|---|',
      ...row.profile.functions.map(([name, time]) => `| \`${name}\` | ${share(time)} |`),
    );
  }
  return `${lines.join('\n')}\n`;
}

const kinds = (['pglite', 'postgres'] as const).filter(
  (kind) => values.only === undefined || values.only === kind,
);
const rows: Row[] = [];
for (const kind of kinds) {
  try {
    rows.push(await measure(kind));
  } catch (error) {
    console.error(`${kind}: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
const resultsDir = new URL('../results/', import.meta.url).pathname;
mkdirSync(resultsDir, { recursive: true });
writeFileSync(join(resultsDir, 'load.json'), `${JSON.stringify(rows, null, 2)}\n`);
writeFileSync(join(resultsDir, 'load.md'), markdown(rows));
console.log(`wrote ${join(resultsDir, 'load.md')}`);

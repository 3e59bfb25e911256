// Load benchmark (issue #15): `parley serve` on 127.0.0.1 over PGlite and over PostgreSQL, driven by
// autocannon with the realistic mix, then the realtime fan-out to N subscribers, then SIGTERM.
// The server runs with --cpu-prof, so each row comes with where its CPU time went.
// Writes bench/results/load.json and load.md.
//   node packages/server/bin/run-ts.js bench/load/run.ts [--duration 20] [--connections 100]
//     [--subscribers 1000] [--only pglite|postgres]
import { execSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon, { type Result } from 'autocannon';
import { summariseProfile } from './cpu-profile';
import { measureFanOut } from './fan-out';
import { READERS, latestVersionId, requestsFor, signIn } from './scenario';
import { createPostgresDatabase, startServerProcess } from './server-process';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '20' },
    connections: { type: 'string', default: '100' },
    subscribers: { type: 'string', default: '1000' },
    only: { type: 'string' },
  },
});
const duration = Number(values.duration);
const connections = Number(values.connections);
const subscriberCount = Number(values.subscribers);

type Row = {
  database: string;
  readyMs: number;
  load: Pick<Result, 'latency' | 'errors' | 'timeouts' | 'non2xx'> & { rps: number; total: number };
  statuses: Record<string, number>;
  fanOutMs: number[];
  stopMs: number;
  exitCode: number | null;
  profile: ReturnType<typeof summariseProfile> | undefined;
  uptimeBefore: string;
};

async function measure(database: 'pglite' | 'postgres'): Promise<Row> {
  const postgres = database === 'postgres' ? await createPostgresDatabase() : undefined;
  const profileDir = mkdtempSync(join(tmpdir(), 'parley-prof-'));
  const server = await startServerProcess({
    databaseUrl: postgres?.url,
    nodeFlags: ['--cpu-prof', `--cpu-prof-dir=${profileDir}`],
  });
  try {
    const sessions = await Promise.all(READERS.map((name) => signIn(server.url, name)));
    const writer = sessions[0];
    if (writer === undefined) throw new Error('no mediator session');
    const versionId = await latestVersionId(server.url, writer);
    let next = 0;
    const uptimeBefore = execSync('uptime').toString().trim();
    console.log(`${database}: ${connections} connections for ${duration} s (${uptimeBefore})`);
    const result = await autocannon({
      url: server.url,
      connections,
      duration,
      timeout: 10,
      setupClient: (client) => {
        const reader = sessions[next++ % sessions.length] ?? writer;
        client.setRequests(requestsFor({ reader, writer, versionId }));
      },
    });
    console.log(`${database}: ${Math.round(result.requests.average)} req/s, p99 ${result.latency.p99} ms`);
    const fanOutMs = await measureFanOut({
      baseUrl: server.url,
      readers: sessions,
      writer,
      count: subscriberCount,
      rounds: 5,
    });
    console.log(`${database}: fan-out to ${subscriberCount}: ${fanOutMs.map(Math.round).join(', ')} ms`);
    const stopStarted = performance.now();
    const exitCode = await server.stop();
    const stopMs = performance.now() - stopStarted;
    const profileFile = readdirSync(profileDir).find((name) => name.endsWith('.cpuprofile'));
    return {
      database,
      readyMs: server.readyMs,
      load: {
        latency: result.latency,
        errors: result.errors,
        timeouts: result.timeouts,
        non2xx: result.non2xx,
        rps: result.requests.average,
        total: result.requests.total,
      },
      statuses: Object.fromEntries(
        Object.entries(result.statusCodeStats).map(([code, s]) => [code, s.count]),
      ),
      fanOutMs,
      stopMs,
      exitCode,
      profile:
        profileFile === undefined
          ? undefined
          : summariseProfile(join(profileDir, profileFile), server.readyMs),
      uptimeBefore,
    };
  } finally {
    if (server.child.exitCode === null) await server.stop();
    await postgres?.drop();
    rmSync(profileDir, { recursive: true, force: true });
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const ms = (x: number) => `${Math.round(x)} ms`;

function markdown(rows: Row[]): string {
  const lines = [
    '# Load benchmark',
    '',
    `\`npm run bench -- load\` — \`parley serve\` on 127.0.0.1 (its own process, started with --cpu-prof),`,
    `autocannon in the benchmark process on the same machine: ${connections} connections for ${duration} s,`,
    'each connection reading as one of five demo accounts (mediator, Ukraine, Russia, observer, analyst) the',
    'latest plan version, its positions, its status and the timeline, and writing one public statement as the',
    `mediator per 20 requests (5 % writes). Then ${subscriberCount} Server-Sent Events subscribers, spread over the`,
    'same accounts, and five writes: the time from sending a write to the moment the last subscriber has its',
    'event. Then SIGTERM with the subscribers already gone, timed to exit.',
    '',
    `Generated ${new Date().toISOString()} on ${process.platform}/${process.arch}, Node ${process.version}.`,
    '',
    '| database | req/s | p50 | p95 (p97.5) | p99 | max | requests | errors | non-2xx | fan-out median / max | start to ready | SIGTERM to exit |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows.map(
      (row) =>
        `| ${row.database} | ${Math.round(row.load.rps)} | ${ms(row.load.latency.p50)} | ${ms(row.load.latency.p97_5)} | ${ms(row.load.latency.p99)} | ${ms(row.load.latency.max)} | ${row.load.total} | ${row.load.errors + row.load.timeouts} | ${row.load.non2xx} | ${ms(median(row.fanOutMs))} / ${ms(Math.max(...row.fanOutMs))} | ${ms(row.readyMs)} | ${ms(row.stopMs)} (code ${row.exitCode}) |`,
    ),
    '',
    'autocannon reports p97.5, not p95. Machine load when each run began:',
    '',
    ...rows.map((row) => `- ${row.database}: \`${row.uptimeBefore}\``),
  ];
  for (const row of rows) {
    if (row.profile === undefined) continue;
    const share = (x: number) => `${((100 * x) / (row.profile?.busyMs ?? 1)).toFixed(1)} %`;
    lines.push(
      '',
      `## Where the server's CPU went (${row.database}, ${ms(row.profile.busyMs)} busy after start-up: load, fan-out, stop)`,
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

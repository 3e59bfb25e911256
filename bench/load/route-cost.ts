// Per-request CPU of the server by route (issue #15): the process's own CPU time (utime + stime
// from /proc, so the figure holds on a machine other work shares, unlike latency) spent on a fixed
// number of requests of one route, spread over the five readers. The server runs with --cpu-prof;
// the profile is summarised by function, inclusive of callees, so the cost has its causes beside it.
//   node packages/server/bin/run-ts.js bench/load/route-cost.ts [--requests 2000] [--only pglite|postgres]
//     [--profile-out DIR] [--cases mix,timeline]
import { execSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon, { type Request } from 'autocannon';
import { summariseInclusive } from './cpu-profile';
import {
  READERS,
  latestVersionId,
  readPaths,
  requestsFor,
  signIn,
  statementWrite,
  type Session,
} from './scenario';
import { createPostgresDatabase, startServerProcess } from './server-process';

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '2000' },
    connections: { type: 'string', default: '20' },
    only: { type: 'string' },
    'profile-out': { type: 'string' },
    /** Only the cases whose name contains one of these (comma-separated); the warm-up always runs. */
    cases: { type: 'string' },
    /** Without --cpu-prof: the profiler's own cost is not in the figures (and there is no profile). */
    'no-profile': { type: 'boolean', default: false },
  },
});
const amount = Number(values.requests);
const connections = Number(values.connections);

/** Clock ticks of CPU the process has used (Linux: 100 per second). */
function cpuTicks(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return Number(fields[11]) + Number(fields[12]);
}
const TICK_MS = 1000 / Number(execSync('getconf CLK_TCK').toString().trim());

type Case = { name: string; requests: (reader: Session, writer: Session) => Request[] };

function cases(versionId: string): Case[] {
  const [version = '', positions = '', status = '', timeline = ''] = readPaths(versionId);
  const get = (path: string) => (reader: Session) => [
    { method: 'GET', path, headers: { cookie: reader.cookie } },
  ];
  return [
    // Not counted: JIT compilation and the first loads would be charged to the first route.
    { name: 'warm-up (the mix)', requests: (reader, writer) => requestsFor({ reader, writer, versionId }) },
    { name: 'GET /api/health (signed in)', requests: get('/api/health') },
    { name: 'GET version', requests: get(version) },
    { name: 'GET positions', requests: get(positions) },
    { name: 'GET status', requests: get(status) },
    { name: 'GET timeline', requests: get(timeline) },
    { name: 'POST statement', requests: (_reader, writer) => [statementWrite(writer)] },
    {
      name: 'the mix (5 % writes)',
      requests: (reader, writer) => requestsFor({ reader, writer, versionId }),
    },
  ];
}

async function measure(database: 'pglite' | 'postgres'): Promise<void> {
  const postgres = database === 'postgres' ? await createPostgresDatabase() : undefined;
  const profileDir = mkdtempSync(join(tmpdir(), 'parley-prof-'));
  const server = await startServerProcess({
    databaseUrl: postgres?.url,
    nodeFlags: values['no-profile'] ? [] : ['--cpu-prof', `--cpu-prof-dir=${profileDir}`],
  });
  const pid = server.child.pid ?? 0;
  try {
    const sessions = await Promise.all(READERS.map((name) => signIn(server.url, name)));
    const writer = sessions[0];
    if (writer === undefined) throw new Error('no mediator session');
    const versionId = await latestVersionId(server.url, writer);
    console.log(`${database} (${execSync('uptime').toString().trim()})`);
    const wanted = values.cases?.split(',');
    const chosen = cases(versionId).filter(
      ({ name }, index) => index === 0 || wanted === undefined || wanted.some((part) => name.includes(part)),
    );
    for (const { name, requests } of chosen) {
      let next = 0;
      const before = cpuTicks(pid);
      const result = await autocannon({
        url: server.url,
        connections,
        amount,
        timeout: 30,
        setupClient: (client) => {
          client.setRequests(requests(sessions[next++ % sessions.length] ?? writer, writer));
        },
      });
      const cpuMs = (cpuTicks(pid) - before) * TICK_MS;
      const done = result.requests.total;
      console.log(
        `  ${name.padEnd(28)} ${(cpuMs / done).toFixed(2).padStart(6)} ms CPU/request` +
          `  (${done} requests, non-2xx ${result.non2xx}, errors ${result.errors + result.timeouts})`,
      );
    }
    await server.stop();
    const file = readdirSync(profileDir).find((entry) => entry.endsWith('.cpuprofile'));
    if (file === undefined) return;
    if (values['profile-out'] !== undefined) {
      mkdirSync(values['profile-out'], { recursive: true });
      copyFileSync(join(profileDir, file), join(values['profile-out'], `${database}.cpuprofile`));
    }
    const summary = summariseInclusive(join(profileDir, file), server.readyMs);
    console.log(`  inclusive time by function (of ${Math.round(summary.busyMs)} ms busy):`);
    for (const [fn, ms] of summary.functions)
      console.log(`    ${((100 * ms) / summary.busyMs).toFixed(1).padStart(5)} %  ${fn}`);
  } finally {
    if (server.child.exitCode === null) await server.stop();
    await postgres?.drop();
    rmSync(profileDir, { recursive: true, force: true });
  }
}

for (const kind of (['pglite', 'postgres'] as const).filter(
  (k) => values.only === undefined || values.only === k,
))
  await measure(kind);

// Server start-up (issues #15 item 6 and #17 item 4): `parley serve` from spawn to the first
// healthy answer, on a fresh PGlite folder (demo seeded) without the snapshot of the migrated
// schema (initdb and every migration) and with it, on restart of that folder, on restart of
// a folder grown to about 100 MB, and on restart of a PostgreSQL database. The "ready in" line the
// server prints breaks each start into phases. Writes bench/results/start.{json,md}.
//   node packages/server/bin/run-ts.js bench/start/run.ts [--runs 5] [--megabytes 100]
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { spawnSync } from 'node:child_process';
import { growDataFolder, folderMegabytes } from './grow-folder';
import { schemaSnapshotPath } from '../../packages/server/src/storage/schema-snapshot';
import { createPostgresDatabase, startServerProcess } from '../load/server-process';
import { machineLoad, median } from '../whole-process';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '5' }, megabytes: { type: 'string', default: '100' } },
});
const runs = Number(values.runs);
const RESULTS = join(import.meta.dirname, '../results');
const RUN_TS = join(import.meta.dirname, '../../packages/server/bin/run-ts.js');
const MAKE_SNAPSHOT = join(import.meta.dirname, '../../packages/server/bin/make-schema-snapshot.ts');

type Start = { healthyMs: number; phases: string };
type Row = { case: string; target: string; starts: Start[] };

/** Spawns `parley serve`, polls /api/health until it answers 200, then stops the server. */
async function timeStart(target: { dataDir?: string; databaseUrl?: string }): Promise<Start> {
  const started = performance.now();
  const server = await startServerProcess(target);
  for (;;) {
    const answer = await fetch(`${server.url}/api/health`).catch(() => undefined);
    if (answer?.status === 200) break;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  const healthyMs = performance.now() - started;
  // "(pglite, a new database from the migrated schema, ready in 1234 ms: modules 400, …)"
  const phases = /\((?:pglite|postgres), ([^)]*)\)/.exec(server.output())?.[1] ?? '';
  await server.stop();
  return { healthyMs, phases };
}

async function repeat(label: string, target: string, once: () => Promise<Start>): Promise<Row> {
  const starts: Start[] = [];
  for (let run = 0; run < runs; run++) starts.push(await once());
  const row = { case: label, target, starts };
  console.log(`${label}: median ${median(starts.map((s) => s.healthyMs)).toFixed(0)} ms`);
  return row;
}

const rows: Row[] = [];
const folders: string[] = [];
const freshFolder = () => {
  const folder = mkdtempSync(join(tmpdir(), 'parley-start-'));
  folders.push(folder);
  return folder;
};
const snapshot = schemaSnapshotPath();
const forgetSnapshot = () => {
  if (snapshot !== undefined) rmSync(dirname(snapshot), { recursive: true, force: true });
};
try {
  rows.push(
    // What an installation that could not keep the snapshot pays (npm install makes it).
    await repeat('PGlite, new folder, no schema snapshot (demo seeded)', 'reference', () => {
      forgetSnapshot();
      return timeStart({ dataDir: freshFolder() });
    }),
  );
  // As npm install makes it.
  spawnSync(process.execPath, [RUN_TS, MAKE_SNAPSHOT], { stdio: 'inherit' });
  if (snapshot !== undefined && !existsSync(snapshot)) throw new Error(`no schema snapshot at ${snapshot}`);
  rows.push(
    await repeat('PGlite, new folder (demo seeded)', '< 4 s', () => timeStart({ dataDir: freshFolder() })),
  );
  const folder = freshFolder();
  await timeStart({ dataDir: folder });
  rows.push(await repeat('PGlite, restart', '< 2 s', () => timeStart({ dataDir: folder })));
  await growDataFolder(folder, Number(values.megabytes));
  const size = folderMegabytes(folder);
  rows.push(
    await repeat(`PGlite, restart of a ${size.toFixed(0)} MB folder`, '< 2 s', () =>
      timeStart({ dataDir: folder }),
    ),
  );
  const postgres = await createPostgresDatabase().catch(() => undefined);
  if (postgres !== undefined) {
    await timeStart({ databaseUrl: postgres.url });
    rows.push(await repeat('PostgreSQL, restart', '< 2 s', () => timeStart({ databaseUrl: postgres.url })));
    await postgres.drop();
  }
} finally {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
}

const load = machineLoad();
mkdirSync(RESULTS, { recursive: true });
writeFileSync(
  join(RESULTS, 'start.json'),
  `${JSON.stringify({ load, node: process.version, rows }, null, 2)}\n`,
);
const lines = [
  '# Server start-up',
  '',
  `\`npm run bench -- start\`: \`parley serve\` (the compiled CLI, as \`npm start\` runs it) from spawn to`,
  `the first 200 from \`/api/health\`, ${runs} starts per row, median shown. Node ${process.version}; ${load}`,
  'when the runs ended. The phases are those of the last start, as its "ready in" line prints them',
  '(milliseconds since the process started).',
  '',
  '| case | median ms | fastest | slowest | target | phases of the last start |',
  '|---|---|---|---|---|---|',
  ...rows.map((row) => {
    const times = row.starts.map((start) => start.healthyMs);
    return `| ${row.case} | ${median(times).toFixed(0)} | ${Math.min(...times).toFixed(0)} | ${Math.max(...times).toFixed(0)} | ${row.target} | ${row.starts.at(-1)?.phases ?? ''} |`;
  }),
  '',
];
writeFileSync(join(RESULTS, 'start.md'), lines.join('\n'));
console.log('wrote bench/results/start.{json,md}');

// Start-up of the `parley` CLI as a user sees it: each command runs in a fresh process through the
// published bin (compiled JavaScript, see docs/architecture.md), several times; the table gives
// the median wall time with the fastest and slowest run. `node -e 0` is the floor. Writes
// bench/results/cli.{json,md}.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { machineLoad, median, runProcess } from '../whole-process';

const ROOT = join(import.meta.dirname, '../..');
const RESULTS = join(ROOT, 'bench/results');
const BIN = join(ROOT, 'packages/server/bin/parley.js');
const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const scenario = (name: string) => join(ROOT, 'scenarios', name);

type Case = { readonly label: string; readonly args: readonly string[]; readonly target: string };

const CASES: readonly Case[] = [
  { label: 'node -e 0 (the floor)', args: ['-e', '0'], target: '' },
  { label: 'parley --help', args: [BIN, '--help'], target: '< 150 ms' },
  {
    label: 'parley analyze anac2011-Car --json',
    args: [BIN, 'analyze', scenario('anac2011-Car'), '--json'],
    target: '< 300 ms',
  },
  {
    label: 'parley analyze anac2011-Energy --json',
    args: [BIN, 'analyze', scenario('anac2011-Energy'), '--json'],
    target: '< 300 ms',
  },
  {
    label: 'parley analyze anac2015-group9-killer_robot --json --semantics negmas',
    args: [BIN, 'analyze', scenario('anac2015-group9-killer_robot'), '--json', '--semantics', 'negmas'],
    target: '< 300 ms',
  },
  {
    label: 'parley simulate anac2011-Car --agents boulware,boulware --json',
    args: [BIN, 'simulate', scenario('anac2011-Car'), '--agents', 'boulware,boulware', '--json'],
    target: '< 300 ms',
  },
];

const load = machineLoad();
const rows = CASES.map(({ label, args, target }) => {
  const { wallMs } = runProcess(process.execPath, args, { runs: RUNS });
  const row = {
    label,
    target,
    medianMs: median(wallMs),
    minMs: Math.min(...wallMs),
    maxMs: Math.max(...wallMs),
    runs: wallMs.length,
  };
  process.stdout.write(
    `${label}: median ${row.medianMs.toFixed(0)} ms (${row.minMs.toFixed(0)}–${row.maxMs.toFixed(0)})\n`,
  );
  return row;
});

mkdirSync(RESULTS, { recursive: true });
writeFileSync(
  join(RESULTS, 'cli.json'),
  `${JSON.stringify({ node: process.version, load, rows }, null, 2)}\n`,
);
const lines = [
  '# CLI start-up: whole process',
  '',
  `Node ${process.version}; ${load} when the runs started. Each command runs ${RUNS} times in a fresh process (after one uncounted run) through \`packages/server/bin/parley.js\`; wall time from spawn to exit, as a shell measures it. Issue #17's targets assume a quiet machine, where \`node -e 0\` takes about 64 ms.`,
  '',
  '| command | median ms | fastest | slowest | target |',
  '|---|---|---|---|---|',
  ...rows.map(
    (row) =>
      `| \`${row.label}\` | ${row.medianMs.toFixed(0)} | ${row.minMs.toFixed(0)} | ${row.maxMs.toFixed(0)} | ${row.target} |`,
  ),
  '',
];
writeFileSync(join(RESULTS, 'cli.md'), lines.join('\n'));
process.stdout.write('wrote bench/results/cli.{json,md}\n');

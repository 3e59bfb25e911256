// Start-up of the `parley` CLI as a user sees it: each command runs in a fresh process through the
// published bin (compiled JavaScript, see docs/architecture.md), several times; the table gives
// the median wall time with the fastest and slowest run, and the median ratio to `node -e 0` (the
// floor). Writes bench/results/cli.{json,md}.
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
// Rounds: every command once per round, in turn, so a change in the machine's load between rounds
// touches all of them alike; each command's time is also taken relative to `node -e 0` in the
// same round.
const walls = CASES.map(() => [] as number[]);
for (let round = 0; round < RUNS + 1; round++) {
  CASES.forEach(({ args }, index) => {
    const { wallMs } = runProcess(process.execPath, args, { runs: 1, warmup: 0 });
    // the first round is a warm-up (file cache), not counted
    if (round > 0) walls[index]?.push(wallMs[0] ?? 0);
  });
}
const floor = walls[0] ?? [];
const rows = CASES.map(({ label, target }, index) => {
  const wallMs = walls[index] ?? [];
  const row = {
    label,
    target,
    medianMs: median(wallMs),
    minMs: Math.min(...wallMs),
    maxMs: Math.max(...wallMs),
    timesNodeStart: median(wallMs.map((ms, round) => ms / (floor[round] ?? ms))),
    runs: wallMs.length,
  };
  process.stdout.write(
    `${label}: median ${row.medianMs.toFixed(0)} ms (${row.minMs.toFixed(0)}–${row.maxMs.toFixed(0)}), ${row.timesNodeStart.toFixed(2)}× node -e 0\n`,
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
  `Node ${process.version}; ${load} when the runs started. Each command runs ${RUNS} times in a fresh process through \`packages/server/bin/parley.js\`, in rounds (every command once per round, after one uncounted round); wall time from spawn to exit, as a shell measures it. "× node -e 0" is the median over rounds of the command's time ÷ \`node -e 0\`'s in the same round, which holds up better than absolute times when the load changes. Issue #17's targets assume a quiet machine, where \`node -e 0\` takes about 64 ms.`,
  '',
  '| command | median ms | fastest | slowest | × node -e 0 | target |',
  '|---|---|---|---|---|---|',
  ...rows.map(
    (row) =>
      `| \`${row.label}\` | ${row.medianMs.toFixed(0)} | ${row.minMs.toFixed(0)} | ${row.maxMs.toFixed(0)} | ${row.timesNodeStart.toFixed(2)} | ${row.target} |`,
  ),
  '',
];
writeFileSync(join(RESULTS, 'cli.md'), lines.join('\n'));
process.stdout.write('wrote bench/results/cli.{json,md}\n');

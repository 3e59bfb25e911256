// Whole-process timing for the benchmarks: runs a command in a fresh process several times and
// reports the wall time of each run (spawn to exit, as a user's shell measures it), so start-up,
// module loading and the first (cold) call are all counted.
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';

export type ProcessRuns = {
  /** Wall time of each counted run, ms, in run order. */
  readonly wallMs: readonly number[];
  /** What each counted run printed on stdout. */
  readonly outputs: readonly string[];
};

/** Runs `command args` `runs` times after `warmup` uncounted runs (file cache, not the JIT: each run is a new process). */
export function runProcess(
  command: string,
  args: readonly string[],
  { runs, warmup = 1 }: { runs: number; warmup?: number },
): ProcessRuns {
  const wallMs: number[] = [];
  const outputs: string[] = [];
  for (let run = 0; run < warmup + runs; run++) {
    const started = performance.now();
    const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const elapsed = performance.now() - started;
    if (result.status !== 0)
      throw new Error(`${command} ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
    if (run < warmup) continue;
    wallMs.push(elapsed);
    outputs.push(result.stdout);
  }
  return { wallMs, outputs };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** The machine's load average (1, 5, 15 min) and cores when the figures were taken: they compare only on a quiet machine. */
export function machineLoad(): string {
  return `load average ${loadavg()
    .map((value) => value.toFixed(2))
    .join(', ')} on ${cpus().length} cores`;
}

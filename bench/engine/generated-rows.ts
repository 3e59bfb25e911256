// The "Generated spaces" rows of the engine benchmark: each space analysed once in its own fresh
// process (generated-case.ts), so time and peak memory are that call's own.
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';

export type GeneratedRow = {
  label: string;
  parties: number;
  issues: number;
  /** Frontier options other than the defaults (null: the defaults, as a user gets them). */
  options: Record<string, number> | null;
  /** null: not known (a space with 4–8 options per issue that was stopped before it reported). */
  outcomes: number | null;
  exact: boolean;
  frontier: number;
  bound: number | null;
  /** One call of analyzeSpace, the first in a fresh process (null: stopped at the time limit). */
  ms: number | null;
  /** CPU time of that call: on a shared machine steadier than its wall time. */
  cpuMs: number | null;
  /** Peak resident memory of that whole process. */
  peakMb: number | null;
  /** 1-minute load average just before the row ran. */
  load: number;
};

/** A generated space still running after this is stopped and reported as such. */
export const GENERATED_TIMEOUT_MS = 60_000;
const RUN_TS = join(import.meta.dirname, '../../packages/server/bin/run-ts.js');

type Case = {
  label: string;
  issues: number;
  parties: number;
  fixed?: number;
  options?: Record<string, number>;
};

function cases(): Case[] {
  const list: Case[] = [{ label: '19×5', issues: 19, parties: 2, fixed: 5 }];
  for (const parties of [2, 3, 4])
    for (const issues of [10, 15, 19, 25]) list.push({ label: `${issues}×4–8`, issues, parties });
  list.push(
    { label: '19×5', issues: 19, parties: 4, fixed: 5 },
    { label: '25×5', issues: 25, parties: 4, fixed: 5 },
    { label: '25×5', issues: 25, parties: 5, fixed: 5 },
    // the trade-off a caller can choose on the 5-party space: a smaller stage cap, a looser bound
    { label: '25×5', issues: 25, parties: 5, fixed: 5, options: { maxSize: 5_000 } },
    { label: '25×5', issues: 25, parties: 5, fixed: 5, options: { maxSize: 2_000 } },
  );
  return list;
}

function runCase({ label, issues, parties, fixed, options }: Case): GeneratedRow {
  const load = loadavg()[0] ?? 0;
  const started = performance.now();
  const args = [String(issues), String(parties), String(fixed ?? 0), JSON.stringify(options ?? {})];
  const result = spawnSync(
    process.execPath,
    [RUN_TS, join(import.meta.dirname, 'generated-case.ts'), ...args],
    {
      encoding: 'utf8',
      timeout: GENERATED_TIMEOUT_MS,
    },
  );
  const base = { label, parties, issues, options: options ?? null, load };
  if (result.status !== 0) {
    // stopped by the time limit (or out of memory): reported as such, not dropped
    process.stdout.write(
      `${label} ${parties}p: stopped after ${(performance.now() - started).toFixed(0)} ms\n`,
    );
    const outcomes = fixed === undefined ? null : fixed ** issues;
    return { ...base, outcomes, exact: false, frontier: 0, bound: null, ms: null, cpuMs: null, peakMb: null };
  }
  const row = { ...base, ...(JSON.parse(result.stdout) as Omit<GeneratedRow, keyof typeof base>) };
  process.stdout.write(
    `${label} ${parties}p: ${row.ms?.toFixed(1)} ms (cpu ${row.cpuMs?.toFixed(0)}), ${row.peakMb?.toFixed(0)} MB, ${row.frontier} points${row.exact ? '' : ` (≈, bound ${row.bound?.toExponential(2)})`}, load ${load.toFixed(1)}\n`,
  );
  return row;
}

export function generatedRows(): GeneratedRow[] {
  return cases().map(runCase);
}

const fmt = (value: number | null, digits: number) => (value === null ? '—' : value.toFixed(digits));

/** The "Generated spaces" section of engine.md. */
export function generatedSection(rows: readonly GeneratedRow[]): string[] {
  return [
    '## Generated spaces (uniform random weights and values, seeded)',
    '',
    "Default settings, as a user gets them, unless the settings column says otherwise: a stage is kept exact up to 20 000 points; past that the merge is thinned by ε-dominance towards a bound of 1 % of each party's utility range, with at most 20 000 points per stage (a stage still larger is thinned more coarsely and the bound grows). Bound = the additive error the returned frontier is proven to be within (largest over parties, utilities in [0, 1]). Each space is analysed once in its own fresh process: ms is that one call's wall time, CPU ms its CPU time (steadier on a shared machine), peak MB the whole process (it runs through tsx, which adds its own memory), load the 1-minute load average on 2 cores just before the row ran.",
    '',
    '| space | parties | settings | outcomes | exact | frontier points | bound | ms | CPU ms | peak MB | load |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows.map(
      (row) =>
        `| ${row.label} | ${row.parties} | ${
          row.options === null
            ? 'default'
            : Object.entries(row.options)
                .map(([key, value]) => `${key} ${value}`)
                .join(', ')
        } | ${row.outcomes === null ? '—' : row.outcomes.toExponential(2)} | ${row.ms === null ? '—' : row.exact ? 'yes' : 'no'} | ${row.ms === null ? '—' : row.frontier} | ${row.bound === null ? '—' : row.bound.toExponential(2)} | ${row.ms === null ? `stopped at ${GENERATED_TIMEOUT_MS / 1000} s` : row.ms.toFixed(0)} | ${fmt(row.cpuMs, 0)} | ${fmt(row.peakMb, 0)} | ${row.load.toFixed(1)} |`,
    ),
    '',
  ];
}

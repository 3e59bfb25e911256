// Parley's frontier + bargaining solutions on every shared scenario (vs NegMAS's recorded
// timings and an in-process enumerating baseline) and on generated spaces of 10–25 issues for
// 2, 3 and 4 parties. Writes bench/results/engine.{json,md}. Timings share 2 cores with other
// work: treat them as indicative.
import { mkdirSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  analyzeSpace,
  compileScenario,
  loadGeniusScenario,
  outcomeCount,
  type AdditiveSpace,
  type Analysis,
  type Semantics,
} from '@parley/engine';
import { enumerateFrontier } from './baseline';

const SCENARIOS = join(import.meta.dirname, '../../scenarios');
const RESULTS = join(import.meta.dirname, '../results');
const BASELINE_LIMIT = 400_000;

/**
 * Median ms per run of `run`, steady state: warmed up for ≥ 400 ms (so the JIT has compiled the
 * hot loops, as in a server that analyses repeatedly; a 40 µs analysis measured after 100 ms was
 * still twice its steady time), then timed in batches of ≥ 1 ms each (a
 * timer reading is too coarse for a 40 µs run), at least 5 batches (1 for runs of seconds) and up
 * to ~300 ms.
 */
function time<T>(run: () => T): { ms: number; result: T } {
  let result = run();
  let runs = 1;
  const warmStart = performance.now();
  while (performance.now() - warmStart < 400 || runs < 2) {
    result = run();
    runs++;
  }
  const perRun = (performance.now() - warmStart) / runs;
  const batch = Math.max(1, Math.ceil(1 / Math.max(perRun, 1e-6)));
  const samples: number[] = [];
  const started = performance.now();
  // a run of seconds (the enumerating baseline on 10⁵ outcomes) is timed fewer times
  const fewest = perRun > 1000 ? 1 : 5;
  while (samples.length < fewest || (performance.now() - started < 300 && samples.length < 50)) {
    const at = performance.now();
    for (let k = 0; k < batch; k++) result = run();
    samples.push((performance.now() - at) / batch);
  }
  samples.sort((a, b) => a - b);
  return { ms: samples[Math.floor(samples.length / 2)] ?? 0, result };
}

function loadSpace(folder: string, semantics: Semantics): AdditiveSpace {
  const names = readdirSync(folder)
    .filter((name) => name.endsWith('.xml'))
    .sort();
  const loaded = loadGeniusScenario(
    folder,
    names.map((name) => ({ name, contents: readFileSync(join(folder, name), 'utf8') })),
  );
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  return compileScenario(loaded.value, semantics);
}

type ScenarioRow = {
  scenario: string;
  parties: number;
  outcomes: number;
  frontier: number;
  parleyMs: number;
  parleyNegmasMs: number;
  negmasParetoMs: number | null;
  negmasTotalMs: number | null;
  baselineMs: number | null;
  speedupVsNegmas: number | null;
};

function scenarioRows(): ScenarioRow[] {
  const folders = readdirSync(SCENARIOS)
    .filter((name) => existsSync(join(SCENARIOS, name, 'REFERENCE.json')))
    .sort();
  return folders.map((name) => {
    const folder = join(SCENARIOS, name);
    const reference = JSON.parse(readFileSync(join(folder, 'REFERENCE.json'), 'utf8')) as {
      negmas: { negmasMs: { pareto: number; total: number } } | null;
    };
    const genius = loadSpace(folder, 'genius');
    const negmasSpace = loadSpace(folder, 'negmas');
    const parley = time(() => analyzeSpace(genius, 'genius'));
    const parleyNegmas = time(() => analyzeSpace(negmasSpace, 'negmas'));
    const outcomes = outcomeCount(genius);
    const baseline = outcomes <= BASELINE_LIMIT ? time(() => enumerateFrontier(genius, 'genius')).ms : null;
    const negmasParetoMs = reference.negmas?.negmasMs.pareto ?? null;
    const negmasTotalMs = reference.negmas?.negmasMs.total ?? null;
    return {
      scenario: name,
      parties: genius.parties.length,
      outcomes,
      frontier: parley.result.frontier.points.length,
      parleyMs: parley.ms,
      parleyNegmasMs: parleyNegmas.ms,
      negmasParetoMs,
      negmasTotalMs,
      baselineMs: baseline,
      speedupVsNegmas: negmasTotalMs === null ? null : negmasTotalMs / parleyNegmas.ms,
    };
  });
}

/** Seeded uniform numbers (mulberry32) so generated spaces are the same on every run. */
function rng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generated({
  issues,
  parties,
  seed,
  fixedOptions,
}: {
  issues: number;
  parties: number;
  seed: number;
  fixedOptions: number | undefined;
}): AdditiveSpace {
  const random = rng(seed);
  const options = Array.from({ length: issues }, () => fixedOptions ?? 4 + Math.floor(random() * 5));
  const space = {
    issues: options.map((count, issue) => ({
      name: `issue${issue}`,
      options: Array.from({ length: count }, (_, option) => `v${option}`),
    })),
    parties: Array.from({ length: parties }, (_, party) => {
      const weights = options.map(() => random());
      const total = weights.reduce((sum, weight) => sum + weight, 0);
      return {
        name: `p${party}`,
        reservation: 0,
        constant: 0,
        contributions: options.map((count, issue) =>
          Array.from({ length: count }, () => ((weights[issue] ?? 0) / total) * random()),
        ),
      };
    }),
  };
  return space;
}

type GeneratedRow = {
  label: string;
  parties: number;
  issues: number;
  outcomes: number;
  cap: number;
  exact: boolean;
  frontier: number;
  bound: number | null;
  ms: number;
};

function generatedRows(): GeneratedRow[] {
  const rows: GeneratedRow[] = [];
  const cases: [string, number, number, number | undefined][] = [['19×5', 19, 2, 5]];
  for (const parties of [2, 3, 4])
    for (const issues of [10, 15, 19, 25]) cases.push([`${issues}×4–8`, issues, parties, undefined]);
  for (const [label, issues, parties, fixed] of cases) {
    const space = generated({ issues, parties, seed: issues * 10 + parties, fixedOptions: fixed });
    const cap = parties === 2 ? 200_000 : parties === 3 ? 20_000 : 5_000;
    const started = performance.now();
    const analysis: Analysis = analyzeSpace(space, 'genius', { maxSize: cap });
    const ms = performance.now() - started;
    const bound = analysis.frontier.approximation
      ? Math.max(...analysis.frontier.approximation.additive)
      : null;
    rows.push({
      label,
      parties,
      issues,
      outcomes: outcomeCount(space),
      cap,
      exact: analysis.frontier.exact,
      frontier: analysis.frontier.points.length,
      bound,
      ms,
    });
    process.stdout.write(
      `${label} ${parties}p: ${ms.toFixed(1)} ms, ${analysis.frontier.points.length} points${analysis.frontier.exact ? '' : ` (≈, bound ${bound?.toExponential(2)})`}\n`,
    );
  }
  return rows;
}

const fmt = (value: number | null, digits = 1) => (value === null ? '—' : value.toFixed(digits));

const scenarios = scenarioRows();
const generatedResults = generatedRows();
mkdirSync(RESULTS, { recursive: true });
writeFileSync(
  join(RESULTS, 'engine.json'),
  `${JSON.stringify({ node: process.version, scenarios, generated: generatedResults }, null, 2)}\n`,
);
const big = scenarios.filter((row) => row.outcomes > 10_000 && row.speedupVsNegmas !== null);
const lines = [
  '# Engine benchmark: Pareto frontier + Nash/KS/utilitarian/egalitarian',
  '',
  `Node ${process.version}. Parley ms = median steady-state time per run of \`analyzeSpace\` (after ≥ 400 ms of warm-up, timed in batches of ≥ 1 ms) (frontier + all four solutions; files already parsed). NegMAS ms are the timings recorded in REFERENCE.json (NegMAS 0.15, same machine type). Baseline = our own enumerate-everything implementation (≤ ${BASELINE_LIMIT.toLocaleString('en-US')} outcomes). Timings were taken on 2 shared cores while other work ran: indicative only.`,
  '',
  `Slowest shared scenario: ${Math.max(...scenarios.map((row) => Math.max(row.parleyMs, row.parleyNegmasMs))).toFixed(2)} ms. Scenarios with > 10⁴ outcomes: speed-up vs NegMAS total (negmas semantics) min ${Math.min(...big.map((row) => row.speedupVsNegmas ?? 0)).toFixed(0)}×, median ${(big.map((row) => row.speedupVsNegmas ?? 0).sort((a, b) => a - b)[Math.floor(big.length / 2)] ?? 0).toFixed(0)}×.`,
  '',
  '| scenario | parties | outcomes | frontier (genius) | Parley ms (genius) | Parley ms (negmas) | NegMAS pareto ms | NegMAS total ms | × vs NegMAS | enumerating baseline ms |',
  '|---|---|---|---|---|---|---|---|---|---|',
  ...scenarios.map(
    (row) =>
      `| ${row.scenario} | ${row.parties} | ${row.outcomes.toLocaleString('en-US')} | ${row.frontier} | ${fmt(row.parleyMs, 2)} | ${fmt(row.parleyNegmasMs, 2)} | ${fmt(row.negmasParetoMs)} | ${fmt(row.negmasTotalMs)} | ${fmt(row.speedupVsNegmas, 0)} | ${fmt(row.baselineMs, 1)} |`,
  ),
  '',
  '## Generated spaces (uniform random weights and values, seeded)',
  '',
  'Per-stage cap: 200 000 points (2 parties), 20 000 (3), 5 000 (4). Above the cap the merge thins to an ε-grid and reports the additive bound (largest over parties, utilities in [0, 1]).',
  '',
  '| space | parties | outcomes | exact | frontier points | bound | ms |',
  '|---|---|---|---|---|---|---|',
  ...generatedResults.map(
    (row) =>
      `| ${row.label} | ${row.parties} | ${row.outcomes.toExponential(2)} | ${row.exact ? 'yes' : 'no'} | ${row.frontier} | ${row.bound === null ? '—' : row.bound.toExponential(2)} | ${row.ms.toFixed(0)} |`,
  ),
  '',
];
writeFileSync(join(RESULTS, 'engine.md'), lines.join('\n'));
process.stdout.write(`wrote bench/results/engine.{json,md}\n`);

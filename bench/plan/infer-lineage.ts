// Benchmarks inferLineage (issue 11): an old version of N points against a revision of it made by
// known operations (amendments, paraphrase-like rewrites, merges, splits, drops, additions, moves),
// and on the worst case, texts whose points all share their words.
// Target: 100 × 100 points well under 100 ms. Writes bench/results/plan-lineage.json and .md.
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { inferLineage, type LineageInputPoint } from '@parley/core';
import { sharedWordsPair } from './shared-words-pair';

function rng(seed: number): () => number {
  let state = seed >>> 0;
  return () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

// A vocabulary large enough that points differ as real clauses do, with common words shared by all.
const COMMON = 'party parties shall agree within days after the of and to by for all a in on'.split(' ');
function makeWords(random: () => number) {
  const syllables = 'ba ce di fo gu ka le mi no pu ra se ti vo zu tran mon sec rit ver'.split(' ');
  const word = () =>
    Array.from(
      { length: 2 + Math.floor(random() * 3) },
      () => syllables[Math.floor(random() * syllables.length)],
    ).join('');
  const vocabulary = Array.from({ length: 3000 }, word);
  return (count: number) =>
    Array.from({ length: count }, () =>
      random() < 0.35
        ? COMMON[Math.floor(random() * COMMON.length)]
        : vocabulary[Math.floor(random() * vocabulary.length)],
    ).join(' ');
}

/** An old text of `count` points of varied wording and a revision of it by known operations. */
export function revisionPair(
  count: number,
  seed: number,
): { before: LineageInputPoint[]; after: LineageInputPoint[] } {
  const random = rng(seed);
  const words = makeWords(random);
  const before = Array.from({ length: count }, (_, index) => ({
    number: index + 1,
    title: words(3),
    text: `${words(25 + Math.floor(random() * 30))}.`,
    topic: null,
  }));
  const drafts: { title: string; text: string }[] = [];
  for (let index = 0; index < before.length; index += 1) {
    const point = before[index];
    if (point === undefined) break;
    const roll = random();
    const next = before[index + 1];
    if (roll < 0.05 && next !== undefined) {
      drafts.push({ title: point.title, text: `${point.text} ${next.text}` });
      index += 1;
    } else if (roll < 0.1) {
      const parts = point.text.split(' ');
      const half = Math.floor(parts.length / 2);
      drafts.push({ title: point.title, text: parts.slice(0, half).join(' ') });
      drafts.push({ title: words(3), text: parts.slice(half).join(' ') });
    } else if (roll < 0.13) continue;
    else if (roll < 0.16) drafts.push({ title: words(3), text: `${words(30)}.` }, point);
    else if (roll < 0.4) {
      const parts = point.text.split(' ');
      parts.splice(Math.floor(random() * parts.length), 6, ...words(8).split(' '));
      drafts.push({ title: point.title, text: parts.join(' ') });
    } else drafts.push(point);
  }
  // A few moves: points taken out and put back elsewhere.
  for (let move = 0; move < Math.ceil(count / 25); move += 1) {
    const [taken] = drafts.splice(Math.floor(random() * drafts.length), 1);
    if (taken !== undefined) drafts.splice(Math.floor(random() * drafts.length), 0, taken);
  }
  const after = drafts.map((draft, index) => ({
    number: index + 1,
    title: draft.title,
    text: draft.text,
    topic: null,
  }));
  return { before, after };
}

type BenchCase = {
  points: string;
  pair: (seed: number) => { before: LineageInputPoint[]; after: LineageInputPoint[] };
  runs: number;
};

const revisions = (count: number): BenchCase => ({
  points: `${count} × ~${count}`,
  pair: (seed) => revisionPair(count, seed),
  runs: 25,
});

// The worst case: every point drawn from twenty words, so every pair of points is a candidate.
// Fewer runs, as one takes long.
const sharedWords = (count: number): BenchCase => ({
  points: `${count} × ~${count}, shared words`,
  pair: (seed) => sharedWordsPair(count, seed),
  runs: 5,
});

// CPU time as well as wall time: on a shared machine the wall clock also counts other processes.
function time({ points, pair, runs }: BenchCase) {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const { before, after } = pair(1000 + run);
    const startCpu = process.cpuUsage();
    const start = performance.now();
    inferLineage(before, after);
    wall.push(performance.now() - start);
    const used = process.cpuUsage(startCpu);
    cpu.push((used.user + used.system) / 1000);
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
  const round = (value: number) => Math.round(value * 100) / 100;
  return {
    points,
    medianCpuMs: round(median(cpu)),
    medianWallMs: round(median(wall)),
    minWallMs: round(Math.min(...wall)),
    runs: wall.length,
  };
}

/** Runs the lineage inference benchmark and writes its results. */
export function runLineageBench(): void {
  for (let warm = 0; warm < 10; warm += 1)
    inferLineage(revisionPair(60, warm).before, revisionPair(60, warm).after);
  const rows = [...[20, 50, 100, 200].map(revisions), sharedWords(200)].map(time);
  const result = { benchmark: 'inferLineage', node: process.version, loadAverage: loadavg()[0], rows };
  mkdirSync(new URL('../results/', import.meta.url), { recursive: true });
  writeFileSync(
    new URL('../results/plan-lineage.json', import.meta.url),
    JSON.stringify(result, null, 2) + '\n',
  );
  const table = [
    '| points (old × new) | median CPU ms | median wall ms | min wall ms | runs |',
    '| --- | --- | --- | --- | --- |',
    ...rows.map(
      (row) =>
        `| ${row.points} | ${row.medianCpuMs} | ${row.medianWallMs} | ${row.minWallMs} | ${row.runs} |`,
    ),
  ];
  writeFileSync(
    new URL('../results/plan-lineage.md', import.meta.url),
    `# Lineage inference (bench/plan/infer-lineage.ts)\n\nAn old version against a revision made by amendments, merges, splits, drops, additions and moves; a fresh pair per run. The shared-words row draws every point from twenty words (bench/plan/shared-words-pair.ts), so that every old × new pair is a candidate. Target: 100 × 100 well under 100 ms.\nNode ${process.version}; load average ${loadavg()[0]?.toFixed(1)} while it ran (CPU ms is the fair figure on a busy machine).\n\n${table.join('\n')}\n`,
  );
  console.log(table.join('\n'));
}

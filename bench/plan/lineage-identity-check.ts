// Guards a change to the lineage inference that must not change its answer (a speed-up): run
// `save FILE` before the change and `compare FILE` after it; every row, link and score of every
// pair must come out the same. Pairs: every folder of testdata/lineage, lineage-dev and
// lineage-holdout, fixture pairs remixed at random, ordinary revisions and shared-words pairs.
//   node packages/server/bin/run-ts.js bench/plan/lineage-identity-check.ts save /tmp/lineage.json
//   node packages/server/bin/run-ts.js bench/plan/lineage-identity-check.ts compare /tmp/lineage.json
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inferLineage, parsePlanText, type LineageInputPoint } from '@parley/core';
import { revisionPair } from './infer-lineage';
import { seededRandom, sharedWordsPair } from './shared-words-pair';

type Pair = { name: string; before: LineageInputPoint[]; after: LineageInputPoint[] };

const TESTDATA = fileURLToPath(new URL('../../testdata/', import.meta.url));

function readPoints(file: string): LineageInputPoint[] {
  const parsed = parsePlanText(readFileSync(file, 'utf8'));
  if (!parsed.ok) throw new Error(`${file}: ${parsed.problems.map((problem) => problem.message).join('; ')}`);
  return [...parsed.value.points];
}

function fixturePairs(): Pair[] {
  return ['lineage', 'lineage-dev', 'lineage-holdout'].flatMap((set) =>
    readdirSync(join(TESTDATA, set), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(join(TESTDATA, set, entry.name, 'old.md')))
      .map((entry) => entry.name)
      .sort()
      .map((name) => ({
        name: `${set}/${name}`,
        before: readPoints(join(TESTDATA, set, name, 'old.md')),
        after: readPoints(join(TESTDATA, set, name, 'new.md')),
      })),
  );
}

// Real drafting text in orders and combinations no fixture has: points of one fixture's new text
// dropped, repeated and moved at random, and renumbered.
function remixed(pair: Pair, seed: number): Pair {
  const random = seededRandom(seed);
  const after = pair.after
    .flatMap((point) => (random() < 0.1 ? [] : random() < 0.05 ? [point, point] : [point]))
    .map((point) => ({ point, key: random() < 0.2 ? random() * pair.after.length : point.number }))
    .sort((a, b) => a.key - b.key)
    .map(({ point }, index) => ({ ...point, number: index + 1 }));
  return { name: `${pair.name} remix ${seed}`, before: pair.before, after };
}

function allPairs(): Pair[] {
  const fixtures = fixturePairs();
  const seeds = (count: number) => Array.from({ length: count }, (_, index) => index + 1);
  return [
    ...fixtures,
    ...fixtures.flatMap((pair) => seeds(3).map((seed) => remixed(pair, seed))),
    ...[5, 20, 50, 100, 200].flatMap((count) =>
      seeds(6).map((seed) => ({ name: `revision ${count} seed ${seed}`, ...revisionPair(count, seed) })),
    ),
    ...[5, 12, 30, 60, 150].flatMap((count) =>
      seeds(8).map((seed) => ({
        name: `shared words ${count} seed ${seed}`,
        ...sharedWordsPair(count, seed),
      })),
    ),
    { name: 'shared words 300 seed 1', ...sharedWordsPair(300, 1) },
  ];
}

const [mode, file] = process.argv.slice(2);
if ((mode !== 'save' && mode !== 'compare') || file === undefined) {
  console.error('usage: lineage-identity-check.ts save|compare FILE');
  process.exit(2);
}
const started = performance.now();
const outputs = Object.fromEntries(
  allPairs().map((pair) => [pair.name, JSON.stringify(inferLineage(pair.before, pair.after))]),
);
const seconds = ((performance.now() - started) / 1000).toFixed(1);
if (mode === 'save') {
  writeFileSync(file, JSON.stringify(outputs));
  console.log(`saved ${Object.keys(outputs).length} pairs to ${file} (${seconds} s)`);
} else {
  const saved = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
  const names = [...new Set([...Object.keys(saved), ...Object.keys(outputs)])];
  const differing = names.filter((name) => saved[name] !== outputs[name]);
  for (const name of differing) console.log(`differs: ${name}`);
  console.log(`compared ${names.length} pairs, ${differing.length} differ (${seconds} s)`);
  if (differing.length > 0) process.exitCode = 1;
}

// Benchmarks the plan rules on a 200-point version pair: applying operations, the composed lineage
// map and the word-level redline. Writes bench/results/plan.json and plan.md.
import { writeFileSync, mkdirSync } from 'node:fs';
import { runLineageBench } from './infer-lineage';
import { performance } from 'node:perf_hooks';
import {
  applyOperations,
  compareVersions,
  NegotiationIdSchema,
  PlanVersionIdSchema,
  PointIdSchema,
  type PlanVersion,
  type VersionOperation,
  type VersionWithLineage,
} from '@parley/core';

// A vocabulary of about 150 words from treaty-like prose; a tiny vocabulary would make every text
// repeat itself and turn the word diff into its worst case, which real drafting text is not.
const WORDS =
  `the parties agree that all forces shall withdraw from line of contact within days after signature subject to verification by an international monitoring mission with guarantees for security reconstruction sanctions energy elections prisoners humanitarian access territory sovereignty confirmed non-aggression agreement europe settled ambiguities thirty years alliance expand further dialogue mediated united states addresses questions creates conditions de-escalation reliable personnel limited constitution statutes admitted station troops fighter aircraft stationed compensated lapses attacks restored benefits framework withdrawn eligible membership union preferential market considered broad package rebuilds development fund high-growth industries repair infrastructure cities financing bank reintegrated economy lifted stages case long-term cooperation invited group eight hundred billion dollars frozen assets invested profits adds rest investment vehicle joint working enforce provisions enshrines law policy extend nuclear non-proliferation arms control treaties remain non-nuclear state treaty plant restarted supervision atomic agency electricity produced divided equally educational programmes schools society promote understanding tolerance cultures eliminate prejudice recognised facto including frozen withdraw part control neutral demilitarised buffer zone future arrangements undertake change breach voids obstruct commercial river shipment grain sea committee resolves open exchanged basis civilian detainees hostages returned children family reunification programme holds amnesty actions war claims complaints legally binding implementation monitored guaranteed council chaired president violations memorandum ceasefire effect immediately sides agreed points begin`.split(
    /\s+/,
  );

function rng(seed: number): () => number {
  let state = seed >>> 0;
  return () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}
const random = rng(2025);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
// Treaty prose: clauses of 6–16 words separated by commas, semicolons and full stops.
const sentence = (words: number) =>
  Array.from({ length: words }, (_, i) => pick(WORDS) + (i % 11 === 10 ? pick([',', ';', '.']) : '')).join(
    ' ',
  ) + '.';

// Drafters change a few phrases: 1–3 spans of 3–8 words are replaced by new wording.
function rewrite(text: string, _share: number): string {
  const words = text.split(' ');
  const spans = 1 + Math.floor(random() * 3);
  for (let i = 0; i < spans; i += 1) {
    const at = Math.floor(random() * words.length);
    words.splice(
      at,
      3 + Math.floor(random() * 6),
      ...Array.from({ length: 2 + Math.floor(random() * 8) }, () => pick(WORDS)),
    );
  }
  return words.join(' ');
}

// Pathological control: 15% of the words replaced at random positions, spread over the whole text.
function scatter(text: string): string {
  return text
    .split(' ')
    .map((word) => (random() < 0.15 ? pick(WORDS) : word))
    .join(' ');
}

const BENCH_NEGOTIATION = NegotiationIdSchema.parse('00000000-0000-4000-8000-00000000be00');
const versionId = (slug: string) => PlanVersionIdSchema.parse(slug);
const pointId = (slug: string) => PointIdSchema.parse(slug);

function makeVersion(count: number): PlanVersion {
  return {
    id: versionId('v1'),
    negotiationId: BENCH_NEGOTIATION,
    parentId: null,
    label: `${count}-point draft`,
    points: Array.from({ length: count }, (_, i) => ({
      pointId: pointId(`p${i + 1}`),
      number: i + 1,
      title: sentence(4),
      text: sentence(40 + Math.floor(random() * 80)),
      topic: null,
    })),
  };
}

function operationsFor(parent: PlanVersion, amendShare: number): VersionOperation[] {
  const ids = parent.points.map((p) => p.pointId);
  const text = (id: string) => parent.points.find((p) => p.pointId === id)?.text ?? '';
  const operations: VersionOperation[] = [];
  ids.forEach((id, i) => {
    const next = ids[i + 1];
    if (i % 20 === 0 && next !== undefined)
      operations.push({
        kind: 'merge',
        pointIds: [id, next],
        into: {
          pointId: pointId(`m${i}`),
          title: 'merged',
          text: rewrite(text(id) + ' ' + text(next), 0.1),
        },
      });
    else if (i % 20 === 1) return;
    else if (i % 13 === 0) operations.push({ kind: 'drop', pointId: id });
    else if (i % 37 === 0)
      operations.push({
        kind: 'split',
        pointId: id,
        into: [
          { pointId: id, title: 'a', text: rewrite(text(id), 0.1) },
          { pointId: pointId(`s${i}`), title: 'b', text: sentence(30) },
        ],
      });
    else if (random() < amendShare)
      operations.push({ kind: 'amend', pointId: id, text: rewrite(text(id), 0.15) });
  });
  const removed = new Set(
    operations.flatMap((op) => (op.kind === 'drop' ? [op.pointId] : op.kind === 'merge' ? op.pointIds : [])),
  );
  const anchors = ids.filter((id) => !removed.has(id));
  for (let i = 0; i < 10; i += 1)
    operations.push({
      kind: 'add',
      point: { pointId: pointId(`n${i}`), title: 'new', text: sentence(50) },
      after: anchors[i * 15 + 3] ?? null,
    });
  return operations;
}

function time(run: () => unknown, repeat: number): { medianMs: number; p95Ms: number; minMs: number } {
  for (let i = 0; i < 3; i += 1) run();
  const samples = Array.from({ length: repeat }, () => {
    const start = performance.now();
    run();
    return performance.now() - start;
  }).sort((a, b) => a - b);
  const at = (q: number) =>
    Number((samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? 0).toFixed(2));
  return { medianMs: at(0.5), p95Ms: at(0.95), minMs: at(0) };
}

function child(parent: VersionWithLineage, id: string, operations: VersionOperation[]): VersionWithLineage {
  const result = applyOperations({
    parent: parent.version,
    child: { id: versionId(id), label: id },
    operations,
  });
  if (!result.ok) throw new Error(result.problems[0]?.message);
  return { version: result.value.version, edges: [...result.value.edges] };
}

const root: VersionWithLineage = { version: makeVersion(200), edges: [] };
const v2 = child(root, 'v2', operationsFor(root.version, 0.3));
const heavy = child(root, 'heavy', operationsFor(root.version, 1));
const v3 = child(
  v2,
  'v3',
  v2.version.points
    .filter((_, i) => i % 3 === 0)
    .map((p) => ({ kind: 'amend' as const, pointId: p.pointId, text: rewrite(p.text, 0.1) })),
);
const scattered = child(
  root,
  'scattered',
  root.version.points.map((p) => ({ kind: 'amend' as const, pointId: p.pointId, text: scatter(p.text) })),
);
const versions = [root, v2, v3, heavy, scattered];
const compare = (from: string, to: string) => {
  const ids = { fromId: versionId(from), toId: versionId(to) };
  return () => {
    const result = compareVersions(versions, ids);
    if (!result.ok) throw new Error(result.problems[0]?.message);
    return result.value;
  };
};

const rows = [
  {
    case: 'applyOperations: 200 points, ~90 operations',
    ...time(
      () =>
        operationsFor(root.version, 0.3).length &&
        applyOperations({
          parent: root.version,
          child: { id: versionId('x'), label: 'x' },
          operations: operationsFor(root.version, 0.3),
        }),
      30,
    ),
  },
  {
    case: 'redline parent → child (30% amended, merges, splits, drops, adds)',
    ...time(compare('v1', 'v2'), 30),
  },
  { case: 'redline parent → child (every surviving point amended)', ...time(compare('v1', 'heavy'), 30) },
  { case: 'redline across 2 versions (lineage composed)', ...time(compare('v1', 'v3'), 30) },
  { case: 'redline between siblings (via common ancestor)', ...time(compare('v3', 'heavy'), 30) },
  {
    case: 'pathological: 15% of words replaced at random in every point',
    ...time(compare('v1', 'scattered'), 30),
  },
];
const sample = compare('v1', 'v2')();
const result = {
  area: 'plan',
  points: root.version.points.length,
  toPoints: v2.version.points.length,
  counts: sample.counts,
  node: process.version,
  note: 'timings on a shared 2-core machine; other helpers were running',
  rows,
};
mkdirSync(new URL('../results/', import.meta.url), { recursive: true });
writeFileSync(new URL('../results/plan.json', import.meta.url), JSON.stringify(result, null, 2) + '\n');
const table = [
  '| case | median ms | p95 ms | min ms |',
  '|---|---:|---:|---:|',
  ...rows.map((r) => `| ${r.case} | ${r.medianMs} | ${r.p95Ms} | ${r.minMs} |`),
];
writeFileSync(
  new URL('../results/plan.md', import.meta.url),
  `# Plan benchmark\n\n200-point version → ${v2.version.points.length} points (${Object.entries(sample.counts)
    .map(([k, v]) => `${v} ${k}`)
    .join(
      ', ',
    )}). Target: well under 100 ms.\nNode ${process.version}; ${result.note}.\n\n${table.join('\n')}\n`,
);
console.log(table.join('\n'));

runLineageBench();

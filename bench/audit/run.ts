// What an audit proof costs on a long log (issue #15): the tree proofs are read from is kept per
// database and read on from the entry it last covered, instead of re-hashing the whole log for
// every proof. Times, on an embedded database holding ENTRIES entries: the whole log read and
// hashed (what every proof cost before, and what `parley audit verify` still does), the first
// proof of a process, and a proof after one more entry. Writes bench/results/audit.json and .md.
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { loadAuditTree } from '../../packages/server/src/audit/audit-tree';
import { loadAuditTreeShared } from '../../packages/server/src/audit/kept-audit-tree';
import { recordAudits } from '../../packages/server/src/audit/record-audit';
import { openDatabase, type Database } from '../../packages/server/src/storage/database';

const ENTRIES = Number(process.env.PARLEY_BENCH_AUDIT_ENTRIES ?? 100_000);
const RUNS = 5;
const NEGOTIATION = '00000000-0000-4000-8000-0000000000a5';

const entry = (index: number) => ({
  actorId: null,
  action: 'record.read',
  subjectType: 'record',
  subjectId: `record-${index}`,
  negotiationId: NEGOTIATION,
  detail: { index },
  ip: null,
});

async function append(db: Database, from: number, count: number): Promise<void> {
  for (let start = from; start < from + count; start += 5_000) {
    const size = Math.min(5_000, from + count - start);
    await db.transaction().execute((tx) =>
      recordAudits(
        tx,
        Array.from({ length: size }, (_, i) => entry(start + i)),
      ),
    );
  }
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

const handle = await openDatabase({ inMemory: true });
try {
  await append(handle.db, 0, ENTRIES);
  const whole: number[] = [];
  for (let run = 0; run < RUNS; run++) whole.push(await timed(() => loadAuditTree(handle.db)));
  const first = await timed(() => loadAuditTreeShared(handle.db));
  const next: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    await append(handle.db, ENTRIES + run, 1);
    next.push(await timed(() => loadAuditTreeShared(handle.db)));
  }
  const tree = await loadAuditTreeShared(handle.db);
  const proof = await timed(async () => tree.inclusionProof(Math.floor(tree.size / 3)));
  const memory = process.memoryUsage();
  const result = {
    node: process.version,
    loadAverage: loadavg()[0] ?? 0,
    entries: ENTRIES,
    wholeLogMs: median(whole),
    firstKeptLoadMs: first,
    keptLoadAfterOneEntryMs: median(next),
    inclusionProofMs: proof,
    heapUsedMB: memory.heapUsed / 2 ** 20,
    arrayBuffersMB: memory.arrayBuffers / 2 ** 20,
  };
  const outDir = new URL('../results/', import.meta.url).pathname;
  mkdirSync(outDir, { recursive: true });
  writeFileSync(`${outDir}audit.json`, `${JSON.stringify(result, null, 2)}\n`);
  const round = (value: number) => value.toFixed(value < 10 ? 2 : 0);
  writeFileSync(
    `${outDir}audit.md`,
    [
      '# Audit proofs on a long log (bench/audit/run.ts)',
      '',
      `Embedded database (PGlite, in memory) holding ${ENTRIES.toLocaleString('en')} audit entries; ` +
        `${process.version}; load average ${result.loadAverage.toFixed(1)} while it ran. Medians of ${RUNS} runs.`,
      '',
      '| what | ms |',
      '| --- | --- |',
      `| the whole log read and hashed into a tree (every proof before; \`parley audit verify\`) | ${round(result.wholeLogMs)} |`,
      `| the first proof's tree in a process (the same, once) | ${round(result.firstKeptLoadMs)} |`,
      `| a proof's tree after one more entry (kept, read on) | ${round(result.keptLoadAfterOneEntryMs)} |`,
      `| an inclusion proof from the tree | ${round(result.inclusionProofMs)} |`,
      '',
      `The kept tree's hashes live in one buffer per level (64 bytes per entry in all): heap ` +
        `${result.heapUsedMB.toFixed(0)} MB, array buffers ${result.arrayBuffersMB.toFixed(0)} MB after the runs.`,
      '',
    ].join('\n'),
  );
  console.log(JSON.stringify(result));
} finally {
  await handle.close();
}

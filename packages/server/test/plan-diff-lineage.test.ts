import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LINEAGE_FIXTURE_DIR, readLineageFixtures, rowKey } from './helpers/lineage-fixtures';

// `parley plan diff OLD NEW --json` through the real bin, on the pairs in testdata/lineage: the
// contract of docs/plan.md and ../shared/DESIGN.md §6 (rows[] with kind, from[].number, to[].number).

const BIN = fileURLToPath(new URL('../bin/parley.js', import.meta.url));

type JsonRow = { kind: string; from: { number: number }[]; to: { number: number }[]; score: number };

const outputs = new Map<string, { rows: JsonRow[] }>();

// One process per pair: each start of the bin costs more than the inference itself.
function planDiff(name: string): { rows: JsonRow[] } {
  const cached = outputs.get(name);
  if (cached !== undefined) return cached;
  const dir = join(LINEAGE_FIXTURE_DIR, name);
  const result = spawnSync(
    process.execPath,
    [BIN, 'plan', 'diff', join(dir, 'old.md'), join(dir, 'new.md'), '--json'],
    { encoding: 'utf8' },
  );
  if (result.status !== 0) throw new Error(`plan diff ${name} exited ${result.status}: ${result.stderr}`);
  const output = JSON.parse(result.stdout) as { rows: JsonRow[] };
  outputs.set(name, output);
  return output;
}

const reduce = (row: JsonRow) =>
  rowKey({ kind: row.kind, from: row.from.map((p) => p.number), to: row.to.map((p) => p.number) });

describe('parley plan diff on files infers the lineage', () => {
  const fixtures = readLineageFixtures();

  it.each(['01-estate-renovation', '02-harbour-festival'])(
    'gives every row of the truth of calibration pair %s, and no other',
    (name) => {
      const truth = fixtures.find((fixture) => fixture.name === name)?.truth ?? [];
      expect(truth.length).toBeGreaterThan(0);
      expect(planDiff(name).rows.map(reduce).sort()).toEqual(truth.map(rowKey).sort());
    },
    30_000,
  );

  it('puts every point of both files in exactly one row, with a score, on every pair', () => {
    for (const fixture of fixtures) {
      const { rows } = planDiff(fixture.name);
      const numbers = (side: 'from' | 'to') =>
        rows.flatMap((row) => row[side].map((point) => point.number)).sort((a, b) => a - b);
      expect(numbers('from'), fixture.name).toEqual(fixture.before.map((point) => point.number));
      expect(numbers('to'), fixture.name).toEqual(fixture.after.map((point) => point.number));
      expect(rows.every((row) => row.score >= 0 && row.score <= 1)).toBe(true);
    }
  }, 120_000);
});

import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LINEAGE_FIXTURE_DIR, readLineageFixtures, rowKey } from './helpers/lineage-fixtures';
import { planDiffCommand } from '../src/cli/commands/plan-diff';

// `parley plan diff OLD NEW --json` through the real bin, on the pairs in testdata/lineage: the
// contract of docs/plan.md and ../shared/DESIGN.md §6 (rows[] with kind, from[].number, to[].number).

const BIN = fileURLToPath(new URL('../bin/parley.js', import.meta.url));

type JsonRow = { kind: string; from: { number: number }[]; to: { number: number }[]; score: number };

const pairFiles = (name: string) => [
  join(LINEAGE_FIXTURE_DIR, name, 'old.md'),
  join(LINEAGE_FIXTURE_DIR, name, 'new.md'),
];

/** The real bin, one process per pair. */
function planDiff(name: string): { rows: JsonRow[] } {
  const result = spawnSync(process.execPath, [BIN, 'plan', 'diff', ...pairFiles(name), '--json'], {
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`plan diff ${name} exited ${result.status}: ${result.stderr}`);
  return JSON.parse(result.stdout) as { rows: JsonRow[] };
}

/**
 * The same command run in this process: for the property over every pair, where a process per
 * pair cost a second each to start (24 s in all) for milliseconds of inference.
 */
async function planDiffInProcess(name: string): Promise<{ rows: JsonRow[] }> {
  const printed: string[] = [];
  const exitCode = await planDiffCommand.run([...pairFiles(name), '--json'], {
    out: (text) => printed.push(text),
    err: (text) => printed.push(text),
    isTty: false,
  });
  if (exitCode !== 0) throw new Error(`plan diff ${name} exited ${exitCode}: ${printed.join('\n')}`);
  return JSON.parse(printed.join('')) as { rows: JsonRow[] };
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

  it('puts every point of both files in exactly one row, with a score, on every pair', async () => {
    for (const fixture of fixtures) {
      const { rows } = await planDiffInProcess(fixture.name);
      const numbers = (side: 'from' | 'to') =>
        rows.flatMap((row) => row[side].map((point) => point.number)).sort((a, b) => a - b);
      expect(numbers('from'), fixture.name).toEqual(fixture.before.map((point) => point.number));
      expect(numbers('to'), fixture.name).toEqual(fixture.after.map((point) => point.number));
      expect(rows.every((row) => row.score >= 0 && row.score <= 1)).toBe(true);
    }
  }, 120_000);
});

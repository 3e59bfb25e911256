import { inferLineage, REDLINE_KINDS } from '@parley/core';
import { describe, expect, it } from 'vitest';
import { readLineageFixtures, rowKey } from './helpers/lineage-fixtures';

// Accuracy of the lineage inference over every pair in testdata/lineage (issue 11: at least 95 %
// of the rows right on every kind). The figures print with
// `npx vitest run packages/server/test/lineage-accuracy.test.ts`.

const fixtures = readLineageFixtures();

describe('inferLineage on the fixture pairs (testdata/lineage)', () => {
  it.each(fixtures.map((fixture) => [fixture.name, fixture] as const))(
    '%s: every point of both texts is in exactly one row',
    (_, fixture) => {
      const { rows } = inferLineage(fixture.before, fixture.after);
      const from = rows.flatMap((row) => row.from).sort((a, b) => a - b);
      const to = rows.flatMap((row) => row.to).sort((a, b) => a - b);
      expect(from).toEqual(fixture.before.map((point) => point.number));
      expect(to).toEqual(fixture.after.map((point) => point.number));
    },
  );

  it('finds at least 95 % of the rows of every kind over all pairs', () => {
    const right = new Map<string, number>();
    const total = new Map<string, number>();
    const wrong: string[] = [];
    for (const fixture of fixtures) {
      const found = new Set(inferLineage(fixture.before, fixture.after).rows.map(rowKey));
      for (const row of fixture.truth) {
        total.set(row.kind, (total.get(row.kind) ?? 0) + 1);
        if (found.has(rowKey(row))) right.set(row.kind, (right.get(row.kind) ?? 0) + 1);
        else wrong.push(`${fixture.name}: ${rowKey(row)}`);
      }
    }
    const accuracy = Object.fromEntries(
      REDLINE_KINDS.filter((kind) => total.has(kind)).map((kind) => [
        kind,
        `${right.get(kind) ?? 0}/${total.get(kind) ?? 0}`,
      ]),
    );
    // Printed so that the figures can be quoted in reports.
    process.stdout.write(`lineage accuracy per kind: ${JSON.stringify(accuracy)}\n`);
    for (const kind of total.keys())
      expect(
        (right.get(kind) ?? 0) / (total.get(kind) ?? 1),
        `${kind}; missed: ${wrong.join(' | ')}`,
      ).toBeGreaterThanOrEqual(0.95);
  });

  it('gives every row of the calibration pairs exactly', () => {
    for (const fixture of fixtures.filter((entry) => /^0[12]-/.test(entry.name)))
      expect(inferLineage(fixture.before, fixture.after).rows.map(rowKey).sort()).toEqual(
        fixture.truth.map(rowKey).sort(),
      );
  });
});

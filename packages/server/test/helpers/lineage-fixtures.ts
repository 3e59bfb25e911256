import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { parsePlanText, type ParsedPoint, type RedlineKind } from '@parley/core';

/** A row of a truth.json: point numbers in the old and the new text. */
export type TruthRow = { kind: RedlineKind; from: number[]; to: number[] };
export type LineageFixture = { name: string; before: ParsedPoint[]; after: ParsedPoint[]; truth: TruthRow[] };

/** testdata/lineage at the repository root (see the README there for where each pair comes from). */
export const LINEAGE_FIXTURE_DIR = fileURLToPath(new URL('../../../../testdata/lineage', import.meta.url));

export function readLineageFixtures(): LineageFixture[] {
  return readdirSync(LINEAGE_FIXTURE_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const read = (file: string) => {
        const parsed = parsePlanText(readFileSync(join(LINEAGE_FIXTURE_DIR, name, file), 'utf8'));
        if (!parsed.ok)
          throw new Error(`${name}/${file}: ${parsed.problems.map((p) => p.message).join('; ')}`);
        return [...parsed.value.points];
      };
      const truth = JSON.parse(readFileSync(join(LINEAGE_FIXTURE_DIR, name, 'truth.json'), 'utf8')) as {
        rows: TruthRow[];
      };
      return { name, before: read('old.md'), after: read('new.md'), truth: truth.rows };
    });
}

/** A row reduced as the README of the calibration pairs says: kind and sorted numbers. */
export function rowKey(row: { kind: string; from: readonly number[]; to: readonly number[] }): string {
  const sorted = (numbers: readonly number[]) => [...numbers].sort((a, b) => a - b).join(',');
  return `${row.kind} ${sorted(row.from)} → ${sorted(row.to)}`;
}

import { describe, expect, it } from 'vitest';
import type { VersionWithLineage } from '../../schemas/plan';
import {
  parseOperations,
  planVersion,
  pointId,
  UKRAINE,
  versionId,
  type OperationInput,
} from '../plan-fixture.test-data';
import { applyOperations } from './apply-operations';
import { checkLineage } from './check-lineage';
import { pointHistory } from './point-history';

const draft = planVersion({
  id: 'draft',
  parentId: null,
  label: 'draft',
  points: ['Ceasefire now.', 'Monitors deploy.', 'Elections soon.'].map((text, i) => ({
    pointId: `p${i + 1}`,
    number: i + 1,
    title: '',
    text,
    topic: null,
  })),
});

function next(parent: VersionWithLineage, id: string, operations: OperationInput[]): VersionWithLineage {
  const result = applyOperations({
    parent: parent.version,
    child: { id: versionId(id), label: id },
    operations: parseOperations(operations),
  });
  if (!result.ok) throw new Error(result.problems[0]?.message);
  return { version: result.value.version, edges: [...result.value.edges] };
}

describe('pointHistory', () => {
  const v1: VersionWithLineage = { version: draft, edges: [] };
  const v2 = next(v1, 'geneva', [
    {
      kind: 'merge',
      pointIds: ['p1', 'p2'],
      into: { pointId: 'p1', title: '', text: 'Ceasefire with monitors.' },
      roundId: 'r-geneva',
    },
  ]);
  const v3 = next(v2, 'florida', [
    {
      kind: 'amend',
      pointId: 'p1',
      text: 'Ceasefire with international monitors.',
      proposedBy: UKRAINE,
    },
  ]);

  it('follows a point through a merge and an amendment, oldest first', () => {
    const history = pointHistory([v3, v1, v2], { pointId: pointId('p1'), versionId: versionId('florida') });
    expect(history.map((h) => [h.versionId, h.pointId, h.change, h.revision?.text ?? null])).toEqual([
      ['draft', 'p1', 'created', 'Ceasefire now.'],
      ['draft', 'p2', 'created', 'Monitors deploy.'],
      ['geneva', 'p1', 'merge', 'Ceasefire with monitors.'],
      ['geneva', 'p2', 'merge', null],
      ['florida', 'p1', 'amend', 'Ceasefire with international monitors.'],
    ]);
    expect(history[2]).toMatchObject({ from: ['p1', 'p2'], roundId: 'r-geneva' });
    expect(history[4]?.proposedBy).toBe(UKRAINE);
  });

  it('shows an untouched point as kept and renumbered points with their new number', () => {
    const history = pointHistory([v1, v2, v3], { pointId: pointId('p3'), versionId: versionId('florida') });
    expect(history.map((h) => [h.versionId, h.change, h.revision?.number])).toEqual([
      ['draft', 'created', 3],
      ['geneva', 'renumber', 2],
      ['florida', 'keep', 2],
    ]);
  });
});

describe('pointHistory after a split', () => {
  const v1: VersionWithLineage = { version: draft, edges: [] };
  const v2 = next(v1, 'split', [
    {
      kind: 'split',
      pointId: 'p2',
      into: [
        { pointId: 'p2', title: '', text: 'Monitors deploy on the line.' },
        { pointId: 's2', title: '', text: 'Monitors report weekly.' },
      ],
    },
  ]);
  const v3 = next(v2, 'later', [
    { kind: 'amend', pointId: 'p2', text: 'Monitors deploy along the whole line.' },
  ]);

  it("lists the half it follows and its source, never the other half's later revisions", () => {
    const history = pointHistory([v1, v2, v3], { pointId: pointId('s2'), versionId: versionId('later') });
    // A walk-through found the half that kept the old id, amended later, in this half's history.
    expect(history.map((h) => [h.versionId, h.pointId, h.change, h.revision?.text ?? null])).toEqual([
      ['draft', 'p2', 'created', 'Monitors deploy.'],
      ['split', 's2', 'split', 'Monitors report weekly.'],
      ['later', 's2', 'keep', 'Monitors report weekly.'],
    ]);
  });

  it('still follows the half that kept the id, with its amendment', () => {
    const history = pointHistory([v1, v2, v3], { pointId: pointId('p2'), versionId: versionId('later') });
    expect(history.map((h) => [h.versionId, h.pointId, h.change])).toEqual([
      ['draft', 'p2', 'created'],
      ['split', 'p2', 'split'],
      ['later', 'p2', 'amend'],
    ]);
  });
});

describe('pointHistory after a restructuring', () => {
  // Points 1 and 2 regrouped into two new ones, recorded as the lineage map makes it: one edge per
  // new point, from the old points linked to it (1 + 2 → x, 2 → y).
  const v1: VersionWithLineage = { version: draft, edges: [] };
  const edge = (kind: 'merge' | 'split', from: string[], to: string) => ({
    fromVersionId: versionId('draft'),
    toVersionId: versionId('regrouped'),
    kind,
    from: from.map(pointId),
    to: [pointId(to)],
    proposedBy: null,
    roundId: null,
    amendmentId: null,
  });
  const v2: VersionWithLineage = {
    version: planVersion({
      id: 'regrouped',
      parentId: 'draft',
      label: 'regrouped',
      points: [
        { pointId: 'x', number: 1, title: '', text: 'Ceasefire now, monitors deploy.', topic: null },
        { pointId: 'y', number: 2, title: '', text: 'Monitors report weekly.', topic: null },
        { pointId: 'p3', number: 3, title: '', text: 'Elections soon.', topic: null },
      ],
    }),
    edges: [edge('merge', ['p1', 'p2'], 'x'), edge('split', ['p2'], 'y')],
  };

  it('calls every new point and every old one of the regrouping restructured, not merged or split', () => {
    const history = pointHistory([v1, v2], { pointId: pointId('x'), versionId: versionId('regrouped') });
    // A walk-through read "merged into this point" for a point whose clauses went to two new ones.
    expect(history.map((h) => [h.versionId, h.pointId, h.change])).toEqual([
      ['draft', 'p1', 'created'],
      ['draft', 'p2', 'created'],
      ['regrouped', 'x', 'restructure'],
      ['regrouped', 'p1', 'restructure'],
      ['regrouped', 'p2', 'restructure'],
    ]);
    const other = pointHistory([v1, v2], { pointId: pointId('y'), versionId: versionId('regrouped') });
    expect(other.map((h) => h.change)).toEqual(['created', 'restructure', 'restructure']);
  });

  it('keeps a plain merge a merge', () => {
    const merged = { ...v2, edges: [edge('merge', ['p1', 'p2'], 'x')] };
    const history = pointHistory([v1, merged], { pointId: pointId('x'), versionId: versionId('regrouped') });
    expect(history.map((h) => h.change)).toEqual(['created', 'created', 'merge', 'merge', 'merge']);
  });
});

describe('checkLineage', () => {
  const node = (id: string, parentId: string | null, label: string) => ({
    id: versionId(id),
    parentId: parentId === null ? null : versionId(parentId),
    label,
  });

  it('accepts a tree of versions', () => {
    expect(checkLineage([node('a', null, 'A'), node('b', 'a', 'B'), node('c', 'a', 'C')])).toEqual({
      ok: true,
      value: true,
    });
  });

  it('names a cycle once and a missing parent', () => {
    const result = checkLineage([
      node('a', 'c', 'A'),
      node('b', 'a', 'B'),
      node('c', 'b', 'C'),
      node('d', 'x', 'D'),
    ]);
    expect(result).toEqual({
      ok: false,
      problems: [
        { code: 'lineage-cycle', message: 'versions "A" → "C" → "B" → "A" form a cycle' },
        { code: 'missing-parent', message: 'version "D" names a parent x that does not exist' },
      ],
    });
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PlanVersion } from '../../schemas/plan';
import {
  parseOperations,
  UKRAINE,
  planVersion,
  pointId,
  versionId,
  type OperationInput,
} from '../plan-fixture.test-data';
import { applyOperations, type AppliedVersion } from './apply-operations';

const CHILD = { id: versionId('v2'), label: 'v2' };

function version(id: string, count: number, parentId: string | null = null): PlanVersion {
  return planVersion({
    id,
    parentId,
    label: id,
    points: Array.from({ length: count }, (_, i) => ({
      pointId: `p${i + 1}`,
      number: i + 1,
      title: `Title ${i + 1}`,
      text: `Text of point ${i + 1}.`,
      topic: i < 2 ? 'ceasefire' : 'territory',
    })),
  });
}

function applied(parent: PlanVersion, operations: OperationInput[], history?: PlanVersion[]): AppliedVersion {
  const result = applyOperations({
    parent,
    child: CHILD,
    operations: parseOperations(operations),
    ...(history ? { history } : {}),
  });
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  return result.value;
}

function codes(parent: PlanVersion, operations: OperationInput[], history?: PlanVersion[]): string[] {
  const result = applyOperations({
    parent,
    child: CHILD,
    operations: parseOperations(operations),
    ...(history ? { history } : {}),
  });
  if (result.ok) throw new Error('expected problems');
  return result.problems.map((p) => `${p.code}: ${p.message}`);
}

const numbered = (v: PlanVersion) => v.points.map((p) => `${p.number}:${p.pointId}`);

describe('applyOperations', () => {
  it('amends a point in place, keeps its identity and records who proposed it in which round', () => {
    const { version: child, edges } = applied(version('v1', 3), [
      {
        kind: 'amend',
        pointId: 'p2',
        text: 'Softer text.',
        proposedBy: UKRAINE,
        roundId: 'geneva',
      },
    ]);
    expect(child.points[1]).toEqual({
      pointId: 'p2',
      number: 2,
      title: 'Title 2',
      text: 'Softer text.',
      topic: 'ceasefire',
    });
    expect(child.parentId).toBe('v1');
    expect(edges).toEqual([
      {
        fromVersionId: 'v1',
        toVersionId: 'v2',
        kind: 'amend',
        from: ['p2'],
        to: ['p2'],
        proposedBy: UKRAINE,
        roundId: 'geneva',
        amendmentId: null,
      },
    ]);
  });

  it('merges many points into one placed where the first of them stood, and renumbers the rest', () => {
    const { version: child, edges } = applied(version('v1', 5), [
      { kind: 'merge', pointIds: ['p4', 'p2'], into: { pointId: 'm1', title: 'Merged', text: 'Both.' } },
    ]);
    expect(numbered(child)).toEqual(['1:p1', '2:m1', '3:p3', '4:p5']);
    expect(child.points[1]?.topic).toBe('ceasefire');
    expect(edges.map((e) => [e.kind, e.from, e.to])).toEqual([
      ['merge', ['p4', 'p2'], ['m1']],
      ['renumber', ['p5'], ['p5']],
    ]);
  });

  it('lets a merge keep the identity of one of its sources', () => {
    const { version: child } = applied(version('v1', 3), [
      { kind: 'merge', pointIds: ['p1', 'p3'], into: { pointId: 'p1', title: 'T', text: 'Joined.' } },
    ]);
    expect(numbered(child)).toEqual(['1:p1', '2:p2']);
  });

  it('splits one point into several in its place', () => {
    const { version: child, edges } = applied(version('v1', 3), [
      {
        kind: 'split',
        pointId: 'p2',
        into: [
          { pointId: 'p2', title: 'A', text: 'a.' },
          { pointId: 's2', title: 'B', text: 'b.' },
        ],
      },
    ]);
    expect(numbered(child)).toEqual(['1:p1', '2:p2', '3:s2', '4:p3']);
    expect(edges[0]).toMatchObject({ kind: 'split', from: ['p2'], to: ['p2', 's2'] });
  });

  it('drops, adds after a point or at the top, and moves points', () => {
    const { version: child, edges } = applied(version('v1', 4), [
      { kind: 'drop', pointId: 'p1' },
      { kind: 'add', point: { pointId: 'n1', title: 'New', text: 'New text.' }, after: 'p3' },
      { kind: 'add', point: { pointId: 'n0', title: 'Top', text: 'Top text.' }, after: null },
      { kind: 'move', pointId: 'p4', after: 'n0' },
    ]);
    expect(numbered(child)).toEqual(['1:n0', '2:p4', '3:p2', '4:p3', '5:n1']);
    expect(edges.map((e) => `${e.kind} ${[...e.from, ...e.to][0]}`)).toEqual([
      'drop p1',
      'add n1',
      'add n0',
      'renumber p4',
      'renumber p2',
      'renumber p3',
    ]);
  });

  it('records no edge for a point that kept its text and number', () => {
    const { edges } = applied(version('v1', 3), [{ kind: 'amend', pointId: 'p3', text: 'Changed.' }]);
    expect(edges.flatMap((e) => e.to)).toEqual(['p3']);
  });
});

describe('applyOperations — bad input names the problem and changes nothing', () => {
  const v1 = version('v1', 4);
  const v2 = applied(v1, [{ kind: 'drop', pointId: 'p4' }]).version;
  const other: PlanVersion = {
    ...version('w1', 2),
    label: 'rival draft',
    points: [{ pointId: pointId('q1'), number: 1, title: '', text: 'x.', topic: null }],
  };
  const parent = { ...v2, id: versionId('v2b'), label: 'after drop' };
  const history = [v1, parent, other];

  it('rejects amending a point dropped in an earlier version', () => {
    expect(codes(parent, [{ kind: 'amend', pointId: 'p4', text: 'Revive.' }], history)).toEqual([
      'point-dropped: operation 1: point p4 is no longer in "after drop" (it was in "v1"), so it cannot be changed',
    ]);
  });

  it('rejects amending a point dropped by an earlier operation of the same batch', () => {
    expect(
      codes(v1, [
        { kind: 'drop', pointId: 'p2' },
        { kind: 'amend', pointId: 'p2', text: 'x.' },
      ])[0],
    ).toBe(
      'point-dropped: operation 2: point p2 was already dropped, merged or split by an earlier operation, so it cannot be changed',
    );
  });

  it('rejects merging points from two different versions', () => {
    expect(
      codes(
        parent,
        [{ kind: 'merge', pointIds: ['p1', 'q1'], into: { pointId: 'm', title: '', text: 'x.' } }],
        history,
      ),
    ).toEqual([
      'merge-across-versions: operation 1: a merge takes points of one version; point q1 belongs to "rival draft", not to "after drop"',
    ]);
  });

  it('rejects unknown points, reused ids, empty text and amendments that change nothing — all at once', () => {
    expect(
      codes(v1, [
        { kind: 'drop', pointId: 'zz' },
        { kind: 'add', point: { pointId: 'p2', title: '', text: 'dup.' }, after: null },
        { kind: 'add', point: { pointId: 'e', title: '', text: '  ' }, after: null },
        { kind: 'amend', pointId: 'p1', text: 'Text of point 1.' },
      ]).map((line) => line.split(':')[0]),
    ).toEqual(['unknown-point', 'duplicate-point', 'empty-point', 'no-change']);
  });

  it('rejects a child that is already an ancestor of its parent (a lineage cycle)', () => {
    const result = applyOperations({
      parent,
      child: { id: versionId('v1'), label: 'v1' },
      operations: [],
      history,
    });
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          code: 'lineage-cycle',
          message: 'version "v1" cannot descend from "after drop": it is already one of its ancestors',
        },
      ],
    });
  });
});

const arbOperation = (ids: readonly string[]) => {
  const id = fc.constantFrom(...ids, 'ghost');
  const fresh = fc.integer({ min: 1, max: 1000 }).map((n) => `new${n}`);
  return fc.oneof(
    fc.record({ kind: fc.constant('amend' as const), pointId: id, text: fc.constantFrom('A.', 'B.') }),
    fc.record({ kind: fc.constant('drop' as const), pointId: id }),
    fc.record({ kind: fc.constant('move' as const), pointId: id, after: fc.option(id, { nil: null }) }),
    fc.record({
      kind: fc.constant('add' as const),
      point: fresh.map((pointId) => ({ pointId, title: '', text: 'N.' })),
      after: fc.option(id, { nil: null }),
    }),
    fc.tuple(id, id, fresh).map(([a, b, into]) => ({
      kind: 'merge' as const,
      pointIds: [a, b],
      into: { pointId: into, title: '', text: 'M.' },
    })),
    fc.tuple(id, fresh, fresh).map(([pointId, a, b]) => ({
      kind: 'split' as const,
      pointId,
      into: [
        { pointId: a, title: '', text: 'S1.' },
        { pointId: b, title: '', text: 'S2.' },
      ],
    })),
  );
};

describe('applyOperations — invariants over random operation lists', () => {
  it('numbers points 1..n with unique ids, and every point that came or went has an edge', () => {
    const parent = version('v1', 6);
    fc.assert(
      fc.property(
        fc.array(arbOperation(parent.points.map((p) => p.pointId)), { maxLength: 8 }),
        (operations) => {
          const result = applyOperations({ parent, child: CHILD, operations: parseOperations(operations) });
          if (!result.ok) return;
          const { version: child, edges } = result.value;
          expect(child.points.map((p) => p.number)).toEqual(child.points.map((_, i) => i + 1));
          expect(new Set(child.points.map((p) => p.pointId)).size).toBe(child.points.length);
          const childIds = new Set(child.points.map((p) => p.pointId));
          const gone = parent.points.filter((p) => !childIds.has(p.pointId)).map((p) => p.pointId);
          const born = child.points
            .filter((p) => !parent.points.some((q) => q.pointId === p.pointId))
            .map((p) => p.pointId);
          const leaving = new Set(
            edges.filter((e) => e.kind !== 'renumber' && e.kind !== 'amend').flatMap((e) => e.from),
          );
          const arriving = new Set(
            edges.filter((e) => e.kind !== 'renumber' && e.kind !== 'amend').flatMap((e) => e.to),
          );
          for (const id of gone) expect(leaving.has(id)).toBe(true);
          for (const id of born) expect(arriving.has(id)).toBe(true);
        },
      ),
      { numRuns: 300, seed: 5 },
    );
  });
});

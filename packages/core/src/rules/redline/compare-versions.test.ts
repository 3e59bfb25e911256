import { describe, expect, it } from 'vitest';
import type { VersionWithLineage } from '../../schemas/plan';
import { applyOperations } from '../lineage/apply-operations';
import { parseOperations, planVersion, versionId, type OperationInput } from '../plan-fixture.test-data';
import { compareVersions, type Redline } from './compare-versions';
import { formatRedline } from './format-redline';

const root = planVersion({
  id: 'v1',
  parentId: null,
  label: 'Draft',
  points: [
    'All hostilities stop at once.',
    'Monitors deploy along the line.',
    'Forces are capped at a fixed number.',
    'Sanctions are lifted in stages.',
    'Elections are held within 100 days.',
  ].map((text, i) => ({ pointId: `p${i + 1}`, number: i + 1, title: `T${i + 1}`, text, topic: null })),
});

function child(parent: VersionWithLineage, id: string, operations: OperationInput[]): VersionWithLineage {
  const result = applyOperations({
    parent: parent.version,
    child: { id: versionId(id), label: id },
    operations: parseOperations(operations),
  });
  if (!result.ok) throw new Error(result.problems[0]?.message);
  return { version: result.value.version, edges: [...result.value.edges] };
}

function redline(versions: VersionWithLineage[], fromId: string, toId: string): Redline {
  const result = compareVersions(versions, { fromId: versionId(fromId), toId: versionId(toId) });
  if (!result.ok) throw new Error(result.problems[0]?.message);
  return result.value;
}

const v1: VersionWithLineage = { version: root, edges: [] };
const v2 = child(v1, 'v2', [
  {
    kind: 'merge',
    pointIds: ['p1', 'p2'],
    into: {
      pointId: 'm12',
      title: 'Ceasefire',
      text: 'All hostilities stop once monitors deploy along the line.',
    },
  },
  { kind: 'drop', pointId: 'p4' },
]);
const v3 = child(v2, 'v3', [
  { kind: 'amend', pointId: 'p3', text: 'Forces are capped at a number agreed later.' },
  { kind: 'add', point: { pointId: 'n1', title: 'Amnesty', text: 'A full amnesty applies.' }, after: 'p3' },
]);
const w2 = child(v1, 'w2', [
  {
    kind: 'split',
    pointId: 'p5',
    into: [
      { pointId: 'p5', title: 'T5', text: 'Elections are held.' },
      { pointId: 's5', title: 'Timing', text: 'Within 100 days.' },
    ],
  },
]);
const all = [v1, v2, v3, w2];

describe('compareVersions', () => {
  it('maps a merge, a drop and a renumber between parent and child, in old order', () => {
    const result = redline(all, 'v1', 'v2');
    expect(
      result.rows.map((row) => [row.kind, row.from.map((p) => p.number), row.to.map((p) => p.number)]),
    ).toEqual([
      ['merged', [1, 2], [1]],
      ['renumbered', [3], [2]],
      ['dropped', [4], []],
      ['renumbered', [5], [3]],
    ]);
    expect(result.from.points).toBe(5);
    expect(result.to.points).toBe(3);
    expect(result.counts).toMatchObject({ merged: 1, dropped: 1, renumbered: 2, amended: 0 });
  });

  it('composes lineage across intermediate versions and diffs word by word', () => {
    const result = redline(all, 'v1', 'v3');
    expect(result.rows.map((row) => row.kind)).toEqual([
      'merged',
      'amended',
      'added',
      'dropped',
      'renumbered',
    ]);
    const amended = result.rows[1];
    expect(amended?.text.filter((part) => part.op !== 'equal').map((part) => [part.op, part.text])).toEqual([
      ['delete', 'fixed '],
      ['insert', 'agreed later'],
    ]);
    // the parts re-assemble the new text exactly and the old one up to whitespace
    const squash = (text: string) => text.replace(/\s+/g, ' ').replace(/ ([.,;])/g, '$1');
    expect(
      squash(
        amended?.text
          .filter((p) => p.op !== 'insert')
          .map((p) => p.text)
          .join('') ?? '',
      ),
    ).toBe('Forces are capped at a fixed number.');
    expect(
      amended?.text
        .filter((p) => p.op !== 'delete')
        .map((p) => p.text)
        .join(''),
    ).toBe('Forces are capped at a number agreed later.');
  });

  it('reads backwards (newer → older) as the mirror image', () => {
    const result = redline(all, 'v3', 'v1');
    expect(result.rows.map((row) => row.kind)).toEqual([
      'split',
      'amended',
      'added',
      'dropped',
      'renumbered',
    ]);
  });

  it('compares sibling versions through their common ancestor', () => {
    const result = redline(all, 'v3', 'w2');
    expect(
      result.rows.map((row) => [row.kind, row.from.map((p) => p.pointId), row.to.map((p) => p.pointId)]),
    ).toEqual([
      ['split', ['m12'], ['p1', 'p2']],
      ['amended', ['p3'], ['p3']],
      ['added', [], ['p4']],
      ['dropped', ['n1'], []],
      ['split', ['p5'], ['p5', 's5']],
    ]);
  });

  it('shows a version against itself as unchanged and carries labels', () => {
    const result = compareVersions(all, {
      fromId: versionId('v2'),
      toId: versionId('v2'),
      labels: { m12: ['deferred to leaders'] },
    });
    if (!result.ok) throw new Error('expected a redline');
    expect(result.value.rows.every((row) => row.kind === 'unchanged')).toBe(true);
    expect(result.value.rows[0]?.labels).toEqual(['deferred to leaders']);
  });

  it('names an unknown version', () => {
    expect(compareVersions(all, { fromId: versionId('v1'), toId: versionId('nope') })).toEqual({
      ok: false,
      problems: [{ code: 'unknown-version', message: 'there is no version nope in this plan' }],
    });
  });

  it('formats a terminal redline with markers and a summary', () => {
    const text = formatRedline(redline(all, 'v1', 'v3'));
    expect(text).toContain('Draft (5 points) → v3 (4 points)');
    expect(text).toContain('1 renumbered, 1 amended, 1 merged, 1 dropped, 1 added');
    expect(text).toContain('1+2 → 1  MERGED  Ceasefire');
    expect(text).toContain('[-fixed -]');
    expect(text).toMatch(/\{\+.*later\+\}/);
  });
});

import { describe, expect, it } from 'vitest';
import { planVersion, pointId, versionId } from '../plan-fixture.test-data';
import type { ParsedPoint } from '../plan-text/parse-plan-text';
import { compareVersions } from '../redline/compare-versions';
import { versionFromLineageMap } from './version-from-lineage-map';

const parent = planVersion({
  id: 'v1',
  parentId: null,
  label: 'First draft',
  points: ['Ceasefire now.', 'Monitors deploy.', 'Prisoners go home.', 'Elections soon.'].map(
    (text, index) => ({ pointId: `p${index + 1}`, number: index + 1, title: '', text, topic: null }),
  ),
});
const parsed = (texts: string[]): ParsedPoint[] =>
  texts.map((text, index) => ({ number: index + 1, title: '', text, topic: null, line: index + 1 }));

function make(texts: string[], links: { from: string; to: number }[]) {
  let next = 0;
  return versionFromLineageMap({
    parent,
    points: parsed(texts),
    links: links.map((link) => ({ from: pointId(link.from), to: link.to })),
    child: { id: versionId('v2'), label: 'Second draft' },
    newPointId: () => pointId(`new-${(next += 1)}`),
  });
}

describe('versionFromLineageMap', () => {
  it('keeps identities one to one, merges with a new id, drops and adds', () => {
    const result = make(
      ['Ceasefire now, with monitors.', 'Elections soon.', 'A joint commission.'],
      [
        { from: 'p1', to: 1 },
        { from: 'p2', to: 1 },
        { from: 'p4', to: 2 },
      ],
    );
    if (!result.ok) throw new Error(result.problems.map((problem) => problem.message).join('; '));
    expect(result.value.version.points.map((point) => point.pointId)).toEqual(['new-1', 'p4', 'new-2']);
    expect(result.value.edges.map((edge) => [edge.kind, edge.from, edge.to])).toEqual([
      ['drop', ['p3'], []],
      ['merge', ['p1', 'p2'], ['new-1']],
      ['renumber', ['p4'], ['p4']],
      ['add', [], ['new-2']],
    ]);
  });

  it('records a restructuring as confirmed: each new point from just the old points linked to it', () => {
    // 1 and 2 became new 1; 2 and 3 became new 2: one group 1 + 2 + 3 → 1 + 2, but old 3 is no
    // source of new 1, so nothing held on old 3 may follow onto new 1.
    const result = make(
      ['Ceasefire now, with monitors.', 'Monitors see prisoners go home.', 'Elections soon.'],
      [
        { from: 'p1', to: 1 },
        { from: 'p2', to: 1 },
        { from: 'p2', to: 2 },
        { from: 'p3', to: 2 },
        { from: 'p4', to: 3 },
      ],
    );
    if (!result.ok) throw new Error(result.problems.map((problem) => problem.message).join('; '));
    expect(result.value.version.points.map((point) => point.pointId)).toEqual(['new-1', 'new-2', 'p4']);
    expect(result.value.edges.map((edge) => [edge.kind, edge.from, edge.to])).toEqual([
      ['merge', ['p1', 'p2'], ['new-1']],
      ['merge', ['p2', 'p3'], ['new-2']],
      ['renumber', ['p4'], ['p4']],
    ]);
    const comparison = compareVersions(
      [
        { version: parent, edges: [] },
        { version: result.value.version, edges: [...result.value.edges] },
      ],
      {
        fromId: parent.id,
        toId: result.value.version.id,
      },
    );
    if (!comparison.ok) throw new Error('expected a redline');
    expect(
      comparison.value.rows.map((row) => [
        row.kind,
        row.from.map((point) => point.number),
        row.to.map((point) => point.number),
      ]),
    ).toEqual([
      ['restructured', [1, 2, 3], [1, 2]],
      ['renumbered', [4], [3]],
    ]);
  });

  it('lets a split keep the identity in its first part and records an amendment', () => {
    const result = make(
      ['Ceasefire now.', 'Monitors deploy', 'within a week.', 'Prisoners go home.', 'Vote.'],
      [
        { from: 'p1', to: 1 },
        { from: 'p2', to: 2 },
        { from: 'p2', to: 3 },
        { from: 'p3', to: 4 },
        { from: 'p4', to: 5 },
      ],
    );
    if (!result.ok) throw new Error('expected a version');
    expect(result.value.version.points.map((point) => point.pointId)).toEqual([
      'p1',
      'p2',
      'new-1',
      'p3',
      'p4',
    ]);
    expect(result.value.edges.map((edge) => [edge.kind, edge.from, edge.to])).toEqual([
      ['split', ['p2'], ['p2', 'new-1']],
      ['renumber', ['p3'], ['p3']],
      ['amend', ['p4'], ['p4']],
    ]);
  });

  it('names unknown points, unknown numbers and a link given twice, and makes nothing', () => {
    const result = make(
      ['Ceasefire now.'],
      [
        { from: 'p1', to: 1 },
        { from: 'p1', to: 1 },
        { from: 'p9', to: 2 },
      ],
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((problem) => problem.message)).toEqual([
      'link 2: old point 1 is linked to new point 1 twice',
      'link 3: version "First draft" has no point p9',
      'link 3: the new text has no point 2',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { inferLineage } from './infer-lineage';

describe('inferLineage scores and places', () => {
  const point = (number: number, title: string, text: string) => ({ number, title, text, topic: null });
  const before = [
    point(1, 'Ceasefire', 'All hostilities stop along the line of contact at midnight.'),
    point(2, 'Monitoring', 'An international mission monitors the ceasefire from fixed posts.'),
    point(3, 'Prisoners', 'All prisoners of war are exchanged on an all-for-all basis within 30 days.'),
  ];

  it('scores identical points 1 and marks a point that changed place as moved', () => {
    const after = [before[2], before[0], before[1]].map((p, index) => ({ ...p!, number: index + 1 }));
    const { rows } = inferLineage(before, after);
    expect(rows.map((row) => [row.kind, row.from, row.to, row.score, row.moved])).toEqual([
      ['renumbered', [1], [2], 1, false],
      ['renumbered', [2], [3], 1, false],
      ['renumbered', [3], [1], 1, true],
    ]);
  });

  it('does not pair a dropped point with an unrelated new one', () => {
    const after = [
      before[0]!,
      before[1]!,
      point(3, 'Elections', 'Elections are held within 100 days under international observation.'),
    ];
    expect(
      inferLineage(before, after)
        .rows.map((row) => `${row.kind} ${row.from} → ${row.to}`)
        .sort(),
    ).toEqual(['added  → 3', 'dropped 3 → ', 'unchanged 1 → 1', 'unchanged 2 → 2']);
  });

  it('answers empty sides with only added or only dropped rows', () => {
    expect(inferLineage([], before).counts.added).toBe(3);
    expect(inferLineage(before, []).counts.dropped).toBe(3);
    expect(inferLineage([], []).rows).toEqual([]);
  });
});

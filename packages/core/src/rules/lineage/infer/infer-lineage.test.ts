import { describe, expect, it } from 'vitest';
import { inferLineage } from './infer-lineage';

describe('inferLineage scores and places', () => {
  const point = (number: number, title: string, text: string) => ({ number, title, text, topic: null });
  const before = [
    point(1, 'Ceasefire', 'All hostilities stop along the line of contact at midnight.'),
    point(2, 'Monitoring', 'An international mission monitors the ceasefire from fixed posts.'),
    point(
      3,
      'Prisoners of war',
      'All prisoners of war are exchanged on an all-for-all basis within 30 days.',
    ),
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

  it('pairs a point rewritten from end to end by the heading it kept, and only by a heading of its own', () => {
    // A new point before it and the next two moved down: nothing but the heading ties old 3 to new 3.
    const revision = (title: string) =>
      [
        before[0]!,
        point(0, 'Reconstruction', 'A fund for reconstruction is set up with donor money.'),
        point(
          0,
          title,
          'Every captured combatant goes home, each side releasing all it holds, inside a month.',
        ),
        before[1]!,
        point(0, 'Elections', 'Elections are held within 100 days under international observation.'),
      ].map((p, index) => ({ ...p, number: index + 1 }));
    const withElections = [
      ...before,
      point(4, 'Elections', 'Elections are held within 100 days under international observation.'),
    ];
    const rows = (title: string) =>
      inferLineage(withElections, revision(title)).rows.map((row) => `${row.kind} ${row.from} → ${row.to}`);
    expect(rows('Prisoners of war')).toContain('amended 3 → 3');
    expect(rows('Detained combatants')).toEqual(expect.arrayContaining(['dropped 3 → ', 'added  → 3']));
  });

  it('answers empty sides with only added or only dropped rows', () => {
    expect(inferLineage([], before).counts.added).toBe(3);
    expect(inferLineage(before, []).counts.dropped).toBe(3);
    expect(inferLineage([], []).rows).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { inferenceContext } from './inference-context';
import { inferLineage } from './infer-lineage';
import { joinMovedClause } from './join-moved-clause';
import { LineageLinks } from './lineage-links';
import type { LineageInputPoint } from './lineage-types';
import { point } from './lineage-points.test-data';

const before = [
  point(1, 'Rent', 'The tenant pays a monthly rent of 900 euros on the first day of each month.'),
  point(
    2,
    'Repairs',
    'The landlord repairs the heating and the roof within fourteen days of notice, and the tenant may not paint the walls or drill into the tiles.',
  ),
  point(
    3,
    'Pets',
    'Pets are allowed only with the written permission of the landlord. The owner of a pet pays a cleaning deposit of 200 euros.',
  ),
  point(4, 'Ending the tenancy', 'Either side may end the tenancy with three months of notice.'),
];

const repairs = point(
  2,
  'Repairs',
  'The landlord repairs the heating and the roof within fourteen days of notice.',
);
const deposit = point(4, 'Pet deposit', 'The owner of a pet pays a cleaning deposit of 200 euros.');
const ending = { ...before[3]!, number: 5 };
// New 3 takes old 3's first clause and, reworded, the clause old 2 lost.
const carrier = point(
  3,
  'Pets and alterations',
  'A pet may be kept only with the landlord’s written permission, which is also needed to repaint walls or drill tiles.',
);

// Old 2 amended to new 2 (its walls-and-tiles clause left), old 3 split into new 3 and 4.
function joined(third: LineageInputPoint) {
  const after = [before[0]!, repairs, third, deposit, ending];
  const context = inferenceContext(before, after);
  const links = new LineageLinks(context.before.vectors, context.after.vectors);
  for (const [from, to] of [
    [0, 0],
    [1, 1],
    [2, 2],
    [2, 3],
    [3, 4],
  ] as const)
    links.add({ from, to, score: 1, evidence: 'match' });
  joinMovedClause(context, links);
  return links.links.slice(5).map((link) => [link.from, link.to]);
}

describe('joinMovedClause', () => {
  it('joins an amendment and the split next to it when the split’s part carries the clause the amendment lost', () => {
    expect(joined(carrier)).toEqual([[1, 2]]);
  });

  it('leaves the groups apart when the lost clause is nowhere in the new text', () => {
    const third = point(3, 'Keeping a pet', 'A pet may be kept only with the landlord’s written permission.');
    expect(joined(third)).toEqual([]);
  });

  it('leaves the groups apart when the part shares only what every clause of a lease says', () => {
    const third = point(
      3,
      'Keeping a pet',
      'A pet may be kept only with the landlord’s written permission, given within fourteen days of notice.',
    );
    expect(joined(third)).toEqual([]);
  });

  it('leaves the groups apart when the part resembles the amended point only in words its successor kept', () => {
    const third = point(
      3,
      'Keeping a pet',
      'A pet may be kept only with the landlord’s written permission; the landlord repairs the heating or the roof when a pet damages them, within fourteen days of notice.',
    );
    expect(joined(third)).toEqual([]);
  });

  it('leaves the groups apart when the words carried over recur elsewhere in the text', () => {
    // Two more points, the same in both versions, use "walls", "tiles" and "drill" too; the part
    // also repeats words old 2 kept, so that the two still resemble each other clearly.
    const more = [
      point(5, 'Decoration', 'Walls may be decorated in any colour, and tiles kept in their pattern.'),
      point(6, 'Bathroom', 'A drill is kept in the cellar for hanging cabinets on walls and tiles.'),
    ];
    const third = point(
      3,
      'Pets and alterations',
      'A pet may be kept only with the landlord’s written permission, which is also needed to repaint walls or drill tiles near the heating or under the roof.',
    );
    const after = [
      before[0]!,
      repairs,
      third,
      deposit,
      ending,
      ...more.map((p) => ({ ...p, number: p.number + 1 })),
    ];
    const context = inferenceContext([...before, ...more], after);
    const links = new LineageLinks(context.before.vectors, context.after.vectors);
    for (const [from, to] of [
      [0, 0],
      [1, 1],
      [2, 2],
      [2, 3],
      [3, 4],
      [4, 5],
      [5, 6],
    ] as const)
      links.add({ from, to, score: 1, evidence: 'match' });
    joinMovedClause(context, links);
    expect(links.links).toHaveLength(7);
  });

  it('leaves groups that do not touch apart, however alike', () => {
    const after = [
      before[0]!,
      repairs,
      deposit,
      point(
        4,
        'Ending the tenancy',
        'Either side may end the tenancy with three months of notice; a tenant who leaves repaints walls and fills drilled tiles.',
      ),
    ];
    const context = inferenceContext(before, after);
    const links = new LineageLinks(context.before.vectors, context.after.vectors);
    for (let index = 0; index < 4; index += 1)
      links.add({ from: index, to: index, score: 1, evidence: 'match' });
    joinMovedClause(context, links);
    expect(links.links).toHaveLength(4);
  });

  it('leaves two amendments apart when all they share beyond their successors is a year', () => {
    // The agreement runs a year longer, and the pay rise gains a step in that year: "2028" leaves
    // the duration and reaches the pay rise, but a date is no clause.
    const agreement = [
      point(1, 'Duration', 'This agreement covers the period from 1 August 2026 to 31 July 2028.'),
      point(2, 'Pay rise', 'Salaries rise by 2.5% on 1 August 2026 and by 2.0% on 1 August 2027.'),
      point(3, 'Working week', 'A full-time teacher works 40 hours a week, of which 25 are lessons.'),
      point(4, 'Holidays', 'Teachers take their leave during the school holidays.'),
    ];
    const after = [
      point(1, 'Duration', 'This agreement covers the period from 1 August 2026 to 31 July 2029.'),
      point(
        2,
        'Pay rise',
        'Salaries rise by 3.0% on 1 August 2026, by 2.5% on 1 August 2027 and by 2.0% on 1 August 2028.',
      ),
      agreement[2]!,
      agreement[3]!,
    ];
    const context = inferenceContext(agreement, after);
    const links = new LineageLinks(context.before.vectors, context.after.vectors);
    for (let index = 0; index < 4; index += 1)
      links.add({ from: index, to: index, score: 1, evidence: 'match' });
    joinMovedClause(context, links);
    expect(links.links).toHaveLength(4);
  });

  it('makes inferLineage report the restructuring instead of an amendment beside a split', () => {
    const after = [before[0]!, repairs, carrier, deposit, ending];
    expect(inferLineage(before, after).rows.map((row) => [row.kind, row.from, row.to])).toContainEqual([
      'restructured',
      [2, 3],
      [2, 3, 4],
    ]);
  });
});

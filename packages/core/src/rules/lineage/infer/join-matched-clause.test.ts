import { describe, expect, it } from 'vitest';
import { inferenceContext } from './inference-context';
import { joinMatchedClause } from './join-matched-clause';
import { LineageLinks } from './lineage-links';
import type { LineageInputPoint } from './lineage-types';
import { point } from './lineage-points.test-data';

// Old 1 holds the routes and the delivery hours, old 3 the road survey and the repairs. The new
// text regroups them: new 1 takes the routes (reworded) and a survey of its own, new 3 the hours
// and the repairs.
const before = [
  point(
    1,
    'Construction traffic',
    'Heavy goods vehicles reach the wind farm site only by the A792 and the new access track, and never through Upper Coldwater village. Deliveries take place between 07.00 and 19.00 on weekdays.',
  ),
  point(2, 'Abnormal loads', 'Turbine blades are delivered at night under police escort.'),
  point(
    3,
    'Road repairs',
    'The company surveys the condition of the roads before construction begins. It repairs any damage caused by its lorries within three months of the end of construction.',
  ),
];
const routes = point(
  1,
  'Construction routes',
  'Lorries travel to the wind farm site solely by the A792 and the new access track, and none pass through Upper Coldwater village.',
);
const hoursAndRepairs = point(
  3,
  'Delivery hours and road damage',
  'Deliveries are limited to 07.00 to 19.00 on weekdays. Any damage caused by its lorries is repaired within three months of the end of construction.',
);

// Old 1 and old 3 merged into new 3 (what the whole-point steps see); new 1 left over.
function joined(after: readonly LineageInputPoint[], made: readonly (readonly [number, number])[]) {
  const context = inferenceContext(before, after);
  const links = new LineageLinks(context.before.vectors, context.after.vectors);
  for (const [from, to] of made) links.add({ from, to, score: 1, evidence: 'match' });
  joinMatchedClause(context, links);
  return links.links.slice(made.length).map((link) => [link.from, link.to]);
}

const merged = [
  [0, 2],
  [1, 1],
  [2, 2],
] as const;

describe('joinMatchedClause', () => {
  it('pulls a point left over into the group that holds the source of its reworded clause', () => {
    expect(joined([routes, before[1]!, hoursAndRepairs], merged)).toEqual([[0, 0]]);
  });

  it('joins two groups when a clause moved between them', () => {
    // Old 1 amended to new 1 and old 3 to new 3, as the matchings see them; the delivery hours
    // travelled from old 1 to new 3.
    expect(
      joined(
        [routes, before[1]!, hoursAndRepairs],
        [
          [0, 0],
          [1, 1],
          [2, 2],
        ],
      ),
    ).toEqual([[0, 2]]);
  });

  it('leaves the point over when its clause only loosely resembles the one it might come from', () => {
    const loose = point(
      1,
      'Construction routes',
      'The wind farm builders agree a traffic plan for the site with the roads authority.',
    );
    expect(joined([loose, before[1]!, hoursAndRepairs], merged)).toEqual([]);
  });

  it('leaves groups apart when the clause alike is closer to one of its own group', () => {
    // New 1 repeats the routes clause, but new 3 keeps a closer copy of it: the clause stayed.
    const keeps = point(
      3,
      'Delivery hours and road damage',
      `${before[0]!.text} Any damage caused by its lorries is repaired within three months of the end of construction.`,
    );
    expect(joined([routes, before[1]!, keeps], merged)).toEqual([]);
  });

  it('leaves groups apart when the clause alike is not the other clause’s closest', () => {
    // Old 4 carries new 1's routes clause word for word and is linked to it: new 1's clause came
    // from there, and old 1's looser version of it is only a likeness.
    const site = point(4, 'Site access', routes.text);
    const context = inferenceContext([...before, site], [routes, before[1]!, hoursAndRepairs]);
    const links = new LineageLinks(context.before.vectors, context.after.vectors);
    for (const [from, to] of [...merged, [3, 0] as const])
      links.add({ from, to, score: 1, evidence: 'match' });
    joinMatchedClause(context, links);
    expect(links.links).toHaveLength(4);
  });

  it('leaves groups apart when the clause alike is written mostly from its own point’s source', () => {
    // New 2 keeps old 2's convoy and only echoes old 1's route ("never through Upper Coldwater
    // village"): a phrase borrowed, not a clause moved.
    const echo = point(
      2,
      'Abnormal loads',
      'Turbine blades are delivered at night and never through Upper Coldwater village.',
    );
    expect(joined([routes, echo, hoursAndRepairs], [...merged, [0, 0]])).toEqual([]);
  });

  it('leaves two points left over to the one-to-one steps', () => {
    expect(joined([routes, before[1]!, hoursAndRepairs], [[1, 1]])).toEqual([]);
  });
});

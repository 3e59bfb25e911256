import { describe, expect, it } from 'vitest';
import { inferenceContext } from './inference-context';
import { inferLineage } from './infer-lineage';
import { joinTracedClause } from './join-traced-clause';
import { LineageLinks } from './lineage-links';
import type { LineageInputPoint } from './lineage-types';
import { point } from './lineage-points.test-data';

const before = [
  point(1, 'School day', 'Lessons start at 8.30 and end at 15.00 from Monday to Friday.'),
  point(
    2,
    'Homework',
    'Pupils receive no more than one hour of homework a day. Teachers mark homework within one week.',
  ),
  point(3, 'Trips', 'Each class makes one school trip a year, paid by the parents’ association.'),
  point(4, 'Uniform', 'Pupils wear the school uniform on all school days.'),
];

const homeworkLimit = point(
  2,
  'Homework limit',
  'No pupil is given more than an hour of homework on any day.',
);
// New 3 keeps old 3's trip and takes, reworded, the marking clause old 2 lost.
const tripsAndMarking = point(
  3,
  'Trips and marking',
  'The parents’ association pays for one class trip each year. Teachers return marked homework to pupils within a week.',
);

// Each old point linked to the new point at its place, as the one-to-one matching leaves them.
function joined(after: readonly LineageInputPoint[]) {
  const context = inferenceContext(before, after);
  const links = new LineageLinks(context.before.vectors, context.after.vectors);
  for (const index of [0, 1, 2, 3]) links.add({ from: index, to: index, score: 1, evidence: 'match' });
  joinTracedClause(context, links);
  return links.links.slice(4).map((link) => [link.from, link.to]);
}

describe('joinTracedClause', () => {
  it('joins two amendments when a clause of one new point comes from the other old point', () => {
    expect(joined([before[0]!, homeworkLimit, tripsAndMarking, before[3]!])).toEqual([[1, 2]]);
  });

  it('leaves them apart when the old point is carried over whole and the clause only echoes it', () => {
    const keptWhole = point(
      2,
      'Homework',
      'Pupils receive at most one hour of homework a day, and teachers mark homework within one week.',
    );
    expect(joined([before[0]!, keptWhole, tripsAndMarking, before[3]!])).toEqual([]);
  });

  it('leaves them apart when the clause is a small part of a long point', () => {
    const longTrips = point(
      3,
      'Trips and marking',
      'The parents’ association pays for one class trip each year to a museum, a theatre or a nature reserve chosen by the pupils’ council after consulting the class tutors and the head of year, with a second trip for the final-year classes, and teachers mark homework.',
    );
    expect(joined([before[0]!, homeworkLimit, longTrips, before[3]!])).toEqual([]);
  });

  it('needs a word the two clauses share with few other points', () => {
    // Teachers, marks and homework recur in other points; only "week" ties the clause to old 2.
    const more = [
      point(5, 'Parents’ evenings', 'Parents meet the teachers twice a year.'),
      point(6, 'Reports', 'The school report gives a mark for each subject.'),
      point(7, 'Holidays', 'No homework is set over the school holidays.'),
    ];
    const traced = (marking: string) => {
      const third = point(
        3,
        'Trips and marking',
        `The parents’ association pays for one class trip each year. ${marking}`,
      );
      const olds = [...before, ...more];
      const news = [before[0]!, homeworkLimit, third, before[3]!, ...more];
      const context = inferenceContext(olds, news);
      const links = new LineageLinks(context.before.vectors, context.after.vectors);
      for (const index of [0, 1, 2, 3, 4, 5, 6])
        links.add({ from: index, to: index, score: 1, evidence: 'match' });
      joinTracedClause(context, links);
      return links.links.slice(7).map((link) => [link.from, link.to]);
    };
    expect(traced('Teachers return marked homework to pupils within a week.')).toEqual([[1, 2]]);
    expect(traced('Teachers return marked homework to pupils promptly.')).toEqual([]);
  });

  it('gives a restructuring 2 → 2 over the whole inference', () => {
    const { rows } = inferLineage(before, [before[0]!, homeworkLimit, tripsAndMarking, before[3]!]);
    expect(rows.map((row) => `${row.kind} ${row.from} → ${row.to}`)).toEqual([
      'unchanged 1 → 1',
      'restructured 2,3 → 2,3',
      'unchanged 4 → 4',
    ]);
  });
});

describe('joinTracedClause with a clause reworded in other words', () => {
  const rosters = [
    point(1, 'Rosters', 'Rosters are published four weeks in advance.'),
    point(
      2,
      'Roster changes',
      'Changes to a published roster need the consent of the employee, except in an emergency.',
    ),
    point(3, 'Overtime', 'Overtime is paid at time and a half.'),
    point(4, 'Leave', 'Employees take 27 days of annual leave a year.'),
  ];
  const revised = [
    point(
      1,
      'Rosters',
      'Rosters are published six weeks ahead. Once out, they may be altered only with the approval of the employee concerned.',
    ),
    point(2, 'Emergencies', 'In an emergency the employer may alter a roster at short notice.'),
    rosters[2]!,
    rosters[3]!,
  ];

  it('traces "changes need consent" to "altered only with the approval"', () => {
    const context = inferenceContext(rosters, revised);
    const links = new LineageLinks(context.before.vectors, context.after.vectors);
    for (const index of [0, 1, 2, 3]) links.add({ from: index, to: index, score: 1, evidence: 'match' });
    joinTracedClause(context, links);
    expect(links.links.slice(4).map((link) => [link.from, link.to])).toEqual([[1, 0]]);
  });
});

describe('joinTracedClause and words shared inside the two groups', () => {
  it('counts a word found only in the points of the two groups as distinctive, however many', () => {
    // "homework" is in old 2, its two successors and new 3: four points, all in the two groups.
    const olds = [
      ...before,
      point(5, 'Parents’ evenings', 'Parents meet the teachers twice a year.'),
      point(6, 'Reports', 'The school report gives a mark for each subject.'),
    ];
    const holidays = point(7, 'Holidays', 'No homework is set over the school holidays.');
    const third = point(
      3,
      'Trips and marking',
      'The parents’ association pays for one class trip each year. Teachers return marked homework to pupils promptly.',
    );
    const news = [before[0]!, homeworkLimit, third, before[3]!, olds[4]!, olds[5]!, holidays];
    const context = inferenceContext(olds, news);
    const links = new LineageLinks(context.before.vectors, context.after.vectors);
    for (const index of [0, 1, 2, 3, 4, 5])
      links.add({ from: index, to: index, score: 1, evidence: 'match' });
    links.add({ from: 1, to: 6, score: 0.3, evidence: 'containment' });
    joinTracedClause(context, links);
    expect(links.links.slice(7).map((link) => [link.from, link.to])).toEqual([[1, 2]]);
  });
});

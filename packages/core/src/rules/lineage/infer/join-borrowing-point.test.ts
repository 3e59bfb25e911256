import { describe, expect, it } from 'vitest';
import { inferenceContext } from './inference-context';
import { inferLineage } from './infer-lineage';
import { joinBorrowingPoint } from './join-borrowing-point';
import { LineageLinks } from './lineage-links';
import type { LineageInputPoint } from './lineage-types';
import { point } from './lineage-points.test-data';

const before = [
  point(1, 'Teaching load', 'No academic member of staff teaches more than 550 hours of classes a year.'),
  point(2, 'Probation', 'The probation period for new lecturers is reduced from three years to two.'),
  point(3, 'Annual leave', 'Staff take 35 days of annual leave, including bank holidays.'),
  point(4, 'Sick pay', 'Sick pay is paid in full for the first six months of absence.'),
];
const after = [
  point(1, 'Teaching load', 'Classes are capped at 550 hours a year for each academic member of staff.'),
  point(2, 'Probation', 'New lecturers serve a probation period of two years instead of three.'),
  point(3, 'Annual leave', 'Staff take 35 days of annual leave, including bank holidays.'),
  point(4, 'Sick pay', 'Sick pay is paid in full for the first six months of absence.'),
];

function borrowed(newPoint: LineageInputPoint) {
  const context = inferenceContext(before, [...after, newPoint]);
  const links = new LineageLinks(context.before.vectors, context.after.vectors);
  for (const index of [0, 1, 2, 3]) links.add({ from: index, to: index, score: 1, evidence: 'match' });
  joinBorrowingPoint(context, links);
  return links.links.slice(4).map((link) => [link.from, link.to]);
}

describe('joinBorrowingPoint', () => {
  it('joins a new point made of two old points to both', () => {
    const support = point(
      5,
      'Support during probation',
      'During their probation, new lecturers teach no more than 400 hours of classes a year, instead of 550 hours.',
    );
    expect(borrowed(support)).toEqual([
      [0, 4],
      [1, 4],
    ]);
  });

  it('leaves a new point that takes from one old point only as added', () => {
    const mentoring = point(
      5,
      'Mentoring',
      'Each new lecturer on probation is given a mentor from another department, who meets them monthly.',
    );
    expect(borrowed(mentoring)).toEqual([]);
  });

  it('gives a restructuring over the whole inference', () => {
    const support = point(
      5,
      'Support during probation',
      'During their probation, new lecturers teach no more than 400 hours of classes a year, instead of 550 hours.',
    );
    const rows = inferLineage(before, [...after, support]).rows;
    expect(rows.map((row) => `${row.kind} ${row.from} → ${row.to}`)).toContain('restructured 1,2 → 1,2,5');
  });

  it('leaves a dropped point dropped when the points it repeats were kept word for word', () => {
    const kept = [
      point(1, 'Annual leave', 'Staff take 35 days of annual leave, including bank holidays.'),
      point(2, 'Sick pay', 'Sick pay is paid in full for the first six months of absence.'),
    ];
    const repeating = point(
      3,
      'Leave and sickness',
      'Annual leave of 35 days, bank holidays included, and full sick pay for six months of absence.',
    );
    const rows = inferLineage([...kept, repeating], kept).rows;
    expect(rows.map((row) => `${row.kind} ${row.from} → ${row.to}`)).toEqual([
      'unchanged 1 → 1',
      'unchanged 2 → 2',
      'dropped 3 → ',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { inferenceContext } from './inference-context';
import { joinNeighbourGroup } from './join-neighbour-group';
import { LineageLinks } from './lineage-links';
import type { LineageInputPoint } from './lineage-types';
import { point } from './lineage-points.test-data';

const before = [
  point(1, 'Portal monitoring', 'Each party may keep a portal monitoring system at one production facility.'),
  point(
    2,
    'Monitoring costs',
    'The monitoring party bears the cost of the portal monitoring system; the monitored party provides electricity and water.',
  ),
  point(3, 'Meetings', 'The commission meets twice a year in Geneva.'),
];

function joined(after: readonly LineageInputPoint[]) {
  const context = inferenceContext(before, after);
  const links = new LineageLinks(context.before.vectors, context.after.vectors);
  links.add({ from: 0, to: 0, score: 1, evidence: 'match' });
  links.add({ from: 1, to: 1, score: 1, evidence: 'match' });
  links.add({ from: 2, to: after.length - 1, score: 1, evidence: 'match' });
  joinNeighbourGroup(context, links);
  return links.links.map((link) => [link.from, link.to]);
}

describe('joinNeighbourGroup', () => {
  it('joins the reworded second part of a split to its sibling’s source', () => {
    const after = [
      before[0]!,
      point(2, 'Monitoring costs', 'The monitoring party bears the cost of the portal monitoring system.'),
      point(3, 'Utilities', 'Electricity and water are provided by the monitored party at cost.'),
      { ...before[2]!, number: 4 },
    ];
    expect(joined(after)).toContainEqual([1, 2]);
  });

  it('leaves an added point worded like its neighbour alone when the neighbour carried over whole', () => {
    const after = [
      before[0]!,
      point(
        2,
        'Monitoring costs',
        'The monitoring party bears the cost of the portal monitoring system; the monitored party provides electricity, water and roads.',
      ),
      point(
        3,
        'Monitoring data',
        'The monitoring party shares the data of the portal monitoring system every month.',
      ),
      { ...before[2]!, number: 4 },
    ];
    expect(joined(after)).toHaveLength(3);
  });

  const audit = [
    point(1, 'Meetings', 'The commission meets twice a year in Geneva.'),
    point(
      2,
      'Audit rights',
      'Corvane may audit the use of the software once every two years, on 30 days notice and at its own cost.',
    ),
    point(3, 'Governing law', 'This agreement is governed by the laws of Ireland.'),
  ];
  const firstPart = point(
    2,
    'Audit frequency',
    'Corvane may audit no more than once in any two-year period, with thirty days notice.',
  );

  function joinedAfterAudit(neighbour: LineageInputPoint) {
    const after = [audit[0]!, firstPart, neighbour, { ...audit[2]!, number: 4 }];
    const context = inferenceContext(audit, after);
    const links = new LineageLinks(context.before.vectors, context.after.vectors);
    links.add({ from: 0, to: 0, score: 1, evidence: 'match' });
    links.add({ from: 1, to: 1, score: 1, evidence: 'match' });
    links.add({ from: 2, to: 3, score: 1, evidence: 'match' });
    joinNeighbourGroup(context, links);
    return links.links.map((link) => [link.from, link.to]);
  }

  it('joins a second part that keeps few words when the first took less than half of the source', () => {
    const secondPart = point(
      3,
      'Audit costs',
      'An audit is paid for by Corvane unless it finds overuse; then Meridian reimburses its costs.',
    );
    expect(joinedAfterAudit(secondPart)).toContainEqual([1, 2]);
  });

  it('leaves an added point alone when it barely resembles the half-taken source it borrows from', () => {
    // It shares "at its own cost" with what the first part left, but little else.
    const added = point(
      3,
      'Training',
      'Corvane provides two days of on-site training for key users in the first year, at its own cost.',
    );
    expect(joinedAfterAudit(added)).toHaveLength(3);
  });
});

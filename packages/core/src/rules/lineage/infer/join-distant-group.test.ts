import { describe, expect, it } from 'vitest';
import { inferenceContext } from './inference-context';
import { joinDistantGroup } from './join-distant-group';
import { LineageLinks } from './lineage-links';
import type { LineageInputPoint } from './lineage-types';
import { point } from './lineage-points.test-data';

const car = point(
  2,
  'Car',
  'Daniel keeps the Volvo estate and Ruth keeps the Fiat, each with its insurance.',
);
const pension = point(3, 'Pension', 'Ruth keeps her personal pension in full.');
const before = [
  point(1, 'Savings', 'The joint savings account of about 23,000 pounds is divided equally.'),
  car,
  pension,
  point(
    4,
    'Debts',
    'The joint credit card balance of about 4,200 pounds is paid off from the joint savings.',
  ),
];

function linked(after: readonly LineageInputPoint[], pairs: readonly [number, number][]) {
  const context = inferenceContext(before, after);
  const links = new LineageLinks(context.before.vectors, context.after.vectors);
  for (const [from, to] of pairs) links.add({ from, to, score: 1, evidence: 'match' });
  joinDistantGroup(context, links);
  return links.links.map((link) => [link.from, link.to]);
}

describe('joinDistantGroup', () => {
  it('joins a merge source that sat far from the others to the point that took its words', () => {
    const after = [
      { ...car, number: 1 },
      { ...pension, number: 2 },
      point(
        3,
        'Joint savings and debts',
        'The joint credit card balance of about 4,200 pounds is cleared from the joint savings account, and what remains is divided equally.',
      ),
    ];
    expect(
      linked(after, [
        [1, 0],
        [2, 1],
        [3, 2],
      ]),
    ).toContainEqual([0, 2]);
  });

  it('leaves a dropped point alone when the point it resembles is explained by its own source', () => {
    const after = [
      { ...car, number: 1 },
      { ...pension, number: 2 },
      point(
        3,
        'Debts',
        'The joint credit card balance of about 4,200 pounds is paid off from the joint savings.',
      ),
    ];
    expect(
      linked(after, [
        [1, 0],
        [2, 1],
        [3, 2],
      ]),
    ).toHaveLength(3);
  });

  it('sends a part of a split far away when that part holds what the first part left out', () => {
    const after = [
      point(1, 'Credit card', 'The joint credit card balance of about 4,200 pounds is paid off.'),
      { ...car, number: 2 },
      { ...pension, number: 3 },
      point(4, 'Paying the card from savings', 'The card is paid from the joint savings account.'),
    ];
    const links = linked(after, [
      [1, 1],
      [2, 2],
      [3, 0],
    ]);
    expect(links).toContainEqual([3, 3]);
    expect(links).not.toContainEqual([0, 3]);
  });
});

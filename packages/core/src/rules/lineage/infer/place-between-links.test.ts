import { describe, expect, it } from 'vitest';
import { LineageLinks } from './lineage-links';
import { placeBetweenLinks } from './place-between-links';

function linksOf(beforeCount: number, afterCount: number, pairs: readonly [number, number][]) {
  const vector = () => new Map([['word', 1]]);
  const links = new LineageLinks(
    Array.from({ length: beforeCount }, vector),
    Array.from({ length: afterCount }, vector),
  );
  for (const [from, to] of pairs) links.add({ from, to, score: 1, evidence: 'match' });
  return links;
}

describe('placeBetweenLinks', () => {
  it('places an old point between the new points linked before and after it', () => {
    const place = placeBetweenLinks(
      3,
      3,
      linksOf(3, 3, [
        [0, 0],
        [2, 2],
      ]),
    );
    expect([place.lower[1], place.upper[1], place.isSole(1)]).toEqual([0, 2, true]);
  });

  it('looks past a merge that takes the points either side of an old point', () => {
    // Old 0, 1 and 3 merge into new 0; old 2, left alone between them, keeps a place after new 0.
    const place = placeBetweenLinks(
      5,
      3,
      linksOf(5, 3, [
        [0, 0],
        [1, 0],
        [3, 0],
        [4, 2],
      ]),
    );
    expect([place.lower[2], place.upper[2], place.isSole(2)]).toEqual([0, 2, true]);
  });

  it('still leaves no place to a point between two links that cross', () => {
    // Old 2 moved before old 0: old 1 between them has no place that keeps both links in order.
    const place = placeBetweenLinks(
      3,
      3,
      linksOf(3, 3, [
        [0, 1],
        [2, 0],
      ]),
    );
    expect(place.upper[1]! - place.lower[1]!).toBeLessThan(2);
  });
});

import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { BestCandidate } from './best-candidate';

// What growth did before the tree: scan every candidate and keep the first with the highest score.
function scanned(scores: readonly (number | undefined)[]): number | undefined {
  let best: number | undefined;
  scores.forEach((score, index) => {
    if (score !== undefined && (best === undefined || score > (scores[best] ?? -Infinity))) best = index;
  });
  return best;
}

describe('BestCandidate', () => {
  it('has no best until a candidate has a score, and none once all are taken out', () => {
    const best = new BestCandidate(3);
    expect(best.best()).toBeUndefined();
    best.set(1, 0.4);
    expect(best.best()).toBe(1);
    best.set(1, undefined);
    expect(best.best()).toBeUndefined();
  });

  it('keeps the first of equal scores, as the scan did', () => {
    const best = new BestCandidate(5);
    best.set(3, 0.5);
    best.set(1, 0.5);
    best.set(4, 0.5);
    expect(best.best()).toBe(1);
    expect(best.scoreOf(1)).toBe(0.5);
  });

  test.prop([
    fc
      .integer({ min: 1, max: 40 })
      .chain((count) =>
        fc.tuple(
          fc.constant(count),
          fc.array(
            fc.tuple(
              fc.integer({ min: 0, max: count - 1 }),
              fc.option(fc.constantFrom(0.1, 0.25, 0.5, 0.75, 1), { nil: undefined }),
            ),
          ),
        ),
      ),
  ])('finds what a scan finds after any sequence of changes', ([count, changes]) => {
    const best = new BestCandidate(count);
    const scores: (number | undefined)[] = Array.from({ length: count }, () => undefined);
    for (const [index, score] of changes) {
      best.set(index, score);
      scores[index] = score;
      expect(best.best()).toBe(scanned(scores));
    }
  });
});

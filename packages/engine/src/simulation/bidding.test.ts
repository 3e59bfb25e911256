import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { createBidder, findBidNear } from './bidding';
import { createRng } from './rng';
import { generateSpace } from './test-spaces';
import { createUtilityView } from './utility-view';

describe('a bidder that remembers its bids', () => {
  test.prop([
    fc.integer({ min: 1, max: 8 }),
    fc.integer({ min: 1, max: 7 }),
    fc.integer({ min: 0, max: 1000 }),
    fc.array(fc.double({ min: 0, max: 1.2, noNaN: true }), { minLength: 1, maxLength: 300 }),
  ])(
    'offers exactly what findBidNear offers, draw for draw, for targets in any order',
    (issues, options, seed, targets) => {
      const view = createUtilityView(generateSpace({ issues, options, parties: 2, seed }), 0);
      const bidder = createBidder(view, createRng(seed));
      const fresh = createRng(seed);
      // A Boulware-like slowly falling target, then the arbitrary ones (rising and falling).
      const schedule = [
        ...Array.from({ length: 200 }, (_, step) => view.maxUtility * (1 - (step / 200) ** 5)),
        ...targets,
      ];
      for (const target of schedule) expect(bidder.near(target)).toEqual(findBidNear(view, target, fresh));
    },
  );
});

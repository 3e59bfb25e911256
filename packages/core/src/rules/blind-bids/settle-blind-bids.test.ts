import { describe, expect, it } from 'vitest';
import { settleBlindBids } from './settle-blind-bids';

describe('settleBlindBids', () => {
  it('settles at the midpoint of the overlap', () => {
    expect(settleBlindBids({ giving: 900_000, taking: 700_000, rule: 'midpoint' })).toEqual({
      overlap: true,
      settlement: 800_000,
    });
  });

  it('settles at the common value when the bounds meet exactly', () => {
    expect(settleBlindBids({ giving: 750, taking: 750, rule: 'midpoint' })).toEqual({
      overlap: true,
      settlement: 750,
    });
  });

  it('reports no overlap, and nothing else, when the giver offers less than the taker needs', () => {
    expect(settleBlindBids({ giving: 699.99, taking: 700, rule: 'midpoint' })).toEqual({ overlap: false });
  });

  it('gives a tidy decimal, not binary noise', () => {
    expect(settleBlindBids({ giving: 0.2, taking: 0.1, rule: 'midpoint' })).toEqual({
      overlap: true,
      settlement: 0.15,
    });
  });

  it('does not overflow on huge bounds', () => {
    const outcome = settleBlindBids({
      giving: Number.MAX_VALUE,
      taking: Number.MAX_VALUE / 2,
      rule: 'midpoint',
    });
    expect(outcome.overlap && Number.isFinite(outcome.settlement)).toBe(true);
  });
});

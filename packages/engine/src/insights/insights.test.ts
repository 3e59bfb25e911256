import { describe, expect, test } from 'vitest';
import { paretoFrontier } from '../frontier/frontier';
import { utilitiesOf, type AdditiveSpace } from '../model/additive-space';
import { issueContention } from './contention';
import { paretoImprovements } from './improvements';
import { tradeSuggestions } from './trades';
import { zoneOfAgreement } from './zone-of-agreement';

/**
 * A classic logrolling case: the buyer cares most about price, the seller about delivery;
 * both like the same warranty option.
 */
function deal(reservations: readonly [number, number] = [0, 0]): AdditiveSpace {
  const three = ['low', 'mid', 'high'];
  return {
    issues: [
      { name: 'price', options: three },
      { name: 'delivery', options: three },
      { name: 'warranty', options: ['1y', '2y'] },
    ],
    parties: [
      {
        name: 'buyer',
        reservation: reservations[0],
        constant: 0,
        contributions: [
          [0.6, 0.3, 0],
          [0, 0.1, 0.2],
          [0, 0.2],
        ],
      },
      {
        name: 'seller',
        reservation: reservations[1],
        constant: 0,
        contributions: [
          [0, 0.1, 0.2],
          [0.6, 0.3, 0],
          [0, 0.2],
        ],
      },
    ],
  };
}

describe('zoneOfAgreement', () => {
  test('modest reservations: part of the frontier qualifies; the best each can get inside is reported', () => {
    const space = deal([0.3, 0.3]);
    const zone = zoneOfAgreement(space, paretoFrontier(space).points);
    expect(zone.exists).toBe(true);
    expect(zone.frontierShare).toBeGreaterThan(0);
    expect(zone.frontierShare).toBeLessThan(1); // (1.0, 0.2): all for the buyer, below the seller's 0.3
    // low price + middle delivery + 2-year warranty: 0.6 + 0.1 + 0.2 for the buyer, 0.5 for the seller
    expect(zone.bestFor[0]).toBeCloseTo(0.9, 12);
    expect(zone.bestFor[1]).toBeCloseTo(0.9, 12);
    for (const point of zone.points) expect(Math.min(...point.utilities)).toBeGreaterThanOrEqual(0.3);
  });

  test('reservations nobody can meet together: no zone', () => {
    const space = deal([0.95, 0.95]);
    const zone = zoneOfAgreement(space, paretoFrontier(space).points);
    expect(zone).toMatchObject({ exists: false, frontierShare: 0, bestFor: [null, null] });
  });
});

describe('issueContention', () => {
  test('opposed issues rank above a shared one, which has no opposition', () => {
    const rows = issueContention(deal());
    expect(rows.map((row) => row.name)).toEqual(['price', 'delivery', 'warranty']);
    const warranty = rows.find((row) => row.name === 'warranty');
    expect(warranty?.opposition).toBe(0);
    // the middle price gives each side half its range: that is the best compromise
    expect(rows[0]?.opposition).toBeCloseTo(0.5, 12);
    expect(rows[0]?.importance[0]).toBeCloseTo(0.6 / 1.0);
  });
});

describe('tradeSuggestions', () => {
  test('from a middle package, trading price against delivery raises both', () => {
    const space = deal();
    const middle = [1, 1, 1];
    const trades = tradeSuggestions(space, middle);
    expect(trades.length).toBeGreaterThan(0);
    const best = trades[0];
    expect(best?.issues).toEqual([0, 1]);
    expect(best?.outcome).toEqual([0, 0, 1]); // buyer gets the low price, seller the delivery it wants
    const before = utilitiesOf(space, middle);
    const after = utilitiesOf(space, best?.outcome ?? middle);
    expect(after[0]).toBeGreaterThan(before[0] ?? 0);
    expect(after[1]).toBeGreaterThan(before[1] ?? 0);
    for (const trade of trades) expect(Math.min(...trade.gains)).toBeGreaterThan(0);
  });

  test('a package on the frontier with no two-issue trade left gets none', () => {
    expect(tradeSuggestions(deal(), [0, 0, 1])).toEqual([]);
  });
});

describe('paretoImprovements', () => {
  test('a poor package: improvements dominate it, best (largest smallest gain) first', () => {
    const space = deal();
    const poor = [2, 2, 0];
    const improvements = paretoImprovements(space, paretoFrontier(space).points, { outcome: poor });
    expect(improvements.length).toBeGreaterThan(0);
    const before = utilitiesOf(space, poor);
    for (const improvement of improvements) {
      improvement.utilities.forEach((utility, p) => expect(utility).toBeGreaterThanOrEqual(before[p] ?? 0));
    }
    const smallest = improvements.map((improvement) => Math.min(...improvement.gains));
    expect(smallest).toEqual([...smallest].sort((a, b) => b - a));
    expect(improvements[0]?.outcome).toEqual([0, 0, 1]);
  });

  test('a Pareto-optimal package has none', () => {
    const space = deal();
    expect(paretoImprovements(space, paretoFrontier(space).points, { outcome: [0, 0, 1] })).toEqual([]);
  });
});

import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { findAgent } from './agents';
import { perturbParty, sampleParty, simulateLiveTalks, type LiveTalksSetup } from './live-talks';
import { createRng } from './rng';
import { generateSpace } from './test-spaces';

const boulware = findAgent('boulware') ?? expect.unreachable('boulware');

function setupOf(seed: number, overrides: Partial<LiveTalksSetup> = {}): LiveTalksSetup {
  const space = generateSpace({ issues: 4, options: 3, parties: 3, seed, reservation: 0.2 });
  return {
    issues: space.issues,
    parties: space.parties.map((party, index) => ({
      name: party.name,
      // the third party stated nothing
      profile: index === 2 ? null : { reservation: party.reservation, contributions: party.contributions },
    })),
    agents: space.parties.map(() => boulware),
    protocol: 'sao',
    steps: 60,
    runs: 12,
    seed,
    noise: 0.2,
    ...overrides,
  };
}

describe('simulating the live talks', () => {
  it('discounts a stated profile’s utility to when its run agreed', () => {
    const plain = setupOf(11, { runs: 1, noise: 0 });
    const discounted: LiveTalksSetup = {
      ...plain,
      parties: plain.parties.map((party) =>
        party.profile === null
          ? party
          : { ...party, profile: { ...party.profile, discount: { factor: 0.5, per: 'time' as const } } },
      ),
    };
    const before = simulateLiveTalks(plain);
    const after = simulateLiveTalks(discounted);
    // Agents decide on one moment's utilities, so the same talks end the same way.
    expect(after.topAgreements).toEqual(before.topAgreements);
    // The agreed offer is number `steps` (1-based); it is discounted at its own time, (steps − 1)/N.
    const steps = Math.round((before.meanAgreementTime ?? 1) * plain.steps);
    const time = before.agreements === 0 ? 1 : (steps - 1) / plain.steps;
    expect(before.agreements).toBe(1);
    for (const party of [0, 1]) {
      const expected = (before.utilities[party]?.mean ?? Number.NaN) * 0.5 ** time;
      expect(after.utilities[party]?.mean).toBeCloseTo(expected, 12);
      expect(after.utilities[party]?.mean).toBeLessThan(before.utilities[party]?.mean ?? 0);
    }
  });

  test.prop([fc.integer({ min: 0, max: 2 ** 31 })], { numRuns: 15 })(
    'replays the same summary for the same seed, with counts that add up',
    (seed) => {
      const summary = simulateLiveTalks(setupOf(seed));
      expect(simulateLiveTalks(setupOf(seed))).toEqual(summary);
      for (const row of summary.optionCounts)
        expect(row.reduce((sum, count) => sum + count, 0)).toBe(summary.agreements);
      expect(summary.agreements).toBeLessThanOrEqual(summary.runs);
    },
  );

  it('judges no sampled party: its utilities are null, the stated ones are within [0, 1]', () => {
    const summary = simulateLiveTalks(setupOf(3, { protocol: 'mediated' }));
    expect(summary.utilities[2]).toBeNull();
    for (const spread of summary.utilities.slice(0, 2)) {
      expect(spread?.p10).toBeGreaterThanOrEqual(0);
      expect(spread?.p90).toBeLessThanOrEqual(1 + 1e-9);
    }
  });

  it('ends every run on the shared best package when everyone wants the same thing', () => {
    const contributions = [
      [0, 0.5],
      [0.5, 0],
    ];
    const summary = simulateLiveTalks({
      issues: [
        { name: 'a', options: ['x', 'y'] },
        { name: 'b', options: ['x', 'y'] },
      ],
      parties: ['one', 'two'].map((name) => ({ name, profile: { reservation: 0.1, contributions } })),
      agents: [boulware, boulware],
      protocol: 'sao',
      steps: 20,
      runs: 10,
      seed: 1,
      noise: 0,
    });
    expect(summary.agreements).toBe(10);
    expect(summary.topAgreements).toEqual([{ outcome: [1, 0], count: 10 }]);
    expect(summary.likelyPackage).toEqual({ outcome: [1, 0], count: 10 });
    expect(summary.utilities[0]?.mean).toBeCloseTo(1);
  });

  it('keeps the best package worth the same under noise, and samples parties with weights summing to 1', () => {
    const party = {
      name: 'p',
      reservation: 0.3,
      constant: 0,
      contributions: [
        [0, 0.7],
        [0.3, 0.1],
      ],
    };
    const noisy = perturbParty(party, 0.5, createRng(9));
    const best = noisy.contributions.reduce((sum, values) => sum + Math.max(...values), 0);
    expect(best).toBeCloseTo(1);
    expect(noisy.reservation).toBe(0.3);
    const sampled = sampleParty(
      'q',
      [
        { name: 'a', options: ['x', 'y', 'z'] },
        { name: 'b', options: ['x', 'y'] },
      ],
      createRng(4),
    );
    expect(sampled.contributions.reduce((sum, values) => sum + Math.max(...values), 0)).toBeCloseTo(1);
    expect(sampled.reservation).toBeLessThanOrEqual(0.3);
  });
});

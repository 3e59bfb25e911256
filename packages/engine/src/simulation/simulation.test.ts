import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { utilityOf } from '../model/additive-space';
import { AGENT_NAMES, findAgent } from './agents';
import { findBidNear } from './bidding';
import { createOpponentModel } from './frequency-agent';
import { runMonteCarlo } from './monte-carlo';
import { createRng } from './rng';
import { runNegotiation, simulateBatch } from './simulate';
import { generateSpace } from './test-spaces';
import { countLineUps, lineUps, runTournament } from './tournament';
import { createUtilityView, utilityIn } from './utility-view';

const agentsNamed = (...names: string[]) => names.map((name) => findAgent(name) ?? expect.unreachable(name));

describe('the seeded random source', () => {
  it('replays the same sequence for the same seed and stays in [0, 1)', () => {
    const first = createRng(42);
    const second = createRng(42);
    const draws = Array.from({ length: 1000 }, () => first.next());
    expect(draws).toEqual(Array.from({ length: 1000 }, () => second.next()));
    expect(draws.every((draw) => draw >= 0 && draw < 1)).toBe(true);
    expect(new Set(draws).size).toBeGreaterThan(990);
  });
});

describe('bidding near a target utility', () => {
  test.prop(
    [
      fc.integer({ min: 1, max: 5 }),
      fc.integer({ min: 2, max: 5 }),
      fc.integer(),
      fc.double({ min: 0, max: 1, noNaN: true }),
    ],
    { numRuns: 300 },
  )(
    'finds an outcome at or above the target, and the best one when the target is above every outcome',
    (issues, options, seed, fraction) => {
      const space = generateSpace({ issues, options, parties: 2, seed });
      const view = createUtilityView(space, 0);
      const target = view.minUtility + fraction * (view.maxUtility - view.minUtility);
      const bid = findBidNear(view, target, createRng(seed));
      expect(utilityIn(view, bid)).toBeGreaterThanOrEqual(target - 1e-12);
      expect(utilityIn(view, findBidNear(view, view.maxUtility + 1, createRng(seed)))).toBeCloseTo(
        view.maxUtility,
        12,
      );
    },
  );

  it('concedes as far as the target allows on a 19-issue space without enumerating it', () => {
    const space = generateSpace({ issues: 19, options: 5, parties: 2, seed: 7 });
    const view = createUtilityView(space, 0);
    const target = view.minUtility + 0.5 * (view.maxUtility - view.minUtility);
    const bid = findBidNear(view, target, createRng(1));
    // Within one issue's largest step of the target: the greedy pass stops only when no option fits.
    const largestStep = Math.max(
      ...space.parties[0]!.contributions.map((values) => Math.max(...values) - Math.min(...values)),
    );
    expect(utilityIn(view, bid) - target).toBeLessThanOrEqual(largestStep);
    expect(utilityIn(view, bid)).toBeGreaterThanOrEqual(target);
  });
});

describe('replaying negotiations', () => {
  test.prop(
    [
      fc.integer({ min: 2, max: 4 }),
      fc.integer(),
      fc.constantFrom('sao' as const, 'mediated' as const),
      fc.array(fc.constantFrom(...AGENT_NAMES), { minLength: 4, maxLength: 4 }),
    ],
    { numRuns: 60 },
  )('the same seed gives the same trace, byte for byte', (parties, seed, protocol, names) => {
    const space = generateSpace({ issues: 4, options: 4, parties, seed });
    const setup = {
      space,
      agents: agentsNamed(...names.slice(0, parties)),
      deadline: { steps: 60 },
      seed,
      protocol,
      recordTrace: true,
    };
    expect(JSON.stringify(runNegotiation(setup))).toBe(JSON.stringify(runNegotiation(setup)));
  });

  it('gives a different trace for another seed', () => {
    const space = generateSpace({ issues: 5, options: 4, parties: 2, seed: 3 });
    const run = (seed: number) =>
      JSON.stringify(
        runNegotiation({
          space,
          agents: agentsNamed('random', 'random'),
          deadline: { steps: 40 },
          seed,
          recordTrace: true,
        }).trace,
      );
    expect(run(1)).not.toBe(run(2));
  });
});

describe('stacked alternating offers', () => {
  const space = generateSpace({ issues: 6, options: 5, parties: 2, seed: 11, reservation: 0.2 });

  it('ends at the deadline with reservation values when both sides never concede', () => {
    const result = runNegotiation({
      space,
      agents: agentsNamed('hardliner', 'hardliner'),
      deadline: { steps: 100 },
      seed: 1,
    });
    expect(result.agreement).toBeNull();
    expect(result.utilities).toEqual([0.2, 0.2]);
    expect(result.steps).toBe(100);
  });

  it('reaches agreement sooner between conceders than between Boulware agents', () => {
    const steps = (name: string) =>
      simulateBatch({ space, agents: agentsNamed(name, name), deadline: { steps: 200 }, runs: 20, seed: 5 });
    const conceders = steps('conceder');
    const boulwares = steps('boulware');
    expect(conceders.agreementRate).toBe(1);
    expect(boulwares.agreementRate).toBe(1);
    expect(conceders.meanSteps).toBeLessThan(boulwares.meanSteps);
  });

  it('never agrees below a time-based agent’s reservation value', () => {
    for (let seed = 0; seed < 30; seed++) {
      const result = runNegotiation({
        space,
        agents: agentsNamed('linear', 'random'),
        deadline: { steps: 100 },
        seed,
      });
      if (result.agreement !== null)
        expect(utilityOf(space.parties[0]!, result.agreement)).toBeGreaterThanOrEqual(0.2 - 1e-12);
    }
  });

  it('stops at the simulated clock before the step limit', () => {
    const result = runNegotiation({
      space,
      agents: agentsNamed('hardliner', 'hardliner'),
      deadline: { steps: 1000, time: 30, secondsPerStep: 2 },
      seed: 1,
    });
    expect(result.steps).toBe(15);
  });

  it('lets three parties agree only when both others accept', () => {
    const three = generateSpace({ issues: 4, options: 4, parties: 3, seed: 2 });
    const result = runNegotiation({
      space: three,
      agents: agentsNamed('conceder', 'conceder', 'hardliner'),
      deadline: { steps: 90 },
      seed: 4,
      recordTrace: true,
    });
    for (const event of result.trace) {
      if (event.kind === 'offer' && event.accepted.every(Boolean))
        expect(result.agreement).toEqual(event.outcome);
    }
    if (result.agreement !== null)
      expect(utilityOf(three.parties[2]!, result.agreement)).toBeCloseTo(
        createUtilityView(three, 2).maxUtility,
        12,
      );
  });

  it('measures agreements against the frontier and the Nash point it is given', () => {
    const summary = simulateBatch({
      space,
      agents: agentsNamed('conceder', 'conceder'),
      deadline: { steps: 100 },
      runs: 5,
      seed: 1,
      benchmarks: { frontier: [[1, 1]], nash: [1, 1] },
    });
    expect(summary.meanDistanceToPareto).toBeGreaterThan(0);
    expect(summary.meanDistanceToNash).toBeCloseTo(summary.meanDistanceToPareto ?? -1, 12);
  });
});

describe('the mediated single-text protocol', () => {
  it('ends with a text every party prefers to walking away, or with reservation values', () => {
    const space = generateSpace({ issues: 8, options: 4, parties: 3, seed: 9, reservation: 0.3 });
    for (let seed = 0; seed < 10; seed++) {
      const result = runNegotiation({
        space,
        agents: agentsNamed('boulware', 'linear', 'conceder'),
        deadline: { steps: 300 },
        seed,
        protocol: 'mediated',
      });
      if (result.agreement === null) expect(result.utilities).toEqual([0.3, 0.3, 0.3]);
      else result.utilities.forEach((utility) => expect(utility).toBeGreaterThanOrEqual(0.3 - 1e-12));
    }
  });
});

describe('the frequency opponent model', () => {
  it('learns that the issue an opponent never moves on weighs most', () => {
    const model = createOpponentModel([4, 4, 4]);
    for (let step = 0; step < 30; step++) model.observe({ from: 1, outcome: [2, step % 4, (step * 3) % 4] });
    const weights = model.weights();
    expect(weights[0]).toBeGreaterThan(weights[1]!);
    expect(weights[0]).toBeGreaterThan(weights[2]!);
    expect(model.estimate([2, 0, 0])).toBeGreaterThan(model.estimate([1, 0, 0]));
  });
});

describe('tournaments and Monte-Carlo runs', () => {
  it('lists every ordered line-up and ranks every agent', () => {
    expect(lineUps(['a', 'b', 'c'], 2)).toHaveLength(6);
    expect(lineUps(['a', 'b'], 3)).toHaveLength(8);
    for (const [pool, seats] of [
      [['a', 'b', 'c'], 2],
      [['a', 'b'], 3],
      [['a', 'b', 'c', 'd'], 4],
    ] as const)
      expect(countLineUps(pool, seats)).toBe(lineUps(pool, seats).length);
    const space = generateSpace({ issues: 4, options: 4, parties: 2, seed: 1 });
    const result = runTournament({
      scenarios: [{ name: 'g', space }],
      agentNames: ['boulware', 'conceder', 'hardliner'],
      deadline: { steps: 100 },
      runs: 3,
      seed: 1,
    });
    expect(result.matches).toBe(6);
    expect(result.standings.map((standing) => standing.agent).sort()).toEqual([
      'boulware',
      'conceder',
      'hardliner',
    ]);
    expect(result.standings.every((standing) => standing.negotiations === 12)).toBe(true);
    for (let index = 1; index < result.standings.length; index++) {
      expect(result.standings[index - 1]!.meanUtility).toBeGreaterThanOrEqual(
        result.standings[index]!.meanUtility,
      );
    }
  });

  it('reports a distribution that widens with the uncertainty', () => {
    const space = generateSpace({ issues: 6, options: 4, parties: 2, seed: 8 });
    const run = (noise: number) =>
      runMonteCarlo({
        space,
        agents: agentsNamed('linear', 'frequency'),
        deadline: { steps: 120 },
        samples: 60,
        noise,
        seed: 3,
      });
    const calm = run(0);
    const noisy = run(0.6);
    expect(calm.samples).toBe(60);
    for (const party of [...calm.utilityQuantiles, ...noisy.utilityQuantiles]) {
      expect(party.p10).toBeLessThanOrEqual(party.p50);
      expect(party.p50).toBeLessThanOrEqual(party.p90);
    }
    const spread = (summary: typeof calm) =>
      summary.utilityQuantiles[0]!.p90 - summary.utilityQuantiles[0]!.p10;
    expect(spread(noisy)).toBeGreaterThan(spread(calm));
  });

  it('judges every sample by the true profiles, so no utility exceeds the true best', () => {
    const space = generateSpace({ issues: 5, options: 3, parties: 2, seed: 4 });
    const best = space.parties.map((party) =>
      party.contributions.reduce((sum, row) => sum + Math.max(...row), party.constant),
    );
    const summary = runMonteCarlo({
      space,
      agents: agentsNamed('conceder', 'conceder'),
      deadline: { steps: 60 },
      samples: 80,
      noise: 0.8,
      seed: 11,
    });
    summary.utilityQuantiles.forEach((quantile, party) =>
      expect(quantile.p90).toBeLessThanOrEqual(best[party]! + 1e-12),
    );
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileScenario, type Semantics } from '../io/compile';
import { loadGeniusScenario } from '../io/genius';
import type { AdditiveSpace } from '../model/additive-space';
import type { AgentFactory } from './agent';
import { findAgent } from './agents';
import { discountAt } from './discount';
import { runNegotiation, simulateBatch } from './simulate';

const FIFTY_FIFTY = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../../../scenarios/anac2012-FiftyFiftyA',
);

/** anac2012-FiftyFiftyA: one issue, 100_0 … 0_100; both profiles discount by 0.50 and reserve 0.50. */
function fiftyFifty(semantics: Semantics): AdditiveSpace {
  const names = readdirSync(FIFTY_FIFTY)
    .filter((name) => name.endsWith('.xml'))
    .sort();
  const loaded = loadGeniusScenario(
    'FiftyFiftyA',
    names.map((name) => ({ name, contents: readFileSync(join(FIFTY_FIFTY, name), 'utf8') })),
  );
  if (!loaded.ok) throw new Error(loaded.problems[0]?.message);
  return compileScenario(loaded.value, semantics);
}

const EVEN_SPLIT = 5; // the option "50_50"

/** Asks for everything until `fromStep`, then offers the even split; accepts only the even split. */
const splitFrom =
  (fromStep: number): AgentFactory =>
  ({ view }) => ({
    propose: (context) => (context.step >= fromStep ? [EVEN_SPLIT] : view.best),
    respond: (_context, offer) => offer.outcome[0] === EVEN_SPLIT,
  });

/** Accepts every offer: only the protocol's reservation check holds it back. */
const acceptAll: AgentFactory = ({ view }) => ({ propose: () => view.best, respond: () => true });

describe('discount factors in simulation', () => {
  it('reads the discount factor under both semantics as GENIUS and NegMAS do', () => {
    expect(fiftyFifty('genius').parties.map((party) => party.discount)).toEqual([
      { factor: 0.5, per: 'time' },
      { factor: 0.5, per: 'time' },
    ]);
    expect(fiftyFifty('negmas').parties.map((party) => party.discount)).toEqual([
      { factor: 0.5, per: 'round' },
      { factor: 0.5, per: 'round' },
    ]);
  });

  it('discounts over normalised time (GENIUS: u · d^t) and over rounds (NegMAS: u · d^round)', () => {
    expect(discountAt(undefined, 0.7, 3)).toBe(1);
    expect(discountAt({ factor: 0.5, per: 'time' }, 0.4, 99)).toBeCloseTo(0.757858283255199, 15);
    expect(discountAt({ factor: 0.5, per: 'time' }, 1.5, 0)).toBe(0.5); // t is clamped to [0, 1]
    expect(discountAt({ factor: 0.5, per: 'round' }, 0.99, 2)).toBe(0.25);
  });

  it('pays an agreement its utility discounted to when it was made (genius semantics)', () => {
    // Offer 4 of 10 (t = 0.4) is the even split, worth 0.5 to each: 0.5 · 0.5^0.4 = 0.378929…
    const result = runNegotiation({
      space: fiftyFifty('genius'),
      agents: [splitFrom(4), splitFrom(4)],
      deadline: { steps: 10 },
      seed: 1,
    });
    expect(result.agreement).toEqual([EVEN_SPLIT]);
    expect(result.steps).toBe(5);
    expect(result.rawUtilities).toEqual([0.5, 0.5]);
    result.utilities.forEach((utility) => expect(utility).toBeCloseTo(0.3789291416275995, 15));
  });

  it('pays an agreement its utility discounted by the rounds before it (negmas semantics)', () => {
    // Offer 4 is made in round 2 (two offers a round): 500 (evaluations as written) · 0.5² = 125.
    const result = runNegotiation({
      space: fiftyFifty('negmas'),
      agents: [splitFrom(4), splitFrom(4)],
      deadline: { steps: 10 },
      seed: 1,
    });
    expect(result.rawUtilities).toEqual([500, 500]);
    expect(result.utilities).toEqual([125, 125]);
    expect(result.discounts).toEqual([0.25, 0.25]);
  });

  it('pays the reservation value discounted to the deadline when there is no agreement', () => {
    const boulware = findAgent('boulware') ?? expect.unreachable('boulware');
    const genius = runNegotiation({
      space: fiftyFifty('genius'),
      agents: [boulware, boulware],
      deadline: { steps: 1000 },
      seed: 3,
    });
    // Neither Boulware agent asks for less than its reservation 0.5 before t = 1: 0.5 · 0.5^1.
    expect([genius.agreement, genius.rawUtilities, genius.utilities]).toEqual([
      null,
      [0.5, 0.5],
      [0.25, 0.25],
    ]);
    const negmas = runNegotiation({
      space: fiftyFifty('negmas'),
      agents: [splitFrom(99), splitFrom(99)],
      deadline: { steps: 10 },
      seed: 3,
    });
    // Ten offers are five rounds: 0.5 · 0.5^5.
    expect(negmas.utilities).toEqual([0.015625, 0.015625]);
  });

  it('refuses an acceptance below the responder’s reservation value', () => {
    // "100_0" is worth 0 to the second party, below its 0.5: it is never agreed, whatever its agent says.
    const result = runNegotiation({
      space: fiftyFifty('genius'),
      agents: [acceptAll, acceptAll],
      deadline: { steps: 6 },
      seed: 1,
      recordTrace: true,
    });
    expect(result.agreement).toBeNull();
    expect(
      result.trace.every((event) => event.kind === 'offer' && event.accepted.filter(Boolean).length === 1),
    ).toBe(true);
  });

  it('reports discounted and undiscounted means, and distances from the undiscounted agreements', () => {
    const summary = simulateBatch({
      space: fiftyFifty('genius'),
      agents: [splitFrom(4), splitFrom(4)],
      deadline: { steps: 10 },
      runs: 3,
      seed: 1,
      benchmarks: { frontier: [[0.5, 0.5]], nash: [0.5, 0.5] },
    });
    expect(summary.meanUndiscountedUtilities).toEqual([0.5, 0.5]);
    summary.meanUtilities.forEach((utility) => expect(utility).toBeCloseTo(0.3789291416275995, 15));
    expect(summary.meanDistanceToPareto).toBe(0);
  });
});

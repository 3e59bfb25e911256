import { utilitiesOf, type AdditiveSpace } from '../model/additive-space';
import type { AgentFactory } from './agent';
import type { Deadline } from './protocol';
import { createRng, deriveSeed, type Rng } from './rng';
import { runNegotiation, type ProtocolName } from './simulate';

export type MonteCarloSummary = {
  samples: number;
  noise: number;
  agreementRate: number;
  /** Per party: utility quantiles (under the party's true profile) over all samples. */
  utilityQuantiles: { p10: number; p50: number; p90: number; mean: number }[];
  /** The most frequent agreements (outcome option indices) and how often each occurred. */
  topAgreements: { outcome: number[]; share: number }[];
};

/**
 * What if we are wrong about the others' preferences? Each sample scales every party's per-issue
 * contributions by an independent factor 1 + noise·N(0, 1) (clamped at 0), runs the talks on that
 * perturbed world and records how they end: a distribution instead of a single forecast.
 */
export function runMonteCarlo(setup: {
  space: AdditiveSpace;
  agents: readonly AgentFactory[];
  deadline: Deadline;
  samples: number;
  noise: number;
  seed: number;
  protocol?: ProtocolName;
}): MonteCarloSummary {
  const utilities: number[][] = setup.space.parties.map(() => []);
  const agreementCounts = new Map<string, number>();
  let agreements = 0;
  for (let sample = 0; sample < setup.samples; sample++) {
    const seed = deriveSeed(setup.seed, sample);
    const space = perturbSpace(setup.space, setup.noise, createRng(seed ^ 0x5bd1e995));
    const result = runNegotiation({
      space,
      agents: setup.agents,
      deadline: setup.deadline,
      seed,
      protocol: setup.protocol,
    });
    // Judged by the true profiles: the perturbed ones only steered the agents.
    const truth =
      result.agreement === null
        ? setup.space.parties.map((party) => party.reservation)
        : utilitiesOf(setup.space, result.agreement);
    truth.forEach((utility, party) => utilities[party]?.push(utility * (result.discounts[party] ?? 1)));
    if (result.agreement !== null) {
      agreements++;
      const key = result.agreement.join(',');
      agreementCounts.set(key, (agreementCounts.get(key) ?? 0) + 1);
    }
  }
  const topAgreements = [...agreementCounts]
    .sort((left, right) => right[1] - left[1] || (left[0] < right[0] ? -1 : 1))
    .slice(0, 5)
    .map(([key, count]) => ({ outcome: key.split(',').map(Number), share: count / setup.samples }));
  return {
    samples: setup.samples,
    noise: setup.noise,
    agreementRate: setup.samples === 0 ? 0 : agreements / setup.samples,
    utilityQuantiles: utilities.map(quantiles),
    topAgreements,
  };
}

export function perturbSpace(space: AdditiveSpace, noise: number, rng: Rng): AdditiveSpace {
  return {
    issues: space.issues,
    parties: space.parties.map((party) => ({
      ...party,
      contributions: party.contributions.map((values) => {
        const factor = Math.max(0, 1 + noise * standardNormal(rng));
        return values.map((value) => value * factor);
      }),
    })),
  };
}

/** Box–Muller from the seeded stream. */
function standardNormal(rng: Rng): number {
  const radius = Math.sqrt(-2 * Math.log(1 - rng.next()));
  return radius * Math.cos(2 * Math.PI * rng.next());
}

function quantiles(values: readonly number[]): { p10: number; p50: number; p90: number; mean: number } {
  if (values.length === 0) return { p10: 0, p50: 0, p90: 0, mean: 0 };
  const sorted = [...values].sort((left, right) => left - right);
  const at = (fraction: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? 0;
  return {
    p10: at(0.1),
    p50: at(0.5),
    p90: at(0.9),
    mean: values.reduce((sum, value) => sum + value, 0) / values.length,
  };
}

import type { AdditiveSpace, Discount, SpaceParty } from '../model/additive-space';
import {
  optionLabels,
  type Scenario,
  type ScenarioIssue,
  type ScenarioParty,
  type Valuation,
} from './scenario';

/** `genius`: Parley's default (normalised, ε = 1e-9); `negmas`: reproduces NegMAS 0.15 (raw, exact). */
export type Semantics = 'genius' | 'negmas';

/** The comparison tolerance each semantics prescribes. */
export function toleranceOf(semantics: Semantics): number {
  return semantics === 'genius' ? 1e-9 : 0;
}

const clamp01 = (value: number): number => Math.min(1, Math.max(0, value));

function issueValues(issue: ScenarioIssue, valuation: Valuation | undefined, semantics: Semantics): number[] {
  const count = optionLabels(issue).length;
  if (valuation === undefined) return new Array<number>(count).fill(0);
  if (valuation.kind === 'discrete') {
    if (semantics === 'negmas') return [...valuation.evaluations];
    const largest = Math.max(0, ...valuation.evaluations);
    return valuation.evaluations.map((evaluation) => (largest === 0 ? 0 : evaluation / largest));
  }
  const lower = issue.kind === 'integer' ? issue.lowerBound : 0;
  const values: number[] = [];
  for (let step = 0; step < count; step++) {
    const x = lower + step;
    values.push(
      semantics === 'negmas'
        ? valuation.slope * x + valuation.offset
        : clamp01(valuation.slope * (x - lower) + valuation.offset),
    );
  }
  return values;
}

function compileParty(scenario: Scenario, party: ScenarioParty, semantics: Semantics): SpaceParty {
  const rawWeights = scenario.issues.map((_, index) => party.weights[index] ?? 1);
  const total = rawWeights.reduce((sum, weight) => sum + weight, 0);
  const weights =
    semantics === 'negmas' || total === 0 ? rawWeights : rawWeights.map((weight) => weight / total);
  const contributions = scenario.issues.map((issue, index) =>
    issueValues(issue, party.valuations[index], semantics).map((value) => (weights[index] ?? 0) * value),
  );
  const written = party.reservation ?? 0;
  let reservation = written;
  if (semantics === 'negmas') {
    // NegMAS's disagreement point: r when finite and reachable from below, else the worst outcome.
    let minimum = 0;
    for (const values of contributions) minimum += Math.min(...values);
    reservation = Number.isFinite(written) && written >= minimum ? written : minimum;
  }
  const discount = compileDiscount(party.discount, semantics);
  return { name: party.name, reservation, constant: 0, contributions, ...(discount && { discount }) };
}

/**
 * GENIUS (`AbstractUtilitySpace.validateDiscount`) keeps a factor in (0, 1) and reads anything
 * else as 1, over normalised time. NegMAS (`load_genius_domain`) wraps any factor other than 0 and
 * 1 — a factor above 1 too — in an `ExpDiscountedUFun` over its step, one round of offers.
 */
function compileDiscount(written: number | undefined, semantics: Semantics): Discount | undefined {
  if (written === undefined || !Number.isFinite(written) || written === 1) return undefined;
  if (semantics === 'negmas') return written > 0 ? { factor: written, per: 'round' } : undefined;
  return written > 0 && written < 1 ? { factor: written, per: 'time' } : undefined;
}

/** Compiles raw files into the additive space every analysis works on. */
export function compileScenario(scenario: Scenario, semantics: Semantics = 'genius'): AdditiveSpace {
  return {
    issues: scenario.issues.map((issue) => ({ name: issue.name, options: optionLabels(issue) })),
    parties: scenario.parties.map((party) => compileParty(scenario, party, semantics)),
  };
}

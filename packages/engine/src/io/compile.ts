import type { AdditiveSpace, Discount, SpaceIssue, SpaceParty } from '../model/additive-space';
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

/*
 * The functions an analysis runs are written `const f = (function f(…) {…})`: V8 compiles a
 * parenthesised function when the module loads, not at its first call, so a process's first
 * analysis does not spend its time compiling (issue #17). Prettier drops those parentheses, hence
 * `// prettier-ignore` on each. Loops instead of map/forEach callbacks for the same reason: each
 * callback is another function compiled at first use.
 */

// negmas reads issue values as written; genius divides discrete values by the largest and clamps linear ones
// prettier-ignore
const issueValues = (function issueValues(
  issue: ScenarioIssue,
  valuation: Valuation | undefined,
  semantics: Semantics,
): number[] {
  // as many as optionLabels makes, without making the labels
  let count = 0;
  if (issue.kind === 'discrete') count = issue.options.length;
  else for (let value = issue.lowerBound; value <= issue.upperBound; value++) count++;
  const values: number[] = [];
  if (valuation === undefined) {
    for (let option = 0; option < count; option++) values.push(0);
    return values;
  }
  if (valuation.kind === 'discrete') {
    const evaluations = valuation.evaluations;
    if (semantics === 'negmas') {
      for (let option = 0; option < evaluations.length; option++) values.push(evaluations[option]!);
      return values;
    }
    let largest = 0;
    for (let option = 0; option < evaluations.length; option++)
      largest = Math.max(largest, evaluations[option]!);
    for (let option = 0; option < evaluations.length; option++)
      values.push(largest === 0 ? 0 : evaluations[option]! / largest);
    return values;
  }
  const lower = issue.kind === 'integer' ? issue.lowerBound : 0;
  for (let step = 0; step < count; step++) {
    const x = lower + step;
    values.push(
      semantics === 'negmas'
        ? valuation.slope * x + valuation.offset
        : Math.min(1, Math.max(0, valuation.slope * (x - lower) + valuation.offset)),
    );
  }
  return values;
});

// prettier-ignore
const compileParty = (function compileParty(
  scenario: Scenario,
  party: ScenarioParty,
  semantics: Semantics,
): SpaceParty {
  const issues = scenario.issues;
  const rawWeights: number[] = [];
  let total = 0;
  for (let index = 0; index < issues.length; index++) {
    // A missing weight counts 1 (as NegMAS reads it); an issue the party leaves out altogether
    // (a Parley JSON party may) takes no share, so it does not dilute what the party cares about.
    const weight = party.weights[index] ?? (party.valuations[index] === undefined ? 0 : 1);
    rawWeights.push(weight);
    total += weight;
  }
  const normalise = semantics !== 'negmas' && total !== 0;
  const contributions: number[][] = [];
  // NegMAS's disagreement point: r when finite and reachable from below, else the worst outcome.
  let minimum = 0;
  for (let index = 0; index < issues.length; index++) {
    const weight = normalise ? rawWeights[index]! / total : rawWeights[index]!;
    const values = issueValues(issues[index]!, party.valuations[index], semantics);
    let smallest = Number.POSITIVE_INFINITY;
    for (let option = 0; option < values.length; option++) {
      values[option] = weight * values[option]!;
      smallest = Math.min(smallest, values[option]!);
    }
    minimum += smallest;
    contributions.push(values);
  }
  const written = party.reservation ?? 0;
  const reservation =
    semantics === 'negmas' && !(Number.isFinite(written) && written >= minimum) ? minimum : written;
  const discount = compileDiscount(party.discount, semantics);
  // two literals rather than a spread of `discount && {…}`: a spread is a generic runtime copy
  return discount === undefined
    ? { name: party.name, reservation, constant: 0, contributions }
    : { name: party.name, reservation, constant: 0, contributions, discount };
});

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
// prettier-ignore
export const compileScenario = (function compileScenario(
  scenario: Scenario,
  semantics: Semantics = 'genius',
): AdditiveSpace {
  const issues: SpaceIssue[] = [];
  for (const issue of scenario.issues) issues.push({ name: issue.name, options: optionLabels(issue) });
  const parties: SpaceParty[] = [];
  for (const party of scenario.parties) parties.push(compileParty(scenario, party, semantics));
  return { issues, parties };
});

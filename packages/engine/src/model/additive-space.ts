/**
 * The form every analysis and simulation works on: a finite outcome space whose utilities are
 * additive. A scenario file (GENIUS XML, Parley JSON) is *compiled* into this under a chosen
 * semantics (genius | negmas), so the maths never sees weights, evaluators or normalisation.
 *
 * An outcome is one option index per issue. For party p, u_p(o) = constant_p + Σ_i contributions[p][i][o_i].
 */
export type SpaceIssue = {
  readonly name: string;
  /** Option labels exactly as in the source file (integers as decimal strings). */
  readonly options: readonly string[];
};

export type SpaceParty = {
  readonly name: string;
  /** Utility on failure to agree (the disagreement point's coordinate under the semantics). */
  readonly reservation: number;
  /** Added to every outcome's utility (0 under genius; negmas quirks may need it). */
  readonly constant: number;
  /** contributions[issueIndex][optionIndex]: this party's weighted utility for that option. */
  readonly contributions: readonly (readonly number[])[];
  /** How this party's utilities shrink while talks go on; absent: they do not. Analyses are at time 0. */
  readonly discount?: Discount;
};

/**
 * A time discount: utilities and the reservation value are multiplied by `factor ^ x`, where x is
 * the normalised time t ∈ [0, 1] (`per: 'time'`, GENIUS) or the number of rounds completed, each
 * party acting once a round (`per: 'round'`, NegMAS's `ExpDiscountedUFun` with `factor="step"`).
 */
export type Discount = { readonly factor: number; readonly per: 'time' | 'round' };

export type AdditiveSpace = {
  readonly issues: readonly SpaceIssue[];
  /** 2 to 8 parties, in profile order. */
  readonly parties: readonly SpaceParty[];
};

/** One option index per issue, in issue order. */
export type Outcome = readonly number[];

/** u_p(o) for one party. */
export function utilityOf(party: SpaceParty, outcome: Outcome): number {
  let total = party.constant;
  for (let issue = 0; issue < outcome.length; issue++) {
    total += party.contributions[issue]?.[outcome[issue] ?? -1] ?? Number.NaN;
  }
  return total;
}

/** Every party's utility of one outcome, in party order. */
export function utilitiesOf(space: AdditiveSpace, outcome: Outcome): number[] {
  return space.parties.map((party) => utilityOf(party, outcome));
}

/** Number of outcomes (a float: spaces of 10^20 and beyond are normal here). Compiled at load (compile.ts says why). */
// prettier-ignore
export const outcomeCount = (function outcomeCount(space: AdditiveSpace): number {
  let count = 1;
  for (const issue of space.issues) count *= issue.options.length;
  return count;
});

/** Names an outcome the way the files do: {issueName: optionLabel}. */
export function labelOutcome(space: AdditiveSpace, outcome: Outcome): Record<string, string> {
  const labelled: Record<string, string> = {};
  space.issues.forEach((issue, index) => {
    labelled[issue.name] = issue.options[outcome[index] ?? -1] ?? '';
  });
  return labelled;
}

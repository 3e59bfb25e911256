import type { AdditiveSpace, Discount, Outcome, SpaceParty } from '../model/additive-space';

/**
 * One party's utility, precomputed for bidding: per issue its options ordered from best to worst,
 * and the utility range. Built once per agent; nothing here enumerates the outcome space.
 */
export type UtilityView = {
  readonly party: SpaceParty;
  readonly partyIndex: number;
  /** optionsByValue[issue]: option indices, best contribution first. */
  readonly optionsByValue: readonly (readonly number[])[];
  /** sortedValues[issue][rank]: the contribution of optionsByValue[issue][rank] (non-increasing), for binary search. */
  readonly sortedValues: readonly Float64Array[];
  /** losses[issue][rank]: sortedValues[issue][0] − sortedValues[issue][rank] (non-decreasing), what bidding gives up. */
  readonly losses: readonly Float64Array[];
  /**
   * Every contribution in one typed array, issue after issue (`valueOffsets[issue] + option`):
   * contributions may be arrays of small integers in one scenario and of doubles in another,
   * which makes their reads polymorphic in a process that simulates both; these never are.
   */
  readonly values: Float64Array;
  readonly valueOffsets: Int32Array;
  readonly best: Outcome;
  readonly maxUtility: number;
  readonly minUtility: number;
  readonly reservation: number;
  /** The party's time discount, if any: its utility at a moment is `utilityIn × discountAt(discount, …)`. */
  readonly discount: Discount | undefined;
};

export function createUtilityView(space: AdditiveSpace, partyIndex: number): UtilityView {
  const party = space.parties[partyIndex];
  if (party === undefined) throw new Error(`no party ${partyIndex}`);
  const optionsByValue = party.contributions.map((values) =>
    values
      .map((_, option) => option)
      .sort((left, right) => (values[right] ?? 0) - (values[left] ?? 0) || left - right),
  );
  const best = optionsByValue.map((order) => order[0] ?? 0);
  const sortedValues = optionsByValue.map((order, issue) =>
    Float64Array.from(order, (option) => party.contributions[issue]?.[option] ?? 0),
  );
  const losses = sortedValues.map((values) => values.map((value) => (values[0] ?? 0) - value));
  const valueOffsets = new Int32Array(party.contributions.length);
  let valueCount = 0;
  party.contributions.forEach((row, issue) => {
    valueOffsets[issue] = valueCount;
    valueCount += row.length;
  });
  const values = new Float64Array(valueCount);
  party.contributions.forEach((row, issue) => values.set(row, valueOffsets[issue]));
  let maxUtility = party.constant;
  let minUtility = party.constant;
  party.contributions.forEach((values) => {
    maxUtility += Math.max(...values);
    minUtility += Math.min(...values);
  });
  return {
    party,
    partyIndex,
    optionsByValue,
    sortedValues,
    losses,
    values,
    valueOffsets,
    best,
    maxUtility,
    minUtility,
    reservation: party.reservation,
    discount: party.discount,
  };
}

/** u(o) for the view's party. */
export function utilityIn(view: UtilityView, outcome: Outcome): number {
  const { values, valueOffsets } = view;
  let total = view.party.constant;
  for (let issue = 0; issue < outcome.length; issue++)
    total += values[(valueOffsets[issue] ?? 0) + (outcome[issue] ?? 0)] ?? 0;
  return total;
}

/** u scaled to [0, 1] between this party's worst and best outcome (agents reason on this scale). */
export function normalizedUtility(view: UtilityView, outcome: Outcome): number {
  const span = view.maxUtility - view.minUtility;
  return span <= 0 ? 1 : (utilityIn(view, outcome) - view.minUtility) / span;
}

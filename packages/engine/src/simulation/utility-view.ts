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
    best,
    maxUtility,
    minUtility,
    reservation: party.reservation,
    discount: party.discount,
  };
}

/** u(o) for the view's party. */
export function utilityIn(view: UtilityView, outcome: Outcome): number {
  const { contributions, constant } = view.party;
  let total = constant;
  for (let issue = 0; issue < outcome.length; issue++)
    total += contributions[issue]?.[outcome[issue] ?? 0] ?? 0;
  return total;
}

/** u scaled to [0, 1] between this party's worst and best outcome (agents reason on this scale). */
export function normalizedUtility(view: UtilityView, outcome: Outcome): number {
  const span = view.maxUtility - view.minUtility;
  return span <= 0 ? 1 : (utilityIn(view, outcome) - view.minUtility) / span;
}

import type { Outcome } from '../model/additive-space';
import type { Rng } from './rng';
import { utilityIn, type UtilityView } from './utility-view';

/**
 * An outcome whose utility is at least `target` and as close above it as a randomised greedy
 * pass gets: start from the best outcome and, issue by issue in random order, move to the worst
 * option that keeps the total at or above the target. A binary search over each issue's sorted
 * contributions makes a bid O(issues · log options), so it works on 10^20-outcome spaces and on
 * 2,000-option issues alike. Issues are visited in a cyclic order from a random start, which
 * gives variety between calls for one random draw (a full shuffle cost more than the search).
 */
export function findBidNear(view: UtilityView, target: number, rng: Rng): Outcome {
  const bid = view.best.slice();
  if (target >= view.maxUtility) return bid;
  let slack = view.maxUtility - target;
  const issueCount = bid.length;
  const start = rng.int(issueCount);
  for (let position = 0; position < issueCount; position++) {
    const issue = (start + position) % issueCount;
    const sorted = view.sortedValues[issue];
    if (sorted === undefined || sorted.length < 2) continue;
    const bestValue = sorted[0] ?? 0;
    // Losses grow with rank, so the ranks that fit the slack form a prefix; find its last rank.
    let low = 0;
    let high = sorted.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (bestValue - (sorted[middle] ?? 0) <= slack) low = middle;
      else high = middle - 1;
    }
    if (low === 0) continue;
    bid[issue] = view.optionsByValue[issue]?.[low] ?? 0;
    slack -= bestValue - (sorted[low] ?? 0);
  }
  return bid;
}

/** Several candidate bids at or above `target`, for agents that choose among them (opponent models). */
export function findBidsNear(
  view: UtilityView,
  target: number,
  options: { count: number; rng: Rng },
): Outcome[] {
  const bids: Outcome[] = [];
  const seen = new Set<string>();
  for (let attempt = 0; attempt < options.count * 2 && bids.length < options.count; attempt++) {
    const bid = findBidNear(view, target, options.rng);
    const key = bid.join(',');
    if (!seen.has(key)) {
      seen.add(key);
      bids.push(bid);
    }
  }
  return bids;
}

/** A uniformly random outcome (one option per issue). */
export function randomOutcome(view: UtilityView, rng: Rng): Outcome {
  return view.optionsByValue.map((order) => rng.int(order.length));
}

export function isAtLeast(view: UtilityView, outcome: Outcome, target: number): boolean {
  return utilityIn(view, outcome) >= target - 1e-12;
}

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
  const slack = view.maxUtility - target;
  if (slack <= 0) return view.best.slice();
  SCRATCH.start = rng.int(view.best.length);
  const bid = greedyBid(view, slack, SCRATCH);
  return bid === view.best ? bid.slice() : bid;
}

/** Bids near a target for one agent, as `findBidNear` gives them (same draws, same bids). */
export type Bidder = { readonly near: (target: number) => Outcome };

type Remembered = { readonly bid: Outcome; readonly lowest: number; readonly highest: number };

/**
 * `findBidNear` for an agent that asks again and again: for each of the `issues` starting points
 * it remembers the last bid and the range of slack (best − target) over which the greedy pass
 * makes every choice it made, so a Boulware agent, whose target barely moves for most of the
 * talks, mostly looks up instead of searching. The range is shrunk by a margin far above
 * rounding, so a remembered bid is exactly the bid the search would find. Bids that move no
 * issue are `view.best` itself, so a responder can recognise a repeated offer by identity.
 */
export function createBidder(view: UtilityView, rng: Rng): Bidder {
  const issueCount = view.best.length;
  const remembered: (Remembered | undefined)[] = new Array<Remembered | undefined>(issueCount).fill(
    undefined,
  );
  const margin = 1e-12 * (1 + Math.abs(view.maxUtility) + Math.abs(view.minUtility));
  const pass: GreedyPass = { start: 0, lowest: 0, highest: 0 };
  // Read once here rather than on every call: property reads cost in unoptimised code.
  const { maxUtility, best } = view;
  const draw = rng.int;
  return {
    near(target) {
      const slack = maxUtility - target;
      if (slack <= 0) return best;
      const start = draw(issueCount);
      const known = remembered[start];
      if (known !== undefined && slack >= known.lowest && slack <= known.highest) return known.bid;
      pass.start = start;
      const bid = greedyBid(view, slack, pass);
      remembered[start] = { bid, lowest: pass.lowest + margin, highest: pass.highest - margin };
      return bid;
    },
  };
}

/** Where a greedy pass starts, and (written by it) the slack range over which it would choose the same. */
type GreedyPass = { start: number; lowest: number; highest: number };

const SCRATCH: GreedyPass = { start: 0, lowest: 0, highest: 0 };

/**
 * The greedy pass from issue `pass.start` with `initialSlack` to give away; it also writes the
 * slack range over which every comparison it made comes out the same: each issue sees the slack
 * left after the issues before it, which moves one for one with the starting slack.
 */
function greedyBid(view: UtilityView, initialSlack: number, pass: GreedyPass): Outcome {
  const { losses, optionsByValue } = view;
  const issueCount = losses.length;
  let bid: number[] | undefined;
  let slack = initialSlack;
  let down = -Infinity;
  let up = Infinity;
  let issue = pass.start;
  for (let position = 0; position < issueCount; position++) {
    const issueLosses = losses[issue] ?? NO_LOSSES;
    const last = issueLosses.length - 1;
    // Losses grow with rank, so the ranks that fit the slack form a prefix; find its last rank.
    // Most issues keep their best option while little has been conceded: test that first.
    const firstLoss = issueLosses[1] ?? Infinity;
    if (firstLoss > slack) {
      up = Math.min(up, firstLoss - slack);
    } else {
      let low = 1;
      let high = last;
      while (low < high) {
        const middle = (low + high + 1) >> 1;
        if ((issueLosses[middle] ?? Infinity) <= slack) low = middle;
        else high = middle - 1;
      }
      if (low < last) up = Math.min(up, (issueLosses[low + 1] ?? Infinity) - slack);
      const loss = issueLosses[low] ?? 0;
      down = Math.max(down, loss - slack);
      bid ??= view.best.slice();
      bid[issue] = optionsByValue[issue]?.[low] ?? 0;
      slack -= loss;
    }
    issue = issue + 1 === issueCount ? 0 : issue + 1;
  }
  pass.lowest = initialSlack + down;
  pass.highest = initialSlack + up;
  return bid ?? view.best;
}

const NO_LOSSES = new Float64Array(1);

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

import type { Outcome } from '../model/additive-space';
import type { Agent, AgentFactory, Offer } from './agent';
import { findBidsNear } from './bidding';
import { concessionTarget } from './time-based-agent';
import { utilityIn } from './utility-view';

/**
 * The frequency ("HardHeaded") opponent model: an issue whose option the opponents keep between
 * consecutive offers is one they care about, and options they offer often are ones they like.
 * Fed offer by offer, so learning over a whole run stays linear.
 */
export type OpponentModel = {
  readonly observe: (offer: Offer) => void;
  /** Estimated opponent utility of an outcome, in [0, 1]. */
  readonly estimate: (outcome: Outcome) => number;
  /** Estimated issue weights (sum 1). */
  readonly weights: () => number[];
};

export function createOpponentModel(optionCounts: readonly number[]): OpponentModel {
  const rawWeights = optionCounts.map(() => 1);
  const frequencies = optionCounts.map((count) => new Array<number>(count).fill(1));
  const topFrequency = optionCounts.map(() => 1);
  let previous: Outcome | undefined;
  const weights = () => {
    const sum = rawWeights.reduce((total, weight) => total + weight, 0);
    return rawWeights.map((weight) => weight / sum);
  };
  return {
    weights,
    observe: (offer) => {
      offer.outcome.forEach((option, issue) => {
        const counts = frequencies[issue];
        if (counts === undefined) return;
        counts[option] = (counts[option] ?? 0) + 1;
        topFrequency[issue] = Math.max(topFrequency[issue] ?? 1, counts[option] ?? 0);
        if (previous !== undefined && previous[issue] === option)
          rawWeights[issue] = (rawWeights[issue] ?? 0) + 0.1;
      });
      previous = offer.outcome;
    },
    estimate: (outcome) => {
      const normalized = weights();
      return outcome.reduce(
        (total, option, issue) =>
          total +
          (normalized[issue] ?? 0) * ((frequencies[issue]?.[option] ?? 0) / (topFrequency[issue] ?? 1)),
        0,
      );
    },
  };
}

const FREQUENCY_EXPONENT = 0.5;

/**
 * A Boulware-paced agent (e = 0.5) that, among bids near its target, offers the one its model of
 * the other parties likes best: the same concession, aimed at an agreement they can accept.
 */
export const frequencyAgent: AgentFactory = ({ space, view, rng }): Agent => {
  const model = createOpponentModel(space.issues.map((issue) => issue.options.length));
  let seen = 0;
  let heardFromOthers = false;
  return {
    propose: (context) => {
      for (; seen < context.offers.length; seen++) {
        const offer = context.offers[seen];
        if (offer === undefined || offer.from === view.partyIndex) continue;
        model.observe(offer);
        heardFromOthers = true;
      }
      const candidates = findBidsNear(view, concessionTarget(view, context.time, FREQUENCY_EXPONENT), {
        count: 8,
        rng,
      });
      if (!heardFromOthers) return candidates[0] ?? view.best;
      let best = candidates[0] ?? view.best;
      let bestScore = -Infinity;
      for (const candidate of candidates) {
        const score = model.estimate(candidate);
        if (score > bestScore) [best, bestScore] = [candidate, score];
      }
      return best;
    },
    respond: (context, offer) =>
      utilityIn(view, offer.outcome) >= concessionTarget(view, context.time, FREQUENCY_EXPONENT) - 1e-12,
  };
};

import type { Outcome } from '../model/additive-space';
import type { Agent, AgentFactory } from './agent';
import { createBidder } from './bidding';
import { markTimeBased } from './kernel/sao-kernel';
import { utilityIn, type UtilityView } from './utility-view';

/**
 * Faratin et al.'s time-dependent tactic, as in GENIUS's TimeDependentAgent:
 * target(t) = Pmin + (Pmax − Pmin)·(1 − t^(1/e)). e < 1 concedes late (Boulware), e = 1 linearly,
 * e > 1 early (Conceder). Pmin is the reservation value (never concede below walking away).
 */
export function concessionTarget(view: UtilityView, time: number, exponent: number): number {
  const floor = Math.max(view.reservation, view.minUtility);
  return floor + (view.maxUtility - floor) * (1 - raise(clampTime(time), 1 / exponent));
}

/** Into [0, 1], without the two builtin calls of Math.min/Math.max (unoptimised code pays for each). */
const clampTime = (time: number): number => (time > 1 ? 1 : time > 0 ? time : 0);

/**
 * t^power. Math.pow is a call into the runtime that cost a third of a warm negotiation; the
 * built-in agents' powers (5, 1, 0.5 and 2) are products and a square root instead.
 */
function raise(time: number, power: number): number {
  if (power === 5) {
    const square = time * time;
    return square * square * time;
  }
  if (power === 1) return time;
  if (power === 0.5) return Math.sqrt(time);
  if (power === 2) return time * time;
  return time ** power;
}

export function timeBasedAgent(exponent: number): AgentFactory {
  const power = 1 / exponent;
  const factory: AgentFactory = ({ view, rng }): Agent => {
    const floor = Math.max(view.reservation, view.minUtility);
    const range = view.maxUtility - floor;
    const { near } = createBidder(view, rng);
    // An agent answers and offers once a step each: the target and an offer's utility are kept
    // for the next call, which asks for the same time or the same (identical) offer again.
    let targetTime = Number.NaN;
    let target = 0;
    let lastOffer: Outcome | undefined;
    let lastUtility = 0;
    const targetAt = (time: number): number => {
      if (time !== targetTime) {
        targetTime = time;
        target = floor + range * (1 - raise(clampTime(time), power));
      }
      return target;
    };
    return {
      propose: (context) => near(targetAt(context.time)),
      // Accept what is at least as good as what we would ask for next (GENIUS's AC_next).
      respond: (context, offer) => {
        if (offer.outcome !== lastOffer) {
          lastOffer = offer.outcome;
          lastUtility = utilityIn(view, offer.outcome);
        }
        return lastUtility >= targetAt(context.time) - 1e-12;
      },
    };
  };
  markTimeBased(factory, power);
  return factory;
}

import type { Agent, AgentFactory, TurnContext } from './agent';
import { findBidNear } from './bidding';
import { utilityIn, type UtilityView } from './utility-view';

/**
 * Faratin et al.'s time-dependent tactic, as in GENIUS's TimeDependentAgent:
 * target(t) = Pmin + (Pmax − Pmin)·(1 − t^(1/e)). e < 1 concedes late (Boulware), e = 1 linearly,
 * e > 1 early (Conceder). Pmin is the reservation value (never concede below walking away).
 */
export function concessionTarget(view: UtilityView, time: number, exponent: number): number {
  const floor = Math.max(view.reservation, view.minUtility);
  const clampedTime = Math.min(1, Math.max(0, time));
  return floor + (view.maxUtility - floor) * (1 - clampedTime ** (1 / exponent));
}

export function timeBasedAgent(exponent: number): AgentFactory {
  return ({ view, rng }): Agent => {
    const targetAt = (context: TurnContext) => concessionTarget(view, context.time, exponent);
    return {
      propose: (context) => findBidNear(view, targetAt(context), rng),
      // Accept what is at least as good as what we would ask for next (GENIUS's AC_next).
      respond: (context, offer) => utilityIn(view, offer.outcome) >= targetAt(context) - 1e-12,
    };
  };
}

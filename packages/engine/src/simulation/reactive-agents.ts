import type { Agent, AgentFactory, TurnContext } from './agent';
import { findBidNear, randomOutcome } from './bidding';
import { utilityIn } from './utility-view';

/** Never concedes: offers its best outcome and accepts only that. */
export const hardlinerAgent: AgentFactory = ({ view }): Agent => ({
  propose: () => view.best,
  respond: (_context, offer) => utilityIn(view, offer.outcome) >= view.maxUtility - 1e-12,
});

/** Offers uniformly random outcomes and accepts any offer above its reservation value half the time. */
export const randomAgent: AgentFactory = ({ view, rng }): Agent => ({
  propose: () => randomOutcome(view, rng),
  respond: (_context, offer) => utilityIn(view, offer.outcome) >= view.reservation && rng.next() < 0.5,
});

/**
 * Relative tit-for-tat (Faratin et al.): concede, in our own utility, as much as the others have
 * conceded since their first offer, as we value their offers. Never below the reservation value.
 */
export const titForTatAgent: AgentFactory = ({ view, rng }): Agent => {
  const floor = Math.max(view.reservation, view.minUtility);
  let seen = 0;
  let firstTheirs: number | undefined;
  let lastTheirs: number | undefined;
  // Offers only ever get appended, so each is read once: a 1000-step run stays linear.
  const targetAt = (context: TurnContext) => {
    for (; seen < context.offers.length; seen++) {
      const offer = context.offers[seen];
      if (offer === undefined || offer.from === view.partyIndex) continue;
      lastTheirs = utilityIn(view, offer.outcome);
      firstTheirs ??= lastTheirs;
    }
    const conceded =
      firstTheirs === undefined || lastTheirs === undefined ? 0 : Math.max(0, lastTheirs - firstTheirs);
    return Math.max(view.maxUtility - conceded, floor);
  };
  return {
    propose: (context) => findBidNear(view, targetAt(context), rng),
    respond: (context, offer) => utilityIn(view, offer.outcome) >= targetAt(context) - 1e-12,
  };
};

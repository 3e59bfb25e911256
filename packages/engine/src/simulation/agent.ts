import type { AdditiveSpace, Outcome } from '../model/additive-space';
import type { Rng } from './rng';
import type { UtilityView } from './utility-view';

/** An offer on the table: who made it and what it proposes. */
export type Offer = { readonly from: number; readonly outcome: Outcome };

/** What an agent sees when it must act. Time runs from 0 (start) to 1 (deadline). */
export type TurnContext = {
  readonly time: number;
  readonly step: number;
  /** Every offer made so far, oldest first (all parties'; agents know only their own utilities). */
  readonly offers: readonly Offer[];
};

/**
 * A negotiating agent: the whole interface a user implements to add their own strategy.
 * Agents are pure apart from the `rng` they were given, which keeps runs replayable.
 *
 * @example
 * const stubborn: AgentFactory = ({ view }) => ({
 *   propose: () => view.best,
 *   respond: (_context, offer) => utilityIn(view, offer.outcome) >= view.maxUtility * 0.9,
 * });
 */
export type Agent = {
  /** The outcome this agent offers on its turn. */
  readonly propose: (context: TurnContext) => Outcome;
  /** Whether this agent accepts `offer` (made by another party) now. */
  readonly respond: (context: TurnContext, offer: Offer) => boolean;
};

export type AgentSetup = {
  readonly space: AdditiveSpace;
  /** The agent's own utility; it never sees the other parties'. */
  readonly view: UtilityView;
  readonly rng: Rng;
};

export type AgentFactory = (setup: AgentSetup) => Agent;

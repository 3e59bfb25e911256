import { utilityOf } from '../model/additive-space';
import type { Agent, Offer } from './agent';
import { lastStep, timeAt, type NegotiationResult, type NegotiationSetup, type TraceEvent } from './protocol';
import { createRng, deriveSeed } from './rng';
import { createUtilityView } from './utility-view';

/**
 * The stacked alternating offers protocol for n parties: parties offer in turn; an offer binds
 * when every other party accepts it; otherwise the next party counters. On the deadline every
 * party gets its reservation value.
 */
export function runSao(setup: NegotiationSetup): NegotiationResult {
  const agents = startAgents(setup);
  const partyCount = agents.length;
  const offers: Offer[] = [];
  const trace: TraceEvent[] = [];
  const end = lastStep(setup.deadline);
  for (let step = 0; step < end; step++) {
    const context = { time: timeAt(setup.deadline, step), step, offers };
    const from = step % partyCount;
    const offer: Offer = { from, outcome: agents[from]?.propose(context) ?? [] };
    offers.push(offer);
    // Every party answers (even after a refusal) so each agent's random draws do not depend on the others'.
    let everyone = true;
    const accepted: boolean[] | undefined = setup.recordTrace ? [] : undefined;
    for (let party = 0; party < partyCount; party++) {
      const answer = party === from || (agents[party]?.respond(context, offer) ?? false);
      everyone &&= answer;
      accepted?.push(answer);
    }
    if (accepted !== undefined) trace.push({ kind: 'offer', step, from, outcome: offer.outcome, accepted });
    if (everyone) {
      return {
        agreement: offer.outcome,
        utilities: setup.space.parties.map((party) => utilityOf(party, offer.outcome)),
        steps: step + 1,
        trace,
      };
    }
  }
  return {
    agreement: null,
    utilities: setup.space.parties.map((party) => party.reservation),
    steps: end,
    trace,
  };
}

/** Each agent gets its own view and its own random stream, so adding an agent changes no other's draws. */
export function startAgents(setup: NegotiationSetup): Agent[] {
  if (setup.agents.length !== setup.space.parties.length) {
    throw new Error(`${setup.agents.length} agents for ${setup.space.parties.length} parties`);
  }
  return setup.agents.map((factory, party) =>
    factory({
      space: setup.space,
      view: createUtilityView(setup.space, party),
      rng: createRng(deriveSeed(setup.seed, party)),
    }),
  );
}

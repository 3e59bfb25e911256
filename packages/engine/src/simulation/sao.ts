import { utilityOf, type SpaceParty } from '../model/additive-space';
import type { Agent, Offer, TurnContext } from './agent';
import { discountAt } from './discount';
import { runSaoKernel } from './kernel/sao-kernel';
import {
  lastStep,
  timeAt,
  type Deadline,
  type NegotiationResult,
  type NegotiationSetup,
  type TraceEvent,
} from './protocol';
import { createRng, deriveSeed } from './rng';
import { createUtilityView } from './utility-view';

/**
 * The stacked alternating offers protocol for n parties: parties offer in turn; an offer binds
 * when every other party accepts it; otherwise the next party counters. On the deadline every
 * party gets its reservation value. Both are discounted to when the talks ended (see `discountAt`).
 */
export function runSao(setup: NegotiationSetup): NegotiationResult {
  const fast =
    setup.recordTrace === true || setup.deadline.time !== undefined ? undefined : runInKernel(setup);
  if (fast !== undefined) return fast;
  const agents = startAgents(setup);
  const { parties } = setup.space;
  const partyCount = agents.length;
  const offers: Offer[] = [];
  const trace: TraceEvent[] = [];
  const { deadline } = setup;
  const end = lastStep(deadline);
  const isRecording = setup.recordTrace === true;
  // A process's first negotiation runs this loop as unoptimised code, where every property read
  // and call costs: the deadline's fraction is worked out here unless a clock is involved.
  const stepCount = deadline.steps;
  const isClocked = deadline.time !== undefined;
  let from = 0;
  for (let step = 0; step < end; step++) {
    const context: TurnContext = {
      time: isClocked ? timeAt(deadline, step) : step / stepCount,
      step,
      offers,
    };
    const proposer = agents[from];
    const offer: Offer = { from, outcome: proposer === undefined ? [] : proposer.propose(context) };
    offers.push(offer);
    // Every party answers (even after a refusal) so each agent's random draws do not depend on the others'.
    let everyone = true;
    const accepted: boolean[] | undefined = isRecording ? [] : undefined;
    for (let party = 0; party < partyCount; party++) {
      const answer =
        party === from ||
        ((agents[party]?.respond(context, offer) ?? false) && isRational(parties[party], offer.outcome));
      everyone &&= answer;
      accepted?.push(answer);
    }
    if (accepted !== undefined) trace.push({ kind: 'offer', step, from, outcome: offer.outcome, accepted });
    if (everyone) {
      const rawUtilities = parties.map((party) => utilityOf(party, offer.outcome));
      return ending(setup, {
        agreement: offer.outcome,
        rawUtilities,
        step,
        rounds: Math.floor(step / partyCount),
        trace,
      });
    }
    from = from + 1 === partyCount ? 0 : from + 1;
  }
  const rawUtilities = parties.map((party) => party.reservation);
  return ending(setup, {
    agreement: null,
    rawUtilities,
    step: end,
    rounds: Math.ceil(end / partyCount),
    trace,
  });
}

/** The same negotiation in the WebAssembly kernel, when every agent is a built-in time-based one. */
function runInKernel(setup: NegotiationSetup): NegotiationResult | undefined {
  const { space, deadline } = setup;
  const { parties } = space;
  const partyCount = parties.length;
  // Loops, not closures: this is the JavaScript a process's first negotiation runs unoptimised.
  const seeds: number[] = [];
  for (let party = 0; party < partyCount; party++) seeds.push(deriveSeed(setup.seed, party) >>> 0);
  const end = runSaoKernel({ space, agents: setup.agents, steps: deadline.steps, seeds });
  if (end === undefined) return undefined;
  const { step, outcome } = end;
  const rawUtilities: number[] = [];
  for (let party = 0; party < partyCount; party++) {
    const spaceParty = parties[party];
    if (spaceParty === undefined) continue;
    rawUtilities.push(outcome === null ? spaceParty.reservation : utilityOf(spaceParty, outcome));
  }
  return outcome === null
    ? ending(setup, {
        agreement: null,
        rawUtilities,
        step: deadline.steps,
        rounds: Math.ceil(deadline.steps / partyCount),
        trace: [],
      })
    : ending(setup, {
        agreement: outcome,
        rawUtilities,
        step,
        rounds: Math.floor(step / partyCount),
        trace: [],
      });
}

/**
 * GENIUS and NegMAS leave this to the agents; the protocol also refuses an acceptance below the
 * party's own reservation value, so no agreement leaves a responder worse off than walking away.
 * Discounting multiplies both sides by the same positive factor, so undiscounted values decide.
 */
function isRational(party: SpaceParty | undefined, outcome: readonly number[]): boolean {
  return party !== undefined && utilityOf(party, outcome) >= party.reservation - 1e-12;
}

/** The result with every party's discount at the end: `step` offers in, after `rounds` rounds. */
export function ending(
  setup: { space: NegotiationSetup['space']; deadline: Deadline },
  end: {
    agreement: readonly number[] | null;
    rawUtilities: readonly number[];
    step: number;
    rounds: number;
    trace: readonly TraceEvent[];
  },
): NegotiationResult {
  const time = timeAt(setup.deadline, end.step);
  const discounts = setup.space.parties.map((party) => discountAt(party.discount, time, end.rounds));
  return {
    agreement: end.agreement,
    utilities: end.rawUtilities.map((utility, party) => utility * (discounts[party] ?? 1)),
    rawUtilities: end.rawUtilities,
    discounts,
    steps: end.agreement === null ? end.step : end.step + 1,
    trace: end.trace,
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

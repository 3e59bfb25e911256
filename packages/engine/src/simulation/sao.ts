import { utilityOf, type SpaceParty } from '../model/additive-space';
import type { Agent, Offer, TurnContext } from './agent';
import { discountAt } from './discount';
import { KERNEL_CANNOT_RUN, kernelAgreement, NO_AGREEMENT, runSaoKernel } from './kernel/sao-kernel';
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
  const fast = runInKernel(setup);
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
      return ending(setup, offer.outcome, rawUtilities, step, Math.floor(step / partyCount), trace);
    }
    from = from + 1 === partyCount ? 0 : from + 1;
  }
  const rawUtilities = parties.map((party) => party.reservation);
  return ending(setup, null, rawUtilities, end, Math.ceil(end / partyCount), trace);
}

/** The kernel records no trace: one empty trace serves every negotiation it runs. */
const NO_TRACE: readonly TraceEvent[] = Object.freeze([]);

/**
 * The same negotiation in the WebAssembly kernel, when every agent is a built-in time-based one.
 * A process's first negotiation runs this unoptimised, where building an object of a shape not
 * met before costs far more than the arithmetic: so no object is made on the way to the result.
 */
function runInKernel(setup: NegotiationSetup): NegotiationResult | undefined {
  const { space, deadline } = setup;
  const { parties } = space;
  const partyCount = parties.length;
  const step = runSaoKernel(setup);
  if (step === KERNEL_CANNOT_RUN) return undefined;
  const agreement = step === NO_AGREEMENT ? null : kernelAgreement(space.issues.length);
  const rawUtilities: number[] = [];
  for (let party = 0; party < partyCount; party++) {
    const spaceParty = parties[party];
    if (spaceParty === undefined) continue;
    rawUtilities.push(agreement === null ? spaceParty.reservation : utilityOf(spaceParty, agreement));
  }
  return agreement === null
    ? ending(setup, null, rawUtilities, deadline.steps, Math.ceil(deadline.steps / partyCount), NO_TRACE)
    : ending(setup, agreement, rawUtilities, step, Math.floor(step / partyCount), NO_TRACE);
}

/**
 * GENIUS and NegMAS leave this to the agents; the protocol also refuses an acceptance below the
 * party's own reservation value, so no agreement leaves a responder worse off than walking away.
 * Discounting multiplies both sides by the same positive factor, so undiscounted values decide.
 */
function isRational(party: SpaceParty | undefined, outcome: readonly number[]): boolean {
  return party !== undefined && utilityOf(party, outcome) >= party.reservation - 1e-12;
}

/**
 * The result with every party's discount at the end: `step` offers in, after `rounds` rounds.
 * Positional: a process's first negotiation would otherwise build an object of a new shape just to
 * pass these, which costs more unoptimised than everything else done here.
 */
// eslint-disable-next-line max-params
export function ending(
  setup: { space: NegotiationSetup['space']; deadline: Deadline },
  agreement: readonly number[] | null,
  rawUtilities: readonly number[],
  step: number,
  rounds: number,
  trace: readonly TraceEvent[],
): NegotiationResult {
  const time = timeAt(setup.deadline, step);
  // Loops, not maps with closures: a process's first negotiation runs this unoptimised.
  const { parties } = setup.space;
  const discounts: number[] = [];
  const utilities: number[] = [];
  for (let party = 0; party < parties.length; party++) {
    const discount = discountAt(parties[party]?.discount, time, rounds);
    discounts.push(discount);
    utilities.push((rawUtilities[party] ?? 0) * discount);
  }
  return {
    agreement,
    utilities,
    rawUtilities,
    discounts,
    steps: agreement === null ? step : step + 1,
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

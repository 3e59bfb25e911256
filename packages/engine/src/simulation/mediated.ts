import { utilityOf, type Outcome } from '../model/additive-space';
import { lastStep, timeAt, type NegotiationResult, type NegotiationSetup, type TraceEvent } from './protocol';
import { createRng, deriveSeed } from './rng';
import { ending, startAgents } from './sao';

/**
 * The mediated single-text protocol (Raiffa; Klein et al.), which is how drafting works in
 * Parley: a mediator who knows no one's utilities keeps one text and proposes changing one point
 * at a time; each party votes; the change is adopted only when all vote for it. A party votes for
 * any change it likes at least as much as the current text, and for a worse one only while it is
 * still above its current aspiration (its agent's acceptance rule). At the deadline the text is
 * agreed if every party prefers it to walking away.
 */
export function runMediated(setup: NegotiationSetup): NegotiationResult {
  const agents = startAgents(setup);
  const mediatorRng = createRng(deriveSeed(setup.seed, 1_000_003));
  const { space } = setup;
  let text: Outcome = space.issues.map((issue) => mediatorRng.int(issue.options.length));
  const trace: TraceEvent[] = [];
  const end = lastStep(setup.deadline);
  for (let step = 0; step < end; step++) {
    const issue = mediatorRng.int(space.issues.length);
    const optionCount = space.issues[issue]?.options.length ?? 1;
    if (optionCount < 2) continue;
    const candidate = [...text];
    candidate[issue] = ((text[issue] ?? 0) + 1 + mediatorRng.int(optionCount - 1)) % optionCount;
    const context = { time: timeAt(setup.deadline, step), step, offers: [] };
    const votes = agents.map((agent, party) => {
      const partyProfile = space.parties[party];
      if (partyProfile === undefined) return false;
      return (
        utilityOf(partyProfile, candidate) >= utilityOf(partyProfile, text) - 1e-12 ||
        agent.respond(context, { from: -1, outcome: candidate })
      );
    });
    const adopted = votes.every(Boolean);
    if (setup.recordTrace) trace.push({ kind: 'proposal', step, outcome: candidate, votes, adopted });
    if (adopted) text = candidate;
  }
  const utilities = space.parties.map((party) => utilityOf(party, text));
  const isAgreed = space.parties.every(
    (party, index) => (utilities[index] ?? -Infinity) >= party.reservation - 1e-12,
  );
  // Every proposal is voted on by all parties: one proposal is one round. The text is settled at the deadline.
  const rawUtilities = isAgreed ? utilities : space.parties.map((party) => party.reservation);
  const result = ending(setup, null, rawUtilities, end, end, trace);
  return isAgreed ? { ...result, agreement: text } : result;
}

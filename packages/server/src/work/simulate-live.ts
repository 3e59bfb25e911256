import {
  DomainError,
  type LiveSimulation,
  type NegotiationId,
  type PartyId,
  type PlanVersionId,
  type PointId,
} from '@parley/core';
import { findAgent, simulateLiveTalks, type LiveTalksSummary } from '@parley/engine';

/**
 * What a live simulation job stores and an engine thread runs: the issues and every party's profile
 * in additive form (null: none stated), read by the neutral system. Never sent to a client as such;
 * services/live-simulation-view.ts turns it and its summary into what the viewer may read.
 */
export type LiveSimulationJobInput = {
  readonly negotiationId: NegotiationId;
  readonly versionId: PlanVersionId;
  readonly issues: readonly { pointId: PointId; number: number; title: string; options: string[] }[];
  readonly parties: readonly {
    partyId: PartyId;
    /** `discount`: the profile's GENIUS discount factor, over the time to the deadline. */
    profile: { reservation: number; contributions: number[][]; discount?: number } | null;
    /** Whether the profile revision used was shared with the mediator (disclosure, not computation). */
    sharedWithMediator: boolean;
  }[];
  readonly agent: string;
  readonly protocol: 'sao' | 'mediated';
  readonly steps: number;
  readonly runs: number;
  readonly seed: number;
  readonly noise: number;
  readonly horizon: LiveSimulation['horizon'];
  readonly notices: readonly string[];
};

/** Progress is reported about this often (as a share of the runs), so the mediator's page sees it move. */
const PROGRESS_SLICES = 20;

/** Every run of a live simulation job, seeded one by one. Runs in an engine thread. */
export function computeLiveSimulation(
  input: LiveSimulationJobInput,
  progress: (done: number) => void,
): LiveTalksSummary {
  const agent = findAgent(input.agent);
  if (agent === undefined) throw new DomainError('invalid-input', `unknown agent "${input.agent}"`);
  const slice = Math.max(1, Math.ceil(input.runs / PROGRESS_SLICES));
  return simulateLiveTalks({
    // Points and parties are named by id inside the engine, as in the live analysis.
    issues: input.issues.map((issue) => ({ name: issue.pointId, options: issue.options })),
    parties: input.parties.map((party) => ({ name: party.partyId, profile: profileOf(party.profile) })),
    agents: input.parties.map(() => agent),
    protocol: input.protocol,
    steps: input.steps,
    runs: input.runs,
    seed: input.seed,
    noise: input.noise,
    onRun: (done) => {
      if (done % slice === 0 && done < input.runs) progress(done);
    },
  });
}

/** A stated discount runs over the time left to the deadline the job's steps lead up to (GENIUS's t). */
function profileOf(profile: LiveSimulationJobInput['parties'][number]['profile']) {
  if (profile === null) return null;
  const { discount, ...rest } = profile;
  return discount === undefined ? rest : { ...rest, discount: { factor: discount, per: 'time' as const } };
}

import {
  DomainError,
  issueOptions,
  type LiveIssue,
  type LiveSimulationInput,
  type Negotiation,
  type Party,
  type PreferenceProfile,
  type PlanVersionId,
} from '@parley/core';
import { listDeadlines } from '../storage/deadlines';
import { listLatestProfiles } from '../storage/preference-profiles';
import { listParties } from '../storage/parties';
import { assertSimulationWithinBudget } from '../work/budgets';
import type { LiveSimulationJobInput } from '../work/simulate-live';
import type { AppDeps } from './deps';
import { countable, type Counted, type Issue } from './live-analysis';
import { horizonOf } from './live-simulation-horizon';

/** The engine's outcome spaces hold at most this many parties. */
const MAX_PARTIES = 8;

/**
 * What a simulation of the talks will run, checked against the budgets before anything is
 * stored: the version's negotiable issues, every negotiating party's newest complete profile (or
 * null: drawn at random) and the steps to the next deadline, with a notice for each assumption.
 */
export async function buildLiveSimulationJob(
  deps: AppDeps,
  input: {
    negotiation: Negotiation;
    versionId: PlanVersionId;
    body: LiveSimulationInput;
    all: readonly LiveIssue[];
  },
): Promise<{ job: LiveSimulationJobInput; profiles: PreferenceProfile[]; parties: Party[] }> {
  const { negotiation, body } = input;
  const { issues, notices } = negotiableIssues(input.all);
  const [profiles, parties, deadlines] = await Promise.all([
    listLatestProfiles(deps.db, { negotiationId: negotiation.id, sealKey: deps.sealKey }),
    listParties(deps.db, negotiation.id),
    listDeadlines(deps.db, negotiation.id),
  ]);
  const sides = sidesOf({ parties, profiles, issues, notices });
  const { horizon, steps, notice } = horizonOf(deadlines, deps.clock.now());
  if (notice !== undefined) notices.push(notice);
  assertSimulationWithinBudget(deps.budgets, {
    runs: body.runs,
    steps,
    parties: sides.length,
    optionsPerIssue: issues.map((issue) => issue.options.length),
  });
  const job: LiveSimulationJobInput = {
    negotiationId: negotiation.id,
    versionId: input.versionId,
    issues: issues.map((issue) => ({
      pointId: issue.pointId,
      number: issue.number,
      title: issue.title,
      options: issue.options,
    })),
    parties: sides,
    agent: body.agent,
    protocol: body.protocol,
    steps,
    runs: body.runs,
    seed: body.seed,
    noise: body.noise,
    horizon,
    notices,
  };
  return { job, profiles, parties };
}

function negotiableIssues(all: readonly LiveIssue[]): { issues: Issue[]; notices: string[] } {
  const notices = all
    .filter((issue) => issue.definition !== null && issue.needsReconciling)
    .map(
      (issue) =>
        `Point ${issue.number} was merged or split; it is left out until its options are reconciled.`,
    );
  const issues: Issue[] = all.flatMap((issue) =>
    issue.definition === null || issue.needsReconciling
      ? []
      : [{ ...issue, definition: issue.definition, options: issueOptions(issue.definition) }],
  );
  if (issues.length === 0)
    throw new DomainError('cannot-compute', 'No point of this version is a negotiable issue yet.');
  return { issues, notices };
}

function sidesOf(input: {
  parties: readonly Party[];
  profiles: readonly PreferenceProfile[];
  issues: readonly Issue[];
  notices: string[];
}): LiveSimulationJobInput['parties'] {
  const negotiating = input.parties.filter((party) => party.role === 'party');
  if (negotiating.length < 2)
    throw new DomainError('cannot-compute', 'Simulating the talks needs at least two negotiating parties.');
  if (negotiating.length > MAX_PARTIES)
    throw new DomainError(
      'work-too-large',
      `At most ${MAX_PARTIES} negotiating parties can be simulated; this negotiation has ${negotiating.length}.`,
    );
  const sides = negotiating.map((party) => {
    const profile = input.profiles.find((candidate) => candidate.partyId === party.id);
    const counted = profile === undefined ? undefined : countable(profile, input.issues);
    if (counted === undefined)
      input.notices.push(
        `${party.name} has no preferences rating every issue of this version: its preferences are drawn at random in every run, and no utility is reported for it.`,
      );
    return {
      partyId: party.id,
      profile: counted === undefined ? null : profileOf(counted),
      sharedWithMediator: counted?.profile.sharedWithMediator ?? false,
    };
  });
  if (sides.every((side) => side.profile === null))
    throw new DomainError(
      'cannot-compute',
      'Simulating the talks needs the preferences of at least one party rating every issue of this version.',
    );
  return sides;
}

/** The profile in the engine's additive form: weight × rating per option, on the 0–1 scale. */
function profileOf(counted: Counted) {
  const { profile, evaluations, weights } = counted;
  return {
    reservation: profile.reservation / (profile.scale === 'percent' ? 100 : 1),
    contributions: evaluations.map((values, issue) => values.map((value) => value * (weights[issue] ?? 0))),
    // A factor of 1 is no discount (GENIUS's `validateDiscount`); it is left out like an absent one.
    ...(profile.discount !== undefined && profile.discount < 1 && { discount: profile.discount }),
  };
}

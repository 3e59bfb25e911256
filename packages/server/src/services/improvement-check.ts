import {
  can,
  DomainError,
  ImprovementProposalIdSchema,
  type ImprovementCheck,
  type ImprovementProposal,
  type Negotiation,
  type PlanVersionId,
  type Viewer,
} from '@parley/core';
import { recordReadAudit } from '../audit';
import { insertImprovementProposal, listImprovementProposals } from '../storage/improvement-proposals';
import { listLatestProfiles } from '../storage/preference-profiles';
import { commitChange } from './commit-change';
import type { AppDeps } from './deps';
import { analyzeLiveSpace, checkPackage, countable, type Issue } from './live-analysis';
import { analysedIssues } from './live-issue-space';
import { issuesAt } from './live-issues';
import { assertAllowed } from './viewer';

// "Strictly prefers" with a margin: sums of float products that are equal on paper may differ
// in the last bits, and a package better by 1e-16 is not one anyone prefers.
const STRICTLY = 1e-9;

type Input = {
  negotiation: Negotiation;
  versionId: PlanVersionId;
  package: Record<string, string>;
  signal?: AbortSignal;
};

const negotiationResource = (negotiation: Negotiation) => ({
  kind: 'negotiation' as const,
  negotiationId: negotiation.id,
});

/**
 * Whether a package exists that every party strictly prefers to the one sent, over every
 * submitted profile, shared or not (the neutral system may use them all). Every viewer gets the
 * same answer: the package or none, never a utility, a party or a reason (docs/live-analysis.md).
 */
export async function checkImprovement(
  deps: AppDeps,
  viewer: Viewer,
  input: Input,
): Promise<ImprovementCheck> {
  const all = await issuesAt(deps, viewer, input);
  assertAllowed(
    can(viewer, 'live-analysis.run', negotiationResource(input.negotiation)),
    'run the analysis of this negotiation',
  );
  const { choices: found, countedPartyIds } = await findImprovement(deps, input, analysableIssues(all));
  await recordReadAudit(deps.db, {
    at: deps.clock.now(),
    actorId: viewer.userId,
    action: 'live-analysis.improvement-check',
    subjectType: 'plan_version',
    subjectId: input.versionId,
    negotiationId: input.negotiation.id,
    // Whether one was found is itself computed from hidden profiles: not written where others read.
    // Whose profiles it read is, so each delegation finds the checks over its own in its log.
    detail: { countedPartyIds },
  });
  return { versionId: input.versionId, found: found !== null, choices: found };
}

/** The mediator proposes to every party the package the check finds (computed again, never taken from the client). */
export async function proposeImprovement(
  deps: AppDeps,
  viewer: Viewer,
  input: Input,
): Promise<ImprovementProposal> {
  const all = await issuesAt(deps, viewer, input);
  assertAllowed(
    can(viewer, 'live-analysis.propose', negotiationResource(input.negotiation)),
    'propose a package to every party',
  );
  const { choices } = await findImprovement(deps, input, analysableIssues(all));
  if (choices === null)
    throw new DomainError('cannot-compute', 'No package that every party prefers to this one was found.', {
      field: 'package',
    });
  const proposal: ImprovementProposal = {
    id: ImprovementProposalIdSchema.parse(deps.ids.next()),
    versionId: input.versionId,
    choices,
    proposedAt: deps.clock.now().toISOString(),
  };
  await commitChange(deps, {
    actor: viewer,
    write: (tx) =>
      insertImprovementProposal(tx, {
        negotiationId: input.negotiation.id,
        proposal,
        proposedBy: viewer.userId,
      }),
    audit: {
      action: 'live-analysis.propose',
      subjectType: 'plan_version',
      subjectId: input.versionId,
      negotiationId: input.negotiation.id,
      detail: { proposalId: proposal.id },
    },
    event: {
      type: 'proposal.created',
      negotiationId: input.negotiation.id,
      versionId: input.versionId,
      proposalId: proposal.id,
    },
  });
  return proposal;
}

/** Every participant reads the proposals made on a version (plan material, like the issues). */
export async function listProposals(
  deps: AppDeps,
  viewer: Viewer,
  input: { negotiation: Negotiation; versionId: PlanVersionId },
): Promise<ImprovementProposal[]> {
  await issuesAt(deps, viewer, input);
  assertAllowed(can(viewer, 'issue.read', negotiationResource(input.negotiation)), 'read the proposals');
  return listImprovementProposals(deps.db, {
    negotiationId: input.negotiation.id,
    versionId: input.versionId,
  });
}

function analysableIssues(all: Parameters<typeof analysedIssues>[0]): Issue[] {
  const issues = analysedIssues(all);
  if (issues.length === 0)
    throw new DomainError('cannot-compute', 'No point of this version is a negotiable issue yet.');
  return issues;
}

async function findImprovement(deps: AppDeps, input: Input, issues: readonly Issue[]) {
  const sent = checkPackage(issues, input.package);
  const counted = (
    await listLatestProfiles(deps.db, { negotiationId: input.negotiation.id, sealKey: deps.sealKey })
  ).flatMap((profile) => {
    const entry = countable(profile, issues);
    return entry === undefined ? [] : [entry];
  });
  if (counted.length < 2)
    throw new DomainError(
      'cannot-compute',
      'The check needs the profiles of at least two parties rating every issue of this version.',
    );
  const analysis = await analyzeLiveSpace(deps, { issues, counted, package: sent, signal: input.signal });
  const countedPartyIds = counted.map((entry) => entry.profile.partyId);
  const base = analysis.package?.utilities ?? [];
  // Improvements come best first (the largest smallest gain): if the first is not strictly better
  // for everyone, none is.
  const best = analysis.improvements[0];
  if (
    best === undefined ||
    !best.utilities.every((utility, index) => utility > (base[index] ?? 0) + STRICTLY)
  )
    return { choices: null, countedPartyIds };
  const choices = issues.map((issue) => ({
    pointId: issue.pointId,
    number: issue.number,
    title: issue.title,
    option: best.outcome[issue.pointId] ?? '',
  }));
  return { choices, countedPartyIds };
}

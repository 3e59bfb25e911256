import {
  can,
  DomainError,
  type LiveSimulation,
  type LiveSimulationInput,
  type Negotiation,
  type Viewer,
  type PlanVersionId,
} from '@parley/core';
import { AGENT_NAMES, findAgent } from '@parley/engine';
import { recordReadAudit } from '../audit';
import { listLatestProfiles } from '../storage/preference-profiles';
import {
  findLiveSimulation,
  insertLiveSimulation,
  listLiveSimulations,
  type StoredLiveSimulation,
} from '../storage/live-simulations';
import { listParties } from '../storage/parties';
import { cancelSimulation } from '../storage/simulations';
import { commitChange } from './commit-change';
import type { AppDeps } from './deps';
import { buildLiveSimulationJob } from './live-simulation-job';
import { liveSimulationSeenBy } from './live-simulation-view';
import { issuesAt } from './live-issues';
import { assertAllowed } from './viewer';

const LISTED = 10;

const resourceOf = (negotiation: Negotiation) => ({
  kind: 'negotiation' as const,
  negotiationId: negotiation.id,
});

/**
 * Queues a simulation of the live talks on a version (docs/live-analysis.md). The neutral system
 * reads every negotiating party's newest profile, shared with the mediator or not; a party without
 * one that rates every issue is drawn at random in every run, and the job says so.
 */
export async function startLiveSimulation(
  deps: AppDeps,
  viewer: Viewer,
  input: { negotiation: Negotiation; versionId: PlanVersionId; body: LiveSimulationInput },
): Promise<LiveSimulation> {
  const { negotiation, versionId, body } = input;
  const all = await issuesAt(deps, viewer, { negotiation, versionId });
  assertAllowed(can(viewer, 'live-simulation.run', resourceOf(negotiation)), 'simulate the talks');
  if (viewer.userId === null) throw new DomainError('unauthenticated', 'Sign in to simulate the talks.');
  if (findAgent(body.agent) === undefined)
    throw new DomainError(
      'invalid-input',
      `Unknown agent "${body.agent}"; known agents: ${AGENT_NAMES.join(', ')}.`,
      { field: 'agent' },
    );
  const { job, profiles, parties } = await buildLiveSimulationJob(deps, {
    negotiation,
    versionId,
    body,
    all,
  });
  const ownerId = viewer.userId;
  const stored = await commitChange(deps, {
    actor: viewer,
    write: (tx) =>
      insertLiveSimulation(tx, {
        id: deps.ids.next(),
        ownerId,
        input: job,
        at: deps.clock.now(),
        sealKey: deps.sealKey,
      }),
    audit: (created) => ({
      action: 'live-simulation.create',
      subjectType: 'simulation',
      subjectId: created.id,
      negotiationId: negotiation.id,
      detail: { versionId, protocol: body.protocol, runs: body.runs, steps: job.steps },
    }),
  });
  await deps.enqueueSimulation?.(stored.id);
  return liveSimulationSeenBy(stored, { viewer, negotiation, parties, sharedNow: sharedIn(profiles) });
}

/** One live simulation, or the same not-found whether it is missing or the viewer may not read it. */
export async function getLiveSimulation(
  deps: AppDeps,
  viewer: Viewer,
  input: { negotiation: Negotiation; simulationId: string },
): Promise<LiveSimulation> {
  const stored = await readable(deps, viewer, input);
  const [view] = await presentAudited(deps, viewer, { negotiation: input.negotiation, stored: [stored] });
  return view ?? notFound();
}

/** The newest live simulations of a version; none for a viewer outside the mediator's party. */
export async function listLiveSimulationsForViewer(
  deps: AppDeps,
  viewer: Viewer,
  input: { negotiation: Negotiation; versionId: PlanVersionId },
): Promise<LiveSimulation[]> {
  await issuesAt(deps, viewer, input);
  if (!can(viewer, 'live-simulation.read', resourceOf(input.negotiation))) return [];
  const stored = await listLiveSimulations(deps.db, {
    negotiationId: input.negotiation.id,
    versionId: input.versionId,
    limit: LISTED,
    sealKey: deps.sealKey,
  });
  return presentAudited(deps, viewer, { negotiation: input.negotiation, stored });
}

/** Stops a job that has not finished; a running one is stopped at its next progress report. */
export async function cancelLiveSimulation(
  deps: AppDeps,
  viewer: Viewer,
  input: { negotiation: Negotiation; simulationId: string },
): Promise<LiveSimulation> {
  const stored = await readable(deps, viewer, input);
  assertAllowed(can(viewer, 'live-simulation.run', resourceOf(input.negotiation)), 'cancel a simulation');
  await commitChange(deps, {
    actor: viewer,
    write: async (tx) => {
      if ((await cancelSimulation(tx, { id: stored.id, at: deps.clock.now() })) === undefined)
        throw new DomainError('conflict', `The simulation has already ended (${stored.status}).`);
    },
    audit: {
      action: 'live-simulation.cancel',
      subjectType: 'simulation',
      subjectId: stored.id,
      negotiationId: input.negotiation.id,
    },
  });
  return getLiveSimulation(deps, viewer, input);
}

async function readable(
  deps: AppDeps,
  viewer: Viewer,
  input: { negotiation: Negotiation; simulationId: string },
): Promise<StoredLiveSimulation> {
  if (!can(viewer, 'live-simulation.read', resourceOf(input.negotiation))) return notFound();
  const stored = await findLiveSimulation(deps.db, {
    negotiationId: input.negotiation.id,
    id: input.simulationId,
    sealKey: deps.sealKey,
  });
  return stored ?? notFound();
}

/** Results are numbers computed from profiles: each read is logged with whose numbers it carried. */
async function presentAudited(
  deps: AppDeps,
  viewer: Viewer,
  input: { negotiation: Negotiation; stored: readonly StoredLiveSimulation[] },
): Promise<LiveSimulation[]> {
  const [parties, profiles] = await Promise.all([
    listParties(deps.db, input.negotiation.id),
    listLatestProfiles(deps.db, { negotiationId: input.negotiation.id, sealKey: deps.sealKey }),
  ]);
  const context = { viewer, negotiation: input.negotiation, parties, sharedNow: sharedIn(profiles) };
  const views = input.stored.map((stored) => liveSimulationSeenBy(stored, context));
  const withResults = views.filter((view) => view.result !== null);
  if (withResults.length > 0)
    await recordReadAudit(deps.db, {
      at: deps.clock.now(),
      actorId: viewer.userId,
      action: 'live-simulation.read',
      subjectType: 'simulation',
      subjectId: withResults.length === 1 ? (withResults[0]?.id ?? null) : null,
      negotiationId: input.negotiation.id,
      detail: {
        simulationIds: withResults.map((view) => view.id),
        disclosedPartyIds: [
          ...new Set(withResults.flatMap((view) => view.result?.utilities.map((u) => u.partyId) ?? [])),
        ],
      },
    });
  return views;
}

function sharedIn(profiles: readonly { partyId: string; sharedWithMediator: boolean }[]): Set<string> {
  return new Set(profiles.filter((profile) => profile.sharedWithMediator).map((profile) => profile.partyId));
}

function notFound(): never {
  throw new DomainError('not-found', 'No such simulation.');
}

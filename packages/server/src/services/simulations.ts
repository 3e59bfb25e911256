import { randomUUID } from 'node:crypto';
import { can, DomainError, type CreateSimulationInput, type Viewer } from '@parley/core';
import { AGENT_NAMES, findAgent } from '@parley/engine';
import { recordAudit } from '../audit';
import { findSimulation, insertSimulation, type StoredSimulation } from '../storage/simulations';
import type { AppDeps } from './deps';

/** Starts a simulation job: stored first, then queued, so a worker never sees a job it cannot load. */
export async function createSimulation(
  deps: AppDeps,
  viewer: Viewer,
  input: CreateSimulationInput,
): Promise<StoredSimulation> {
  if (!can(viewer, 'simulation.create', { kind: 'global' }) || viewer.userId === null)
    throw new DomainError('unauthenticated', 'Sign in to start a simulation.');
  const unknown = input.agents.filter((name) => findAgent(name) === undefined);
  if (unknown.length > 0) {
    throw new DomainError(
      'invalid-input',
      `Unknown agent ${unknown.map((name) => `"${name}"`).join(', ')}; known agents: ${AGENT_NAMES.join(', ')}.`,
      { field: 'agents' },
    );
  }
  const ownerId = viewer.userId;
  const simulation = await deps.db.transaction().execute(async (tx) => {
    const stored = await insertSimulation(tx, { id: randomUUID(), ownerId, input, at: deps.clock.now() });
    await recordAudit(tx, {
      at: deps.clock.now(),
      actorId: ownerId,
      action: 'simulation.create',
      subjectType: 'simulation',
      subjectId: stored.id,
      negotiationId: null,
      detail: { agents: input.agents, runs: input.runs },
    });
    return stored;
  });
  await deps.enqueueSimulation?.(simulation.id);
  return simulation;
}

/** The job, or the same not-found whether it does not exist or belongs to someone else. */
export async function getSimulationForViewer(
  deps: AppDeps,
  viewer: Viewer,
  simulationId: string,
): Promise<StoredSimulation> {
  const simulation = await findSimulation(deps.db, simulationId);
  if (
    simulation === undefined ||
    !can(viewer, 'simulation.read', { kind: 'simulation', ownerId: simulation.ownerId })
  ) {
    throw new DomainError('not-found', 'No such simulation.');
  }
  return simulation;
}

import { can, DomainError, type CreateSimulationInput, type Viewer } from '@parley/core';
import { AGENT_NAMES, findAgent } from '@parley/engine';
import {
  cancelSimulation,
  findSimulation,
  insertSimulation,
  type StoredSimulation,
} from '../storage/simulations';
import { assertSimulationWithinBudget } from '../work/budgets';
import { commitChange } from './commit-change';
import type { AppDeps } from './deps';

/** Starts a simulation job: stored first, then queued, so a worker never sees a job it cannot load. */
export async function createSimulation(
  deps: AppDeps,
  viewer: Viewer,
  input: CreateSimulationInput,
): Promise<StoredSimulation> {
  if (viewer.userId === null) throw new DomainError('unauthenticated', 'Sign in to start a simulation.');
  if (!can(viewer, 'simulation.create', { kind: 'global' }))
    throw new DomainError('forbidden', 'Only a participant in a negotiation may start a simulation.');
  const unknown = input.agents.filter((name) => findAgent(name) === undefined);
  if (unknown.length > 0) {
    throw new DomainError(
      'invalid-input',
      `Unknown agent ${unknown.map((name) => `"${name}"`).join(', ')}; known agents: ${AGENT_NAMES.join(', ')}.`,
      { field: 'agents' },
    );
  }
  assertSimulationWithinBudget(deps.budgets, {
    runs: input.runs,
    steps: input.steps,
    parties: input.space.parties.length,
    optionsPerIssue: input.space.issues.map((issue) => issue.options.length),
  });
  const ownerId = viewer.userId;
  const simulation = await commitChange(deps, {
    actor: viewer,
    write: (tx) => insertSimulation(tx, { id: deps.ids.next(), ownerId, input, at: deps.clock.now() }),
    audit: (stored) => ({
      action: 'simulation.create',
      subjectType: 'simulation',
      subjectId: stored.id,
      negotiationId: null,
      detail: { agents: input.agents, runs: input.runs },
    }),
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

/** Stops a job that has not finished; a running one is stopped at its next progress report. */
export async function cancelSimulationForViewer(
  deps: AppDeps,
  viewer: Viewer,
  simulationId: string,
): Promise<StoredSimulation> {
  const simulation = await getSimulationForViewer(deps, viewer, simulationId);
  if (!can(viewer, 'simulation.cancel', { kind: 'simulation', ownerId: simulation.ownerId }))
    throw new DomainError('not-found', 'No such simulation.');
  return commitChange(deps, {
    actor: viewer,
    write: async (tx) => {
      const updated = await cancelSimulation(tx, { id: simulationId, at: deps.clock.now() });
      if (updated === undefined)
        throw new DomainError('conflict', `The simulation has already ended (${simulation.status}).`);
      return updated;
    },
    audit: {
      action: 'simulation.cancel',
      subjectType: 'simulation',
      subjectId: simulationId,
      negotiationId: null,
    },
  });
}

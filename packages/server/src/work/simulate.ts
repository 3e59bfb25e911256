import type { CreateSimulationInput } from '@parley/core';
import { DomainError } from '@parley/core';
import {
  createBatchAccumulator,
  findAgent,
  runNegotiation,
  runSeed,
  type AgentFactory,
  type BatchSummary,
} from '@parley/engine';

/** Progress is reported about this often (as a share of the runs), so watching clients see it move. */
const PROGRESS_SLICES = 20;

/**
 * Every run of a simulation job, seeded, so a retried job gives the same summary however many
 * workers died on the way. Runs in an engine thread.
 */
export function computeSimulation(
  input: CreateSimulationInput,
  progress: (done: number) => void,
): BatchSummary {
  const agents: AgentFactory[] = input.agents.map((name) => {
    const agent = findAgent(name);
    if (agent === undefined) throw new DomainError('invalid-input', `unknown agent "${name}"`);
    return agent;
  });
  const { space, protocol, steps, runs, seed } = input;
  const accumulator = createBatchAccumulator({ space, protocol });
  const slice = Math.max(1, Math.ceil(runs / PROGRESS_SLICES));
  for (let run = 0; run < runs; run++) {
    accumulator.add(
      runNegotiation({ space, agents, deadline: { steps }, seed: runSeed(seed, run), protocol }),
    );
    if ((run + 1) % slice === 0 && run + 1 < runs) progress(run + 1);
  }
  return accumulator.summary();
}

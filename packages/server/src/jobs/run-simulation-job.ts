import {
  createBatchAccumulator,
  findAgent,
  runNegotiation,
  runSeed,
  type AgentFactory,
} from '@parley/engine';
import type { Clock } from '../clock';
import type { Database } from '../storage/database';
import { finishSimulation, startSimulationAttempt, updateSimulationProgress } from '../storage/simulations';

/** Progress is written about this often (as a share of the runs), so watching clients see it move. */
const PROGRESS_SLICES = 20;

/**
 * Runs one simulation job to the end. Idempotent: a job already finished (a duplicate delivery)
 * is skipped, and a retried one starts over from run 0 — runs are seeded, so the result is the
 * same however many workers died on the way. Bad parameters fail the job with a stored reason and
 * are not retried (the handler returns normally).
 */
export async function runSimulationJob(
  deps: { db: Database; clock: Clock },
  simulationId: string,
): Promise<'completed' | 'failed' | 'skipped'> {
  const job = await startSimulationAttempt(deps.db, simulationId, deps.clock.now());
  if (job === undefined) return 'skipped';
  const agents: AgentFactory[] = [];
  for (const name of job.input.agents) {
    const agent = findAgent(name);
    if (agent === undefined) {
      await finishSimulation(deps.db, {
        id: simulationId,
        at: deps.clock.now(),
        error: `unknown agent "${name}"`,
      });
      return 'failed';
    }
    agents.push(agent);
  }
  const { space, protocol, steps, runs, seed } = job.input;
  const accumulator = createBatchAccumulator({ space, protocol });
  const slice = Math.max(1, Math.ceil(runs / PROGRESS_SLICES));
  for (let run = 0; run < runs; run++) {
    accumulator.add(
      runNegotiation({ space, agents, deadline: { steps }, seed: runSeed(seed, run), protocol }),
    );
    // Writing progress also yields to the event loop, so a long job never starves the process.
    if ((run + 1) % slice === 0 && run + 1 < runs)
      await updateSimulationProgress(deps.db, { id: simulationId, done: run + 1, at: deps.clock.now() });
  }
  await finishSimulation(deps.db, { id: simulationId, at: deps.clock.now(), result: accumulator.summary() });
  return 'completed';
}

import { DomainError, type CreateSimulationInput } from '@parley/core';
import type { Clock } from '../clock';
import type { SealKey } from '../sealing/seal-key';
import type { Database } from '../storage/database';
import { openLiveJobInput, sealLiveResult } from '../storage/live-simulations';
import {
  finishSimulation,
  startSimulationJobAttempt,
  updateSimulationProgress,
  type SimulationJobAttempt,
} from '../storage/simulations';
import { ENGINE_BUDGETS, type EngineBudgets } from '../work/budgets';
import { sharedEnginePool, type EnginePool } from '../work/engine-pool';
import type { EngineTask } from '../work/engine-tasks';

/** A job that has been started this many times and still not finished is failed, not retried. */
export const SIMULATION_MAX_ATTEMPTS = 2;

export type SimulationJobDeps = {
  db: Database;
  clock: Clock;
  /** Opens a live job's profiles and seals its result (docs/security.md#sealed-preference-profiles). */
  sealKey: SealKey;
  engine?: EnginePool;
  budgets?: Pick<EngineBudgets, 'simulationTimeMs'>;
};

/**
 * Runs one simulation job (an account's scenario, or the live talks of a negotiation) to the end in an engine thread. Idempotent: a job already finished or
 * cancelled (a duplicate delivery) is skipped, and a retried one starts over from run 0 — runs are
 * seeded, so the result is the same however many workers died on the way. Bad parameters, a job
 * that ran out of its run-time limit and a job started twice already fail for good (the handler
 * returns normally, so the queue does not retry them).
 */
export async function runSimulationJob(
  deps: SimulationJobDeps,
  simulationId: string,
): Promise<'completed' | 'failed' | 'skipped' | 'cancelled'> {
  const job = await startSimulationJobAttempt(deps.db, simulationId, deps.clock.now());
  if (job === undefined) return 'skipped';
  const fail = async (error: string) => {
    await finishSimulation(deps.db, { id: simulationId, at: deps.clock.now(), error });
    return 'failed' as const;
  };
  if (job.attempts > SIMULATION_MAX_ATTEMPTS)
    return fail(`stopped after ${SIMULATION_MAX_ATTEMPTS} attempts that did not finish; not retried`);
  const timeoutMs = deps.budgets?.simulationTimeMs ?? ENGINE_BUDGETS.simulationTimeMs;
  const cancel = new AbortController();
  try {
    const result = await (deps.engine ?? sharedEnginePool()).run(taskOf(job, simulationId, deps.sealKey), {
      timeoutMs,
      signal: cancel.signal,
      onProgress: (done) => {
        // Cancelling marks the row; the next progress report finds it and stops the thread.
        void updateSimulationProgress(deps.db, { id: simulationId, done, at: deps.clock.now() }).then(
          (isRunning) => isRunning || cancel.abort(),
          () => undefined,
        );
      },
    });
    const stored =
      job.kind === 'live'
        ? sealLiveResult(result, {
            negotiationId: job.negotiationId ?? '',
            simulationId,
            sealKey: deps.sealKey,
          })
        : result;
    await finishSimulation(deps.db, { id: simulationId, at: deps.clock.now(), result: stored });
    return 'completed';
  } catch (error) {
    if (!(error instanceof DomainError)) {
      // The queue retries a thrown attempt only while it has retries left; after the last one
      // nothing would ever finish the row, which would say `running` for good.
      if (job.attempts >= SIMULATION_MAX_ATTEMPTS)
        return fail(
          `could not finish (${error instanceof Error ? error.message : String(error)}); not retried`,
        );
      throw error;
    }
    if (error.code === 'work-cancelled') return 'cancelled';
    if (error.code === 'work-timed-out')
      return fail(`exceeded its run-time limit of ${Math.round(timeoutMs / 1000)} s; not retried`);
    return fail(error.message);
  }
}

/** Stored input was parsed by the service that queued the job; its kind says which. */
function taskOf(job: SimulationJobAttempt, simulationId: string, sealKey: SealKey): EngineTask {
  if (job.kind === 'scenario') return { kind: 'simulate', input: job.input as CreateSimulationInput };
  const negotiationId = job.negotiationId ?? '';
  return {
    kind: 'simulate-live',
    input: openLiveJobInput(job.input, { negotiationId, simulationId, sealKey }),
  };
}

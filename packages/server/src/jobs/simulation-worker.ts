import type { Clock } from '../clock';
import type { SealKey } from '../sealing/seal-key';
import type { Database } from '../storage/database';
import { failAbandonedSimulations } from '../storage/simulations';
import { SIMULATION_QUEUE, type JobQueue } from './job-queue';
import { runSimulationJob, SIMULATION_MAX_ATTEMPTS } from './run-simulation-job';

export type SimulationJobData = { simulationId: string };

/** Takes simulation jobs from the queue, one at a time per worker, until the queue is stopped. */
export async function workSimulations(
  queue: JobQueue,
  deps: { db: Database; clock: Clock; sealKey: SealKey; log?: (line: string) => void },
): Promise<void> {
  sweepAbandonedSimulations(queue, deps);
  await queue.boss.work<SimulationJobData>(
    SIMULATION_QUEUE,
    { pollingIntervalSeconds: 0.5, batchSize: 1 },
    async (jobs) => {
      for (const job of jobs) {
        const outcome = await runSimulationJob(deps, job.data.simulationId);
        deps.log?.(`simulation ${job.data.simulationId}: ${outcome}`);
      }
    },
  );
}

/** Puts a stored simulation on the queue. */
export async function enqueueSimulation(queue: JobQueue, simulationId: string): Promise<void> {
  await queue.boss.send(SIMULATION_QUEUE, { simulationId } satisfies SimulationJobData);
}

/**
 * A worker killed during a job's last attempt leaves it `running`, and the queue, out of retries,
 * only expires it. Every worker therefore fails such jobs once they have been idle for longer than
 * the queue's expiry (plus a minute's grace), at start and then as often as the expiry.
 */
function sweepAbandonedSimulations(
  queue: JobQueue,
  deps: { db: Database; clock: Clock; log?: (line: string) => void },
): void {
  const idleMs = (queue.expireInSeconds + 60) * 1000;
  const sweep = () =>
    failAbandonedSimulations(deps.db, {
      lastAttempt: SIMULATION_MAX_ATTEMPTS,
      idleSince: new Date(deps.clock.now().getTime() - idleMs),
      at: deps.clock.now(),
      error: `its worker stopped during the last of ${SIMULATION_MAX_ATTEMPTS} attempts; not retried`,
    }).then(
      (failed) => {
        if (failed > 0) deps.log?.(`failed ${failed} simulation(s) abandoned by a stopped worker`);
      },
      (error: unknown) => console.error('simulation sweep:', error),
    );
  void sweep();
  const timer = setInterval(() => void sweep(), Math.max(queue.expireInSeconds, 30) * 1000);
  timer.unref();
  queue.boss.once('stopped', () => clearInterval(timer));
}

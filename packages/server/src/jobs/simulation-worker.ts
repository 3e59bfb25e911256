import type { Clock } from '../clock';
import type { Database } from '../storage/database';
import { SIMULATION_QUEUE, type JobQueue } from './job-queue';
import { runSimulationJob } from './run-simulation-job';

export type SimulationJobData = { simulationId: string };

/** Takes simulation jobs from the queue, one at a time per worker, until the queue is stopped. */
export async function workSimulations(
  queue: JobQueue,
  deps: { db: Database; clock: Clock; log?: (line: string) => void },
): Promise<void> {
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

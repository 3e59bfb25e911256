import { randomUUID } from 'node:crypto';
import { CreateSimulationInputSchema } from '@parley/core';
import { describe, expect, it } from 'vitest';
import { SYSTEM_CLOCK } from '../src/clock';
import { startJobQueue } from '../src/jobs/job-queue';
import { SIMULATION_MAX_ATTEMPTS } from '../src/jobs/run-simulation-job';
import { workSimulations } from '../src/jobs/simulation-worker';
import { createUser } from '../src/services/accounts';
import { createEphemeralSealKey } from '../src/sealing/seal-key';
import { createDeps } from '../src/services/deps';
import { findSimulation, insertSimulation, startSimulationAttempt } from '../src/storage/simulations';
import { API_DATABASE_KINDS, openTestDatabase } from './helpers/each-database';
import { eventually } from './helpers/eventually';

// Issue #13: a worker killed during a job's last attempt left it `running` for good (the queue,
// out of retries, only expires it). Workers now fail such jobs once they have been idle too long.

const INPUT = CreateSimulationInputSchema.parse({
  space: {
    issues: [{ name: 'price', options: ['low', 'high'] }],
    parties: [
      { name: 'a', reservation: 0, constant: 0, contributions: [[0, 1]] },
      { name: 'b', reservation: 0, constant: 0, contributions: [[1, 0]] },
    ],
  },
  agents: ['boulware', 'conceder'],
});

describe.each(API_DATABASE_KINDS)('abandoned simulation jobs on %s', (kind) => {
  it('fails a job idle on its last attempt, and leaves retried and recent ones alone', async () => {
    const handle = await openTestDatabase(kind);
    const queue = await startJobQueue(handle, { databaseUrl: handle.url, expireInSeconds: 1 });
    try {
      const deps = createDeps(handle.db);
      const owner = await createUser(deps, {
        email: 'analyst@example.org',
        displayName: 'Analyst',
        password: 'analyst password',
      });
      const longAgo = new Date(Date.now() - 60 * 60 * 1000);
      const stuck = async (attempts: number, at: Date) => {
        const id = randomUUID();
        await insertSimulation(handle.db, { id, ownerId: owner.id, input: INPUT, at });
        for (let attempt = 0; attempt < attempts; attempt += 1)
          await startSimulationAttempt(handle.db, id, at);
        return id;
      };
      const abandoned = await stuck(SIMULATION_MAX_ATTEMPTS, longAgo);
      const retriedByTheQueue = await stuck(SIMULATION_MAX_ATTEMPTS - 1, longAgo);
      const stillWorked = await stuck(SIMULATION_MAX_ATTEMPTS, new Date());

      await workSimulations(queue, { db: handle.db, clock: SYSTEM_CLOCK, sealKey: createEphemeralSealKey() });
      await eventually(async () => (await findSimulation(handle.db, abandoned))?.status !== 'running', {
        intervalMs: 100,
      });

      expect(await findSimulation(handle.db, abandoned)).toMatchObject({
        status: 'failed',
        error: expect.stringContaining('its worker stopped during the last of 2 attempts; not retried'),
      });
      expect((await findSimulation(handle.db, retriedByTheQueue))?.status).toBe('running');
      expect((await findSimulation(handle.db, stillWorked))?.status).toBe('running');
    } finally {
      await queue.stop();
      await handle.close();
    }
  }, 120_000);
});

import { join } from 'node:path';
import { findAgent, simulateBatch, type AdditiveSpace, type Semantics } from '@parley/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadScenario } from '../src/cli/commands/simulate-scenario';
import { createApp } from '../src/http/create-app';
import { startJobQueue, type JobQueue } from '../src/jobs/job-queue';
import { enqueueSimulation, workSimulations } from '../src/jobs/simulation-worker';
import { createUser } from '../src/services/accounts';
import { createDeps } from '../src/services/deps';
import type { DatabaseHandle } from '../src/storage/database';
import { API_DATABASE_KINDS, openTestDatabase } from './helpers/each-database';
import { takeASeat } from './helpers/seat';
import { call, signIn, type SignedIn } from './helpers/session';
import { createMutableClock, type TestApp } from './helpers/test-app';

// Issue #17 item 5: a job sent through the API applies the discount factors and reservation
// values the CLI compiles from the same GENIUS files (loadScenario is what `parley simulate` runs).
// anac2012-LaptopB: both profiles discount by 0.75 and reserve 0.25.

const LAPTOP_B = join(import.meta.dirname, '../../../scenarios/anac2012-LaptopB');
const AGENTS = ['boulware', 'conceder'];
const RUNS = 12;

function request(space: AdditiveSpace) {
  return { space, agents: AGENTS, steps: 400, runs: RUNS, seed: 5 };
}

function engineSummary(space: AdditiveSpace) {
  return simulateBatch({
    space,
    agents: AGENTS.map((name) => findAgent(name) ?? expect.unreachable(name)),
    deadline: { steps: 400 },
    runs: RUNS,
    seed: 5,
  });
}

async function waitForEnd(testApp: TestApp, id: string, as: SignedIn): Promise<Record<string, unknown>> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const response = await call(testApp, `GET /api/simulations/${id}`, { as });
    const body = (await response.json()) as Record<string, unknown>;
    if (body.status === 'completed' || body.status === 'failed' || Date.now() > deadline) return body;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe.each(API_DATABASE_KINDS)('discounted simulation jobs on %s', (databaseKind) => {
  let handle: DatabaseHandle;
  let queue: JobQueue;
  let testApp: TestApp;
  let owner: SignedIn;
  beforeAll(async () => {
    handle = await openTestDatabase(databaseKind);
    queue = await startJobQueue(handle);
    const clock = createMutableClock();
    const deps = createDeps(handle.db, { clock, enqueueSimulation: (id) => enqueueSimulation(queue, id) });
    // The worker is another server over the same database: it needs the same seal key.
    await workSimulations(queue, { db: handle.db, clock: createMutableClock(), sealKey: deps.sealKey });
    testApp = { app: createApp(deps), deps, clock };
    await createUser(deps, {
      email: 'analyst@example.org',
      displayName: 'Analyst',
      password: 'analyst password',
    });
    owner = await signIn(testApp, 'analyst@example.org', 'analyst password');
    await takeASeat(testApp, owner);
  });
  afterAll(async () => {
    await queue.stop();
    await handle.close();
  });

  it.each<[Semantics, 'time' | 'round']>([
    ['genius', 'time'],
    ['negmas', 'round'],
  ])(
    'stores, under %s semantics, the result the engine gives with the files’ discounts',
    async (semantics, per) => {
      const space = await loadScenario(LAPTOP_B, semantics);
      const created = await call(testApp, 'POST /api/simulations', { as: owner, body: request(space) });
      expect(created.status).toBe(202);
      const job = (await created.json()) as { id: string; parties: unknown };
      // Under negmas the reservation is NegMAS's disagreement point on raw utilities (here the
      // worst outcome, above the file's 0.25); the job shows what it runs with, as compiled.
      expect(job.parties).toEqual(
        space.parties.map((party) => ({
          name: party.name,
          reservation: party.reservation,
          discount: { factor: 0.75, per },
        })),
      );
      if (semantics === 'genius')
        expect(space.parties.map((party) => party.reservation)).toEqual([0.25, 0.25]);
      const done = await waitForEnd(testApp, job.id, owner);
      expect(done).toMatchObject({ status: 'completed', error: null });
      const expected = engineSummary(space);
      expect(done.result).toEqual(expected);
      // The discount was applied: what the parties got is below what the agreements were worth.
      expected.meanUtilities.forEach((utility, party) =>
        expect(utility).toBeLessThan((expected.meanUndiscountedUtilities[party] ?? 0) - 1e-3),
      );
    },
  );

  it.each([
    ['a discount factor of 0', { discount: { factor: 0, per: 'time' } }, 'discount.factor'],
    ['a discount factor above 1', { discount: { factor: 1.5, per: 'round' } }, 'discount.factor'],
    ['a negative reservation value', { reservation: -0.1 }, 'reservation'],
    ['a reservation value above 1', { reservation: 1.2 }, 'reservation'],
  ])('refuses %s with a 400 problem naming the field', async (_, change, field) => {
    const space = await loadScenario(LAPTOP_B, 'genius');
    const [first, second] = space.parties;
    const body = request({ ...space, parties: [{ ...first, ...change }, second] } as AdditiveSpace);
    const response = await call(testApp, 'POST /api/simulations', { as: owner, body });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await response.json()) as { status: number; errors: { path: string }[] };
    expect(problem.status).toBe(400);
    expect(problem.errors.map((error) => error.path)).toContain(`space.parties.0.${field}`);
  });
});

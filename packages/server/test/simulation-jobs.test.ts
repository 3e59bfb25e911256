import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { findAgent, simulateBatch } from '@parley/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startJobQueue, type JobQueue } from '../src/jobs/job-queue';
import { enqueueSimulation, workSimulations } from '../src/jobs/simulation-worker';
import { createUser } from '../src/services/accounts';
import { createEphemeralSealKey } from '../src/sealing/seal-key';
import { createDeps } from '../src/services/deps';
import type { DatabaseHandle } from '../src/storage/database';
import { DATABASE_KINDS, openTestDatabase } from './helpers/each-database';
import { takeASeat } from './helpers/seat';
import { call, signIn, type SignedIn } from './helpers/session';
import { createMutableClock, type TestApp } from './helpers/test-app';
import { createApp } from '../src/http/create-app';

// Simulation jobs go through the real pg-boss queue on the real database. On PostgreSQL the job is
// also worked by a separate `parley worker` process, which is killed mid-job to show the retry.

const SPACE = {
  issues: Array.from({ length: 6 }, (_, issue) => ({
    name: `issue ${issue + 1}`,
    options: ['a', 'b', 'c', 'd'],
  })),
  parties: [
    {
      name: 'first',
      reservation: 0.1,
      constant: 0,
      contributions: Array.from({ length: 6 }, (_, issue) =>
        [0, 0.04, 0.1, 0.16].map((value) => value * (1 + issue / 6)),
      ),
    },
    {
      name: 'second',
      reservation: 0.1,
      constant: 0,
      contributions: Array.from({ length: 6 }, (_, issue) =>
        [0.16, 0.1, 0.04, 0].map((value) => value * (2 - issue / 6)),
      ),
    },
  ],
};
const REQUEST = { space: SPACE, agents: ['boulware', 'conceder'], steps: 200, runs: 40, seed: 7 };

function expectedSummary(request: { agents: string[]; steps: number; runs: number; seed: number }) {
  const agents = request.agents.map((name) => findAgent(name) ?? expect.unreachable(name));
  return simulateBatch({
    space: SPACE,
    agents,
    deadline: { steps: request.steps },
    runs: request.runs,
    seed: request.seed,
  });
}

async function waitForStatus(
  testApp: TestApp,
  options: { id: string; as: SignedIn; statuses: string[]; timeoutMs: number },
) {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    const body = (await (
      await call(testApp, `GET /api/simulations/${options.id}`, { as: options.as })
    ).json()) as Record<string, unknown>;
    if (options.statuses.includes(String(body.status)) || Date.now() > deadline) return body;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function startApp(
  handle: DatabaseHandle,
  queue: JobQueue,
): Promise<{ testApp: TestApp; owner: SignedIn; stranger: SignedIn }> {
  const clock = createMutableClock();
  const deps = createDeps(handle.db, { clock, enqueueSimulation: (id) => enqueueSimulation(queue, id) });
  const testApp: TestApp = { app: createApp(deps), deps, clock };
  await createUser(deps, {
    email: 'analyst@example.org',
    displayName: 'Analyst',
    password: 'analyst password',
  });
  await createUser(deps, {
    email: 'stranger@example.org',
    displayName: 'Stranger',
    password: 'stranger password',
  });
  const owner = await signIn(testApp, 'analyst@example.org', 'analyst password');
  const stranger = await signIn(testApp, 'stranger@example.org', 'stranger password');
  await takeASeat(testApp, owner);
  await takeASeat(testApp, stranger);
  return { testApp, owner, stranger };
}

describe.each(DATABASE_KINDS)('simulation jobs worked in the server process on %s', (databaseKind) => {
  let handle: DatabaseHandle;
  let queue: JobQueue;
  let session: Awaited<ReturnType<typeof startApp>>;
  beforeAll(async () => {
    handle = await openTestDatabase(databaseKind);
    queue = await startJobQueue(handle);
    await workSimulations(queue, {
      db: handle.db,
      clock: createMutableClock(),
      sealKey: createEphemeralSealKey(),
    });
    session = await startApp(handle, queue);
  });
  afterAll(async () => {
    await queue.stop();
    await handle.close();
  });

  it('queues a job, works it and stores the same result as running the batch directly', async () => {
    const created = await call(session.testApp, 'POST /api/simulations', {
      as: session.owner,
      body: REQUEST,
    });
    expect(created.status).toBe(202);
    const job = (await created.json()) as { id: string; status: string };
    expect(job.status).toBe('queued');
    const done = await waitForStatus(session.testApp, {
      id: job.id,
      as: session.owner,
      statuses: ['completed', 'failed'],
      timeoutMs: 60_000,
    });
    expect(done).toMatchObject({ status: 'completed', progress: { total: 40 }, attempts: 1, error: null });
    expect(done.result).toEqual(expectedSummary(REQUEST));
  });

  it('answers another account’s request for the job exactly like a missing one', async () => {
    const job = (await (
      await call(session.testApp, 'POST /api/simulations', {
        as: session.owner,
        body: { ...REQUEST, runs: 1 },
      })
    ).json()) as { id: string };
    const hidden = await call(session.testApp, `GET /api/simulations/${job.id}`, { as: session.stranger });
    const missing = await call(session.testApp, 'GET /api/simulations/00000000-0000-4000-8000-000000000999', {
      as: session.stranger,
    });
    expect(hidden.status).toBe(404);
    expect(await hidden.json()).toEqual({
      ...((await missing.json()) as object),
      instance: `/api/simulations/${job.id}`,
    });
  });

  it('rejects unknown agents, naming the known ones, and a line-up that does not match the parties', async () => {
    const unknown = await call(session.testApp, 'POST /api/simulations', {
      as: session.owner,
      body: { ...REQUEST, agents: ['boulware', 'oracle'] },
    });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(await unknown.json())).toMatch(/oracle.*known agents: boulware/);
    const tooMany = await call(session.testApp, 'POST /api/simulations', {
      as: session.owner,
      body: { ...REQUEST, agents: ['boulware', 'conceder', 'linear'] },
    });
    expect(tooMany.status).toBe(400);
    expect(JSON.stringify(await tooMany.json())).toContain('agents');
  });
});

const repoRoot = join(import.meta.dirname, '../../..');
const postgresOnly = DATABASE_KINDS.includes('postgres') ? describe : describe.skip;

function startWorker(databaseUrl: string): ChildProcess {
  return spawn(
    process.execPath,
    [
      join(repoRoot, 'packages/server/bin/parley.js'),
      'worker',
      '--database-url',
      databaseUrl,
      '--expire-seconds',
      '3',
      '--maintenance-seconds',
      '1',
    ],
    { stdio: 'ignore' },
  );
}

// PGlite is one process's database, so workers in other processes exist only on PostgreSQL.
postgresOnly('simulation jobs worked by separate `parley worker` processes on PostgreSQL', () => {
  let handle: DatabaseHandle & { url?: string };
  let queue: JobQueue;
  let session: Awaited<ReturnType<typeof startApp>>;
  const workers: ChildProcess[] = [];
  beforeAll(async () => {
    handle = await openTestDatabase('postgres');
    const databaseUrl = handle.url ?? expect.unreachable('a PostgreSQL test database has a URL');
    // This process only queues (it works nothing), so every job below is done by a worker process.
    queue = await startJobQueue(handle, { databaseUrl, expireInSeconds: 3, maintenanceIntervalSeconds: 1 });
    session = await startApp(handle, queue);
  });
  afterAll(async () => {
    for (const worker of workers) worker.kill('SIGKILL');
    await queue.stop();
    await handle.close();
  });

  // Regression (#13): since simulations run on engine threads (236b7ec) the compiled CLI looked
  // for the thread's entry beside a chunk where there is none, so every attempt in a `parley
  // worker` failed and the job stayed `running` once pg-boss's one retry was spent.
  it('survives its worker being killed mid-job: another worker retries it to the same result', async () => {
    // A job of seconds, so the worker can be killed in its middle: two Boulware agents now run in
    // the WebAssembly kernel (3,000 runs in a quarter of a second), a frequency-model agent still
    // in JavaScript (about 4 ms a run on this machine).
    const request = { ...REQUEST, agents: ['frequency', 'boulware'], steps: 1000, runs: 1000 };
    const job = (await (
      await call(session.testApp, 'POST /api/simulations', { as: session.owner, body: request })
    ).json()) as { id: string };
    const first = startWorker(handle.url ?? '');
    workers.push(first);
    const running = await waitForStatus(session.testApp, {
      id: job.id,
      as: session.owner,
      statuses: ['running', 'completed'],
      timeoutMs: 60_000,
    });
    expect(running.status).toBe('running');
    first.kill('SIGKILL');
    workers.push(startWorker(handle.url ?? ''));
    const done = await waitForStatus(session.testApp, {
      id: job.id,
      as: session.owner,
      statuses: ['completed', 'failed'],
      timeoutMs: 120_000,
    });
    expect(done.status).toBe('completed');
    expect(done.attempts).toBeGreaterThanOrEqual(2);
    expect(done.result).toEqual(expectedSummary(request));
    // Two worker processes each start an engine thread: minutes on a loaded two-core machine.
  }, 240_000);
});

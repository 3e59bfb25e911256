import { findAgent, simulateLiveTalks } from '@parley/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_NEGOTIATION, DEMO_PARTIES } from '../src/demo';
import { createApp } from '../src/http/create-app';
import { startJobQueue, type JobQueue } from '../src/jobs/job-queue';
import { runSimulationJob } from '../src/jobs/run-simulation-job';
import { enqueueSimulation, workSimulations } from '../src/jobs/simulation-worker';
import { createDeps } from '../src/services/deps';
import type { DatabaseHandle } from '../src/storage/database';
import { findLiveSimulation } from '../src/storage/live-simulations';
import { seedDemo, signInAs } from './helpers/demo-fixture';
import { API_DATABASE_KINDS, openTestDatabase } from './helpers/each-database';
import { call, type SignedIn } from './helpers/session';
import { createMutableClock, type TestApp } from './helpers/test-app';

// Issue #12 item 6: the mediator simulates the live talks as a job on the real queue; the result
// is in plan terms and carries no utility of a profile the mediator may not read.
const N = `/api/negotiations/${DEMO_NEGOTIATION.id}`;
const CEILING = ['600,000', '800,000', 'no ceiling'];

type Job = {
  id: string;
  status: string;
  steps: number;
  horizon: { hours: number; deadlineTitle: string | null };
  progress: { done: number; total: number };
  notices: string[];
  profiles: { partyId: string; partyName: string; reservation: number; discount: number | null }[];
  error: string | null;
  result: {
    agreementProbability: number;
    agreementInterval: { low: number; high: number };
    likelyPackage: { choices: { pointId: string; number: number; option: string; share: number }[] } | null;
    decisiveIssues: { pointId: string; variability: number }[];
    utilities: { partyId: string; utility: { mean: number } }[];
  } | null;
};

describe.each(API_DATABASE_KINDS)('simulating the live talks on %s', (databaseKind) => {
  let handle: DatabaseHandle;
  let queue: JobQueue;
  let worked: TestApp;
  // The same database without a queue: its jobs stay queued until a test runs them by hand.
  let unqueued: TestApp;
  const as: Record<'mediator' | 'ukraine' | 'russia' | 'observer', SignedIn> = {} as never;
  let versionId = '';
  let ceilingId = '';
  let assetsId = '';
  let ukraineRevision = 0;

  const start = (testApp: TestApp, who: SignedIn, body: unknown = {}) =>
    call(testApp, `POST ${N}/plan/versions/${versionId}/live-simulations`, { as: who, body });
  const read = async (id: string, who: SignedIn = as.mediator) =>
    call(worked, `GET ${N}/live-simulations/${id}`, { as: who });
  const waitFor = async (id: string, statuses: string[], until: (job: Job) => boolean = () => true) => {
    const deadline = Date.now() + 90_000;
    for (;;) {
      const job = (await (await read(id)).json()) as Job;
      if ((statuses.includes(job.status) && until(job)) || Date.now() > deadline) return job;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  const profileBody = (sharedWithMediator: boolean, ceiling = [0, 40, 100]) => ({
    baseRevision: ukraineRevision,
    scale: 'percent',
    weighting: 'weights',
    reservation: 20,
    sharedWithMediator,
    issues: [
      {
        pointId: ceilingId,
        ratings: Object.fromEntries(CEILING.map((label, i) => [label, ceiling[i]])),
        weight: 3,
      },
      { pointId: assetsId, ratings: { min: 0, max: 100 }, weight: 1 },
    ],
  });
  const saveUkraine = async (sharedWithMediator: boolean, ceiling = [0, 40, 100], discount?: number) => {
    const response = await call(worked, `PUT ${N}/preferences`, {
      as: as.ukraine,
      body: {
        ...profileBody(sharedWithMediator, ceiling),
        ...(discount === undefined ? {} : { discount }),
      },
    });
    expect(response.status, await response.clone().text()).toBe(200);
    ukraineRevision += 1;
  };
  beforeAll(async () => {
    handle = await openTestDatabase(databaseKind);
    queue = await startJobQueue(handle);
    const clock = createMutableClock();
    const deps = createDeps(handle.db, { clock, enqueueSimulation: (id) => enqueueSimulation(queue, id) });
    await workSimulations(queue, { db: handle.db, clock, sealKey: deps.sealKey });
    worked = { app: createApp(deps), deps, clock };
    // Two apps over one database are two servers: they must hold the same seal key (deployment.md).
    const quiet = createDeps(handle.db, { clock, sealKey: deps.sealKey });
    unqueued = { app: createApp(quiet), deps: quiet, clock };
    await seedDemo(handle.db);
    const kinds = {
      mediator: 'mediator',
      ukraine: 'ownDelegation',
      russia: 'otherParty',
      observer: 'observer',
    } as const;
    for (const [key, kind] of Object.entries(kinds))
      as[key as keyof typeof kinds] = (await signInAs(worked, kind)) ?? expect.unreachable(kind);
    const overview = (await (await call(worked, `GET ${N}/plan`, { as: as.mediator })).json()) as {
      versions: { id: string; revision: number }[];
    };
    versionId = [...overview.versions].sort((a, b) => b.revision - a.revision)[0]?.id ?? '';
    const version = (await (
      await call(worked, `GET ${N}/plan/versions/${versionId}`, { as: as.mediator })
    ).json()) as { version: { points: { pointId: string }[] } };
    [ceilingId = '', assetsId = ''] = version.version.points.map((point) => point.pointId);
    const put = (pointId: string, definition: unknown) =>
      call(worked, `PUT ${N}/plan/versions/${versionId}/points/${pointId}/issue`, {
        as: as.mediator,
        body: { definition },
      });
    expect((await put(ceilingId, { kind: 'options', options: CEILING })).status).toBe(200);
    expect((await put(assetsId, { kind: 'range', min: 0, max: 100, step: 25, unit: 'bn' })).status).toBe(200);
  });
  afterAll(async () => {
    await queue.stop();
    await handle.close();
  });

  it('refuses to simulate before any party has stated its preferences', async () => {
    const response = await start(unqueued, as.mediator);
    expect(response.status).toBe(422);
    expect(await response.text()).toContain('at least one party');
  });

  it('lets only the mediator’s staff start one; others see none exist', async () => {
    await saveUkraine(false);
    for (const who of [as.ukraine, as.russia, as.observer]) {
      const refused = await start(unqueued, who);
      expect(refused.status).toBe(403);
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
    }
    const queued = await start(unqueued, as.mediator, { runs: 3 });
    expect(queued.status).toBe(202);
    const job = (await queued.json()) as Job;
    for (const who of [as.ukraine, as.russia, as.observer]) {
      const list = await call(worked, `GET ${N}/plan/versions/${versionId}/live-simulations`, { as: who });
      expect(await list.json()).toEqual({ items: [] });
      const hidden = await read(job.id, who);
      const missing = await read('00000000-0000-4000-8000-000000000999', who);
      expect(hidden.status).toBe(404);
      expect((await hidden.json()) as object).toEqual({
        ...((await missing.json()) as object),
        instance: `${N}/live-simulations/${job.id}`,
      });
    }
    const mine = (await (
      await call(worked, `GET ${N}/plan/versions/${versionId}/live-simulations`, { as: as.mediator })
    ).json()) as { items: Job[] };
    expect(mine.items.map((item) => item.id)).toContain(job.id);
  });

  it('refuses work over the budget with a problem naming the limit, and bad parameters naming the field', async () => {
    const budgets = unqueued.deps.budgets;
    const saved = budgets.maxSimulationWork;
    budgets.maxSimulationWork = 1000;
    try {
      const tooBig = await start(unqueued, as.mediator, { runs: 100 });
      expect(tooBig.status).toBe(413);
      const problem = (await tooBig.json()) as { detail: string; type: string };
      expect(problem.type).toMatch(/work-too-large$/);
      expect(problem.detail).toContain('Runs × steps × parties is limited to 1000');
    } finally {
      budgets.maxSimulationWork = saved;
    }
    const runs = await start(unqueued, as.mediator, { runs: 0 });
    expect(runs.status).toBe(400);
    expect(await runs.text()).toContain('runs');
    const agent = await start(unqueued, as.mediator, { agent: 'oracle' });
    expect(agent.status).toBe(400);
    expect(await agent.text()).toMatch(/oracle.*known agents: boulware/);
  });

  it('fails a job that overran its run-time limit and does not run it again', async () => {
    const job = (await (await start(unqueued, as.mediator, { runs: 2000 })).json()) as Job;
    const deps = {
      db: handle.db,
      clock: createMutableClock(),
      sealKey: unqueued.deps.sealKey,
      budgets: { simulationTimeMs: 1 },
    };
    expect(await runSimulationJob(deps, job.id)).toBe('failed');
    expect(await runSimulationJob(deps, job.id)).toBe('skipped');
    expect(await waitFor(job.id, ['failed'])).toMatchObject({
      status: 'failed',
      result: null,
      error: expect.stringContaining('exceeded its run-time limit'),
    });
  });

  it('cancels a queued job, and a running one stops and stays cancelled', async () => {
    const queued = (await (await start(unqueued, as.mediator, { runs: 5 })).json()) as Job;
    const byParty = await call(worked, `POST ${N}/live-simulations/${queued.id}/cancel`, { as: as.ukraine });
    expect(byParty.status).toBe(404);
    const cancelled = await call(worked, `POST ${N}/live-simulations/${queued.id}/cancel`, {
      as: as.mediator,
    });
    expect(cancelled.status).toBe(200);
    expect(await cancelled.json()).toMatchObject({ status: 'cancelled', result: null });
    const again = await call(worked, `POST ${N}/live-simulations/${queued.id}/cancel`, { as: as.mediator });
    expect(again.status).toBe(409);

    // No deadline ahead: 720 steps a run, 5000 runs, long enough to be caught running.
    const long = (await (await start(worked, as.mediator, { runs: 5000 })).json()) as Job;
    expect(long.steps).toBe(720);
    const running = await waitFor(long.id, ['running', 'completed'], (job) => job.progress.done > 0);
    expect(running.status).toBe('running');
    expect(
      (await call(worked, `POST ${N}/live-simulations/${long.id}/cancel`, { as: as.mediator })).status,
    ).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await (await read(long.id)).json()).toMatchObject({ status: 'cancelled', result: null });
  });

  it('gives the mediator the likely package in plan terms and no utility of an unshared profile', async () => {
    const due = new Date(worked.clock.now().getTime() + 48 * 3_600_000).toISOString();
    const deadline = await call(worked, `POST ${N}/deadlines`, {
      as: as.mediator,
      body: { title: 'Ceasefire review', dueAt: due },
    });
    expect(deadline.status).toBe(201);
    const created = await start(worked, as.mediator, { runs: 60, protocol: 'mediated' });
    expect(created.status).toBe(202);
    const queued = (await created.json()) as Job;
    expect(queued).toMatchObject({ steps: 48, horizon: { hours: 48, deadlineTitle: 'Ceasefire review' } });
    expect(queued.notices.join(' ')).toMatch(/Russia.*drawn at random/);
    const done = await waitFor(queued.id, ['completed', 'failed', 'cancelled']);
    expect(done.status, done.error ?? '').toBe('completed');
    const result = done.result ?? expect.unreachable('a result');
    expect(result.agreementProbability).toBeGreaterThanOrEqual(0);
    expect(result.agreementInterval.low).toBeLessThanOrEqual(result.agreementProbability);
    expect(result.likelyPackage?.choices.map((choice) => choice.pointId)).toEqual([ceilingId, assetsId]);
    expect(CEILING).toContain(result.likelyPackage?.choices[0]?.option);
    expect(['0 bn', '25 bn', '50 bn', '75 bn', '100 bn']).toContain(result.likelyPackage?.choices[1]?.option);
    // Ukraine did not share: the mediator gets no number computed from its profile.
    expect(result.utilities).toEqual([]);
    expect(JSON.stringify(done)).not.toContain(DEMO_PARTIES.ukraine.id);

    await saveUkraine(true);
    const sharedJob = (await (await start(worked, as.mediator, { runs: 60 })).json()) as Job;
    const shared = await waitFor(sharedJob.id, ['completed', 'failed']);
    expect(shared.result?.utilities.map((entry) => entry.partyId)).toEqual([DEMO_PARTIES.ukraine.id]);
    const mean = shared.result?.utilities[0]?.utility.mean ?? -1;
    expect(mean).toBeGreaterThanOrEqual(0);
    expect(mean).toBeLessThanOrEqual(1);

    // Ukraine withdraws its consent: the earlier result no longer shows its utility either.
    await saveUkraine(false);
    const after = (await (await read(sharedJob.id)).json()) as Job;
    expect(after.result?.utilities).toEqual([]);
    expect(after.result?.likelyPackage).toEqual(shared.result?.likelyPackage);
  });
  it('runs a shared profile with its discount factor and shows the set-up to the mediator only when shared', async () => {
    for (const discount of [0, 1.5]) {
      const refused = await call(worked, `PUT ${N}/preferences`, {
        as: as.ukraine,
        body: { ...profileBody(true), discount },
      });
      expect(refused.status).toBe(400);
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
      const problem = (await refused.json()) as { errors: { path: string }[] };
      expect(problem.errors.map((error) => error.path)).toContain('discount');
    }
    await saveUkraine(true, [0, 40, 100], 0.5);
    const mine = (await (await call(worked, `GET ${N}/preferences`, { as: as.ukraine })).json()) as {
      profile: { discount?: number };
    };
    expect(mine.profile.discount).toBe(0.5);

    const created = (await (await start(worked, as.mediator, { runs: 40, seed: 3 })).json()) as Job;
    expect(created.profiles).toEqual([
      { partyId: DEMO_PARTIES.ukraine.id, partyName: 'Ukraine', reservation: 0.2, discount: 0.5 },
    ]);
    const done = await waitFor(created.id, ['completed', 'failed']);
    expect(done.status, done.error ?? '').toBe('completed');
    // The engine over the job's own input, with the profile's factor over the time to the deadline.
    const stored =
      (await findLiveSimulation(handle.db, {
        negotiationId: DEMO_NEGOTIATION.id,
        id: created.id,
        sealKey: worked.deps.sealKey,
      })) ?? expect.unreachable('the stored job');
    const agent = findAgent('boulware') ?? expect.unreachable('boulware');
    const run = (discounted: boolean) =>
      simulateLiveTalks({
        issues: stored.input.issues.map((issue) => ({ name: issue.pointId, options: issue.options })),
        parties: stored.input.parties.map((party) => ({
          name: party.partyId,
          profile:
            party.profile === null
              ? null
              : {
                  reservation: party.profile.reservation,
                  contributions: party.profile.contributions,
                  ...(discounted && { discount: { factor: 0.5, per: 'time' as const } }),
                },
        })),
        agents: stored.input.parties.map(() => agent),
        protocol: 'sao',
        steps: stored.input.steps,
        runs: 40,
        seed: 3,
        noise: stored.input.noise,
      });
    const ukraineIndex = stored.input.parties.findIndex((party) => party.partyId === DEMO_PARTIES.ukraine.id);
    const withDiscount = run(true).utilities[ukraineIndex]?.mean ?? -1;
    const without = run(false).utilities[ukraineIndex]?.mean ?? -1;
    expect(done.result?.utilities[0]?.utility.mean).toBe(Math.round(withDiscount * 10_000) / 10_000);
    expect(withDiscount).toBeLessThan(without - 1e-3);

    await saveUkraine(false, [0, 40, 100], 0.5);
    const hidden = (await (await read(created.id)).json()) as Job;
    expect(hidden.profiles).toEqual([]);
  });

  // A probe: a live job is stored beside the account's own scenario jobs, with every party's
  // profile in its input, and its starter owns it. Through /api/simulations/{id} (read by owner
  // only) it would reach the mediator whole: unshared profiles, raw per-party utilities.
  it('keeps a live job out of its starter’s own simulation routes: unknown there, and not cancelled', async () => {
    const created = await start(unqueued, as.mediator, { runs: 5 });
    expect(created.status).toBe(202);
    const { id } = (await created.json()) as Job;
    const unknownId = '00000000-0000-4000-8000-00000000dead';
    for (const [request, unknown] of [
      [`GET /api/simulations/${id}`, `GET /api/simulations/${unknownId}`],
      [`POST /api/simulations/${id}/cancel`, `POST /api/simulations/${unknownId}/cancel`],
    ] as const) {
      const live = await call(worked, request, {
        as: as.mediator,
        body: request.startsWith('POST') ? {} : undefined,
      });
      const missing = await call(worked, unknown, {
        as: as.mediator,
        body: request.startsWith('POST') ? {} : undefined,
      });
      expect(live.status).toBe(404);
      expect((await live.text()).replaceAll(id, unknownId)).toBe(await missing.text());
    }
    expect(((await (await read(id)).json()) as Job).status).toBe('queued');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_NEGOTIATION } from '../src/demo';
import { demoPlanId } from '../src/demo/plan-demo';
import { createApp } from '../src/http/create-app';
import { createDeps } from '../src/services/deps';
import type { DatabaseHandle } from '../src/storage/database';
import { ENGINE_BUDGETS, type EngineBudgets } from '../src/work/budgets';
import { createEnginePool, type EnginePool } from '../src/work/engine-pool';
import { seedDemo, signInAs } from './helpers/demo-fixture';
import { openTestDatabase } from './helpers/each-database';
import { call, type SignedIn } from './helpers/session';
import { createMutableClock, type TestApp } from './helpers/test-app';

const N = `/api/negotiations/${DEMO_NEGOTIATION.id}`;
const GENEVA = demoPlanId('geneva-19');

// Issue 14, item 7: exports are laid out in a pool thread with a size and a time budget, so a
// large PDF cannot hold every other request, and a refused export leaves nothing behind.
describe('issue 14: exports are rendered off the request path, within budgets', () => {
  let handle: DatabaseHandle;
  let engine: EnginePool;
  const budgets: EngineBudgets = { ...ENGINE_BUDGETS };
  let testApp: TestApp;
  let mediator: SignedIn;

  const copies = async () => {
    const response = await call(testApp, `GET ${N}/exports?limit=100`, { as: mediator });
    expect(response.status).toBe(200);
    return ((await response.json()) as { items: { id: string }[] }).items.map((copy) => copy.id);
  };
  const exportGeneva = (format: string) =>
    call(testApp, `POST ${N}/exports`, { as: mediator, body: { versionId: GENEVA, format } });

  beforeAll(async () => {
    handle = await openTestDatabase('pglite');
    await seedDemo(handle.db);
    engine = createEnginePool({ threads: 1 });
    const deps = createDeps(handle.db, { clock: createMutableClock(), engine, budgets });
    testApp = { app: createApp(deps), deps, clock: deps.clock as TestApp['clock'] };
    mediator = (await signInAs(testApp, 'mediator')) ?? expect.unreachable();
  });
  afterAll(async () => {
    await engine.close();
    await handle.close();
  });

  it('lays out PDF and DOCX in a pool thread that the time budget can stop', async () => {
    const before = await copies();
    // Only work in another thread can be stopped mid-way; in the event loop it would run to the end.
    budgets.exportRenderTimeMs = 1;
    const stopped = await exportGeneva('pdf');
    budgets.exportRenderTimeMs = ENGINE_BUDGETS.exportRenderTimeMs;
    expect(stopped.status).toBe(422);
    expect(((await stopped.json()) as { detail: string }).detail).toMatch(/time budget of 1 ms/);
    expect(await copies(), 'a stopped export stores nothing').toEqual(before);

    const health = await call(testApp, 'GET /api/health');
    expect(health.status).toBe(200);
    for (const format of ['pdf', 'docx']) {
      const done = await exportGeneva(format);
      expect(done.status, format).toBe(201);
      const { downloadUrl } = (await done.json()) as { downloadUrl: string };
      const file = Buffer.from(
        await (await call(testApp, `GET ${downloadUrl}`, { as: mediator })).arrayBuffer(),
      );
      expect(file.subarray(0, 4).toString('latin1'), format).toBe(
        format === 'pdf' ? '%PDF' : 'PK\u0003\u0004',
      );
    }
    expect((await copies()).length).toBe(before.length + 2);
  });

  it('refuses a text larger than the size budget before any work, naming the limit', async () => {
    const before = await copies();
    budgets.maxExportCharacters = 500;
    const refused = await exportGeneva('pdf');
    budgets.maxExportCharacters = ENGINE_BUDGETS.maxExportCharacters;
    expect(refused.status).toBe(413);
    expect(((await refused.json()) as { detail: string }).detail).toMatch(/limited to 500 characters/);
    expect(await copies()).toEqual(before);
  });
});

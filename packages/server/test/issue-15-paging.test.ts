import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_NEGOTIATION, DEMO_PARTIES } from '../src/demo';
import { demoPlanId } from '../src/demo/plan-demo';
import type { DatabaseHandle } from '../src/storage/database';
import { seedDemo, signInAs } from './helpers/demo-fixture';
import { API_DATABASE_KINDS, openTestDatabase } from './helpers/each-database';
import { call, type SignedIn } from './helpers/session';
import { createTestApp, type TestApp } from './helpers/test-app';

// Issue #15: no list answer may grow with the negotiation's history. Every list takes ?limit= and
// ?cursor=, never answers more than its limit, and its pages together are exactly the whole list.

const N = `/api/negotiations/${DEMO_NEGOTIATION.id}`;
const FLORIDA = demoPlanId('florida-20');
type Page = { items: { id?: string; refId?: string; kind?: string }[]; nextCursor?: string };

describe.each(API_DATABASE_KINDS)('paged lists on %s', (kind) => {
  let handle: DatabaseHandle;
  let testApp: TestApp;
  let mediator: SignedIn;
  beforeAll(async () => {
    handle = await openTestDatabase(kind);
    await seedDemo(handle.db);
    testApp = createTestApp(handle.db);
    mediator = (await signInAs(testApp, 'mediator')) as SignedIn;
    for (let i = 0; i < 7; i += 1) {
      const created = await call(testApp, `POST ${N}/plan/statements`, {
        as: mediator,
        body: {
          person: 'Spokesperson',
          partyId: DEMO_PARTIES.unitedStates.id,
          date: '2025-12-01',
          source: 'briefing',
          quote: `Statement ${i}`,
          pointIds: [],
        },
      });
      expect(created.status).toBe(201);
    }
  }, 180_000);
  afterAll(() => handle.close());

  const read = async (path: string, as: SignedIn = mediator): Promise<Page> => {
    const response = await call(testApp, `GET ${path}`, { as });
    expect(response.status).toBe(200);
    return (await response.json()) as Page;
  };
  const keyOf = (item: Page['items'][number]) => item.id ?? `${item.kind}/${item.refId}`;

  it.each([
    ['statements', `${N}/plan/statements`, 3],
    ['records', `${N}/records`, 2],
    ['positions', `${N}/plan/versions/${FLORIDA}/positions`, 4],
    ['timeline', `${N}/plan/timeline`, 3],
    ['rounds', `${N}/plan/rounds`, 1],
    ['exports', `${N}/exports`, 2],
  ])('%s: every page within its limit, and the pages are the whole list', async (_name, path, limit) => {
    const whole = await read(`${path}?limit=500`);
    expect(whole.nextCursor).toBeUndefined();
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 100; pages += 1) {
      const page = await read(`${path}?limit=${limit}${cursor === undefined ? '' : `&cursor=${cursor}`}`);
      expect(page.items.length).toBeLessThanOrEqual(limit);
      seen.push(...page.items.map(keyOf));
      cursor = page.nextCursor;
      if (cursor === undefined) break;
      expect(page.items).toHaveLength(limit);
    }
    expect(seen).toEqual(whole.items.map(keyOf));
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('answers a hundred items at most when no limit is given, and refuses a limit above 500', async () => {
    expect((await read(`${N}/plan/statements`)).items.length).toBeLessThanOrEqual(100);
    const tooMany = await call(testApp, `GET ${N}/plan/statements?limit=501`, { as: mediator });
    expect(tooMany.status).toBe(400);
  });

  it('refuses a cursor naming nothing the viewer can see, the same way for any reason', async () => {
    const forged = Buffer.from('00000000-0000-4000-8000-00000000dead').toString('base64url');
    const answer = await call(testApp, `GET ${N}/plan/statements?cursor=${forged}`, { as: mediator });
    expect(answer.status).toBe(400);
    expect(answer.headers.get('content-type')).toContain('application/problem+json');
  });
});

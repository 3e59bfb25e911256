import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_NEGOTIATION, DEMO_PASSWORD } from '../src/demo';
import { demoPlanId } from '../src/demo/plan-demo';
import type { DatabaseHandle } from '../src/storage/database';
import { seedDemo, signInAs } from './helpers/demo-fixture';
import { API_DATABASE_KINDS, openTestDatabase } from './helpers/each-database';
import { call, signIn, type SignedIn } from './helpers/session';
import { createTestApp, type TestApp } from './helpers/test-app';

// A probe of the copies as the mediator's analyst sees them: a member of the mediator's party, who
// reads every round's minutes and the profiles shared with the mediator, but not one of the staff
// who make copies for others and hold the keys that trace them. The access matrix has no analyst.
const N = `/api/negotiations/${DEMO_NEGOTIATION.id}`;

describe.each(API_DATABASE_KINDS)("the mediator's analyst and the copies, on %s", (databaseKind) => {
  let handle: DatabaseHandle;
  let testApp: TestApp;
  let mediator: SignedIn;
  let analyst: SignedIn;
  let ukrainesCopy: { id: string; markdown: string };
  let analystsCopy: { id: string };

  beforeAll(async () => {
    handle = await openTestDatabase(databaseKind);
    testApp = createTestApp(handle.db);
    await seedDemo(handle.db);
    const session = await signInAs(testApp, 'mediator');
    if (session === null) throw new Error('expected a session');
    mediator = session;
    analyst = await signIn(testApp, DEMO_ACCOUNTS.mediatorAnalyst.email, DEMO_PASSWORD);
    const exported = async (as: SignedIn, body: Record<string, unknown>) => {
      const response = await call(testApp, `POST ${N}/exports`, {
        as,
        body: { versionId: demoPlanId('geneva-19'), ...body },
      });
      expect(response.status).toBe(201);
      return (await response.json()) as { id: string; markdown: string };
    };
    ukrainesCopy = await exported(mediator, { recipientUserId: DEMO_ACCOUNTS.ukraine.id });
    analystsCopy = await exported(analyst, {});
  });
  afterAll(async () => handle.close());

  it('may not trace a leak: the route answers as for a negotiation it does not sit in', async () => {
    const excerpt = ukrainesCopy.markdown.split('\n\n').slice(5, 8).join('\n\n');
    const traced = await call(testApp, `POST ${N}/trace-leak`, { as: analyst, body: { text: excerpt } });
    expect(traced.status).toBe(404);
    const file = {
      name: 'leak.md',
      contentBase64: Buffer.from(ukrainesCopy.markdown, 'utf8').toString('base64'),
    };
    expect((await call(testApp, `POST ${N}/trace-leak/file`, { as: analyst, body: file })).status).toBe(404);
    // The staff may: the same excerpt names Ukraine's copy.
    const staff = await call(testApp, `POST ${N}/trace-leak`, { as: mediator, body: { text: excerpt } });
    expect(staff.status).toBe(200);
  });

  it('lists and fetches its own copies only; another’s is a 404 like a missing one', async () => {
    const register = (await (await call(testApp, `GET ${N}/exports`, { as: analyst })).json()) as {
      items: { id: string }[];
    };
    expect(register.items.map((item) => item.id)).toEqual([analystsCopy.id]);
    expect((await call(testApp, `GET ${N}/exports/${analystsCopy.id}/file`, { as: analyst })).status).toBe(
      200,
    );
    const other = await call(testApp, `GET ${N}/exports/${ukrainesCopy.id}/file`, { as: analyst });
    const missing = await call(testApp, `GET ${N}/exports/00000000-0000-4000-8000-00000000dead/file`, {
      as: analyst,
    });
    expect(other.status).toBe(404);
    expect((await other.text()).replaceAll(ukrainesCopy.id, 'X')).toBe(
      (await missing.text()).replaceAll('00000000-0000-4000-8000-00000000dead', 'X'),
    );
  });

  it('may not make a copy for someone else', async () => {
    const response = await call(testApp, `POST ${N}/exports`, {
      as: analyst,
      body: { versionId: demoPlanId('geneva-19'), recipientUserId: DEMO_ACCOUNTS.ukraine.id },
    });
    expect(response.status).toBe(403);
  });
});

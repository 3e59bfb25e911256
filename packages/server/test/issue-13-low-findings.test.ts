// Issue #13, item 9 (low findings): each test fails on the code before the fix.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_NEGOTIATION, DEMO_PARTIES, UKRAINE_LEAD_CHANGE } from '../src/demo';
import { demoPlanId } from '../src/demo/plan-demo';
import { extractPdfText } from '../src/exports/extract/extract-pdf-text';
import { renderPdf } from '../src/exports/render/render-pdf';
import type { DatabaseHandle } from '../src/storage/database';
import { createUser } from '../src/services/accounts';
import { writeInstanceSettings } from '../src/storage/instance-settings';
import { seedDemo, signInAs } from './helpers/demo-fixture';
import { openTestDatabase } from './helpers/each-database';
import { call, signIn, type SignedIn } from './helpers/session';
import { meet } from './helpers/seat';
import { createTestApp, type TestApp } from './helpers/test-app';

const N = `/api/negotiations/${DEMO_NEGOTIATION.id}`;
const FLORIDA = demoPlanId('florida-20');

describe('issue 13: low findings', () => {
  let handle: DatabaseHandle;
  let testApp: TestApp;
  let ukraine: SignedIn;
  let russia: SignedIn;

  beforeAll(async () => {
    handle = await openTestDatabase('pglite');
    testApp = createTestApp(handle.db);
    await seedDemo(handle.db);
    ukraine = (await signInAs(testApp, 'ownDelegation')) as SignedIn;
    russia = (await signInAs(testApp, 'otherParty')) as SignedIn;
  });
  afterAll(async () => handle.close());

  it('answers 400, not 500, to JSON nested 10,000 levels deep', async () => {
    const deepArray = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
    const deepObject = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`;
    for (const route of ['POST /api/analysis', 'POST /api/simulations', 'POST /api/auth/login']) {
      for (const scenario of [deepArray, deepObject]) {
        const response = await call(testApp, route, { as: ukraine, rawBody: `{"scenario":${scenario}}` });
        expect(response.status, route).toBe(400);
        expect(response.headers.get('content-type')).toBe('application/problem+json');
      }
    }
  });

  it('leaves the global JSON.stringify alone when a PDF is read', async () => {
    const native = JSON.stringify;
    const pdf = await renderPdf(
      { title: 'Probe', subtitle: [], sections: [{ heading: null, paragraphs: ['hello'] }], footer: [] },
      new Date('2025-12-01T00:00:00.000Z'),
    );
    await extractPdfText(pdf);
    expect(JSON.stringify).toBe(native);
  });

  type Listed = { items: { pointId: string; partyId: string; revision: number }[] };
  /** Ukraine's position on a Florida point as `as` sees it (undefined when hidden or absent). */
  const ukrainesPosition = async (as: SignedIn, pointKey: string) => {
    const response = await call(testApp, `GET ${N}/plan/versions/${FLORIDA}/positions`, { as });
    return ((await response.json()) as Listed).items.find(
      (p) => p.pointId === demoPlanId(pointKey) && p.partyId === DEMO_PARTIES.ukraine.id,
    );
  };
  const putUkraine = (pointKey: string, body: { visibility: string; baseRevision: number }) =>
    call(
      testApp,
      `PUT ${N}/plan/versions/${FLORIDA}/points/${demoPlanId(pointKey)}/positions/${DEMO_PARTIES.ukraine.id}`,
      { as: ukraine, body: { value: 'amend', note: 'draft', ...body } },
    );

  it("shows another party a revision that does not count the position's hidden edits", async () => {
    const put = (visibility: string, baseRevision: number) => putUkraine('p11', { visibility, baseRevision });
    let revision = (await ukrainesPosition(ukraine, 'p11'))?.revision ?? 0;
    for (let edit = 0; edit < 3; edit++) {
      const response = await put('private', revision);
      expect(response.status).toBe(200);
      revision = ((await response.json()) as { revision: number }).revision;
    }
    expect((await put('parties', revision)).status).toBe(200);
    expect((await ukrainesPosition(ukraine, 'p11'))?.revision).toBe(revision + 1);
    expect((await ukrainesPosition(russia, 'p11'))?.revision).toBe(1);
    const audit = await call(testApp, `GET ${N}/audit?action=position`, { as: russia });
    expect(JSON.stringify(await audit.json())).not.toMatch(/"revision":/);
  });

  it('rejects the id of an audit entry the caller may not see exactly like an unknown one', async () => {
    const baseRevision = (await ukrainesPosition(ukraine, 'p24'))?.revision ?? 0;
    expect((await putUkraine('p24', { visibility: 'private', baseRevision })).status).toBe(200);
    const hidden = await handle.db
      .selectFrom('audit_log')
      .select('hash')
      .where('action', '=', 'position.set')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    const withHidden = await call(testApp, `GET ${N}/audit?cursor=${hidden.hash}`, { as: russia });
    const withUnknown = await call(testApp, `GET ${N}/audit?cursor=${randomBytes(32).toString('hex')}`, {
      as: russia,
    });
    expect(withHidden.status).toBe(withUnknown.status);
    expect(withHidden.status).toBe(400);
    const strip = (body: unknown) => JSON.stringify(body);
    expect(strip(await withHidden.json())).toBe(strip(await withUnknown.json()));
  });

  it('closes an event stream when the seat behind it ends', async () => {
    testApp.clock.set('2025-11-27T12:00:00.000Z');
    const former = (await signInAs(testApp, 'formerLead')) as SignedIn;
    const response = await testApp.app.request(`${N}/events`, {
      headers: { ...former.headers, accept: 'text/event-stream' },
    });
    expect(response.status).toBe(200);
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    await reader.read(); // the `ready` event
    testApp.clock.set(new Date(Date.parse(UKRAINE_LEAD_CHANGE) + 60_000).toISOString());
    const ended = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), 12_000);
      void (async () => {
        for (;;) {
          const { done } = await reader.read();
          if (done) break;
        }
        clearTimeout(timer);
        resolve(true);
      })();
    });
    testApp.clock.set('2025-12-05T12:00:00.000Z');
    if (!ended) await reader.cancel();
    expect(ended).toBe(true);
  });

  it('closes an event stream within seconds of its seat being ended, with no other request meanwhile', async () => {
    const delegate = await createUser(testApp.deps, {
      email: 'stream-delegate@example.org',
      displayName: 'Stream delegate',
      password: 'stream delegate password',
    });
    const session = await signIn(testApp, 'stream-delegate@example.org', 'stream delegate password');
    await meet(testApp, ukraine, { signedIn: session, email: 'stream-delegate@example.org' });
    const seat = (await (
      await call(testApp, `POST ${N}/parties/${DEMO_PARTIES.ukraine.id}/members`, {
        as: ukraine,
        body: { userId: delegate.id, function: 'delegate', validFrom: '2025-12-01T00:00:00.000Z' },
      })
    ).json()) as { id: string };
    const response = await testApp.app.request(`${N}/events`, {
      headers: { ...session.headers, accept: 'text/event-stream' },
    });
    expect(response.status).toBe(200);
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    await reader.read(); // the `ready` event
    const ended = await call(testApp, `POST ${N}/members/${seat.id}/end`, {
      as: ukraine,
      body: { validTo: testApp.clock.now().toISOString() },
    });
    expect(ended.status).toBe(200);
    let received = '';
    const closed = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), 12_000);
      void (async () => {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          received += new TextDecoder().decode(value);
        }
        clearTimeout(timer);
        resolve(true);
      })();
    });
    if (!closed) await reader.cancel();
    expect(closed).toBe(true);
    // Its last word tells its open pages to read again, and find the seat gone: they kept showing
    // what the seat let them read until reloaded.
    expect(received.trim().split('\n\n').at(-1)).toBe('event: reset\ndata: {"reason":"seat-ended"}');
  });

  it('publishes no password in /api/instance', async () => {
    const text = await (await call(testApp, 'GET /api/instance')).text();
    expect(text).toContain('ukraine@demo.parley');
    expect(text).not.toContain('parley-demo-2025');
    expect(text).not.toMatch(/password/i);
  });

  it('refuses display names with bidi overrides or lone surrogates', async () => {
    // Sign-up is by invitation by default (#11): open it so only the name decides.
    await writeInstanceSettings(handle.db, {
      settings: { signup: 'open', negotiationCreation: 'anyone' },
      at: new Date(),
    });
    const register = (displayName: string, tag: string) =>
      call(testApp, 'POST /api/auth/register', {
        body: { email: `bidi-${tag}@example.org`, displayName, password: 'a long enough password' },
      });
    expect((await register('Ann\u202Etxt.exe', 'override')).status).toBe(400);
    expect((await register('Ann\u2067isolate', 'isolate')).status).toBe(400);
    expect((await register('Ann\uD800', 'surrogate')).status).toBe(400);
    expect((await register('Анна عربي 😀', 'plain')).status).toBe(202);
  });
});

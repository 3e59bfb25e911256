import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_NEGOTIATION, DEMO_PARTIES, DEMO_PASSWORD } from '../src/demo';
import { canReceive } from '../src/realtime/plan-events';
import { loadViewer } from '../src/services/viewer';
import type { DatabaseHandle } from '../src/storage/database';
import type { UserId } from '@parley/core';
import { seedDemo, signInAs } from './helpers/demo-fixture';
import { API_DATABASE_KINDS, openTestDatabase } from './helpers/each-database';
import { call, signIn, type SignedIn } from './helpers/session';
import { createTestApp, type TestApp } from './helpers/test-app';

// Issue #12 item 5: blind bids on a numeric issue (docs/live-analysis.md, "Blind bids"). Every
// response body this suite receives is kept, and none may hold a bound.
const N = `/api/negotiations/${DEMO_NEGOTIATION.id}`;
const UKRAINE_FIRST = 933.625;
const UKRAINE_BOUND = 812.375; // the most Ukraine will give (replaces its first bid)
const RUSSIA_BOUND = 611.125; // the least Russia will take
const NO_DEAL_GIVE = 301.5625;
const NO_DEAL_TAKE = 457.8125;
const BOUNDS = [UKRAINE_FIRST, UKRAINE_BOUND, RUSSIA_BOUND, NO_DEAL_GIVE, NO_DEAL_TAKE].map(String);

type Bidding = {
  id: string;
  state: string;
  outcome: { overlap: boolean; settlement?: number } | null;
  giving: { partyId: string; submitted: boolean };
  taking: { partyId: string; submitted: boolean };
  yourSide: string | null;
  canReveal: boolean;
};
type Problem = { status: number; errors?: { path: string; message: string }[] };

describe.each(API_DATABASE_KINDS)('blind bids on %s', (databaseKind) => {
  let handle: DatabaseHandle;
  let testApp: TestApp;
  let mediator: SignedIn;
  let analyst: SignedIn;
  let ukraine: SignedIn;
  let russia: SignedIn;
  let observer: SignedIn;
  let outsider: SignedIn;
  let versionId: string;
  let rangeId: string;
  let optionsId: string;
  let plainId: string;
  let biddingId: string;
  const received: string[] = [];

  const send = async (request: string, as: SignedIn, body?: unknown) => {
    const response = await call(testApp, request, { as, body });
    received.push(await response.clone().text());
    return response;
  };
  const open = (as: SignedIn, body: Record<string, unknown>) =>
    send(`POST ${N}/biddings`, as, {
      versionId,
      givingPartyId: DEMO_PARTIES.ukraine.id,
      takingPartyId: DEMO_PARTIES.russia.id,
      ...body,
    });
  const bid = (as: SignedIn, bound: unknown, id = biddingId) =>
    send(`PUT ${N}/biddings/${id}/bid`, as, { bound });
  const sealedRows = () => handle.db.selectFrom('blind_bids').selectAll().execute();

  beforeAll(async () => {
    handle = await openTestDatabase(databaseKind);
    testApp = createTestApp(handle.db);
    await seedDemo(handle.db);
    const signed = async (kind: 'mediator' | 'ownDelegation' | 'otherParty' | 'observer' | 'outsider') => {
      const session = await signInAs(testApp, kind);
      if (session === null) throw new Error(`no session for ${kind}`);
      return session;
    };
    mediator = await signed('mediator');
    ukraine = await signed('ownDelegation');
    russia = await signed('otherParty');
    observer = await signed('observer');
    outsider = await signed('outsider');
    analyst = await signIn(testApp, DEMO_ACCOUNTS.mediatorAnalyst.email, DEMO_PASSWORD);
    const overview = (await (await call(testApp, `GET ${N}/plan`, { as: mediator })).json()) as {
      versions: { id: string; revision: number }[];
    };
    versionId = [...overview.versions].sort((a, b) => b.revision - a.revision)[0]?.id ?? '';
    const version = (await (
      await call(testApp, `GET ${N}/plan/versions/${versionId}`, { as: mediator })
    ).json()) as {
      version: { points: { pointId: string }[] };
    };
    [rangeId = '', optionsId = '', plainId = ''] = version.version.points.map((point) => point.pointId);
    const define = async (pointId: string, definition: unknown) =>
      expect(
        (
          await call(testApp, `PUT ${N}/plan/versions/${versionId}/points/${pointId}/issue`, {
            as: mediator,
            body: { definition },
          })
        ).status,
      ).toBe(200);
    await define(rangeId, { kind: 'range', min: 0, max: 1000, step: 10, unit: 'bn' });
    await define(optionsId, { kind: 'options', options: ['600,000', 'no ceiling'] });
  });
  afterAll(async () => handle.close());

  it('refuses a bidding on a point with options or on a point that is no issue, naming pointId, and stores nothing', async () => {
    for (const pointId of [optionsId, plainId, randomUUID()]) {
      const response = await open(mediator, { pointId });
      expect(response.status).toBe(400);
      const problem = (await response.json()) as Problem;
      expect(problem.errors?.[0]?.path).toBe('pointId');
    }
    expect(
      ((await (await open(mediator, { pointId: optionsId })).json()) as Problem).errors?.[0]?.message,
    ).toMatch(/has options, not a numeric range/);
    const sameParty = await open(mediator, { pointId: rangeId, takingPartyId: DEMO_PARTIES.ukraine.id });
    expect(((await sameParty.json()) as Problem).errors?.[0]?.path).toBe('takingPartyId');
    const mediatorSide = await open(mediator, {
      pointId: rangeId,
      givingPartyId: DEMO_PARTIES.unitedStates.id,
    });
    expect(((await mediatorSide.json()) as Problem).errors?.[0]?.path).toBe('givingPartyId');
    const past = await open(mediator, { pointId: rangeId, closesAt: '2020-01-01T00:00:00.000Z' });
    expect(((await past.json()) as Problem).errors?.[0]?.path).toBe('closesAt');
    expect(await handle.db.selectFrom('blind_biddings').selectAll().execute()).toEqual([]);
    const audited = await handle.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'like', 'bid.%')
      .execute();
    expect(audited).toEqual([]);
  });

  it('lets only the mediator staff open a bidding', async () => {
    expect((await open(ukraine, { pointId: rangeId })).status).toBe(403);
    expect((await open(analyst, { pointId: rangeId })).status).toBe(403);
    expect((await open(observer, { pointId: rangeId })).status).toBe(403);
    expect((await open(outsider, { pointId: rangeId })).status).toBe(404);
    const response = await open(mediator, { pointId: rangeId });
    expect(response.status).toBe(201);
    const bidding = (await response.json()) as Bidding & {
      rule: string;
      min: number;
      max: number;
      unit: string;
    };
    expect(bidding).toMatchObject({
      rule: 'midpoint',
      state: 'open',
      min: 0,
      max: 1000,
      unit: 'bn',
      outcome: null,
    });
    expect(bidding.giving).toMatchObject({ partyId: DEMO_PARTIES.ukraine.id, submitted: false });
    biddingId = bidding.id;
    expect((await open(mediator, { pointId: rangeId })).status).toBe(409);
  });

  it('shows the bidding to the mediator party and both sides; observers and outsiders get the 404 of a missing one', async () => {
    for (const as of [mediator, analyst, ukraine, russia])
      expect((await send(`GET ${N}/biddings/${biddingId}`, as)).status).toBe(200);
    const side = async (as: SignedIn) =>
      ((await (await send(`GET ${N}/biddings/${biddingId}`, as)).json()) as Bidding).yourSide;
    expect([await side(ukraine), await side(russia), await side(mediator)]).toEqual([
      'giving',
      'taking',
      null,
    ]);
    for (const as of [observer, outsider]) {
      const hidden = await send(`GET ${N}/biddings/${biddingId}`, as);
      const missing = await send(`GET ${N}/biddings/${randomUUID()}`, as);
      expect(hidden.status).toBe(404);
      expect(missing.status).toBe(404);
      const strip = (text: string) => text.replace(/\/biddings\/[0-9a-f-]+/, '');
      expect(strip(await hidden.text())).toBe(strip(await missing.text()));
      expect((await bid(as, 500)).status).toBe(404);
      expect((await send(`POST ${N}/biddings/${biddingId}/reveal`, as)).status).toBe(404);
    }
    expect(await (await send(`GET ${N}/biddings`, observer)).json()).toEqual({ items: [] });
    expect((await send(`GET ${N}/biddings`, outsider)).status).toBe(404);
  });

  it('seals each bound: out-of-range refused naming bound, only the sides bid, and SQL shows ciphertext', async () => {
    const outOfRange = await bid(ukraine, 1000.5);
    expect(outOfRange.status).toBe(400);
    expect(((await outOfRange.json()) as Problem).errors?.[0]?.path).toBe('bound');
    const notANumber = await bid(ukraine, '900');
    expect(notANumber.status).toBe(400);
    expect(await sealedRows()).toEqual([]);
    for (const as of [mediator, analyst]) expect((await bid(as, 500)).status).toBe(403);
    expect((await send(`POST ${N}/biddings/${biddingId}/reveal`, mediator)).status).toBe(409);
    expect((await bid(ukraine, UKRAINE_FIRST)).status).toBe(200);
    const replaced = await bid(ukraine, UKRAINE_BOUND);
    expect(((await replaced.json()) as Bidding).giving.submitted).toBe(true);
    const afterRussia = (await (await bid(russia, RUSSIA_BOUND)).json()) as Bidding;
    expect([afterRussia.giving.submitted, afterRussia.taking.submitted]).toEqual([true, true]);
    const rows = await sealedRows();
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row.sealed).toMatch(/^v1\.[0-9a-f]{8}\./);
      for (const bound of BOUNDS) expect(row.sealed).not.toContain(bound);
    }
    // Swapping the two ciphertexts (a DB operator's trick) does not move a bound to the other side.
    expect(new Set(rows.map((row) => row.sealed)).size).toBe(2);
  });

  it('lets only the mediator staff reveal, then shows everyone allowed the midpoint and never a bound', async () => {
    expect((await send(`POST ${N}/biddings/${biddingId}/reveal`, ukraine)).status).toBe(403);
    expect((await send(`POST ${N}/biddings/${biddingId}/reveal`, analyst)).status).toBe(403);
    const revealed = await send(`POST ${N}/biddings/${biddingId}/reveal`, mediator);
    expect(revealed.status).toBe(200);
    const bidding = (await revealed.json()) as Bidding;
    expect(bidding.state).toBe('revealed');
    expect(bidding.outcome).toEqual({ overlap: true, settlement: (UKRAINE_BOUND + RUSSIA_BOUND) / 2 });
    for (const as of [ukraine, russia, analyst]) {
      const seen = (await (await send(`GET ${N}/biddings/${biddingId}`, as)).json()) as Bidding;
      expect(seen.outcome).toEqual({ overlap: true, settlement: 711.75 });
    }
    expect((await send(`POST ${N}/biddings/${biddingId}/reveal`, mediator)).status).toBe(409);
    expect((await bid(russia, 100)).status).toBe(409);
    // The sealed bounds are erased at the reveal: no key opens them any more.
    expect((await sealedRows()).map((row) => row.sealed)).toEqual([null, null]);
  });

  it('reveals no overlap, and no number, when the giver offers less than the taker needs', async () => {
    const second = (await (await open(mediator, { pointId: rangeId })).json()) as Bidding;
    expect((await bid(ukraine, NO_DEAL_GIVE, second.id)).status).toBe(200);
    expect((await bid(russia, NO_DEAL_TAKE, second.id)).status).toBe(200);
    const text = await (await send(`POST ${N}/biddings/${second.id}/reveal`, mediator)).text();
    expect((JSON.parse(text) as Bidding).outcome).toEqual({ overlap: false });
    expect(text).not.toContain('settlement');
  });

  it('takes no bid after the closing time', async () => {
    await call(testApp, `PUT ${N}/plan/versions/${versionId}/points/${optionsId}/issue`, {
      as: mediator,
      body: { definition: { kind: 'range', min: 1, max: 5, step: 1, unit: 'years' } },
    });
    const closesAt = new Date(testApp.clock.now().getTime() + 3_600_000).toISOString();
    const timed = (await (await open(mediator, { pointId: optionsId, closesAt })).json()) as Bidding;
    expect((await bid(ukraine, 3, timed.id)).status).toBe(200);
    testApp.clock.advance(2 * 3_600_000);
    const late = await bid(russia, 2, timed.id);
    expect(late.status).toBe(409);
    expect(await late.text()).toContain('closed');
    expect(((await (await send(`GET ${N}/biddings/${timed.id}`, russia)).json()) as Bidding).state).toBe(
      'closed',
    );
  });

  it('pages the list of biddings: never more than the limit, the rest behind the cursor', async () => {
    const first = (await (await send(`GET ${N}/biddings?limit=1`, mediator)).json()) as {
      items: Bidding[];
      nextCursor?: string;
    };
    expect(first.items).toHaveLength(1);
    const rest = (await (
      await send(`GET ${N}/biddings?limit=500&cursor=${first.nextCursor ?? ''}`, mediator)
    ).json()) as { items: Bidding[] };
    const all = (await (await send(`GET ${N}/biddings`, mediator)).json()) as { items: Bidding[] };
    expect(all.items.length).toBeGreaterThan(1);
    expect([...first.items, ...rest.items].map((item) => item.id)).toEqual(all.items.map((item) => item.id));
  });

  it('audits opening, each bid and the reveal without a bound', async () => {
    const entries = await handle.db
      .selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('action', 'like', 'bid.%')
      .orderBy('seq')
      .execute();
    const actions = entries.map((entry) => entry.action);
    expect(actions.filter((action) => action === 'bid.submit')).toHaveLength(6);
    expect(actions.filter((action) => action === 'bid.reveal')).toHaveLength(2);
    expect(actions.filter((action) => action === 'bid.open')).toHaveLength(3);
    const reveal = entries.find((entry) => entry.action === 'bid.reveal');
    expect(reveal?.detail).toMatchObject({ outcome: { overlap: true, settlement: 711.75 } });
    const text = JSON.stringify(entries);
    for (const bound of BOUNDS) expect(text).not.toContain(bound);
    // Ukraine's audit log shows its own bids, not Russia's.
    const log = await (await send(`GET ${N}/audit?limit=100`, ukraine)).text();
    expect(log).toContain('bid.reveal');
  });

  it('sends realtime events without a bound, and none to observers', async () => {
    const events = await handle.db.selectFrom('plan_events').select('event').execute();
    const bidding = events.filter((row) => JSON.stringify(row.event).includes('bidding.changed'));
    expect(bidding.length).toBeGreaterThanOrEqual(5);
    const text = JSON.stringify(bidding);
    for (const bound of [...BOUNDS, '711.75']) expect(text).not.toContain(bound);
    const event = {
      type: 'bidding.changed',
      negotiationId: DEMO_NEGOTIATION.id,
      biddingId,
      givingPartyId: DEMO_PARTIES.ukraine.id,
      takingPartyId: DEMO_PARTIES.russia.id,
    } as const;
    const viewerOf = (session: SignedIn) => loadViewer(testApp.deps, session.userId as UserId);
    expect(canReceive(await viewerOf(observer), event as never)).toBe(false);
    expect(canReceive(await viewerOf(russia), event as never)).toBe(true);
  });

  it('never answered a bound to anyone', () => {
    expect(received.length).toBeGreaterThan(40);
    const leaks = BOUNDS.filter((bound) => received.some((body) => body.includes(bound)));
    expect(leaks).toEqual([]);
  });
});

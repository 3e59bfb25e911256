import { instantInWords } from '@parley/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_NEGOTIATION, DEMO_PARTIES, DEMO_PASSWORD } from '../src/demo';
import type { DatabaseHandle } from '../src/storage/database';
import { seedDemo, signInAs } from './helpers/demo-fixture';
import { API_DATABASE_KINDS, openTestDatabase } from './helpers/each-database';
import { call, signIn, type SignedIn } from './helpers/session';
import { createTestApp, type TestApp } from './helpers/test-app';

// Issue #11 item 8, no lost updates, for blind bids: two members of one delegation bid at once.
// A bid sends the revision of its delegation's bid it was based on; a stale one is a 409 naming the
// colleague's bid (never its bound), and nothing of it ever reaches another party.
const N = `/api/negotiations/${DEMO_NEGOTIATION.id}`;
const LEAD_BOUND = 640.25;
const DELEGATE_BOUND = 702.75;
const RUSSIA_BOUND = 519.5;
const BOUNDS = [LEAD_BOUND, DELEGATE_BOUND, RUSSIA_BOUND].map(String);

type OwnBid = { revision: number; submittedAt: string; submittedBy: { displayName: string } | null };
type Bidding = { id: string; yourBid: OwnBid | null; revealedBy: { displayName: string } | null };
type Problem = { status: number; type: string; detail: string; errors?: { path: string }[] };

describe.each(API_DATABASE_KINDS)('blind bids with revisions on %s', (databaseKind) => {
  let handle: DatabaseHandle;
  let testApp: TestApp;
  let mediator: SignedIn;
  let lead: SignedIn;
  let delegate: SignedIn;
  let russia: SignedIn;
  let biddingId: string;
  const received: { as: SignedIn; text: string }[] = [];

  const send = async (request: string, as: SignedIn, body?: unknown) => {
    const response = await call(testApp, request, { as, body });
    received.push({ as, text: await response.clone().text() });
    return response;
  };
  const bid = (as: SignedIn, body: Record<string, unknown>) =>
    send(`PUT ${N}/biddings/${biddingId}/bid`, as, body);
  const read = async (as: SignedIn) =>
    (await (await send(`GET ${N}/biddings/${biddingId}`, as)).json()) as Bidding;
  const storedRevisions = async () =>
    (
      await handle.db.selectFrom('blind_bids').select(['party_id', 'revision']).orderBy('party_id').execute()
    ).map((row) => [row.party_id, row.revision]);

  beforeAll(async () => {
    handle = await openTestDatabase(databaseKind);
    testApp = createTestApp(handle.db);
    await seedDemo(handle.db);
    const signed = async (kind: 'mediator' | 'ownDelegation' | 'otherParty') => {
      const session = await signInAs(testApp, kind);
      if (session === null) throw new Error(`no session for ${kind}`);
      return session;
    };
    mediator = await signed('mediator');
    lead = await signed('ownDelegation');
    russia = await signed('otherParty');
    // Ukraine's lead seats its former lead again as a delegate: a second member who may bid.
    const seated = await call(testApp, `POST ${N}/parties/${DEMO_PARTIES.ukraine.id}/members`, {
      as: lead,
      body: { userId: DEMO_ACCOUNTS.ukraineFormer.id, function: 'delegate' },
    });
    expect(seated.status).toBe(201);
    delegate = await signIn(testApp, DEMO_ACCOUNTS.ukraineFormer.email, DEMO_PASSWORD);
    const plan = (await (await call(testApp, `GET ${N}/plan`, { as: mediator })).json()) as {
      versions: { id: string; revision: number }[];
    };
    const versionId = [...plan.versions].sort((a, b) => b.revision - a.revision)[0]?.id ?? '';
    const version = (await (
      await call(testApp, `GET ${N}/plan/versions/${versionId}`, { as: mediator })
    ).json()) as { version: { points: { pointId: string }[] } };
    const pointId = version.version.points[0]?.pointId ?? '';
    await call(testApp, `PUT ${N}/plan/versions/${versionId}/points/${pointId}/issue`, {
      as: mediator,
      body: { definition: { kind: 'range', min: 0, max: 1000, step: 10, unit: 'bn' } },
    });
    const opened = await call(testApp, `POST ${N}/biddings`, {
      as: mediator,
      body: {
        versionId,
        pointId,
        givingPartyId: DEMO_PARTIES.ukraine.id,
        takingPartyId: DEMO_PARTIES.russia.id,
      },
    });
    biddingId = ((await opened.json()) as Bidding).id;
  });
  afterAll(async () => handle.close());

  it('counts a delegation’s bids and shows the count and the bidder to that delegation only', async () => {
    expect((await read(lead)).yourBid).toBeNull();
    const first = await bid(lead, { bound: LEAD_BOUND, baseRevision: 0 });
    expect(first.status).toBe(200);
    const mine = ((await first.json()) as Bidding).yourBid;
    expect(mine).toMatchObject({
      revision: 1,
      submittedBy: { displayName: DEMO_ACCOUNTS.ukraine.displayName },
    });
    expect((await read(delegate)).yourBid).toEqual(mine);
    // Russia and the mediator's staff read the bidding, but nothing of Ukraine's bid but that it is in.
    expect((await read(russia)).yourBid).toBeNull();
    expect((await read(mediator)).yourBid).toBeNull();
  });

  it('refuses a bid based on a revision a colleague replaced, naming the colleague and not the bound, and stores nothing', async () => {
    // The delegate's form was loaded before the lead's bid: it still shows revision 0.
    const stale = await bid(delegate, { bound: DELEGATE_BOUND, baseRevision: 0 });
    expect(stale.status).toBe(409);
    const problem = (await stale.json()) as Problem;
    expect(problem.type).toBe('/problems/conflict');
    expect(problem.errors?.[0]?.path).toBe('baseRevision');
    expect(problem.detail).toContain(`${DEMO_ACCOUNTS.ukraine.displayName} of your delegation sealed a bid`);
    expect(problem.detail).toContain('(revision 1); yours was based on revision 0');
    expect(await storedRevisions()).toEqual([[DEMO_PARTIES.ukraine.id, 1]]);
    const audited = await handle.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'bid.submit')
      .execute();
    expect(audited).toHaveLength(1);
  });

  it('takes the bid once it is based on the newest revision', async () => {
    const over = await bid(delegate, { bound: DELEGATE_BOUND, baseRevision: 1 });
    expect(over.status).toBe(200);
    expect(((await over.json()) as Bidding).yourBid).toMatchObject({
      revision: 2,
      submittedBy: { displayName: DEMO_ACCOUNTS.ukraineFormer.displayName },
    });
  });

  it('replaces the bid without a revision, as clients from before revisions did', async () => {
    const blind = await bid(lead, { bound: LEAD_BOUND });
    expect(blind.status).toBe(200);
    expect(((await blind.json()) as Bidding).yourBid?.revision).toBe(3);
  });

  it('refuses a revision that is not a whole number from 0 naming baseRevision', async () => {
    for (const baseRevision of [-1, 1.5, '3', null]) {
      const response = await bid(lead, { bound: LEAD_BOUND, baseRevision });
      expect(response.status).toBe(400);
      expect(((await response.json()) as Problem).errors?.[0]?.path).toBe('baseRevision');
    }
  });

  it('keeps each party’s revision its own: the other side’s bids neither conflict with nor show in it', async () => {
    // Russia has not bid: its revision is 0 although Ukraine's is 3, and a stale guess says only "no bid".
    const guessed = await bid(russia, { bound: RUSSIA_BOUND, baseRevision: 3 });
    expect(guessed.status).toBe(409);
    const detail = ((await guessed.json()) as Problem).detail;
    expect(detail).toContain('Your delegation has no bid in this bidding (revision 0)');
    expect(detail).not.toContain('Ukraine');
    expect((await bid(russia, { bound: RUSSIA_BOUND, baseRevision: 0 })).status).toBe(200);
    expect((await read(russia)).yourBid?.revision).toBe(1);
    expect((await read(lead)).yourBid?.revision).toBe(3);
    // Ukraine's 409 with a stale revision is about Ukraine's own bids, never Russia's.
    const stale = await bid(lead, { bound: LEAD_BOUND, baseRevision: 1 });
    const ukraineDetail = ((await stale.json()) as Problem).detail;
    expect(ukraineDetail).toContain('(revision 3)');
    expect(ukraineDetail).not.toContain(DEMO_ACCOUNTS.russia.displayName);
    expect(await storedRevisions()).toEqual(
      [
        [DEMO_PARTIES.ukraine.id, 3],
        [DEMO_PARTIES.russia.id, 1],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
  });

  it('answers a reader who bids for neither side the same 403 whatever revision it sends: no oracle of a side’s bids', async () => {
    const bodies = new Set<string>();
    for (const baseRevision of [0, 1, 3, 7, undefined]) {
      const response = await bid(mediator, { bound: LEAD_BOUND, baseRevision });
      expect(response.status).toBe(403);
      bodies.add(await response.text());
    }
    expect(bodies.size).toBe(1);
  });

  it('answers a bid after the reveal with who revealed it and when', async () => {
    const revealed = await send(`POST ${N}/biddings/${biddingId}/reveal`, mediator);
    expect(revealed.status).toBe(200);
    const bidding = (await revealed.json()) as Bidding & { revealedAt: string };
    expect(bidding.revealedBy?.displayName).toBe(DEMO_ACCOUNTS.mediator.displayName);
    for (const response of [
      await bid(lead, { bound: LEAD_BOUND, baseRevision: 3 }),
      await send(`POST ${N}/biddings/${biddingId}/reveal`, mediator),
    ]) {
      expect(response.status).toBe(409);
      expect(((await response.json()) as Problem).detail).toBe(
        `This bidding was already revealed by ${DEMO_ACCOUNTS.mediator.displayName} on ${instantInWords(bidding.revealedAt, DEMO_NEGOTIATION.timeZone)}.`,
      );
    }
  });

  it('never told Russia anything of Ukraine’s bids, nor anyone a bound', () => {
    const toRussia = received.filter((entry) => entry.as === russia).map((entry) => entry.text);
    expect(toRussia.length).toBeGreaterThan(3);
    for (const text of toRussia) {
      for (const name of [DEMO_ACCOUNTS.ukraine.displayName, DEMO_ACCOUNTS.ukraineFormer.displayName])
        expect(text).not.toContain(name);
      // Russia's own guess is echoed ("based on revision 3"); a stored revision of Ukraine's never is.
      expect(text).not.toMatch(/\(revision [23]\)|"revision":[23]\b/);
    }
    const leaks = BOUNDS.filter((bound) => received.some((entry) => entry.text.includes(bound)));
    expect(leaks).toEqual([]);
  });
});

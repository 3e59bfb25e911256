// Issue #13, item 5: every read of restricted material is audited, under the person who read it,
// with the client address. Reported: `GET …/plan/amendments` wrote no entry; a copy the mediator
// exported for Ukraine logged its position reads as Ukraine's; no read entry carried an address.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_NEGOTIATION, DEMO_PARTIES, DEMO_RECORDS } from '../src/demo';
import { demoPlanId } from '../src/demo/plan-demo';
import { createApp } from '../src/http/create-app';
import { createDeps } from '../src/services/deps';
import { listAuditEntries, type StoredAuditEntry } from '../src/storage/audit-log';
import type { DatabaseHandle } from '../src/storage/database';
import { seedDemo, signInAs } from './helpers/demo-fixture';
import { openTestDatabase } from './helpers/each-database';
import type { SignedIn } from './helpers/session';
import { createMutableClock, type TestApp } from './helpers/test-app';

const N = `/api/negotiations/${DEMO_NEGOTIATION.id}`;
const PROXY = '10.0.0.2';
const READ_ACTIONS = new Set([
  'record.read',
  'record.list',
  'position.list',
  'round.minutes.read',
  'amendment.list',
]);

/** What @hono/node-server passes as the app's env: the socket the request came in on. */
const fromPeer = (remoteAddress: string) => ({ incoming: { socket: { remoteAddress } } });

type ShownEntry = {
  id: string;
  actorId: string | null;
  action: string;
  ip: string | null;
  detail: Record<string, unknown>;
};

describe('issue 13: restricted reads are audited under the reader, with the client address', () => {
  let handle: DatabaseHandle;
  let testApp: TestApp;
  let mediator: SignedIn;
  let ukraine: SignedIn;
  let russia: SignedIn;

  /** One request as `who`, arriving from `address` (a TCP peer, or through the trusted proxy). */
  const send = (
    request: string,
    who: SignedIn,
    address: string,
    options: { body?: unknown; viaProxy?: boolean } = {},
  ) => {
    const [method = 'GET', path = '/'] = request.split(' ');
    const headers: Record<string, string> = { ...who.headers };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (options.viaProxy === true) headers['x-forwarded-for'] = address;
    return testApp.app.request(
      path,
      { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) },
      fromPeer(options.viaProxy === true ? PROXY : address),
    );
  };

  async function entriesAfter(seq: number): Promise<StoredAuditEntry[]> {
    return listAuditEntries(handle.db, { afterSeq: seq, limit: 1000 });
  }
  async function lastSeq(): Promise<number> {
    let seq = 0;
    for (;;) {
      const page = await listAuditEntries(handle.db, { afterSeq: seq, limit: 1000 });
      const last = page.at(-1);
      if (last === undefined) return seq;
      seq = last.seq;
    }
  }
  async function shownTo(who: SignedIn): Promise<ShownEntry[]> {
    const response = await send(`GET ${N}/audit?limit=100`, who, '192.0.2.250');
    expect(response.status).toBe(200);
    return ((await response.json()) as { items: ShownEntry[] }).items;
  }

  beforeAll(async () => {
    handle = await openTestDatabase('pglite');
    await seedDemo(handle.db);
    const clock = createMutableClock();
    const deps = createDeps(handle.db, { clock, trustedProxies: new Set([PROXY]) });
    testApp = { app: createApp(deps), deps, clock };
    [mediator, ukraine, russia] = (await Promise.all([
      signInAs(testApp, 'mediator'),
      signInAs(testApp, 'ownDelegation'),
      signInAs(testApp, 'otherParty'),
    ])) as [SignedIn, SignedIn, SignedIn];
  });
  afterAll(async () => handle.close());

  it('writes a read entry for GET plan/amendments, under the reader, with the address', async () => {
    const proposed = await send(`POST ${N}/plan/amendments`, ukraine, '198.51.100.20', {
      body: {
        partyId: DEMO_PARTIES.ukraine.id,
        versionId: demoPlanId('florida-20'),
        pointId: demoPlanId('p10'),
        proposal: { kind: 'replace_text', text: 'The guarantee mirrors the collective defence clause.' },
        rationale: 'Clarity.',
      },
    });
    expect(proposed.status).toBe(201);
    const amendment = (await proposed.json()) as { id: string };
    const before = await lastSeq();
    const listed = await send(`GET ${N}/plan/amendments`, ukraine, '198.51.100.20');
    expect(listed.status).toBe(200);
    const reads = (await entriesAfter(before)).filter((entry) => entry.action === 'amendment.list');
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatchObject({
      actorId: DEMO_ACCOUNTS.ukraine.id,
      negotiationId: DEMO_NEGOTIATION.id,
      ip: '198.51.100.20',
    });
    expect(reads[0]?.detail.amendmentIds).toContain(amendment.id);
    // The proposing party sees its own read in the log; Russia, who may not read the amendment, does not.
    expect(
      (await shownTo(ukraine)).some(
        (entry) =>
          entry.action === 'amendment.list' && (entry.detail.amendmentIds as string[]).includes(amendment.id),
      ),
    ).toBe(true);
    expect((await shownTo(russia)).some((entry) => entry.action === 'amendment.list')).toBe(false);
  });

  it('logs the reads of a copy the mediator exports for Ukraine as the mediator’s, on Ukraine’s behalf', async () => {
    const before = await lastSeq();
    const exported = await send(`POST ${N}/exports`, mediator, '192.0.2.5', {
      body: { kind: 'negotiation-summary', recipientUserId: DEMO_ACCOUNTS.ukraine.id },
    });
    expect(exported.status).toBe(201);
    const written = await entriesAfter(before);
    const reads = written.filter((entry) => READ_ACTIONS.has(entry.action));
    expect(reads.map((entry) => entry.action)).toContain('position.list');
    for (const read of reads) {
      expect(read.actorId).toBe(DEMO_ACCOUNTS.mediator.id);
      expect(read.detail.onBehalfOf).toBe(DEMO_ACCOUNTS.ukraine.id);
      expect(read.ip).toBe('192.0.2.5');
    }
    expect(written.some((entry) => entry.actorId === DEMO_ACCOUNTS.ukraine.id)).toBe(false);
    // Ukraine, whose positions were read for it, sees for whom; the read is the mediator's.
    const seen = (await shownTo(ukraine)).find(
      (entry) => entry.action === 'position.list' && entry.detail.onBehalfOf === DEMO_ACCOUNTS.ukraine.id,
    );
    expect(seen?.actorId).toBe(DEMO_ACCOUNTS.mediator.id);
  });

  // A security probe: a copy of a delegation's record (or of a round's minutes) holds its whole
  // text, but writing one logged no read: the owning delegation, which sees in its log who opened
  // the record, never saw who took a copy of it.
  it('logs a copy of a restricted record as a read of it, which the owning delegation sees', async () => {
    const memo = DEMO_RECORDS.find(
      (record) => record.party === 'ukraine' && record.classification === 'mediator',
    );
    if (memo === undefined) throw new Error('expected a Ukrainian memo to the mediator');
    const before = await lastSeq();
    const exported = await send(`POST ${N}/exports`, mediator, '192.0.2.6', {
      body: { kind: 'record', recordId: memo.id },
    });
    expect(exported.status).toBe(201);
    const reads = (await entriesAfter(before)).filter((entry) => entry.action === 'record.read');
    expect(reads.map((entry) => [entry.actorId, entry.subjectId, entry.ip])).toEqual([
      [DEMO_ACCOUNTS.mediator.id, memo.id, '192.0.2.6'],
    ]);
    const seen = (await shownTo(ukraine)).filter((entry) => entry.id === reads[0]?.hash);
    expect(seen.map((entry) => entry.actorId)).toEqual([DEMO_ACCOUNTS.mediator.id]);
  });

  it('logs a copy of a round’s minutes as a read of them, which the parties present see', async () => {
    const rounds = (await (await send(`GET ${N}/plan/rounds?limit=100`, mediator, '192.0.2.7')).json()) as {
      items: { id: string; minutes: string | null; partiesPresent: string[] }[];
    };
    const round = rounds.items.find(
      (candidate) => candidate.minutes !== null && candidate.partiesPresent.includes(DEMO_PARTIES.ukraine.id),
    );
    if (round === undefined) throw new Error('expected a round with minutes that Ukraine attended');
    const before = await lastSeq();
    const exported = await send(`POST ${N}/exports`, mediator, '192.0.2.7', {
      body: { kind: 'round-minutes', roundId: round.id },
    });
    expect(exported.status).toBe(201);
    const reads = (await entriesAfter(before)).filter((entry) => entry.action === 'round.minutes.read');
    expect(reads.map((entry) => [entry.actorId, entry.detail.roundIds])).toEqual([
      [DEMO_ACCOUNTS.mediator.id, [round.id]],
    ]);
    const seen = (await shownTo(ukraine)).filter((entry) => entry.id === reads[0]?.hash);
    expect(seen.map((entry) => entry.detail.roundIds)).toEqual([[round.id]]);
  });

  it('gives every read entry the client address, believing X-Forwarded-For only from the trusted proxy', async () => {
    const version = demoPlanId('geneva-19');
    const before = await lastSeq();
    for (const path of [
      `GET ${N}/records`,
      `GET ${N}/plan/versions/${version}/positions`,
      `GET ${N}/plan/rounds`,
    ])
      expect((await send(path, ukraine, '203.0.113.7', { viaProxy: true })).status).toBe(200);
    const viaProxy = (await entriesAfter(before)).filter((entry) => READ_ACTIONS.has(entry.action));
    expect(viaProxy.length).toBeGreaterThanOrEqual(2);
    expect(new Set(viaProxy.map((entry) => entry.ip))).toEqual(new Set(['203.0.113.7']));
    // The same header from any other peer is not believed: the peer is the address.
    const middle = await lastSeq();
    const forged = await testApp.app.request(
      `${N}/plan/versions/${version}/positions`,
      { headers: { ...ukraine.headers, 'x-forwarded-for': '203.0.113.99' } },
      fromPeer('198.51.100.66'),
    );
    expect(forged.status).toBe(200);
    const direct = (await entriesAfter(middle)).filter((entry) => entry.action === 'position.list');
    expect(direct.map((entry) => entry.ip)).toEqual(['198.51.100.66']);
  });

  it('shows an address only to the mediator staff and to the reader’s own delegation', async () => {
    // The mediator reads Ukraine's positions: Ukraine sees that entry, not the mediator's address.
    const positions = `GET ${N}/plan/versions/${demoPlanId('geneva-19')}/positions`;
    expect((await send(positions, mediator, '192.0.2.40')).status).toBe(200);
    expect((await send(`GET ${N}/plan/rounds`, russia, '198.51.100.77')).status).toBe(200);
    expect((await send(positions, ukraine, '198.51.100.21')).status).toBe(200);
    const stored = await entriesAfter(0);
    const ukrainians = new Set<string>([DEMO_ACCOUNTS.ukraine.id, DEMO_ACCOUNTS.ukraineFormer.id]);
    const toUkraine = await shownTo(ukraine);
    const foreign = toUkraine.filter((entry) => entry.actorId !== null && !ukrainians.has(entry.actorId));
    for (const entry of foreign) expect(entry.ip, entry.action).toBeNull();
    const storedIp = new Map(stored.map((entry) => [entry.hash, entry.ip]));
    // Not vacuous: some of those entries do have an address stored (the mediator's read).
    const hidden = foreign.filter((entry) => (storedIp.get(entry.id) ?? null) !== null);
    expect(hidden.some((entry) => entry.actorId === DEMO_ACCOUNTS.mediator.id)).toBe(true);
    const own = toUkraine.filter((entry) => entry.actorId === DEMO_ACCOUNTS.ukraine.id && entry.ip !== null);
    expect(own.length).toBeGreaterThan(0);
    // The mediator staff see every stored address.
    const toMediator = await shownTo(mediator);
    const withAddress = toMediator.filter((entry) => entry.ip !== null);
    expect(withAddress.length).toBeGreaterThan(0);
    expect(withAddress.some((entry) => entry.actorId === DEMO_ACCOUNTS.russia.id)).toBe(true);
    expect(stored.some((entry) => entry.ip === '198.51.100.77')).toBe(true);
  });
});

import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_NEGOTIATION, DEMO_PARTIES, DEMO_PASSWORD, DEMO_RECORDS } from '../src/demo';
import { demoPlanId } from '../src/demo/plan-demo';
import type { DatabaseHandle } from '../src/storage/database';
import { seedDemo, signInAs, type ViewerKind } from './helpers/demo-fixture';
import { API_DATABASE_KINDS, openTestDatabase } from './helpers/each-database';
import { call, signIn, type SignedIn } from './helpers/session';
import { createTestApp, type TestApp } from './helpers/test-app';

// GET /api/negotiations/{id}/audit: the mediator staff see every entry (ids of another delegation's
// internal papers withheld); a delegation sees its own material's trail and public entries only;
// nothing about another party's restricted material reaches it, not even as a count or a cursor.

type Entry = {
  id: string;
  actorId: string | null;
  action: string;
  subjectId: string | null;
  detail: Record<string, unknown>;
  redacted: boolean;
  ip: string | null;
};
type Page = {
  items: Entry[];
  nextCursor: string | null;
  chain: { verified: boolean; problem: string | null };
};

const N = `/api/negotiations/${DEMO_NEGOTIATION.id}`;
const recordId = (index: number) => DEMO_RECORDS[index]?.id ?? '';
// 0 US public · 1 US parties · 2 Ukraine mediator · 3 Ukraine delegation · 4 Russia delegation · 5 Russia mediator
const GENEVA = demoPlanId('geneva-19');

describe.each(API_DATABASE_KINDS)('the audit log API on %s', (databaseKind) => {
  let handle: DatabaseHandle;
  let testApp: TestApp;
  const as = new Map<ViewerKind, SignedIn | null>();
  const viewer = (kind: ViewerKind) => as.get(kind) ?? null;
  let analyst: SignedIn;

  const read = async (kind: ViewerKind, query = '') => {
    const response = await call(testApp, `GET ${N}/audit${query}`, { as: viewer(kind) });
    const text = await response.text();
    return {
      status: response.status,
      text,
      page: (response.status === 200 ? JSON.parse(text) : undefined) as Page,
    };
  };
  /** Every page of the viewer's log, walked `limit` entries at a time. */
  const walk = async (kind: ViewerKind, limit: number) => {
    const seen: Entry[] = [];
    let cursor: string | null = null;
    do {
      const { page } = await read(kind, `?limit=${limit}${cursor === null ? '' : `&cursor=${cursor}`}`);
      expect(page.items.length).toBeLessThanOrEqual(limit);
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor !== null);
    return seen;
  };

  beforeAll(async () => {
    handle = await openTestDatabase(databaseKind);
    testApp = createTestApp(handle.db);
    await seedDemo(handle.db);
    for (const kind of [
      'mediator',
      'ownDelegation',
      'otherParty',
      'observer',
      'outsider',
      'anonymous',
    ] as const)
      as.set(kind, await signInAs(testApp, kind));
    analyst = await signIn(testApp, DEMO_ACCOUNTS.mediatorAnalyst.email, DEMO_PASSWORD);
    // The story the log tells: each delegation reads its papers, the mediator reads Ukraine's memo.
    const reads: [ViewerKind, string][] = [
      ['ownDelegation', `${N}/records`],
      ['ownDelegation', `${N}/records/${recordId(3)}`],
      ['ownDelegation', `${N}/records/${recordId(2)}`],
      ['ownDelegation', `${N}/plan/versions/${GENEVA}/positions`],
      ['otherParty', `${N}/records/${recordId(4)}`],
      ['otherParty', `${N}/records/${recordId(5)}`],
      ['otherParty', `${N}/records/${recordId(1)}`],
      ['mediator', `${N}/records/${recordId(2)}`],
    ];
    for (const [kind, path] of reads)
      expect((await call(testApp, `GET ${path}`, { as: viewer(kind) })).status, path).toBe(200);
  });
  afterAll(async () => handle.close());

  it('shows the mediator every entry, newest first, with restricted reads of its own material named', async () => {
    const { status, page } = await read('mediator');
    expect(status).toBe(200);
    expect(page.chain).toEqual({ verified: true, checkedAt: expect.any(String), problem: null });
    const ukraine = as.get('ownDelegation')?.userId;
    expect(page.items.map((entry) => entry.action)).toContain('demo.load');
    expect(page.items.at(-1)?.action).toBe('demo.load');
    expect(page.items[0]).toMatchObject({
      action: 'record.read',
      subjectId: recordId(2),
      actorId: as.get('mediator')?.userId,
      redacted: false,
    });
    // Ukraine read its own mediator-class memo: the mediator may open it, so it is named.
    expect(page.items).toContainEqual(
      expect.objectContaining({
        action: 'record.read',
        actorId: ukraine,
        subjectId: recordId(2),
        detail: { classification: 'mediator' },
      }),
    );
  });

  it("withholds from the mediator the ids of another delegation's internal papers but still lists the entry", async () => {
    const { text, page } = await read('mediator');
    for (const hidden of [3, 4, 7]) expect(text).not.toContain(recordId(hidden));
    const ukraine = as.get('ownDelegation')?.userId;
    const withheld = page.items.filter(
      (entry) => entry.action === 'record.read' && entry.actorId === ukraine && entry.redacted,
    );
    expect(withheld).toEqual([expect.objectContaining({ subjectId: null, detail: {} })]);
    const list = page.items.find((entry) => entry.action === 'record.list' && entry.actorId === ukraine);
    expect(list?.redacted).toBe(true);
    expect((list?.detail.recordIds as string[]).toSorted()).toEqual([recordId(1), recordId(2)].sort());
    // Position ids named to the mediator are exactly ones it can read itself.
    const named = page.items
      .filter((entry) => entry.action === 'position.list')
      .flatMap((entry) => entry.detail.positionIds as string[]);
    const readable = (
      (await (
        await call(testApp, `GET ${N}/plan/versions/${GENEVA}/positions`, { as: viewer('mediator') })
      ).json()) as { items: { id: string }[] }
    ).items.map((position) => position.id);
    expect(named.length).toBeGreaterThan(0);
    for (const id of named) expect(readable).toContain(id);
  });

  it("shows a party the trail of its own material, including who else read it, and nothing of another party's", async () => {
    const { text, page } = await read('ownDelegation');
    const ukraine = as.get('ownDelegation')?.userId;
    const mediator = as.get('mediator')?.userId;
    const russia = as.get('otherParty')?.userId;
    expect(page.items).toContainEqual(
      expect.objectContaining({ action: 'record.read', actorId: mediator, subjectId: recordId(2) }),
    );
    expect(page.items).toContainEqual(
      expect.objectContaining({ action: 'record.read', actorId: ukraine, subjectId: recordId(3) }),
    );
    // Russia read only its own papers and the mediator's parties transcript: none of it is Ukraine's business.
    expect(page.items.filter((entry) => entry.actorId === russia)).toEqual([]);
    for (const hidden of [1, 4, 5]) expect(text).not.toContain(recordId(hidden));
    // Ukraine's own listing names only Ukraine's material, silently dropping the mediator's transcript.
    const list = page.items.find((entry) => entry.action === 'record.list');
    expect((list?.detail.recordIds as string[]).toSorted()).toEqual([recordId(2), recordId(3)].sort());
    expect(page.items.every((entry) => !entry.redacted && entry.ip === null)).toBe(true);
    expect(page.items.map((entry) => entry.action)).not.toContain('audit.read');
  });

  it("never sends another party any entry about Ukraine's restricted material", async () => {
    const { text, page } = await read('otherParty');
    const ukraine = as.get('ownDelegation')?.userId ?? '';
    // Ukraine's user appears only as a reader of Russia's own positions (those shared with all
    // parties are logged too): never beside Ukraine's material.
    const byUkraine = page.items.filter((entry) => entry.actorId === ukraine);
    expect(byUkraine.length).toBeGreaterThan(0);
    expect(new Set(byUkraine.map((entry) => entry.action))).toEqual(new Set(['position.list']));
    for (const hidden of [2, 3]) expect(text).not.toContain(recordId(hidden));
    // The mediator's reading of positions (earlier test) shows Russia only its own positions' ids.
    const named = page.items
      .filter((entry) => entry.action === 'position.list')
      .flatMap((entry) => entry.detail.positionIds as string[]);
    const own = (
      (await (
        await call(testApp, `GET ${N}/plan/versions/${GENEVA}/positions`, { as: viewer('otherParty') })
      ).json()) as { items: { id: string; partyId: string }[] }
    ).items
      .filter((position) => position.partyId === DEMO_PARTIES.russia.id)
      .map((position) => position.id);
    expect(named.length).toBeGreaterThan(0);
    for (const id of named) expect(own).toContain(id);
    expect(page.items).toContainEqual(
      expect.objectContaining({ action: 'record.read', subjectId: recordId(4) }),
    );
    const observer = await read('observer');
    expect(observer.page.items.map((entry) => entry.action)).toEqual(['demo.load']);
  });

  it("pages over the viewer's own sequence: walking one entry at a time gives the same entries, and the cursor is an entry id", async () => {
    for (const kind of ['otherParty', 'mediator'] as const) {
      const whole = (await read(kind, '?limit=100')).page.items.filter(
        (entry) => entry.action !== 'audit.read',
      );
      const walked = (await walk(kind, 1)).filter((entry) => entry.action !== 'audit.read');
      expect(walked.map((entry) => entry.id)).toEqual(whole.map((entry) => entry.id));
    }
    const first = (await read('otherParty', '?limit=1')).page;
    expect(first.nextCursor).toBe(first.items[0]?.id);
  });

  it('filters by an action or a family of actions', async () => {
    const family = (await read('mediator', '?action=record')).page.items.map((entry) => entry.action);
    expect(new Set(family)).toEqual(new Set(['record.read', 'record.list']));
    const exact = (await read('mediator', '?action=record.list')).page.items.map((entry) => entry.action);
    expect(exact).toEqual(['record.list']);
    expect((await read('mediator', '?action=rec')).page.items).toEqual([]);
  });

  it('records each reading of the log, which only the mediator staff see', async () => {
    await read('otherParty');
    const { page } = await read('mediator', '?action=audit');
    expect(page.items.some((entry) => entry.actorId === as.get('otherParty')?.userId)).toBe(true);
  });

  it('answers outsiders like a missing negotiation, the anonymous with 401, and a mediator analyst with 403', async () => {
    const outsider = await read('outsider');
    const missing = await call(testApp, `GET /api/negotiations/${randomUUID()}/audit`, {
      as: viewer('outsider'),
    });
    expect(outsider.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(JSON.parse(outsider.text)).toMatchObject({
      detail: ((await missing.json()) as { detail: string }).detail,
    });
    expect((await read('anonymous')).status).toBe(401);
    const denied = await call(testApp, `GET ${N}/audit`, { as: analyst });
    expect(denied.status).toBe(403);
  });

  it('rejects a malformed or unknown cursor, a bad limit and a bad action with 400 naming it', async () => {
    for (const [query, field] of [
      ['?cursor=zz', 'cursor'],
      [`?cursor=${'0'.repeat(64)}`, 'cursor'],
      ['?limit=0', 'limit'],
      ['?limit=101', 'limit'],
      ['?action=REC%25', 'action'],
    ] as const) {
      const response = await read('mediator', query);
      expect(response.status, query).toBe(400);
      expect(
        (JSON.parse(response.text) as { errors: { path: string }[] }).errors.map((error) => error.path),
        query,
      ).toContain(field);
    }
  });

  it('reports a broken chain: where to the mediator, a plain sentence to a party', async () => {
    await sql`ALTER TABLE audit_log DISABLE TRIGGER USER`.execute(handle.db);
    await sql`UPDATE audit_log SET action = 'demo.reload' WHERE seq = 1`.execute(handle.db);
    await sql`ALTER TABLE audit_log ENABLE TRIGGER USER`.execute(handle.db);
    const mediator = (await read('mediator')).page.chain;
    expect(mediator).toMatchObject({
      verified: false,
      problem: expect.stringContaining('entry 1 was altered'),
    });
    const party = (await read('otherParty')).page.chain;
    expect(party.verified).toBe(false);
    expect(party.problem).not.toMatch(/\d/);
  });
});

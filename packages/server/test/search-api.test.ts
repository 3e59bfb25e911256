import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_NEGOTIATION, DEMO_PARTIES } from '../src/demo';
import { listAuditEntries } from '../src/storage/audit-log';
import type { DatabaseHandle } from '../src/storage/database';
import { ACCESS_FIXTURES, PARTICIPANTS } from './helpers/access-fixtures';
import { seedDemo, signInAs, type ViewerKind } from './helpers/demo-fixture';
import { DATABASE_KINDS, openTestDatabase } from './helpers/each-database';
import { call, type SignedIn } from './helpers/session';
import { createTestApp, type TestApp } from './helpers/test-app';

const N = `/api/negotiations/${DEMO_NEGOTIATION.id}`;

type Results = {
  query: string;
  truncated: boolean;
  results: {
    kind: string;
    id: string;
    title: string;
    field: string;
    snippet: string;
    highlights: [number, number][];
    versionId: string | null;
    current: boolean | null;
  }[];
};
type Plan = { versions: { id: string; revision: number; label: string }[] };
type Version = { version: { points: { pointId: string; number: number; title: string; text: string }[] } };

/** The longest words of a text, as a query that finds it and little else. */
const wordsOf = (text: string, count = 3) =>
  [...new Set(text.match(/\p{L}{4,}/gu) ?? [])]
    .sort((a, b) => b.length - a.length)
    .slice(0, count)
    .join(' ');

describe.each(DATABASE_KINDS)('search on %s', (databaseKind) => {
  let handle: DatabaseHandle;
  let testApp: TestApp;
  const sessions = new Map<ViewerKind, SignedIn>();
  const as = (kind: ViewerKind) => sessions.get(kind)!;
  const search = async (kind: ViewerKind, query: string) => {
    const response = await call(testApp, `GET ${N}/search?q=${encodeURIComponent(query)}`, { as: as(kind) });
    expect(response.status, `${kind} searching "${query}"`).toBe(200);
    return (await response.json()) as Results;
  };

  beforeAll(async () => {
    handle = await openTestDatabase(databaseKind);
    testApp = createTestApp(handle.db);
    await seedDemo(handle.db);
    for (const kind of [...PARTICIPANTS, 'outsider', 'formerLead'] as const)
      sessions.set(kind, (await signInAs(testApp, kind))!);
  });
  afterAll(async () => handle.close());

  it('finds a point in the newest version, ignoring case and accents, and marks the words found', async () => {
    const plan = (await (await call(testApp, `GET ${N}/plan`, { as: as('observer') })).json()) as Plan;
    const newest = [...plan.versions].sort((a, b) => b.revision - a.revision)[0]!;
    const version = (await (
      await call(testApp, `GET ${N}/plan/versions/${newest.id}`, { as: as('observer') })
    ).json()) as Version;
    const point = version.version.points[2]!;
    const query = wordsOf(`${point.title} ${point.text}`, 2).toUpperCase();
    const found = await search('observer', query);
    const hit = found.results.find((result) => result.kind === 'point' && result.id === point.pointId);
    expect(hit).toMatchObject({ versionId: newest.id, current: true });
    const marked = hit!.highlights.map(([from, to]) => hit!.snippet.slice(from, to).toUpperCase());
    expect(marked.length).toBeGreaterThan(0);
    for (const word of marked) expect(query.split(' ')).toContain(word);
  });

  it('finds a point dropped from the plan in the last version that had it', async () => {
    const plan = (await (await call(testApp, `GET ${N}/plan`, { as: as('observer') })).json()) as Plan;
    const ordered = [...plan.versions].sort((a, b) => a.revision - b.revision);
    const texts = await Promise.all(
      ordered.map(
        async (version) =>
          (await (
            await call(testApp, `GET ${N}/plan/versions/${version.id}`, { as: as('observer') })
          ).json()) as Version,
      ),
    );
    const newestIds = new Set(texts.at(-1)!.version.points.map((point) => point.pointId));
    const dropped = texts[0]!.version.points.find(
      (point) => !texts.slice(1).some((text) => text.version.points.some((p) => p.pointId === point.pointId)),
    );
    expect(dropped, 'the demo drops a point of its first draft').toBeDefined();
    expect(newestIds.has(dropped!.pointId)).toBe(false);
    const found = await search('observer', wordsOf(dropped!.text));
    expect(found.results.find((result) => result.id === dropped!.pointId)).toMatchObject({
      kind: 'point',
      versionId: ordered[0]!.id,
      current: false,
    });
  });

  it("never finds what the viewer may not read: another party's notes, records, minutes, amendments", async () => {
    let hiddenSearched = 0;
    for (const kind of PARTICIPANTS) {
      const forbidden = (
        await Promise.all(ACCESS_FIXTURES.map((fixture) => fixture.forbidden(kind, handle.db)))
      )
        .flat()
        .filter((text) => wordsOf(text).split(' ').length >= 2);
      for (const text of forbidden) {
        const found = await search(kind, wordsOf(text));
        expect(
          JSON.stringify(found),
          `${kind} searching for the words of "${text.slice(0, 60)}"`,
        ).not.toContain(text);
        // a snippet is a passage, not the whole text: no passage of the hidden text either
        for (const result of found.results)
          expect(text, `${kind} got a passage of hidden material`).not.toContain(
            result.snippet.replace(/^…|…$/g, ''),
          );
        hiddenSearched++;
      }
    }
    expect(hiddenSearched, 'the demo holds material hidden from each participant').toBeGreaterThan(10);
  });

  it('answers a search that only hidden material would match exactly as one that matches nothing, and audits what it shows', async () => {
    const created = await call(testApp, `POST ${N}/records`, {
      as: as('ownDelegation'),
      body: {
        owningPartyId: DEMO_PARTIES.ukraine.id,
        kind: 'note',
        classification: 'delegation',
        title: 'Fallback lines',
        body: 'If pressed on the Quixotrelliam corridor, we accept joint patrols.',
      },
    });
    expect(created.status).toBe(201);
    const record = (await created.json()) as { id: string };
    const seqBefore = await lastSeq(handle);

    const own = await search('ownDelegation', 'quixotrelliam corridor');
    expect(own.results).toHaveLength(1);
    expect(own.results[0]).toMatchObject({ kind: 'record', id: record.id, field: 'body' });
    expect(own.results[0]!.snippet).toContain('Quixotrelliam corridor');

    for (const kind of ['otherParty', 'mediator', 'observer'] as const) {
      const hidden = await call(testApp, `GET ${N}/search?q=quixotrelliam%20corridor`, { as: as(kind) });
      const nothing = await call(testApp, `GET ${N}/search?q=zzqwertyx%20corridorx`, { as: as(kind) });
      expect(hidden.status).toBe(nothing.status);
      const [hiddenBody, nothingBody] = [(await hidden.json()) as Results, (await nothing.json()) as Results];
      expect({ ...hiddenBody, query: '' }).toEqual({ ...nothingBody, query: '' });
      expect(hiddenBody.results).toEqual([]);
    }

    const entries = await listAuditEntries(handle.db, { afterSeq: seqBefore, limit: 1000 });
    const listed = entries.filter((entry) => entry.action === 'record.list');
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ actorId: as('ownDelegation').userId });
    expect(JSON.stringify(listed[0]!.detail)).toContain(record.id);
  });

  it('finds a position note for those its visibility admits, and audits it as read', async () => {
    const plan = (await (await call(testApp, `GET ${N}/plan`, { as: as('ownDelegation') })).json()) as Plan;
    const newest = [...plan.versions].sort((a, b) => b.revision - a.revision)[0]!;
    const version = `${N}/plan/versions/${newest.id}`;
    const {
      version: { points },
    } = (await (await call(testApp, `GET ${version}`, { as: as('ownDelegation') })).json()) as Version;
    const pointId = points[0]!.pointId;
    const mine = (await (
      await call(testApp, `GET ${version}/positions?limit=500`, { as: as('ownDelegation') })
    ).json()) as {
      items: { pointId: string; partyId: string; revision: number }[];
    };
    const baseRevision =
      mine.items.find((item) => item.pointId === pointId && item.partyId === DEMO_PARTIES.ukraine.id)
        ?.revision ?? 0;
    const put = await call(testApp, `PUT ${version}/points/${pointId}/positions/${DEMO_PARTIES.ukraine.id}`, {
      as: as('ownDelegation'),
      body: {
        value: 'amend',
        note: 'Only with Brovantine guarantees in writing.',
        visibility: 'mediator',
        baseRevision,
      },
    });
    expect(put.status).toBe(200);
    const seqBefore = await lastSeq(handle);

    const mediator = await search('mediator', 'brovantine');
    expect(mediator.results.map((result) => result.kind)).toEqual(['position']);
    expect(mediator.results[0]!.title).toContain(DEMO_PARTIES.ukraine.name);
    expect((await search('otherParty', 'brovantine')).results).toEqual([]);
    expect((await search('observer', 'brovantine')).results).toEqual([]);

    const entries = await listAuditEntries(handle.db, { afterSeq: seqBefore, limit: 1000 });
    expect(entries.filter((entry) => entry.action === 'position.list')).toHaveLength(1);
  });

  it("finds a party's amendment, by its text or its rationale, for the party and the mediator only", async () => {
    const rationale = 'A lower limit leaves the country unable to defend itself.';
    for (const kind of ['ownDelegation', 'mediator'] as const) {
      const found = await search(kind, 'lower limit defend');
      expect(found.results.find((result) => result.kind === 'amendment')).toMatchObject({
        field: 'rationale',
        snippet: rationale,
      });
      expect((await search(kind, '800,000 personnel')).results.map((result) => result.kind)).toContain(
        'amendment',
      );
    }
    for (const kind of ['otherParty', 'observer'] as const)
      expect((await search(kind, 'lower limit defend')).results).toEqual([]);
  });

  it('answers a seatless account and a former lead as for an unknown negotiation', async () => {
    const unknown = await call(
      testApp,
      `GET /api/negotiations/00000000-0000-4000-8000-000000000000/search?q=peace`,
      {
        as: as('outsider'),
      },
    );
    for (const kind of ['outsider', 'formerLead'] as const) {
      const response = await call(testApp, `GET ${N}/search?q=peace`, { as: as(kind) });
      expect(response.status).toBe(404);
      const withoutInstance = (body: unknown) => ({ ...(body as object), instance: '' });
      expect(withoutInstance(await response.json())).toEqual(withoutInstance(await unknown.clone().json()));
    }
    expect((await call(testApp, `GET ${N}/search?q=peace`)).status).toBe(401);
  });

  it('refuses a query too short or too long, saying why, and finds nothing for none', async () => {
    const short = await call(testApp, `GET ${N}/search?q=a`, { as: as('observer') });
    expect(short.status).toBe(400);
    expect(JSON.stringify(await short.json())).toContain('at least 2 characters');
    const long = await call(testApp, `GET ${N}/search?q=${encodeURIComponent('word '.repeat(50))}`, {
      as: as('observer'),
    });
    expect(long.status).toBe(400);
    expect(JSON.stringify(await long.json())).toContain('at most 200 characters');
    const none = await call(testApp, `GET ${N}/search`, { as: as('observer') });
    expect(none.status).toBe(200);
    expect(await none.json()).toEqual({ query: '', results: [], truncated: false });
  });
});

async function lastSeq(handle: DatabaseHandle): Promise<number> {
  let seq = 0;
  for (;;) {
    const page = await listAuditEntries(handle.db, { afterSeq: seq, limit: 1000 });
    const last = page.at(-1);
    if (last === undefined) return seq;
    seq = last.seq;
  }
}

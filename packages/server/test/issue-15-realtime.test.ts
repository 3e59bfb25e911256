import { PlanVersionIdSchema, PointIdSchema, RoundIdSchema } from '@parley/core';
import { describe, expect, it } from 'vitest';
import pg from 'pg';
import { DEMO_NEGOTIATION } from '../src/demo';
import { createApp } from '../src/http/create-app';
import { eventCursor } from '../src/realtime/event-cursor';
import { PlanEventHub, REPLAY_LIMIT, type PlanEvent } from '../src/realtime/plan-events';
import { relayPlanEvents } from '../src/realtime/plan-notify';
import { PLAN_EVENT_RETENTION_MS, startPlanEventPruning } from '../src/realtime/plan-event-pruning';
import { listPlanEventsAfter } from '../src/storage/plan-events';
import { createDeps } from '../src/services/deps';
import { seedDemo, signInAs } from './helpers/demo-fixture';
import { DATABASE_KINDS, openTestDatabase } from './helpers/each-database';
import { createTestApp } from './helpers/test-app';
import { eventually } from './helpers/eventually';

// Issue #15: realtime must survive its connection — events get ids, a reconnecting stream replays
// what it missed, and the LISTEN connection comes back after PostgreSQL drops it.

const N = DEMO_NEGOTIATION.id;
const round = (roundId: string): PlanEvent => ({
  type: 'round.created',
  negotiationId: N,
  roundId: RoundIdSchema.parse(roundId),
});
/** A change to Ukraine's private position: an event Russia's stream must never receive. */
const hiddenEdit = (revision: number): PlanEvent => ({
  type: 'position.changed',
  negotiationId: N,
  versionId: PlanVersionIdSchema.parse('v'),
  pointId: PointIdSchema.parse('p'),
  partyId: '00000000-0000-4000-8000-000000000e02' as never, // Ukraine's, kept from Russia
  visibility: 'private',
  revision,
});
const until = async (condition: () => boolean, what: string) => {
  if (!(await eventually(condition, { intervalMs: 10 }))) throw new Error(`timed out waiting for ${what}`);
};

async function readStream(response: Response, until: (text: string) => boolean): Promise<string> {
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  let text = '';
  while (!until(text)) {
    const { value, done } = await reader.read();
    if (done) break;
    text += new TextDecoder().decode(value);
  }
  await reader.cancel();
  return text;
}

describe.each(DATABASE_KINDS)('event ids and Last-Event-ID on %s', (kind) => {
  it('replays to a reconnecting stream the visible events it missed, and only those', async () => {
    const handle = await openTestDatabase(kind);
    try {
      await seedDemo(handle.db);
      const testApp = createTestApp(handle.db);
      const russia = await signInAs(testApp, 'otherParty');
      if (russia === null) throw new Error('no session');
      const hub = testApp.deps.events;
      const cursor = eventCursor(testApp.deps.sealKey);
      hub.publish(round('r-before'));
      await hub.settled();
      const [first] = await hub.missedSince(N, 0);
      hub.publish(round('r-missed-1'));
      hub.publish(hiddenEdit(1));
      hub.publish(round('r-missed-2'));
      await hub.settled();
      const response = await testApp.app.request(`/api/negotiations/${N}/events`, {
        headers: {
          ...russia.headers,
          accept: 'text/event-stream',
          'last-event-id': cursor.encode(N, first?.id ?? 0),
        },
      });
      const text = await readStream(response, (seen) => seen.includes('r-missed-2'));
      expect(text).toContain('r-missed-1');
      expect(text).not.toContain('r-before');
      expect(text).not.toContain('position.changed');
      const ids = [...text.matchAll(/^id: (.+)$/gm)].map((match) => cursor.decode(N, match[1] ?? ''));
      expect(ids).toHaveLength(2);
      expect(ids[0]).toBeGreaterThan(first?.id ?? Infinity);
      // The hidden event between the two is counted in the log, not in what Russia can read.
      expect(ids[1]).toBe((ids[0] ?? 0) + 2);
      expect(text).not.toMatch(/^id: \d+$/m);
      // A cursor the server cannot read (here a bare number) says nothing of what was missed: reload.
      const unreadable = await testApp.app.request(`/api/negotiations/${N}/events`, {
        headers: { ...russia.headers, accept: 'text/event-stream', 'last-event-id': String(first?.id) },
      });
      const reset = await readStream(unreadable, (seen) => seen.includes('event: reset'));
      expect(reset).toContain('unknown-cursor');
      expect(reset).not.toContain('r-missed-1');
    } finally {
      await handle.close();
    }
  }, 120_000);
});

// A security probe: the replay's reset counted hidden events, so Russia, bisecting its own
// cursors for the moment a reconnect reset, counted Ukraine's private edits exactly.
describe('a replay limit that counts only what the stream may receive', () => {
  it('replays past a thousand hidden events, and resets for a thousand receivable ones', async () => {
    const handle = await openTestDatabase('pglite');
    try {
      await seedDemo(handle.db);
      const testApp = createTestApp(handle.db);
      const russia = await signInAs(testApp, 'otherParty');
      if (russia === null) throw new Error('no session');
      const hub = testApp.deps.events;
      const cursor = eventCursor(testApp.deps.sealKey);
      hub.publish(round('r-start'));
      await hub.settled();
      const [start] = await hub.missedSince(N, 0);
      for (let revision = 1; revision <= REPLAY_LIMIT + 5; revision++) hub.publish(hiddenEdit(revision));
      hub.publish(round('r-after-hidden'));
      await hub.settled();
      const reconnect = async (until: (text: string) => boolean) =>
        readStream(
          await testApp.app.request(`/api/negotiations/${N}/events`, {
            headers: {
              ...russia.headers,
              accept: 'text/event-stream',
              'last-event-id': cursor.encode(N, start?.id ?? 0),
            },
          }),
          until,
        );
      const replayed = await reconnect((seen) => seen.includes('r-after-hidden') || seen.includes('reset'));
      expect(replayed).toContain('r-after-hidden');
      expect(replayed).not.toContain('event: reset');

      for (let index = 0; index < REPLAY_LIMIT; index++) hub.publish(round(`r-visible-${index}`));
      await hub.settled();
      const reset = await reconnect((seen) => seen.includes('event: reset'));
      expect(reset).toContain('events-pruned');
    } finally {
      await handle.close();
    }
  }, 120_000);
});

describe.each(DATABASE_KINDS)('the event log kept to a day on %s', (kind) => {
  it('prunes events older than a day but the newest, and tells a stream that missed pruned ones to reload', async () => {
    const handle = await openTestDatabase(kind);
    try {
      await seedDemo(handle.db);
      const testApp = createTestApp(handle.db);
      const russia = await signInAs(testApp, 'otherParty');
      if (russia === null) throw new Error('no session');
      const hub = testApp.deps.events;
      for (const id of ['r-old-1', 'r-old-2', 'r-old-3']) hub.publish(round(id));
      await hub.settled();
      const logged = await listPlanEventsAfter(handle.db, { afterId: 0, limit: 10 });
      expect(logged).toHaveLength(3);
      // A clock a day and a minute ahead makes every logged event older than the retention.
      const later = { now: () => new Date(Date.now() + PLAN_EVENT_RETENTION_MS + 60_000) };
      await startPlanEventPruning({
        db: handle.db,
        clock: later,
        onError: (error) => {
          throw error;
        },
      }).stop();
      const kept = await listPlanEventsAfter(handle.db, { afterId: 0, limit: 10 });
      expect(kept.map((event) => event.id)).toEqual([logged[2]?.id]);

      const response = await testApp.app.request(`/api/negotiations/${N}/events`, {
        headers: {
          ...russia.headers,
          accept: 'text/event-stream',
          'last-event-id': eventCursor(testApp.deps.sealKey).encode(N, logged[0]?.id ?? 0),
        },
      });
      const text = await readStream(response, (seen) => seen.includes('event: reset'));
      expect(text).toContain('event: reset');
      expect(text).not.toContain('r-old-3');

      // A stream that missed nothing pruned still gets its replay, and no reset.
      const current = await testApp.app.request(`/api/negotiations/${N}/events`, {
        headers: {
          ...russia.headers,
          accept: 'text/event-stream',
          'last-event-id': eventCursor(testApp.deps.sealKey).encode(N, logged[1]?.id ?? 0),
        },
      });
      const replayed = await readStream(current, (seen) => seen.includes('r-old-3'));
      expect(replayed).toContain('r-old-3');
      expect(replayed).not.toContain('event: reset');
    } finally {
      await handle.close();
    }
  }, 120_000);

  it('keeps events younger than a day', async () => {
    const handle = await openTestDatabase(kind);
    try {
      const hub = new PlanEventHub(handle.db);
      hub.publish(round('r-1'));
      hub.publish(round('r-2'));
      await hub.settled();
      await startPlanEventPruning({
        db: handle.db,
        clock: { now: () => new Date() },
        onError: (error) => {
          throw error;
        },
      }).stop();
      expect(await listPlanEventsAfter(handle.db, { afterId: 0, limit: 10 })).toHaveLength(2);
    } finally {
      await handle.close();
    }
  }, 120_000);
});

describe.runIf(DATABASE_KINDS.includes('postgres'))('the LISTEN connection', () => {
  it('comes back after pg_terminate_backend, health says so meanwhile, and missed events are replayed', async () => {
    const handle = await openTestDatabase('postgres');
    const url = handle.url ?? '';
    const deps = createDeps(handle.db);
    const listening = deps.events;
    const otherProcess = new PlanEventHub(handle.db);
    const errors: unknown[] = [];
    const relays = [
      await relayPlanEvents({
        hub: listening,
        databaseUrl: url,
        db: handle.db,
        onError: (e) => errors.push(e),
      }),
      await relayPlanEvents({ hub: otherProcess, databaseUrl: url, db: handle.db, onError: () => undefined }),
    ];
    const app = createApp(deps);
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      const seen: string[] = [];
      listening.subscribe(N, (event) =>
        seen.push(event.type === 'round.created' ? event.roundId : event.type),
      );
      expect((await app.request('/api/health')).status).toBe(200);

      const backends = await admin.query<{ pid: number }>(
        `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN%' AND pid <> pg_backend_pid()`,
      );
      expect(backends.rows).toHaveLength(2);
      await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE pid = ANY($1)', [
        backends.rows.map((row) => row.pid),
      ]);
      // While the listener is down, health reports it, and a change made elsewhere is only logged.
      await until(() => listening.relayAlive === false, 'the relay to notice the drop');
      expect((await app.request('/api/health')).status).toBe(503);
      otherProcess.publish(round('while-down'));
      await otherProcess.settled();

      await until(() => listening.relayAlive === true, 'the relay to reconnect');
      await until(() => seen.includes('while-down'), 'the missed event to be replayed');
      otherProcess.publish(round('after'));
      await until(() => seen.includes('after'), 'a live event after the reconnect');
      expect(seen).toEqual(['while-down', 'after']);
      expect((await app.request('/api/health')).status).toBe(200);
    } finally {
      await admin.end();
      await Promise.all(relays.map((relay) => relay.close()));
      await handle.close();
    }
  }, 120_000);
});

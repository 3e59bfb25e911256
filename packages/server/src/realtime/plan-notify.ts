import type pg from 'pg';
import type { Database } from '../storage/database';
import { lastPlanEventId, listPlanEventsAfter, notifyPlanEvent } from '../storage/plan-events';
import type { PlanEvent, PlanEventHub } from './plan-events';

export const PLAN_EVENTS_CHANNEL = 'parley_plan_events';
const RETRY_MS = [100, 250, 500, 1_000, 2_000, 5_000];
// Ids of remote events delivered lately: a replay after a reconnect and a late notification may
// carry the same event, and it must reach subscribers once.
const REMEMBERED_IDS = 10_000;

/**
 * Relays plan events between server processes that share one PostgreSQL database, through
 * LISTEN/NOTIFY: what one process publishes reaches the subscribers of all. The LISTEN connection
 * is its own client; when it drops (a PostgreSQL restart, `pg_terminate_backend`) the hub is
 * marked down (health answers 503), the client reconnects with backoff, and the events logged
 * meanwhile by other processes are replayed from `plan_events`. Policy filtering stays per subscriber.
 */
export async function relayPlanEvents(input: {
  hub: PlanEventHub;
  databaseUrl: string;
  /** The shared pool: notifications are sent through it, and missed events read from it. */
  db?: Database;
  onError?: (error: unknown) => void;
}): Promise<{ close: () => Promise<void> }> {
  const { hub } = input;
  const report = input.onError ?? ((error: unknown) => console.warn(error));
  let client: pg.Client | undefined;
  let closed = false;
  let lastSeen = input.db === undefined ? 0 : await lastPlanEventId(input.db);
  const delivered = new Set<number>();

  const deliver = (event: PlanEvent, id: number) => {
    if (delivered.has(id)) return;
    delivered.add(id);
    if (delivered.size > REMEMBERED_IDS) delivered.delete(delivered.values().next().value as number);
    lastSeen = Math.max(lastSeen, id);
    hub.deliver(event, id);
  };

  const replayMissed = async () => {
    if (input.db === undefined) return;
    for (;;) {
      const missed = await listPlanEventsAfter<PlanEvent>(input.db, { afterId: lastSeen, limit: 1_000 });
      for (const row of missed) {
        if (row.origin === hub.origin) lastSeen = Math.max(lastSeen, row.id);
        else deliver(row.event, row.id);
      }
      if (missed.length < 1_000) return;
    }
  };

  const connect = async () => {
    const { Client } = (await import('pg')).default;
    const next = new Client({ connectionString: input.databaseUrl });
    next.on('notification', (message) => {
      if (message.channel !== PLAN_EVENTS_CHANNEL || message.payload === undefined) return;
      try {
        const { from, id, event } = JSON.parse(message.payload) as {
          from: string;
          id: number;
          event: PlanEvent;
        };
        if (from !== hub.origin) deliver(event, id);
      } catch (error) {
        report(error);
      }
    });
    next.on('error', (error) => report(error));
    next.on('end', () => {
      if (client !== next || closed) return;
      hub.relayAlive = false;
      report(new Error('realtime: the LISTEN connection to PostgreSQL dropped; reconnecting'));
      void reconnect();
    });
    await next.connect();
    await next.query(`LISTEN ${PLAN_EVENTS_CHANNEL}`);
    client = next;
    hub.relayAlive = true;
    await replayMissed();
  };

  const reconnect = async () => {
    for (let attempt = 0; !closed; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)]));
      if (closed) return;
      try {
        await connect();
        return;
      } catch (error) {
        report(error);
      }
    }
  };

  await connect();
  hub.setRelay((event, id) => {
    // Published after commit (and after logging), so a notification never announces a rolled-back
    // change. Sent through the pool, which reconnects by itself, not through the LISTEN client.
    const payload = JSON.stringify({ from: hub.origin, id, event });
    const sent =
      input.db === undefined
        ? client?.query('SELECT pg_notify($1, $2)', [PLAN_EVENTS_CHANNEL, payload])
        : notifyPlanEvent(input.db, { channel: PLAN_EVENTS_CHANNEL, payload });
    sent?.catch((error: unknown) => report(error));
  });
  return {
    close: async () => {
      closed = true;
      hub.setRelay(undefined);
      hub.relayAlive = undefined;
      await client?.end();
    },
  };
}

import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { PlanEvent, PlanEventHub } from './plan-events';

const CHANNEL = 'parley_plan_events';

/**
 * Relays plan events between server processes that share one PostgreSQL database, through
 * LISTEN/NOTIFY: what one process publishes reaches the subscribers of all. Each process tags its
 * notifications so it does not deliver its own events twice. Policy filtering stays per subscriber.
 */
export async function relayPlanEvents(input: {
  hub: PlanEventHub;
  databaseUrl: string;
  onError?: (error: unknown) => void;
}): Promise<{ close: () => Promise<void> }> {
  const origin = randomUUID();
  const client = new pg.Client({ connectionString: input.databaseUrl });
  await client.connect();
  await client.query(`LISTEN ${CHANNEL}`);
  client.on('notification', (message) => {
    if (message.channel !== CHANNEL || message.payload === undefined) return;
    try {
      const { from, event } = JSON.parse(message.payload) as { from: string; event: PlanEvent };
      if (from !== origin) input.hub.deliver(event);
    } catch (error) {
      input.onError?.(error);
    }
  });
  client.on('error', (error) => input.onError?.(error));
  input.hub.setRelay((event) => {
    // Events are published after commit, so a notification never announces a rolled-back change.
    client
      .query('SELECT pg_notify($1, $2)', [CHANNEL, JSON.stringify({ from: origin, event })])
      .catch((error: unknown) => input.onError?.(error));
  });
  return {
    close: async () => {
      input.hub.setRelay(undefined);
      await client.end();
    },
  };
}

import { RoundIdSchema } from '@parley/core';
import { describe, expect, it } from 'vitest';
import { PlanEventHub, type PlanEvent } from '../src/realtime/plan-events';
import { relayPlanEvents } from '../src/realtime/plan-notify';
import { DATABASE_KINDS } from './helpers/each-database';
import { eventually } from './helpers/eventually';

const POSTGRES_URL = process.env.PARLEY_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const NEGOTIATION = '00000000-0000-4000-8000-000000000d01' as PlanEvent['negotiationId'];

describe.runIf(DATABASE_KINDS.includes('postgres'))('plan events across processes (LISTEN/NOTIFY)', () => {
  it('delivers an event published by one process to the subscribers of another, once each', async () => {
    const first = new PlanEventHub();
    const second = new PlanEventHub();
    const relays = await Promise.all([
      relayPlanEvents({ hub: first, databaseUrl: POSTGRES_URL }),
      relayPlanEvents({ hub: second, databaseUrl: POSTGRES_URL }),
    ]);
    const seenByFirst: PlanEvent[] = [];
    const seenBySecond: PlanEvent[] = [];
    first.subscribe(NEGOTIATION, (event) => seenByFirst.push(event));
    second.subscribe(NEGOTIATION, (event) => seenBySecond.push(event));
    const event: PlanEvent = {
      type: 'round.created',
      negotiationId: NEGOTIATION,
      roundId: RoundIdSchema.parse('r1'),
    };
    first.publish(event);
    await eventually(() => seenBySecond.length > 0);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(seenBySecond).toEqual([event]);
    expect(seenByFirst).toEqual([event]);
    await Promise.all(relays.map((relay) => relay.close()));
  });
});

describe.runIf(DATABASE_KINDS.includes('postgres'))('two Parley servers on one PostgreSQL database', () => {
  it('streams a change made through one server to a subscriber of the other', async () => {
    const { randomBytes } = await import('node:crypto');
    const pg = (await import('pg')).default;
    const { startServer } = await import('../src/http/start-server');
    const { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_NEGOTIATION } = await import('../src/demo');
    const name = `parley_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: POSTGRES_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(POSTGRES_URL);
    url.pathname = `/${name}`;
    const quiet = () => undefined;
    const writer = await startServer({ port: 0, databaseUrl: url.toString(), log: quiet });
    const reader = await startServer({
      port: 0,
      databaseUrl: url.toString(),
      log: quiet,
      loadDemoOnEmpty: false,
    });
    try {
      const login = async (base: string, email: string) => {
        const response = await fetch(`${base}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email, password: DEMO_PASSWORD }),
        });
        const body = (await response.json()) as { csrfToken: string };
        return {
          cookie: (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '',
          'x-csrf-token': body.csrfToken,
        };
      };
      const russia = await login(reader.url, DEMO_ACCOUNTS.russia.email);
      const controller = new AbortController();
      const stream = await fetch(`${reader.url}/api/negotiations/${DEMO_NEGOTIATION.id}/events`, {
        headers: { ...russia, accept: 'text/event-stream' },
        signal: controller.signal,
      });
      const body = (stream.body as ReadableStream<Uint8Array>).getReader();
      let text = '';
      const readUntil = async (needle: string) => {
        while (!text.includes(needle)) {
          const { value, done } = await body.read();
          if (done) break;
          text += new TextDecoder().decode(value);
        }
      };
      await readUntil('event: ready');
      const mediator = await login(writer.url, DEMO_ACCOUNTS.mediator.email);
      const created = await fetch(`${writer.url}/api/negotiations/${DEMO_NEGOTIATION.id}/plan/rounds`, {
        method: 'POST',
        headers: { ...mediator, 'content-type': 'application/json' },
        body: JSON.stringify({
          name: 'Call',
          place: 'Phone',
          startsOn: '2025-12-01',
          endsOn: '2025-12-01',
          format: 'call',
          partiesPresent: [],
          fromVersionId: null,
          producedVersionId: null,
          minutes: null,
          publicReadout: null,
        }),
      });
      expect(created.status).toBe(201);
      await readUntil('event: round.created');
      expect(text).toContain('event: round.created');
      controller.abort();
    } finally {
      await reader.close();
      await writer.close();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  }, 60_000);
});

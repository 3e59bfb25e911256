import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_NEGOTIATION, DEMO_PARTIES } from '../src/demo';
import {
  CATCH_UP_MS,
  LONGEST_WAIT_MS,
  startSeatChangeTimer,
  type SeatChangeTimer,
} from '../src/realtime/seat-change-timer';
import type { DatabaseHandle } from '../src/storage/database';
import { listPlanEventsAfter } from '../src/storage/plan-events';
import { SYSTEM_TIMERS, type Timers } from '../src/timers';
import { seedDemo, signInFourSeats } from './helpers/demo-fixture';
import { API_DATABASE_KINDS, openTestDatabase } from './helpers/each-database';
import { createManualTimers } from './helpers/manual-timers';
import { openStream } from './helpers/open-stream';
import { call, type SignedIn } from './helpers/session';
import { createTestApp, type TestApp } from './helpers/test-app';

// Seat changes dated ahead take effect with no write at that moment: the seat-change timer
// announces them then, so the pages others hold open show the delegation as it now is. The test
// clock stands at 5 December 2025; the timer's waits run when the test moves it past their end.
const N = `/api/negotiations/${DEMO_NEGOTIATION.id}`;
const UKRAINE = DEMO_PARTIES.ukraine.id;
const COLLEAGUE = DEMO_ACCOUNTS.ukraineFormer.email;
const HOUR = 60 * 60_000;

describe.each(API_DATABASE_KINDS)('the seat-change timer, on %s', (databaseKind) => {
  let handle: DatabaseHandle;
  let testApp: TestApp;
  let viewers: Record<'ukraine' | 'mediator' | 'russia' | 'observer', SignedIn>;
  let manual: ReturnType<typeof createManualTimers>;
  const running: SeatChangeTimer[] = [];
  const errors: unknown[] = [];

  const startTimer = (timers: Timers = manual.timers) => {
    const timer = startSeatChangeTimer({
      db: handle.db,
      clock: testApp.clock,
      events: testApp.deps.events,
      timers,
      onError: (error) => errors.push(error),
    });
    running.push(timer);
    return timer;
  };
  const stopTimers = () => Promise.all(running.splice(0).map((timer) => timer.stop()));
  /** What every timer announced, as the event log holds it (what reconnecting streams replay). */
  const announced = async () => {
    await testApp.deps.events.settled();
    const logged = await listPlanEventsAfter<{ type: string; boundary?: string }>(handle.db, {
      afterId: 0,
      limit: 1_000,
    });
    return logged.flatMap(({ event }) => (event.boundary === undefined ? [] : [event.boundary]));
  };
  /** Waits until the timers have looked at every seat write delivered so far, and announced it. */
  const settle = async () => {
    await testApp.deps.events.settled();
    await Promise.all(running.map((timer) => timer.settled()));
    await testApp.deps.events.settled();
  };

  /** Seats Ukraine's former lead again in Ukraine's delegation, from now until `validTo`. */
  const seatColleagueUntil = async (validTo: string) => {
    const seated = await call(testApp, `POST ${N}/parties/${UKRAINE}/members`, {
      as: viewers.ukraine,
      body: { userId: null, email: COLLEAGUE, function: 'delegate', title: 'Adviser', validTo },
    });
    expect(seated.status, await seated.clone().text()).toBe(201);
    await settle();
    return ((await seated.json()) as { id: string }).id;
  };
  /** A change everyone hears of: once it has arrived on a stream, so has anything sent before it. */
  const announceDeadline = async () => {
    const deadline = await call(testApp, `POST ${N}/deadlines`, {
      as: viewers.mediator,
      body: { title: 'Reply to the draft', dueAt: '2030-01-10T12:00:00Z', consequence: 'The text is final.' },
    });
    expect(deadline.status, await deadline.clone().text()).toBe(201);
  };
  beforeEach(async () => {
    handle = await openTestDatabase(databaseKind);
    testApp = createTestApp(handle.db);
    manual = createManualTimers(testApp.clock);
    await seedDemo(handle.db);
    viewers = await signInFourSeats(testApp);
  });
  afterEach(async () => {
    await stopTimers();
    await handle.close();
    expect(errors.splice(0)).toEqual([]);
  });

  it('tells everyone of a hand-over at its moment, and no one without seat.read-future before', async () => {
    const takesOver = '2025-12-10T00:00:00.000Z';
    startTimer();
    const streams = {
      ukraine: openStream(testApp, { negotiationId: DEMO_NEGOTIATION.id, as: viewers.ukraine }),
      mediator: openStream(testApp, { negotiationId: DEMO_NEGOTIATION.id, as: viewers.mediator }),
      russia: openStream(testApp, { negotiationId: DEMO_NEGOTIATION.id, as: viewers.russia }),
      observer: openStream(testApp, { negotiationId: DEMO_NEGOTIATION.id, as: viewers.observer }),
    };
    try {
      for (const stream of Object.values(streams)) await stream.waitUntil(() => stream.count('ready') === 1);
      const colleague = DEMO_ACCOUNTS.ukraineFormer.id;
      const handedOver = await call(testApp, `POST ${N}/parties/${UKRAINE}/lead`, {
        as: viewers.ukraine,
        body: { userId: colleague, title: 'Head of delegation', validFrom: takesOver },
      });
      expect(handedOver.status, await handedOver.clone().text()).toBe(201);
      await streams.mediator.waitUntil(() => streams.mediator.count('members.changed') === 1);
      await settle();
      expect(manual.waits()).toEqual([Date.parse(takesOver) - testApp.clock.now().getTime()]);

      testApp.clock.set('2025-12-09T23:59:59.000Z');
      expect(manual.runDue()).toBe(0);
      await announceDeadline();
      for (const other of [streams.russia, streams.observer]) {
        await other.waitUntil(() => other.count('deadlines.changed') === 1);
        expect(other.count('members.changed')).toBe(0);
      }

      testApp.clock.set(takesOver);
      expect(manual.runDue()).toBe(1);
      for (const other of [streams.russia, streams.observer])
        await other.waitUntil(() => other.count('members.changed') === 1);
      await streams.mediator.waitUntil(() => streams.mediator.count('members.changed') === 2);
      // The former lead's stream finds its seat gone on that event: it says so and ends.
      await streams.ukraine.waitUntil(streams.ukraine.isClosed);
      expect(streams.ukraine.text()).toContain('event: reset\ndata: {"reason":"seat-ended"}');
      expect((await call(testApp, `GET ${N}/members`, { as: viewers.ukraine })).status).toBe(404);
      expect((await call(testApp, `GET ${N}/records`, { as: viewers.ukraine })).status).toBe(404);
      expect(await announced()).toEqual([takesOver]);
    } finally {
      await Promise.all(Object.values(streams).map((stream) => stream.close()));
    }
  });

  it('tells everyone of a seat end set ahead at its moment', async () => {
    const ends = '2025-12-08T17:30:00.000Z';
    startTimer();
    const memberId = await seatColleagueUntil('2025-12-31T00:00:00.000Z');
    const russia = openStream(testApp, { negotiationId: DEMO_NEGOTIATION.id, as: viewers.russia });
    try {
      await russia.waitUntil(() => russia.count('ready') === 1);
      const ended = await call(testApp, `POST ${N}/members/${memberId}/end`, {
        as: viewers.ukraine,
        body: { validTo: ends },
      });
      expect(ended.status, await ended.clone().text()).toBe(200);
      await settle();
      await announceDeadline();
      await russia.waitUntil(() => russia.count('deadlines.changed') === 1);
      expect(russia.count('members.changed')).toBe(0);

      testApp.clock.set(ends);
      expect(manual.runDue()).toBe(1);
      await russia.waitUntil(() => russia.count('members.changed') === 1);
      const members = (await (await call(testApp, `GET ${N}/members`, { as: viewers.russia })).json()) as {
        items: { id: string; validTo: string | null }[];
      };
      expect(members.items.find((seat) => seat.id === memberId)?.validTo).toBe(ends);
      // The seat's former end, no longer in the database, is never announced.
      await settle();
      expect(manual.waits()).toEqual([]);
      expect(await announced()).toEqual([ends]);
    } finally {
      await russia.close();
    }
  });

  it('announces at start, once, what passed in the last day while no timer ran; never older ones', async () => {
    const first = '2025-12-06T00:00:00.000Z';
    startTimer();
    await seatColleagueUntil(first);
    testApp.clock.set('2025-12-06T00:00:01.000Z');
    manual.runDue();
    await settle();
    expect(await announced()).toEqual([first]);
    await stopTimers();
    // A restart after the moment: it was announced before, and is not again.
    startTimer();
    await settle();
    expect(await announced()).toEqual([first]);
    await stopTimers();

    // Passed while no timer ran: announced by the next start, and by that one alone.
    const whileDown = '2025-12-06T06:00:00.000Z';
    await seatColleagueUntil(whileDown);
    testApp.clock.set('2025-12-06T23:00:00.000Z');
    startTimer();
    await settle();
    expect(await announced()).toEqual([first, whileDown]);
    await stopTimers();
    startTimer();
    await settle();
    expect(await announced()).toEqual([first, whileDown]);
    await stopTimers();

    // Passed longer ago than the catch-up window: never announced.
    const longAgo = '2025-12-07T00:00:00.000Z';
    await seatColleagueUntil(longAgo);
    testApp.clock.set(new Date(Date.parse(longAgo) + CATCH_UP_MS + HOUR).toISOString());
    startTimer();
    await settle();
    expect(await announced()).toEqual([first, whileDown]);
  });

  it('waits for a far-future change in steps setTimeout can take, announcing nothing early', async () => {
    const farAhead = '2400-01-01T00:00:00.000Z';
    startTimer();
    await seatColleagueUntil(farAhead);
    await settle();
    expect(manual.waits()).toEqual([LONGEST_WAIT_MS]);
    testApp.clock.advance(LONGEST_WAIT_MS);
    expect(manual.runDue()).toBe(1);
    await settle();
    expect(manual.waits()).toEqual([LONGEST_WAIT_MS]);
    expect(await announced()).toEqual([]);

    // On Node's own timers: asked for longer than it can wait, setTimeout would fire at once
    // (with a TimeoutOverflowWarning), and the timer would spin, looking at the seats again and again.
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.name);
    process.on('warning', onWarning);
    try {
      await stopTimers();
      startTimer(SYSTEM_TIMERS);
      await settle();
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(warnings).not.toContain('TimeoutOverflowWarning');
      expect(await announced()).toEqual([]);
    } finally {
      process.off('warning', onWarning);
    }
  });
});

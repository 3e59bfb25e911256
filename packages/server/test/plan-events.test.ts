import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_NEGOTIATION, DEMO_PARTIES, DEMO_PASSWORD } from '../src/demo';
import { demoPlanId } from '../src/demo/plan-demo';
import type { DatabaseHandle } from '../src/storage/database';
import { seedDemo, signInAs } from './helpers/demo-fixture';
import { openTestDatabase } from './helpers/each-database';
import { call, signIn, type SignedIn } from './helpers/session';
import { createTestApp, type TestApp } from './helpers/test-app';
import { eventually } from './helpers/eventually';

const N = `/api/negotiations/${DEMO_NEGOTIATION.id}`;
const FLORIDA = demoPlanId('florida-20');
type Event = { event: string; data: Record<string, unknown> };

/** Opens the negotiation's event stream as a browser would and collects parsed events. */
async function subscribe(testApp: TestApp, as: SignedIn) {
  const response = await testApp.app.request(`${N}/events`, {
    headers: { ...as.headers, accept: 'text/event-stream' },
  });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/event-stream');
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  const events: Event[] = [];
  let buffer = '';
  const pump = (async () => {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let end = buffer.indexOf('\n\n');
      while (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (event !== undefined && data !== undefined)
          events.push({ event, data: JSON.parse(data) as Record<string, unknown> });
        end = buffer.indexOf('\n\n');
      }
    }
  })();
  const waitFor = async (isWanted: (events: Event[]) => boolean) => {
    await eventually(() => isWanted(events), { intervalMs: 10 });
    return events;
  };
  await waitFor((list) => list.some((e) => e.event === 'ready'));
  return {
    events,
    waitFor,
    close: async () => {
      await reader.cancel();
      await pump.catch(() => undefined);
    },
  };
}

describe('plan event stream', () => {
  let handle: DatabaseHandle;
  let testApp: TestApp;
  let ukraine: SignedIn;
  let russia: SignedIn;
  let mediator: SignedIn;

  beforeAll(async () => {
    handle = await openTestDatabase('pglite');
    testApp = createTestApp(handle.db);
    await seedDemo(handle.db);
    [ukraine, russia, mediator] = (await Promise.all(
      (['ownDelegation', 'otherParty', 'mediator'] as const).map((kind) => signInAs(testApp, kind)),
    )) as SignedIn[] as [SignedIn, SignedIn, SignedIn];
  });
  afterAll(async () => handle.close());

  // Ukraine's Geneva positions were carried to the Florida text at revision 1.
  const setPosition = (pointKey: string, visibility: string, baseRevision = 1) =>
    call(
      testApp,
      `PUT ${N}/plan/versions/${FLORIDA}/points/${demoPlanId(pointKey)}/positions/${DEMO_PARTIES.ukraine.id}`,
      { as: ukraine, body: { value: 'reject', note: 'secret reason', visibility, baseRevision } },
    );

  it("never delivers another party's private position change, not even without a body", async () => {
    // p23 was carried visible to the parties: taken back first, so what follows is private to private.
    expect((await setPosition('p23', 'private')).status).toBe(200);
    const russianStream = await subscribe(testApp, russia);
    const mediatorStream = await subscribe(testApp, mediator);
    const ownStream = await subscribe(testApp, ukraine);
    expect((await setPosition('p23', 'private', 2)).status).toBe(200);
    expect((await setPosition('p11', 'parties')).status).toBe(200);
    await russianStream.waitFor((events) => events.some((e) => e.data.pointId === demoPlanId('p11')));
    await mediatorStream.waitFor((events) => events.some((e) => e.data.pointId === demoPlanId('p11')));
    await ownStream.waitFor((events) => events.some((e) => e.data.pointId === demoPlanId('p11')));
    const changes = (events: Event[]) =>
      events
        .filter((e) => e.event !== 'ready' && e.event !== 'audit.checkpoint')
        .map((e) => `${e.event} ${String(e.data.visibility)}`);
    expect(changes(russianStream.events)).toEqual(['position.changed parties']);
    expect(changes(mediatorStream.events)).toEqual(['position.changed parties']);
    expect(changes(ownStream.events)).toEqual(['position.changed private', 'position.changed parties']);
    expect(JSON.stringify(russianStream.events)).not.toContain(demoPlanId('p23'));
    expect(JSON.stringify(mediatorStream.events)).not.toContain(demoPlanId('p23'));
    await Promise.all([russianStream.close(), mediatorStream.close(), ownStream.close()]);
  });

  it('tells those who could read a position that it was taken back, and nothing of it', async () => {
    const russianStream = await subscribe(testApp, russia);
    const ukraineOnP24 = async () =>
      (
        (await (
          await call(testApp, `GET ${N}/plan/versions/${FLORIDA}/positions`, { as: russia })
        ).json()) as { items: { partyId: string; pointId: string }[] }
      ).items.filter(
        (item) => item.partyId === DEMO_PARTIES.ukraine.id && item.pointId === demoPlanId('p24'),
      );
    expect(await ukraineOnP24()).toHaveLength(1);
    // p24 was carried visible to the parties: Russia's open page shows it, until told to read again.
    expect((await setPosition('p24', 'private')).status).toBe(200);
    await russianStream.waitFor((events) => events.some((e) => e.data.pointId === demoPlanId('p24')));
    const told = russianStream.events.find((e) => e.data.pointId === demoPlanId('p24'));
    expect(told?.data).not.toHaveProperty('previousVisibility');
    // Nor whether it went to the mediator alone or became private: a probe read that off the event.
    expect(told?.data).not.toHaveProperty('visibility');
    expect(JSON.stringify(told)).not.toContain('secret reason');
    expect(await ukraineOnP24()).toEqual([]);
    // Made visible again, a party that sees it now is not told that it had been private.
    expect((await setPosition('p24', 'parties', 2)).status).toBe(200);
    await russianStream.waitFor(
      (events) => events.filter((e) => e.data.pointId === demoPlanId('p24')).length === 2,
    );
    expect(JSON.stringify(russianStream.events)).not.toContain('previousVisibility');
    // Once it reads the position again, it is told what the position is visible to.
    expect(russianStream.events.filter((e) => e.data.pointId === demoPlanId('p24'))[1]?.data).toMatchObject({
      visibility: 'parties',
    });
    await russianStream.close();
  });

  it('delivers plan-wide events to every participant and answers plain GETs with JSON', async () => {
    const russianStream = await subscribe(testApp, russia);
    const created = await call(testApp, `POST ${N}/plan/escalations`, {
      as: mediator,
      body: {
        pointId: demoPlanId('p25'),
        principals: ['Leaders'],
        question: 'When are elections held?',
        dueDate: null,
      },
    });
    expect(created.status).toBe(201);
    const events = await russianStream.waitFor((list) => list.some((e) => e.event === 'escalation.changed'));
    // Every stream opens with `ready` and a signed audit checkpoint to keep (issue #13).
    expect(events.map((e) => e.event)).toEqual(['ready', 'audit.checkpoint', 'escalation.changed']);
    await russianStream.close();
    const plain = await call(testApp, `GET ${N}/events`, { as: russia });
    expect(plain.status).toBe(200);
    expect(await plain.json()).toMatchObject({ negotiationId: DEMO_NEGOTIATION.id });
  });

  it("delivers plan-wide events to the mediator's analyst too (staff, not the lead)", async () => {
    const analyst = await signIn(testApp, DEMO_ACCOUNTS.mediatorAnalyst.email, DEMO_PASSWORD);
    const stream = await subscribe(testApp, analyst);
    const created = await call(testApp, `POST ${N}/plan/statements`, {
      as: mediator,
      body: {
        person: 'Spokesperson',
        partyId: DEMO_PARTIES.russia.id,
        date: '2025-12-04',
        source: 'Press briefing',
        quote: 'We have received the text.',
        pointIds: [],
      },
    });
    expect(created.status).toBe(201);
    const events = await stream.waitFor((list) => list.some((e) => e.event === 'statement.created'));
    expect(events.map((e) => e.event)).toContain('statement.created');
    await stream.close();
  });

  it('answers 404 to an outsider, exactly as for a missing negotiation', async () => {
    const outsider = await signInAs(testApp, 'outsider');
    const hidden = await call(testApp, `GET ${N}/events`, { as: outsider });
    const missing = await call(testApp, 'GET /api/negotiations/00000000-0000-4000-8000-00000000ffff/events', {
      as: outsider,
    });
    expect([hidden.status, missing.status]).toEqual([404, 404]);
  });

  // Records were the one list a page could not follow live. A record's audience is its own: the
  // event goes to those who may read it, as its id alone.
  it('tells of a record filed only those who may read it, with its id alone', async () => {
    const [ukrainianStream, russianStream, mediatorStream] = await Promise.all([
      subscribe(testApp, ukraine),
      subscribe(testApp, russia),
      subscribe(testApp, mediator),
    ]);
    const file = async (classification: string) => {
      const created = await call(testApp, `POST ${N}/records`, {
        as: ukraine,
        body: {
          owningPartyId: DEMO_PARTIES.ukraine.id,
          kind: 'note',
          classification,
          title: `A ${classification} note`,
          body: 'Text.',
        },
      });
      expect(created.status, await created.clone().text()).toBe(201);
      return ((await created.json()) as { id: string }).id;
    };
    const internal = await file('delegation');
    const forMediator = await file('mediator');
    const open = await file('public');
    const recordsSeen = async (stream: Awaited<ReturnType<typeof subscribe>>) => {
      // The public record is filed last: once it arrives, any earlier event has arrived too.
      const events = await stream.waitFor((list) => list.some((e) => e.data.recordId === open));
      return events.filter((e) => e.event === 'record.created').map((e) => e.data);
    };
    const sent = (recordId: string) => ({
      type: 'record.created',
      negotiationId: DEMO_NEGOTIATION.id,
      recordId,
    });
    expect(await recordsSeen(ukrainianStream)).toEqual([sent(internal), sent(forMediator), sent(open)]);
    expect(await recordsSeen(mediatorStream)).toEqual([sent(forMediator), sent(open)]);
    expect(await recordsSeen(russianStream)).toEqual([sent(open)]);
    await Promise.all([ukrainianStream, russianStream, mediatorStream].map((stream) => stream.close()));
  });

  // A walk-through found the delegations, deadlines and issues pages stale until reloaded.
  it('tells every participant of a seat ended, a deadline set and options defined, with ids only', async () => {
    const russianStream = await subscribe(testApp, russia);
    const seen = (type: string) => russianStream.waitFor((list) => list.some((e) => e.event === type));
    const deadline = await call(testApp, `POST ${N}/deadlines`, {
      as: mediator,
      body: { title: 'Reply to the draft', dueAt: '2030-01-10T12:00:00Z', consequence: 'The text is final.' },
    });
    expect(deadline.status, await deadline.clone().text()).toBe(201);
    await seen('deadlines.changed');
    const issue = await call(testApp, `PUT ${N}/plan/versions/${FLORIDA}/points/${demoPlanId('p25')}/issue`, {
      as: mediator,
      body: { definition: { kind: 'options', options: ['spring', 'autumn'] } },
    });
    expect(issue.status, await issue.clone().text()).toBe(200);
    await seen('issues.changed');
    const analystSeat = '00000000-0000-4000-8000-000000000f02';
    // Ended as of the server's now: an end set ahead is the delegation's business until it comes
    // (scheduled-seat-changes.test.ts).
    const ended = await call(testApp, `POST ${N}/members/${analystSeat}/end`, {
      as: mediator,
      body: { validTo: testApp.clock.now().toISOString() },
    });
    expect(ended.status, await ended.clone().text()).toBe(200);
    const events = await seen('members.changed');
    expect(events.find((e) => e.event === 'members.changed')?.data).toEqual({
      type: 'members.changed',
      negotiationId: DEMO_NEGOTIATION.id,
      partyId: DEMO_PARTIES.unitedStates.id,
    });
    expect(events.find((e) => e.event === 'deadlines.changed')?.data).toEqual({
      type: 'deadlines.changed',
      negotiationId: DEMO_NEGOTIATION.id,
    });
    await russianStream.close();
  });
});

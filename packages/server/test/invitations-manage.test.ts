// Pending invitations: who may list and withdraw them, what a withdrawn token still does, and what
// the token's holder may read about it before having an account. A delegation's invitations name
// the people it is about to take in: no other party may learn them.
import { randomUUID } from 'node:crypto';
import { MemberIdSchema, UserIdSchema } from '@parley/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_NEGOTIATION, DEMO_PARTIES, DEMO_PASSWORD } from '../src/demo';
import { createUser } from '../src/services/accounts';
import { MAX_UNKNOWN_INVITATIONS_PER_ADDRESS } from '../src/auth/login-throttle';
import { INVITATION_TTL_MS } from '../src/services/invitations';
import { seatMember } from '../src/services/members';
import { listMembers, updateMemberValidTo } from '../src/storage/members';
import type { DatabaseHandle } from '../src/storage/database';
import { seedDemo, signInAs, type ViewerKind } from './helpers/demo-fixture';
import { API_DATABASE_KINDS, openTestDatabase } from './helpers/each-database';
import { call, signIn, type SignedIn } from './helpers/session';
import { createTestApp, type TestApp } from './helpers/test-app';

const N = `/api/negotiations/${DEMO_NEGOTIATION.id}`;
const UKRAINE = DEMO_PARTIES.ukraine.id;
type Pending = {
  id: string;
  email: string;
  function: string;
  title: string;
  createdAt: string;
  expiresAt: string;
  sentBy: { userId: string; displayName: string };
};

describe.each(API_DATABASE_KINDS)('pending invitations on %s', (databaseKind) => {
  let handle: DatabaseHandle;
  let testApp: TestApp;
  const sessions = new Map<ViewerKind, SignedIn>();
  const as = (kind: ViewerKind) => {
    const session = sessions.get(kind);
    if (session === undefined) throw new Error(`no session for ${kind}`);
    return session;
  };

  const invite = async (by: SignedIn, input: { partyId?: string; email: string; function?: string }) => {
    const response = await call(testApp, `POST ${N}/parties/${input.partyId ?? UKRAINE}/invitations`, {
      as: by,
      body: { email: input.email, function: input.function ?? 'delegate', title: 'Legal adviser' },
    });
    expect(response.status, await response.clone().text()).toBe(201);
    return (await response.json()) as { token: string; invitation: { id: string }; replaced: string[] };
  };
  const listAs = async (by: SignedIn | null, partyId: string = UKRAINE) => {
    const response = await call(testApp, `GET ${N}/parties/${partyId}/invitations`, { as: by });
    const text = await response.text();
    return {
      status: response.status,
      text,
      items: response.ok ? (JSON.parse(text) as { items: Pending[] }).items : [],
    };
  };
  const emailsAs = async (by: SignedIn, domain: string, partyId: string = UKRAINE) =>
    (await listAs(by, partyId)).items.map((item) => item.email).filter((email) => email.endsWith(domain));
  const revoke = (by: SignedIn | null, invitationId: string) =>
    call(testApp, `POST ${N}/invitations/${invitationId}/revoke`, { as: by });
  const accept = (by: SignedIn, token: string) =>
    call(testApp, 'POST /api/invitations/accept', { as: by, body: { token } });
  const preview = (token: string) =>
    call(testApp, 'POST /api/invitations/preview', { as: null, body: { token } });
  /** An account for `email`, signed in. */
  const account = async (email: string) => {
    await createUser(testApp.deps, {
      email,
      displayName: email.split('@')[0] ?? email,
      password: 'invitee password',
    });
    return signIn(testApp, email, 'invitee password');
  };
  /** A problem's body without `instance`, which echoes the caller's own path. */
  const problemOf = async (response: Response) => {
    const { instance: _instance, ...rest } = (await response.json()) as Record<string, unknown>;
    return rest;
  };

  const signInAll = async () => {
    for (const kind of ['mediator', 'ownDelegation', 'otherParty', 'observer', 'outsider'] as const) {
      const session = await signInAs(testApp, kind);
      if (session !== null) sessions.set(kind, session);
    }
  };
  /** Moves the clock on; sessions last as long as invitations, so everyone signs in again. */
  const later = async (ms: number) => {
    testApp.clock.advance(ms);
    await signInAll();
  };

  beforeAll(async () => {
    handle = await openTestDatabase(databaseKind);
    testApp = createTestApp(handle.db);
    await seedDemo(handle.db);
    await signInAll();
  });
  afterAll(async () => handle.close());

  it('lists only pending invitations, newest first, with function, title, expiry and sender', async () => {
    const expired = await invite(as('ownDelegation'), { email: 'expired@list.example' });
    await later(INVITATION_TTL_MS + 60_000);
    const ukraine = as('ownDelegation');
    const accepted = await invite(ukraine, { email: 'accepted@list.example' });
    expect((await accept(await account('accepted@list.example'), accepted.token)).status).toBe(201);
    const withdrawn = await invite(ukraine, { email: 'withdrawn@list.example' });
    expect((await revoke(ukraine, withdrawn.invitation.id)).status).toBe(200);
    await invite(ukraine, { email: 'first@list.example' });
    testApp.clock.advance(1_000);
    await invite(ukraine, { email: 'second@list.example', function: 'analyst' });

    const { items } = await listAs(ukraine);
    const listed = items.filter((item) => item.email.endsWith('@list.example'));
    expect(listed.map((item) => [item.email, item.function])).toEqual([
      ['second@list.example', 'analyst'],
      ['first@list.example', 'delegate'],
    ]);
    expect(listed[0]).toMatchObject({
      title: 'Legal adviser',
      sentBy: { userId: ukraine.userId, displayName: DEMO_ACCOUNTS.ukraine.displayName },
    });
    const second = listed[0] as Pending;
    expect(Date.parse(second.expiresAt) - Date.parse(second.createdAt)).toBe(INVITATION_TTL_MS);
    expect(items.map((item) => item.id)).not.toContain(expired.invitation.id);
  });

  it('answers another party, the observer and the mediator with an empty list: no email reaches them', async () => {
    const ukraine = as('ownDelegation');
    await invite(ukraine, { email: 'private@hidden.example', function: 'analyst' });
    expect(await emailsAs(ukraine, '@hidden.example')).toEqual(['private@hidden.example']);
    for (const kind of ['otherParty', 'observer', 'mediator'] as const) {
      const listed = await listAs(as(kind));
      expect([kind, listed.status, listed.items]).toEqual([kind, 200, []]);
      expect(listed.text).not.toContain('@hidden.example');
    }
    // Outside the negotiation: the same 404 as for a party that does not exist.
    const outsider = await listAs(as('outsider'));
    expect(outsider.status).toBe(404);
    const missing = await call(testApp, `GET ${N}/parties/${randomUUID()}/invitations`, {
      as: as('otherParty'),
    });
    expect(missing.status).toBe(404);
    expect((await listAs(null)).status).toBe(401);
  });

  it("shows the mediator's staff only a party's first-lead invitations, and those they sent", async () => {
    const mediator = as('mediator');
    const created = await call(testApp, `POST ${N}/parties`, {
      as: mediator,
      body: { name: 'Newland', role: 'party', required: false },
    });
    const newland = ((await created.json()) as { id: string }).id;
    const stale = await invite(mediator, {
      partyId: newland,
      email: 'stale@first.example',
      function: 'lead',
    });
    testApp.clock.advance(1_000);
    const chosen = await invite(mediator, {
      partyId: newland,
      email: 'lead@first.example',
      function: 'lead',
    });
    expect(await emailsAs(mediator, '@first.example', newland)).toEqual([
      'lead@first.example',
      'stale@first.example',
    ]);
    const analyst = await signIn(testApp, DEMO_ACCOUNTS.mediatorAnalyst.email, DEMO_PASSWORD);
    expect((await listAs(analyst, newland)).items).toEqual([]);

    const lead = await account('lead@first.example');
    expect((await accept(lead, chosen.token)).status).toBe(201);
    const delegate = await invite(lead, { partyId: newland, email: 'delegate@first.example' });
    // Newland has its lead now: the mediator keeps only what it sent; the lead sees everything.
    expect(await emailsAs(mediator, '@first.example', newland)).toEqual(['stale@first.example']);
    expect(await emailsAs(lead, '@first.example', newland)).toEqual([
      'delegate@first.example',
      'stale@first.example',
    ]);
    expect((await listAs(as('otherParty'), newland)).items).toEqual([]);

    // What it may not see, it may not withdraw: the same 404 as an invitation that never existed.
    const hidden = await revoke(mediator, delegate.invitation.id);
    expect(hidden.status).toBe(404);
    expect(await problemOf(hidden)).toEqual(await problemOf(await revoke(mediator, randomUUID())));
    expect((await revoke(mediator, stale.invitation.id)).status).toBe(200);
    expect(await emailsAs(lead, '@first.example', newland)).toEqual(['delegate@first.example']);
  });

  it('replaces the pending link of an address invited again in the same function: only the newest works', async () => {
    const ukraine = as('ownDelegation');
    const first = await invite(ukraine, { email: 'resent@list.example' });
    const asAnalyst = await invite(ukraine, { email: 'resent@list.example', function: 'analyst' });
    const second = await invite(ukraine, { email: 'resent@list.example' });
    expect(second.replaced).toEqual([first.invitation.id]);
    expect(asAnalyst.replaced).toEqual([]);
    const { items } = await listAs(ukraine);
    expect(
      items
        .filter((item) => item.email === 'resent@list.example')
        .map((item) => [item.id, item.function])
        .sort(),
    ).toEqual(
      [
        [second.invitation.id, 'delegate'],
        [asAnalyst.invitation.id, 'analyst'],
      ].sort(),
    );
    const invitee = await account('resent@list.example');
    const old = await accept(invitee, first.token);
    expect(old.status).toBe(410);
    expect(JSON.stringify(await old.json())).toContain('withdrawn');
    expect((await accept(invitee, second.token)).status).toBe(201);
  });

  it('refuses a withdrawn invitation at acceptance, saying it was withdrawn', async () => {
    const ukraine = as('ownDelegation');
    const created = await invite(ukraine, { email: 'typo@revoke.example' });
    const revoked = await revoke(ukraine, created.invitation.id);
    expect(revoked.status).toBe(200);
    expect(await revoked.json()).toMatchObject({ id: created.invitation.id, revokedAt: expect.any(String) });
    // Nor does it open an invitation-only server to its address.
    const signUp = await call(testApp, 'POST /api/auth/register', {
      body: {
        email: 'typo@revoke.example',
        displayName: 'Typo',
        password: 'invitee password',
        invitationToken: created.token,
      },
    });
    expect(signUp.status).toBe(410);
    const refused = await accept(await account('typo@revoke.example'), created.token);
    expect(refused.status).toBe(410);
    expect(await refused.json()).toMatchObject({ detail: expect.stringMatching(/withdrawn/) });
    expect(await emailsAs(ukraine, '@revoke.example')).toEqual([]);
  });

  it('answers 409, saying why, when the invitation is withdrawn, accepted or expired already', async () => {
    const ukraine = as('ownDelegation');
    const twice = await invite(ukraine, { email: 'twice@conflict.example' });
    expect((await revoke(ukraine, twice.invitation.id)).status).toBe(200);
    const again = await revoke(ukraine, twice.invitation.id);
    expect(again.status).toBe(409);
    // Who withdrew it and when (issue #11 item 8), in the negotiation's time zone.
    expect(await again.json()).toMatchObject({
      detail: expect.stringMatching(
        /^This invitation was already withdrawn by Secretary of the NSDC of Ukraine \(demo\) on \d{1,2} \w{3} \d{4}, \d\d:\d\d \(Europe\/Zurich\)\.$/,
      ),
    });

    const used = await invite(ukraine, { email: 'used@conflict.example' });
    expect((await accept(await account('used@conflict.example'), used.token)).status).toBe(201);
    expect(await (await revoke(ukraine, used.invitation.id)).json()).toMatchObject({
      status: 409,
      detail: expect.stringMatching(/already accepted on \d{1,2} \w{3} \d{4}, \d\d:\d\d \(Europe\/Zurich\)/),
    });

    const old = await invite(ukraine, { email: 'old@conflict.example' });
    await later(INVITATION_TTL_MS);
    expect(await (await revoke(as('ownDelegation'), old.invitation.id)).json()).toMatchObject({
      status: 409,
      detail: expect.stringMatching(/expired on \d{1,2} \w{3} \d{4}/),
    });
  });

  it("hides another party's invitation from its lead: withdrawing it is the 404 of one that never existed", async () => {
    const created = await invite(as('ownDelegation'), { email: 'kept@notyours.example' });
    const russia = as('otherParty');
    const hidden = await revoke(russia, created.invitation.id);
    expect(hidden.status).toBe(404);
    expect(await problemOf(hidden)).toEqual(await problemOf(await revoke(russia, randomUUID())));
    expect(await emailsAs(as('ownDelegation'), '@notyours.example')).toEqual(['kept@notyours.example']);
  });

  it('tells the token holder, signed out, what the invitation is for and where it stands', async () => {
    const ukraine = as('ownDelegation');
    const pending = await invite(ukraine, { email: 'reader@preview.example', function: 'analyst' });
    const response = await preview(pending.token);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({
      negotiationTitle: DEMO_NEGOTIATION.title,
      partyName: DEMO_PARTIES.ukraine.name,
      function: 'analyst',
      title: 'Legal adviser',
      expiresAt: expect.any(String),
      email: 'reader@preview.example',
      status: 'pending',
      voidReason: null,
    });
    expect(text).not.toContain(DEMO_ACCOUNTS.ukraine.email);

    await revoke(ukraine, pending.invitation.id);
    expect(await (await preview(pending.token)).json()).toMatchObject({ status: 'revoked' });
    const used = await invite(ukraine, { email: 'used@preview.example' });
    await accept(await account('used@preview.example'), used.token);
    expect(await (await preview(used.token)).json()).toMatchObject({ status: 'accepted' });
    const old = await invite(ukraine, { email: 'old@preview.example' });
    await later(INVITATION_TTL_MS);
    expect(await (await preview(old.token)).json()).toMatchObject({ status: 'expired' });

    const unknown = await preview(`pi_${'x'.repeat(43)}`);
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toBe('application/problem+json');
    expect((await preview('short')).status).toBe(400);
  });

  it("records a withdrawal in the audit log, for the party's delegation and not for another party", async () => {
    const ukraine = as('ownDelegation');
    const created = await invite(ukraine, { email: 'audited@audit.example' });
    await revoke(ukraine, created.invitation.id);
    const entries = async (by: SignedIn) =>
      (
        (await (await call(testApp, `GET ${N}/audit?action=invitation.revoke`, { as: by })).json()) as {
          items: { actorId: string; subjectId: string | null; detail: Record<string, unknown> }[];
        }
      ).items.filter((entry) => entry.subjectId === created.invitation.id);
    expect(await entries(ukraine)).toEqual([
      expect.objectContaining({
        actorId: ukraine.userId,
        detail: { partyId: UKRAINE, email: 'audited@audit.example', function: 'delegate' },
      }),
    ]);
    const russiaLog = await call(testApp, `GET ${N}/audit?action=invitation`, { as: as('otherParty') });
    expect(await russiaLog.text()).not.toContain('audited@audit.example');
  });

  it("shows the mediator staff that a delegation invited someone, never whom (the address is the delegation's)", async () => {
    const ukraine = as('ownDelegation');
    const created = await invite(ukraine, { email: 'unseen@audit.example' });
    const detailFor = async (by: SignedIn) =>
      (
        (await (await call(testApp, `GET ${N}/audit?action=invitation.create`, { as: by })).json()) as {
          items: { subjectId: string | null; detail: Record<string, unknown> }[];
        }
      ).items.find((entry) => entry.subjectId === created.invitation.id)?.detail;
    expect(await detailFor(ukraine)).toMatchObject({ email: 'unseen@audit.example' });
    const mediatorSees = await detailFor(as('mediator'));
    expect(mediatorSees).toMatchObject({ partyId: UKRAINE, function: 'delegate' });
    expect(mediatorSees).not.toHaveProperty('email');
    const whole = await call(testApp, `GET ${N}/audit?limit=100`, { as: as('mediator') });
    expect(await whole.text()).not.toContain('unseen@audit.example');
  });

  it('calls a first-lead invitation void once the party has its lead, saying why, before anyone registers', async () => {
    const mediator = as('mediator');
    const created = await call(testApp, `POST ${N}/parties`, {
      as: mediator,
      body: { name: 'Void Test Party', role: 'party', required: false },
    });
    expect(created.status).toBe(201);
    const { id: partyId } = (await created.json()) as { id: string };
    const first = await invite(mediator, { partyId, email: 'first-lead@void.example', function: 'lead' });
    const second = await invite(mediator, { partyId, email: 'second-lead@void.example', function: 'lead' });
    expect((await accept(await account('second-lead@void.example'), second.token)).status).toBe(201);
    expect(await (await preview(first.token)).json()).toMatchObject({
      status: 'void',
      voidReason:
        'This invitation was for the lead of Void Test Party, which has a lead now: ask them, or the mediator, for a new invitation.',
    });
  });

  it("does not tell a delegation whether an address sits in another delegation (no oracle of other parties' members)", async () => {
    const ukraine = as('ownDelegation');
    const elsewhere = await call(testApp, `POST ${N}/parties/${UKRAINE}/invitations`, {
      as: ukraine,
      body: { email: DEMO_ACCOUNTS.russia.email, function: 'delegate', title: '' },
    });
    const nowhere = await call(testApp, `POST ${N}/parties/${UKRAINE}/invitations`, {
      as: ukraine,
      body: { email: 'nobody-yet@oracle.example', function: 'delegate', title: '' },
    });
    expect([elsewhere.status, nowhere.status]).toEqual([201, 201]);
    // The invitee, who knows their own seat, is the one told, at acceptance; nothing is stored.
    const { token } = (await elsewhere.json()) as { token: string };
    const refused = await accept(as('otherParty'), token);
    expect(refused.status).toBe(409);
    expect(JSON.stringify(await refused.json())).toContain('already sits in another delegation');
    // Its own delegation's member is a mistake it may be told of.
    const own = await call(testApp, `POST ${N}/parties/${UKRAINE}/invitations`, {
      as: ukraine,
      body: { email: DEMO_ACCOUNTS.ukraine.email, function: 'delegate', title: '' },
    });
    expect(own.status).toBe(409);
    expect(await own.json()).toMatchObject({ detail: 'This person already has a seat in this delegation.' });
  });

  it('refuses an address that tries too many unknown invitation links, and counts no real one', async () => {
    const pending = await invite(as('ownDelegation'), { email: 'holder@throttle.example' });
    // The socket the request came in on, as @hono/node-server passes it: the throttle's address.
    const from = (peer: string, path: string, token: string, by: SignedIn | null = null) =>
      testApp.app.request(
        path,
        {
          method: 'POST',
          headers: { ...(by?.headers ?? {}), 'content-type': 'application/json' },
          body: JSON.stringify({ token }),
        },
        { incoming: { socket: { remoteAddress: peer } } },
      );
    const guess = (index: number) => `pi_${String(index).padStart(43, 'g')}`;
    for (let index = 0; index < MAX_UNKNOWN_INVITATIONS_PER_ADDRESS + 5; index += 1)
      expect((await from('192.0.2.50', '/api/invitations/preview', pending.token)).status).toBe(200);
    for (let index = 0; index < MAX_UNKNOWN_INVITATIONS_PER_ADDRESS; index += 1)
      expect((await from('192.0.2.50', '/api/invitations/preview', guess(index))).status).toBe(404);

    const refused = await from('192.0.2.50', '/api/invitations/preview', guess(-1));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await refused.json()).toMatchObject({ detail: expect.stringContaining('invitation links') });
    // Accepting draws on the same count: a guesser cannot switch routes.
    const invitee = await account('guesser@throttle.example');
    expect((await from('192.0.2.50', '/api/invitations/accept', guess(-2), invitee)).status).toBe(429);
    expect((await from('192.0.2.52', '/api/invitations/accept', guess(-2), invitee)).status).toBe(410);
    expect((await from('192.0.2.51', '/api/invitations/preview', pending.token)).status).toBe(200);
    expect((await from('192.0.2.51', '/api/invitations/preview', guess(-3))).status).toBe(404);
  });

  // Last: it ends the Ukrainian lead's seat.
  it('stops showing an invitation to its sender once they no longer sit for the party, even seated elsewhere', async () => {
    const ukraine = as('ownDelegation');
    const created = await invite(ukraine, { email: 'left-behind@sender.example' });
    expect(await emailsAs(ukraine, '@sender.example')).toEqual(['left-behind@sender.example']);
    // The lead leaves the Ukrainian delegation and joins the Russian one.
    const now = testApp.clock.now().toISOString();
    const ukrainianSeats = (await listMembers(handle.db, DEMO_NEGOTIATION.id)).filter(
      (seat) => seat.userId === ukraine.userId && seat.partyId === DEMO_PARTIES.ukraine.id,
    );
    for (const seat of ukrainianSeats)
      await updateMemberValidTo(handle.db, {
        memberId: seat.id,
        validTo: now,
        endedBy: null,
        at: new Date(now),
      });
    await seatMember(handle.db, {
      id: MemberIdSchema.parse(randomUUID()),
      negotiationId: DEMO_NEGOTIATION.id,
      partyId: DEMO_PARTIES.russia.id,
      userId: UserIdSchema.parse(ukraine.userId),
      function: 'delegate',
      title: 'Moved across',
      validFrom: now,
      validTo: null,
    });
    testApp.clock.advance(1_000);

    expect(await emailsAs(ukraine, '@sender.example')).toEqual([]);
    const revoked = await revoke(ukraine, created.invitation.id);
    expect(revoked.status).toBe(404);
    expect(JSON.stringify(await revoked.json())).not.toContain('left-behind');
  });
});

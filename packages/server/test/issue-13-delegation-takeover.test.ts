// Issue 13, finding 1: mediator staff could seat themselves in Ukraine's delegation, read its
// private material, and end Ukraine's lead at once. A delegation is now run by its own lead;
// the mediator seats only a party's first lead, and proposes a new lead for the party to accept.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_NEGOTIATION, DEMO_PARTIES, DEMO_RECORDS } from '../src/demo';
import { MemberIdSchema, PartyIdSchema } from '@parley/core';
import { createUser } from '../src/services/accounts';
import { insertMember } from '../src/storage/members';
import type { DatabaseHandle } from '../src/storage/database';
import { seedDemo, signInAs } from './helpers/demo-fixture';
import { API_DATABASE_KINDS, openTestDatabase } from './helpers/each-database';
import { call, signIn, type SignedIn } from './helpers/session';
import { meet } from './helpers/seat';
import { createTestApp, type TestApp } from './helpers/test-app';

const N = `/api/negotiations/${DEMO_NEGOTIATION.id}`;
const UKRAINE = DEMO_PARTIES.ukraine.id;
const UKRAINE_DELEGATION_RECORD = DEMO_RECORDS[3]?.id;
type Handover = { id: string; state: string; revision: number; partyId: string };

describe.each(API_DATABASE_KINDS)('issue 13: nobody takes over a delegation (%s)', (databaseKind) => {
  let handle: DatabaseHandle;
  let testApp: TestApp;
  let mediator: SignedIn;
  let ukraine: SignedIn;
  let russia: SignedIn;
  let successorId: string;

  const session = async (kind: 'mediator' | 'ownDelegation' | 'otherParty') => {
    const signed = await signInAs(testApp, kind);
    if (signed === null) throw new Error('expected a session');
    return signed;
  };
  const seatsOf = async (userId: string) => {
    const members = (await (await call(testApp, `GET ${N}/members`, { as: mediator })).json()) as {
      items: { userId: string; partyId: string; function: string; validTo: string | null }[];
    };
    return members.items.filter((member) => member.userId === userId);
  };

  beforeAll(async () => {
    handle = await openTestDatabase(databaseKind);
    testApp = createTestApp(handle.db);
    await seedDemo(handle.db);
    [mediator, ukraine, russia] = await Promise.all([
      session('mediator'),
      session('ownDelegation'),
      session('otherParty'),
    ]);
    successorId = (
      await createUser(testApp.deps, {
        email: 'successor@example.org',
        displayName: 'Successor',
        password: 'successor password',
      })
    ).id;
    // The mediator proposes someone it has sat with (a stranger would be invited first).
    await meet(testApp, mediator, {
      signedIn: await signIn(testApp, 'successor@example.org', 'successor password'),
      email: 'successor@example.org',
    });
  });
  afterAll(async () => handle.close());

  it("refuses mediator staff a seat in another party's delegation, so its private records stay closed", async () => {
    const seatSelf = await call(testApp, `POST ${N}/parties/${UKRAINE}/members`, {
      as: mediator,
      body: { userId: DEMO_ACCOUNTS.mediator.id, function: 'delegate' },
    });
    expect(seatSelf.status).toBe(403);
    const invite = await call(testApp, `POST ${N}/parties/${UKRAINE}/invitations`, {
      as: mediator,
      body: { email: 'mole@example.org', function: 'analyst' },
    });
    expect(invite.status).toBe(403);
    expect(await seatsOf(DEMO_ACCOUNTS.mediator.id)).toHaveLength(1);
    const record = await call(testApp, `GET ${N}/records/${UKRAINE_DELEGATION_RECORD}`, { as: mediator });
    expect(record.status).toBe(404);
  });

  it("refuses mediator staff ending a seat of another party's delegation", async () => {
    const members = (await (await call(testApp, `GET ${N}/members`, { as: mediator })).json()) as {
      items: { id: string; userId: string }[];
    };
    const ukraineLeadSeat = members.items.find((member) => member.userId === DEMO_ACCOUNTS.ukraine.id);
    const response = await call(testApp, `POST ${N}/members/${ukraineLeadSeat?.id}/end`, {
      as: mediator,
      body: { validTo: '2025-12-05T12:00:00.000Z' },
    });
    expect(response.status).toBe(403);
  });

  it("refuses the mediator an immediate change of another party's lead; the lead keeps access", async () => {
    const response = await call(testApp, `POST ${N}/parties/${UKRAINE}/lead`, {
      as: mediator,
      body: { userId: successorId },
    });
    expect(response.status).toBe(403);
    expect((await call(testApp, `GET ${N}/audit`, { as: ukraine })).status).toBe(200);
    expect(await seatsOf(successorId)).toEqual([]);
  });

  it('applies a proposed hand-over only once the party accepts it, hidden from other parties meanwhile', async () => {
    const proposed = await call(testApp, `POST ${N}/parties/${UKRAINE}/lead-handovers`, {
      as: mediator,
      body: { userId: successorId, title: 'Head of delegation', validFrom: '2025-12-05T12:00:00.000Z' },
    });
    expect(proposed.status).toBe(201);
    const handover = (await proposed.json()) as Handover;
    expect(handover.state).toBe('pending');
    expect(await seatsOf(successorId)).toEqual([]);
    expect(
      (await call(testApp, `GET ${N}/records/${UKRAINE_DELEGATION_RECORD}`, { as: ukraine })).status,
    ).toBe(200);

    const russiaList = (await (await call(testApp, `GET ${N}/lead-handovers`, { as: russia })).json()) as {
      items: Handover[];
    };
    expect(russiaList.items).toEqual([]);
    const russiaDecides = await call(testApp, `POST ${N}/lead-handovers/${handover.id}/decision`, {
      as: russia,
      body: { decision: 'accept', baseRevision: 1 },
    });
    expect(russiaDecides.status).toBe(404);
    const mediatorAccepts = await call(testApp, `POST ${N}/lead-handovers/${handover.id}/decision`, {
      as: mediator,
      body: { decision: 'accept', baseRevision: 1 },
    });
    expect(mediatorAccepts.status).toBe(403);

    const accepted = await call(testApp, `POST ${N}/lead-handovers/${handover.id}/decision`, {
      as: ukraine,
      body: { decision: 'accept', baseRevision: 1 },
    });
    expect(accepted.status).toBe(200);
    expect(((await accepted.json()) as Handover).state).toBe('accepted');
    expect(await seatsOf(successorId)).toMatchObject([{ partyId: UKRAINE, function: 'lead', validTo: null }]);
    // The former lead lost access from that moment; the successor has it.
    expect((await call(testApp, `GET ${N}`, { as: ukraine })).status).toBe(404);
    const successor = await signIn(testApp, 'successor@example.org', 'successor password');
    expect(
      (await call(testApp, `GET ${N}/records/${UKRAINE_DELEGATION_RECORD}`, { as: successor })).status,
    ).toBe(200);

    const again = await call(testApp, `POST ${N}/lead-handovers/${handover.id}/decision`, {
      as: successor,
      body: { decision: 'decline', baseRevision: 1 },
    });
    expect(again.status).toBe(409);
  });

  it('changes nothing when the party declines', async () => {
    // The former lead of Ukraine: someone the mediator has sat with, so it may propose them.
    const candidate = DEMO_ACCOUNTS.ukraineFormer.id;
    const seatsBefore = await seatsOf(candidate);
    const proposed = (await (
      await call(testApp, `POST ${N}/parties/${DEMO_PARTIES.russia.id}/lead-handovers`, {
        as: mediator,
        body: { userId: candidate, validFrom: '2025-12-06T00:00:00.000Z' },
      })
    ).json()) as Handover;
    const declined = await call(testApp, `POST ${N}/lead-handovers/${proposed.id}/decision`, {
      as: russia,
      body: { decision: 'decline', baseRevision: proposed.revision },
    });
    expect(((await declined.json()) as Handover).state).toBe('declined');
    expect(await seatsOf(candidate)).toEqual(seatsBefore);
    expect((await call(testApp, `GET ${N}`, { as: russia })).status).toBe(200);
    // A stranger to the mediator (an account it has never sat with) is answered as no account.
    const stranger = await call(testApp, `POST ${N}/parties/${DEMO_PARTIES.russia.id}/lead-handovers`, {
      as: mediator,
      body: { userId: DEMO_ACCOUNTS.outsider.id, validFrom: '2025-12-06T00:00:00.000Z' },
    });
    expect(stranger.status).toBe(404);
  });

  it("lets the mediator seat a new party's first lead, and nothing after that", async () => {
    const party = (await (
      await call(testApp, `POST ${N}/parties`, { as: mediator, body: { name: 'Türkiye', role: 'observer' } })
    ).json()) as { id: string };
    const first = await createUser(testApp.deps, {
      email: 'turkiye@example.org',
      displayName: 'Türkiye lead',
      password: 'turkiye password',
    });
    const other = await createUser(testApp.deps, {
      email: 'second@example.org',
      displayName: 'Second',
      password: 'second password',
    });
    await meet(testApp, mediator, {
      signedIn: await signIn(testApp, 'turkiye@example.org', 'turkiye password'),
      email: 'turkiye@example.org',
    });
    const staleInvitation = (await (
      await call(testApp, `POST ${N}/parties/${party.id}/invitations`, {
        as: mediator,
        body: { email: 'second@example.org', function: 'lead' },
      })
    ).json()) as { token: string };
    const delegate = await call(testApp, `POST ${N}/parties/${party.id}/members`, {
      as: mediator,
      body: { userId: first.id, function: 'delegate' },
    });
    expect(delegate.status).toBe(403);
    const lead = await call(testApp, `POST ${N}/parties/${party.id}/members`, {
      as: mediator,
      body: { userId: first.id, function: 'lead' },
    });
    expect(lead.status).toBe(201);
    const secondLead = await call(testApp, `POST ${N}/parties/${party.id}/members`, {
      as: mediator,
      body: { userId: other.id, function: 'lead' },
    });
    expect(secondLead.status).toBe(403);
    // The invitation sent while the party had no lead is void now that it has one.
    const late = await signIn(testApp, 'second@example.org', 'second password');
    const redeemed = await call(testApp, 'POST /api/invitations/accept', {
      as: late,
      body: { token: staleInvitation.token },
    });
    expect(redeemed.status).toBe(410);
    // The invitee is told why, not that the invitation is unknown.
    expect(((await redeemed.json()) as { detail: string }).detail).toBe(
      'This invitation was for the lead of Türkiye, which has a lead now: ask them, or the mediator, for a new invitation.',
    );
    expect(await seatsOf(other.id)).toEqual([]);
  });

  // A security probe: a first lead seated with an end date left the party leadless once it ran
  // out, the mediator's set-up right came back, and it seated a lead of its own choosing (an
  // address it had registered itself) who read the delegation's internal records.
  it("refuses a lead seat an end date, and never gives the mediator a party's lead once it had one", async () => {
    const party = (await (
      await call(testApp, `POST ${N}/parties`, { as: mediator, body: { name: 'Freeland', role: 'party' } })
    ).json()) as { id: string };
    const first = await createUser(testApp.deps, {
      email: 'freeland@example.org',
      displayName: 'Freeland lead',
      password: 'freeland password',
    });
    await meet(testApp, mediator, {
      signedIn: await signIn(testApp, 'freeland@example.org', 'freeland password'),
      email: 'freeland@example.org',
    });
    const fixedTerm = await call(testApp, `POST ${N}/parties/${party.id}/members`, {
      as: mediator,
      body: { userId: first.id, function: 'lead', validTo: new Date(Date.now() + 60_000).toISOString() },
    });
    expect(fixedTerm.status).toBe(400);
    expect(JSON.stringify(await fixedTerm.json())).toContain("A lead's seat has no end date");
    expect(await seatsOf(first.id)).toEqual([]);

    // A lead seat that ran out all the same (written before leads had no end date).
    await insertMember(handle.db, {
      id: MemberIdSchema.parse('00000000-0000-4000-8000-00000000fe01'),
      negotiationId: DEMO_NEGOTIATION.id,
      partyId: PartyIdSchema.parse(party.id),
      userId: first.id,
      function: 'lead',
      title: '',
      validFrom: new Date(Date.now() - 120_000).toISOString(),
      validTo: new Date(Date.now() - 60_000).toISOString(),
    });
    const seatsBefore = await seatsOf(successorId);
    const puppet = await call(testApp, `POST ${N}/parties/${party.id}/members`, {
      as: mediator,
      body: { userId: successorId, function: 'lead' },
    });
    expect(puppet.status).toBe(403);
    const invitation = await call(testApp, `POST ${N}/parties/${party.id}/invitations`, {
      as: mediator,
      body: { email: 'puppet@example.org', function: 'lead' },
    });
    expect(invitation.status).toBe(403);
    expect(await seatsOf(successorId)).toEqual(seatsBefore);
  });

  it('keeps the mediator out of a leadless delegation as its first lead: one delegation per person', async () => {
    const party = (await (
      await call(testApp, `POST ${N}/parties`, { as: mediator, body: { name: 'Qatar', role: 'observer' } })
    ).json()) as { id: string };
    const response = await call(testApp, `POST ${N}/parties/${party.id}/members`, {
      as: mediator,
      body: { userId: DEMO_ACCOUNTS.mediator.id, function: 'lead' },
    });
    expect(response.status).toBe(409);
    expect(await seatsOf(DEMO_ACCOUNTS.mediator.id)).toHaveLength(1);
  });
});

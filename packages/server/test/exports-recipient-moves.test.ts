import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_NEGOTIATION, DEMO_PARTIES, DEMO_RECORDS } from '../src/demo';
import { createUser } from '../src/services/accounts';
import type { DatabaseHandle } from '../src/storage/database';
import { seedDemo, signInAs } from './helpers/demo-fixture';
import { API_DATABASE_KINDS, openTestDatabase } from './helpers/each-database';
import { call, signIn, type SignedIn } from './helpers/session';
import { createTestApp, type TestApp } from './helpers/test-app';

// A security probe: a Ukrainian delegate took a copy of Ukraine's internal note, left the
// delegation and was seated by Russia. The note itself answered 404, but its copy still downloaded
// (the recipient could fetch while seated anywhere in the negotiation), and the audit entry of
// the copies they took for Russia went to Ukraine's log (placed by their first seat ever).

type AuditEntry = { action: string; subjectId: string | null };

const N = `/api/negotiations/${DEMO_NEGOTIATION.id}`;
const ukrainesNote = DEMO_RECORDS.find(
  (record) => record.party === 'ukraine' && record.classification === 'delegation',
);

describe.each(API_DATABASE_KINDS)('a copy whose recipient moved to another delegation, on %s', (kind) => {
  let handle: DatabaseHandle;
  let testApp: TestApp;
  let ukraine: SignedIn;
  let russia: SignedIn;
  let mediator: SignedIn;
  let mover: SignedIn;
  let noteCopyId: string;
  let ukraineEraSummaryId: string;
  let russiaEraCopyId: string;

  const exported = async (body: Record<string, unknown>) => {
    const response = await call(testApp, `POST ${N}/exports`, {
      as: mover,
      body: { format: 'pdf', ...body },
    });
    expect(response.status).toBe(201);
    return ((await response.json()) as { id: string }).id;
  };
  const download = (as: SignedIn, exportId: string) =>
    call(testApp, `GET ${N}/exports/${exportId}/file`, { as });
  const auditOf = async (as: SignedIn) => {
    const entries: AuditEntry[] = [];
    let cursor: string | null = null;
    do {
      const response = await call(
        testApp,
        `GET ${N}/audit?limit=100${cursor === null ? '' : `&cursor=${cursor}`}`,
        {
          as,
        },
      );
      expect(response.status).toBe(200);
      const page = (await response.json()) as { items: AuditEntry[]; nextCursor: string | null };
      entries.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor !== null);
    return entries;
  };

  beforeAll(async () => {
    if (ukrainesNote === undefined) throw new Error('expected a Ukrainian internal note in the demo');
    handle = await openTestDatabase(kind);
    testApp = createTestApp(handle.db);
    await seedDemo(handle.db);
    const sessions = await Promise.all([
      signInAs(testApp, 'ownDelegation'),
      signInAs(testApp, 'otherParty'),
      signInAs(testApp, 'mediator'),
    ]);
    const [u, r, m] = sessions;
    if (u === null || r === null || m === null) throw new Error('expected sessions');
    [ukraine, russia, mediator] = [u, r, m];
    const email = 'mover@example.org';
    const password = 'mover password';
    const account = await createUser(testApp.deps, { email, displayName: 'Mover', password });
    mover = await signIn(testApp, email, password);
    const invited = await call(testApp, `POST ${N}/parties/${DEMO_PARTIES.ukraine.id}/invitations`, {
      as: ukraine,
      body: { email, function: 'delegate' },
    });
    const { token } = (await invited.json()) as { token: string };
    const accepted = await call(testApp, 'POST /api/invitations/accept', { as: mover, body: { token } });
    expect(accepted.status).toBe(201);
    const seat = (await accepted.json()) as { id: string };

    noteCopyId = await exported({ kind: 'record', recordId: ukrainesNote.id });
    ukraineEraSummaryId = await exported({ kind: 'negotiation-summary', format: 'markdown' });
    expect((await download(mover, noteCopyId)).status).toBe(200);

    testApp.clock.advance(60_000);
    const ended = await call(testApp, `POST ${N}/members/${seat.id}/end`, {
      as: ukraine,
      body: { validTo: testApp.clock.now().toISOString() },
    });
    expect(ended.status).toBe(200);
    testApp.clock.advance(60_000);
    const seated = await call(testApp, `POST ${N}/parties/${DEMO_PARTIES.russia.id}/members`, {
      as: russia,
      body: { userId: account.id, function: 'delegate', title: 'Adviser' },
    });
    expect(seated.status).toBe(201);
    russiaEraCopyId = await exported({ kind: 'negotiation-summary', format: 'markdown' });
  });
  afterAll(async () => handle.close());

  it("no longer gives them the copy of their former delegation's internal note, exactly as a missing copy", async () => {
    expect((await call(testApp, `GET ${N}/records/${ukrainesNote?.id}`, { as: mover })).status).toBe(404);
    const copy = await download(mover, noteCopyId);
    const missing = await download(mover, '00000000-0000-4000-8000-00000000dead');
    expect(copy.status).toBe(404);
    expect(await copy.text()).toBe(
      (await missing.text()).replace('00000000-0000-4000-8000-00000000dead', noteCopyId),
    );
  });

  it('no longer gives them any copy made while they sat for their former delegation, nor lists it', async () => {
    expect((await download(mover, ukraineEraSummaryId)).status).toBe(404);
    const register = (await (await call(testApp, `GET ${N}/exports`, { as: mover })).json()) as {
      items: { id: string }[];
    };
    expect(register.items.map((item) => item.id)).toEqual([russiaEraCopyId]);
  });

  it('still gives them the copies they take for their new delegation', async () => {
    expect((await download(mover, russiaEraCopyId)).status).toBe(200);
  });

  it("leaves the mediator staff's access to the copies as before", async () => {
    expect((await download(mediator, noteCopyId)).status).toBe(404);
    expect((await download(mediator, ukraineEraSummaryId)).status).toBe(200);
    expect((await download(mediator, russiaEraCopyId)).status).toBe(200);
  });

  it('puts each copy in the log of the delegation its recipient sat for when it was made', async () => {
    const copiesIn = async (as: SignedIn) =>
      (await auditOf(as))
        .filter((entry) => entry.action === 'export.create')
        .map((entry) => entry.subjectId)
        .filter((id) => [noteCopyId, ukraineEraSummaryId, russiaEraCopyId].includes(id ?? ''));
    expect((await copiesIn(ukraine)).sort()).toEqual([noteCopyId, ukraineEraSummaryId].sort());
    expect(await copiesIn(russia)).toEqual([russiaEraCopyId]);
  });
});

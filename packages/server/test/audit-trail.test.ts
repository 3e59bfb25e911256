import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../src/audit';
import { DEMO_NEGOTIATION, DEMO_PARTIES, DEMO_RECORDS } from '../src/demo';
import type { DatabaseHandle } from '../src/storage/database';
import { seedDemo, signInAs } from './helpers/demo-fixture';
import { API_DATABASE_KINDS, openTestDatabase } from './helpers/each-database';
import { call, type SignedIn } from './helpers/session';
import { createTestApp, type TestApp } from './helpers/test-app';

// Every write and every read of restricted material leaves one hash-chained audit entry.

describe.each(API_DATABASE_KINDS)('audit trail of the API on %s', (databaseKind) => {
  let handle: DatabaseHandle;
  let testApp: TestApp;
  let ukraine: SignedIn;
  const N = `/api/negotiations/${DEMO_NEGOTIATION.id}`;

  beforeAll(async () => {
    handle = await openTestDatabase(databaseKind);
    testApp = createTestApp(handle.db);
    await seedDemo(handle.db);
    const session = await signInAs(testApp, 'ownDelegation');
    if (session === null) throw new Error('session');
    ukraine = session;
  });
  afterAll(async () => handle.close());

  /** Entries appended while `run` executes. */
  const entriesDuring = async (run: () => Promise<unknown>) => {
    const before = await handle.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .executeTakeFirstOrThrow();
    await run();
    const rows = await handle.db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
    return rows.slice(Number(before.count)).map((row) => ({
      action: row.action,
      actorId: row.actor_id,
      subjectId: row.subject_id,
      detail:
        typeof row.detail === 'string'
          ? (JSON.parse(row.detail) as Record<string, unknown>)
          : (row.detail as Record<string, unknown>),
    }));
  };

  it('records reading a restricted record, by whom, and not reading a public one', async () => {
    const restricted = DEMO_RECORDS[3];
    const publicRecord = DEMO_RECORDS[0];
    if (restricted === undefined || publicRecord === undefined) throw new Error('fixture');
    const entries = await entriesDuring(async () => {
      expect((await call(testApp, `GET ${N}/records/${restricted.id}`, { as: ukraine })).status).toBe(200);
      expect((await call(testApp, `GET ${N}/records/${publicRecord.id}`, { as: ukraine })).status).toBe(200);
    });
    expect(entries).toEqual([
      {
        action: 'record.read',
        actorId: ukraine.userId,
        subjectId: restricted.id,
        detail: { classification: 'delegation' },
      },
    ]);
  });

  it('records which restricted records a list revealed', async () => {
    const entries = await entriesDuring(async () => call(testApp, `GET ${N}/records`, { as: ukraine }));
    expect(entries).toHaveLength(1);
    expect(entries[0]?.action).toBe('record.list');
    expect((entries[0]?.detail.recordIds as string[]).sort()).toEqual(
      [DEMO_RECORDS[1]?.id, DEMO_RECORDS[2]?.id, DEMO_RECORDS[3]?.id].sort(),
    );
  });

  it('records each write once, with its actor', async () => {
    const entries = await entriesDuring(async () => {
      await call(testApp, `POST ${N}/records`, {
        as: ukraine,
        body: {
          owningPartyId: DEMO_PARTIES.ukraine.id,
          kind: 'memo',
          classification: 'mediator',
          title: 'Audit me',
          body: '',
        },
      });
      await call(testApp, `POST ${N}/parties/${DEMO_PARTIES.ukraine.id}/invitations`, {
        as: ukraine,
        body: { email: 'audit@example.org', function: 'analyst' },
      });
      await call(testApp, 'POST /api/tokens', { as: ukraine, body: { label: 'audit' } });
    });
    expect(entries.map((entry) => [entry.action, entry.actorId])).toEqual([
      ['record.create', ukraine.userId],
      ['invitation.create', ukraine.userId],
      ['token.create', ukraine.userId],
    ]);
  });

  it('records failed sign-ins, and a refused write leaves no entry', async () => {
    const entries = await entriesDuring(async () => {
      await call(testApp, 'POST /api/auth/login', {
        body: { email: 'ukraine@demo.parley', password: 'not the password' },
      });
      await call(testApp, `POST ${N}/deadlines`, {
        as: ukraine,
        body: { title: 'Not mine to set', dueAt: '2025-12-10T00:00:00Z' },
      });
    });
    expect(entries.map((entry) => entry.action)).toEqual(['auth.login-failed']);
  });

  it('keeps the chain intact through all of it', async () => {
    expect(await verifyAuditChain(handle.db)).toMatchObject({ ok: true });
  });
});

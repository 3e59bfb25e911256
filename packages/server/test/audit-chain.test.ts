import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { recordAudit, verifyAuditChain } from '../src/audit';
import type { DatabaseHandle } from '../src/storage/database';
import { DATABASE_KINDS, openTestDatabase } from './helpers/each-database';

// These tests play the attacker with direct SQL: the append-only trigger must first be disabled,
// which is exactly what a superuser covering their tracks would do.

const NEGOTIATION = '00000000-0000-4000-8000-00000000aaaa';

async function appendEntries(handle: DatabaseHandle, count: number): Promise<void> {
  for (let index = 1; index <= count; index++) {
    await handle.db.transaction().execute((tx) =>
      recordAudit(tx, {
        actorId: null,
        action: index % 2 === 0 ? 'record.read' : 'record.create',
        subjectType: 'record',
        subjectId: `record-${index}`,
        negotiationId: NEGOTIATION,
        detail: { index, zeta: 'z', alpha: ['a', { nested: index }] },
        at: new Date(Date.UTC(2025, 10, 20, 9, index)),
      }),
    );
  }
}

// The database owner can switch off the triggers of both tables (migration 0070 guards the head
// too); what the chain alone still catches is tested here, the rest against checkpoints.
async function asAttacker(handle: DatabaseHandle, statement: ReturnType<typeof sql>): Promise<void> {
  await sql`ALTER TABLE audit_log DISABLE TRIGGER USER`.execute(handle.db);
  await sql`ALTER TABLE audit_head DISABLE TRIGGER USER`.execute(handle.db);
  await statement.execute(handle.db);
  await sql`ALTER TABLE audit_head ENABLE TRIGGER USER`.execute(handle.db);
  await sql`ALTER TABLE audit_log ENABLE TRIGGER USER`.execute(handle.db);
}

describe.each(DATABASE_KINDS)('the audit chain on %s', (databaseKind) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await openTestDatabase(databaseKind);
  });
  afterAll(async () => handle.close());
  beforeEach(async () => {
    await asAttacker(handle, sql`TRUNCATE audit_log, audit_head`);
    await appendEntries(handle, 6);
  });

  it('verifies an untouched chain and counts its entries', async () => {
    expect(await verifyAuditChain(handle.db)).toEqual({ ok: true, entries: 6 });
  });

  it('refuses UPDATE, DELETE and TRUNCATE while the append-only trigger is on', async () => {
    await expect(sql`UPDATE audit_log SET action = 'x' WHERE seq = 2`.execute(handle.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`DELETE FROM audit_log WHERE seq = 2`.execute(handle.db)).rejects.toThrow(/append-only/);
    await expect(sql`TRUNCATE audit_log`.execute(handle.db)).rejects.toThrow(/append-only/);
    expect(await verifyAuditChain(handle.db)).toEqual({ ok: true, entries: 6 });
  });

  it('names the first edited entry when a field is changed', async () => {
    await asAttacker(
      handle,
      sql`UPDATE audit_log SET actor_id = ${'00000000-0000-4000-8000-0000000000ff'} WHERE seq = 3`,
    );
    expect(await verifyAuditChain(handle.db)).toMatchObject({
      ok: false,
      firstBrokenSeq: 3,
      reason: expect.stringMatching(/altered/),
    });
  });

  it('detects an edit inside the jsonb detail', async () => {
    await asAttacker(
      handle,
      sql`UPDATE audit_log SET detail = jsonb_set(detail, '{zeta}', '"y"') WHERE seq = 5`,
    );
    expect(await verifyAuditChain(handle.db)).toMatchObject({ ok: false, firstBrokenSeq: 5 });
  });

  it('detects an edit that also recomputes the edited entry’s own hash', async () => {
    await asAttacker(
      handle,
      sql`UPDATE audit_log SET hash = ${'f'.repeat(64)}, action = 'record.create' WHERE seq = 2`,
    );
    // Entry 2 no longer matches itself; had the attacker forged a valid hash, entry 3 would name it.
    expect(await verifyAuditChain(handle.db)).toMatchObject({ ok: false, firstBrokenSeq: 2 });
  });

  it('names the gap when an entry in the middle is deleted', async () => {
    await asAttacker(handle, sql`DELETE FROM audit_log WHERE seq = 4`);
    expect(await verifyAuditChain(handle.db)).toMatchObject({
      ok: false,
      firstBrokenSeq: 4,
      reason: expect.stringMatching(/missing/),
    });
  });

  it('detects a deletion that renumbers the later entries to close the gap', async () => {
    await asAttacker(handle, sql`DELETE FROM audit_log WHERE seq = 4`);
    await asAttacker(handle, sql`UPDATE audit_log SET seq = seq - 1 WHERE seq > 4`);
    expect(await verifyAuditChain(handle.db)).toMatchObject({ ok: false, firstBrokenSeq: 4 });
  });

  it('detects entries cut from the end of the log', async () => {
    await asAttacker(handle, sql`DELETE FROM audit_log WHERE seq >= 5`);
    expect(await verifyAuditChain(handle.db)).toMatchObject({
      ok: false,
      firstBrokenSeq: 5,
      reason: expect.stringMatching(/removed from the end/),
    });
  });

  it('detects two entries swapped in order', async () => {
    await asAttacker(handle, sql`UPDATE audit_log SET seq = -2 WHERE seq = 2`);
    await asAttacker(handle, sql`UPDATE audit_log SET seq = 2 WHERE seq = 3`);
    await asAttacker(handle, sql`UPDATE audit_log SET seq = 3 WHERE seq = -2`);
    expect(await verifyAuditChain(handle.db)).toMatchObject({ ok: false, firstBrokenSeq: 2 });
  });

  it('keeps one unbroken chain when writers append concurrently', async () => {
    await Promise.all(
      Array.from({ length: 12 }, (_, index) =>
        handle.db.transaction().execute((tx) =>
          recordAudit(tx, {
            actorId: null,
            action: 'note.create',
            subjectType: 'note',
            subjectId: `c${index}`,
            negotiationId: null,
          }),
        ),
      ),
    );
    expect(await verifyAuditChain(handle.db)).toEqual({ ok: true, entries: 18 });
  });

  it('leaves no entry behind when the audited transaction rolls back', async () => {
    await expect(
      handle.db.transaction().execute(async (tx) => {
        await recordAudit(tx, {
          actorId: null,
          action: 'record.create',
          subjectType: 'record',
          subjectId: 'lost',
          negotiationId: null,
        });
        throw new Error('the write failed after its audit entry');
      }),
    ).rejects.toThrow(/write failed/);
    expect(await verifyAuditChain(handle.db)).toEqual({ ok: true, entries: 6 });
  });
});

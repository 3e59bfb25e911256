import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../src/audit';
import { GENESIS_HASH, hashAuditEntry, makeAuditSalt } from '../src/audit/hash-entry';
import { recordAudits } from '../src/audit/record-audit';
import { appendAuditEntries, findAuditHead } from '../src/storage/audit-log';
import { openDatabase, type DatabaseHandle } from '../src/storage/database';
import { auditedRead } from './helpers/audit-entries';
import { DATABASE_KINDS, openTestDatabase } from './helpers/each-database';

// Issue #15: an append is one call (`audit_append`, migration 0230) onto the head the server
// believes is current. A wrong belief (another process appended, a transaction rolled back) must
// cost a retry, never a fork, a gap or a lost entry.

const NEGOTIATION = '00000000-0000-4000-8000-00000000cccc';
const entry = (index: number) => auditedRead(NEGOTIATION, index);

const subjects = async (handle: DatabaseHandle) =>
  (
    await sql<{ subject_id: string }>`SELECT subject_id FROM audit_log ORDER BY seq`.execute(handle.db)
  ).rows.map((row) => row.subject_id);

/** An entry chained to the current head, appended as another writer would. */
async function appendAsAnotherWriter(handle: DatabaseHandle, index: number): Promise<void> {
  const head = await findAuditHead(handle.db);
  const fields = {
    ...entry(index),
    seq: (head?.seq ?? 0) + 1,
    at: new Date(),
    prevHash: head?.hash ?? GENESIS_HASH,
    salt: makeAuditSalt(),
  };
  const result = await appendAuditEntries(handle.db, head, [{ ...fields, hash: hashAuditEntry(fields) }]);
  expect(result.appended).toBe(true);
}

describe.each(DATABASE_KINDS)('appending to the audit chain on %s', (databaseKind) => {
  let handle: DatabaseHandle & { url?: string };
  beforeAll(async () => {
    handle = await openTestDatabase(databaseKind);
  });
  afterAll(async () => handle.close());

  it('writes nothing onto a head it was not given, and names the real head', async () => {
    await recordAudits(handle.db, [entry(1)]);
    const head = await findAuditHead(handle.db);
    const stale = { seq: (head?.seq ?? 0) - 1, hash: 'not-the-head' };
    const fields = {
      ...entry(2),
      seq: stale.seq + 1,
      at: new Date(),
      detail: {},
      prevHash: stale.hash,
      salt: makeAuditSalt(),
    };
    const result = await appendAuditEntries(handle.db, stale, [{ ...fields, hash: hashAuditEntry(fields) }]);
    expect(result).toEqual({ appended: false, head });
    expect(await findAuditHead(handle.db)).toEqual(head);
    expect(await subjects(handle)).toEqual(['record-1']);
  });

  it('chains onto entries another writer appended since this server last looked', async () => {
    await recordAudits(handle.db, [entry(3)]);
    await appendAsAnotherWriter(handle, 4);
    await recordAudits(handle.db, [entry(5), entry(6)]);
    // Inside a transaction, the miss takes the chain's lock: the second try cannot miss.
    await appendAsAnotherWriter(handle, 7);
    await handle.db.transaction().execute((tx) => recordAudits(tx, [entry(8)]));
    expect(await verifyAuditChain(handle.db)).toMatchObject({ ok: true });
    expect((await subjects(handle)).slice(-6)).toEqual([3, 4, 5, 6, 7, 8].map((i) => `record-${i}`));
  });

  it('leaves no gap after a transaction that appended rolled back', async () => {
    const before = await findAuditHead(handle.db);
    await expect(
      handle.db.transaction().execute(async (tx) => {
        await recordAudits(tx, [entry(9)]);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await findAuditHead(handle.db)).toEqual(before);
    await recordAudits(handle.db, [entry(10)]);
    expect(await findAuditHead(handle.db)).toMatchObject({ seq: (before?.seq ?? 0) + 1 });
    expect(await verifyAuditChain(handle.db)).toMatchObject({ ok: true });
    expect(await subjects(handle)).not.toContain('record-9');
  });

  it('keeps every one of many appends made at once, each chained to the one before', async () => {
    const before = (await findAuditHead(handle.db))?.seq ?? 0;
    const indexes = Array.from({ length: 40 }, (_, index) => 100 + index);
    await Promise.all(indexes.map((index) => recordAudits(handle.db, [entry(index)])));
    expect((await findAuditHead(handle.db))?.seq).toBe(before + indexes.length);
    expect(await verifyAuditChain(handle.db)).toMatchObject({ ok: true });
    expect(new Set((await subjects(handle)).slice(before))).toEqual(
      new Set(indexes.map((i) => `record-${i}`)),
    );
  });
});

describe.runIf(DATABASE_KINDS.includes('postgres'))('two servers appending to one chain', () => {
  let handle: DatabaseHandle & { url?: string };
  beforeAll(async () => {
    handle = await openTestDatabase('postgres');
  });
  afterAll(async () => handle.close());

  it('keeps one chain when both append at once, each with its own idea of the head', async () => {
    const other = await openDatabase({ databaseUrl: handle.url ?? '' });
    try {
      await recordAudits(handle.db, [entry(0)]);
      await Promise.all(
        Array.from({ length: 30 }, (_, index) =>
          recordAudits(index % 2 === 0 ? handle.db : other.db, [entry(200 + index)]),
        ),
      );
      expect((await findAuditHead(handle.db))?.seq).toBe(31);
      expect(await verifyAuditChain(handle.db)).toMatchObject({ ok: true });
    } finally {
      await other.close();
    }
  });
});

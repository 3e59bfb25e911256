import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordReadAudit, verifyAuditChain } from '../src/audit';
import { recordAudits } from '../src/audit/record-audit';
import type { DatabaseHandle } from '../src/storage/database';
import { auditedRead } from './helpers/audit-entries';
import { DATABASE_KINDS, openTestDatabase } from './helpers/each-database';

// Audited reads are appended in batches, one take of the chain's lock and one move of the head per
// batch (issue #15). The chain must prove exactly what it proved one entry at a time.

const NEGOTIATION = '00000000-0000-4000-8000-00000000bbbb';

const read = (index: number) => auditedRead(NEGOTIATION, index);

const headSeq = async (handle: DatabaseHandle) =>
  Number((await sql<{ seq: string }>`SELECT seq FROM audit_head`.execute(handle.db)).rows[0]?.seq ?? 0);

describe.each(DATABASE_KINDS)('audit entries in batches on %s', (databaseKind) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await openTestDatabase(databaseKind);
  });
  afterAll(async () => handle.close());

  it('appends a batch chained one entry to the next, and moves the head over all of it', async () => {
    const before = await headSeq(handle);
    await handle.db.transaction().execute((tx) => recordAudits(tx, [1, 2, 3, 4, 5].map(read)));
    expect(await headSeq(handle)).toBe(before + 5);
    const report = await verifyAuditChain(handle.db);
    expect(report).toMatchObject({ ok: true });
    const subjects = await sql<{ subject_id: string }>`
      SELECT subject_id FROM audit_log WHERE seq > ${before} ORDER BY seq`.execute(handle.db);
    expect(subjects.rows.map((row) => row.subject_id)).toEqual([1, 2, 3, 4, 5].map((i) => `record-${i}`));
  });

  it('gives every one of many concurrent reads its own entry, and the chain still verifies', async () => {
    const before = await headSeq(handle);
    await Promise.all(
      Array.from({ length: 60 }, (_, index) => recordReadAudit(handle.db, read(100 + index))),
    );
    expect(await headSeq(handle)).toBe(before + 60);
    expect(await verifyAuditChain(handle.db)).toMatchObject({ ok: true });
  });

  it('gathers a read that arrives just after a batch with the ones that follow it', async () => {
    // A batch has just ended, so the batcher is busy: the next read waits for company.
    await recordReadAudit(handle.db, read(500));
    const before = await headSeq(handle);
    // Issued one after the other: without gathering, the first would start its batch at once,
    // alone, and the second would go into the next transaction.
    const first = recordReadAudit(handle.db, read(501));
    const second = recordReadAudit(handle.db, read(502));
    await Promise.all([first, second]);
    // Rows appended by one transaction share its xmin.
    const transactions = await sql<{ count: string }>`
      SELECT count(DISTINCT xmin::text) AS count FROM audit_log WHERE seq > ${before}`.execute(handle.db);
    expect(Number(transactions.rows[0]?.count)).toBe(1);
    expect(await headSeq(handle)).toBe(before + 2);
    expect(await verifyAuditChain(handle.db)).toMatchObject({ ok: true });
  });

  it('refuses to move the head over a gap, or to an entry not chained to the ones before', async () => {
    const seq = await headSeq(handle);
    const last = (
      await sql<{ hash: string }>`SELECT hash FROM audit_log WHERE seq = ${seq}`.execute(handle.db)
    ).rows[0]?.hash;
    // A stray row two ahead of the head (a gap at seq + 1), then one at seq + 1 naming a wrong predecessor.
    await sql`INSERT INTO audit_log (seq, at, action, subject_type, detail, prev_hash, hash)
      VALUES (${seq + 2}, now(), 'record.read', 'record', '{}', ${last}, 'stray-2')`.execute(handle.db);
    await expect(
      sql`UPDATE audit_head SET seq = ${seq + 2}, hash = 'stray-2'`.execute(handle.db),
    ).rejects.toThrow(/chained/);
    await sql`INSERT INTO audit_log (seq, at, action, subject_type, detail, prev_hash, hash)
      VALUES (${seq + 1}, now(), 'record.read', 'record', '{}', 'not-the-head', 'stray-1')`.execute(
      handle.db,
    );
    await expect(
      sql`UPDATE audit_head SET seq = ${seq + 1}, hash = 'stray-1'`.execute(handle.db),
    ).rejects.toThrow(/chained/);
    await expect(sql`UPDATE audit_head SET seq = ${seq - 1}`.execute(handle.db)).rejects.toThrow(/forward/);
    expect(await headSeq(handle)).toBe(seq);
  });
});

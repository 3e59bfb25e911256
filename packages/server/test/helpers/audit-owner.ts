import { sql } from 'kysely';
import { hashAuditEntry } from '../../src/audit/hash-entry';
import { listAuditEntries } from '../../src/storage/audit-log';
import type { Database } from '../../src/storage/database';

/** What the database owner (not only a superuser) can do: switch the append-only guards off, work, switch them on. */
export async function asOwner(db: Database, work: () => Promise<void>): Promise<void> {
  await sql`ALTER TABLE audit_log DISABLE TRIGGER USER`.execute(db);
  await sql`ALTER TABLE audit_head DISABLE TRIGGER USER`.execute(db);
  await work();
  await sql`ALTER TABLE audit_log ENABLE TRIGGER USER`.execute(db);
  await sql`ALTER TABLE audit_head ENABLE TRIGGER USER`.execute(db);
}

/**
 * The owner's thorough rewrite: entry `seq` gets another subject, and its hash, every later hash
 * and the head are recomputed, so the hash chain verifies again. Only a checkpoint kept from
 * before can tell.
 */
export async function rewriteChainFrom(db: Database, seq: number, subjectId: string): Promise<void> {
  await asOwner(db, async () => {
    const entries = await listAuditEntries(db, { afterSeq: seq - 1, limit: 100_000 });
    let previous = entries[0]?.prevHash ?? '';
    for (const entry of entries) {
      const { hash: _old, ...fields } = entry;
      const forged = {
        ...fields,
        prevHash: previous,
        subjectId: entry.seq === seq ? subjectId : entry.subjectId,
      };
      const hash = hashAuditEntry(forged);
      await sql`UPDATE audit_log SET subject_id = ${forged.subjectId}, prev_hash = ${previous}, hash = ${hash}
                WHERE seq = ${String(entry.seq)}`.execute(db);
      previous = hash;
    }
    await sql`UPDATE audit_head SET hash = ${previous}`.execute(db);
  });
}

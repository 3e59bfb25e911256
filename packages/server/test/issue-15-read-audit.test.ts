import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { recordReadAudit, verifyAuditChain } from '../src/audit';
import { API_DATABASE_KINDS, openTestDatabase } from './helpers/each-database';

// Issue #15: audited reads are appended in batches (group commit) instead of one transaction each.
// The chain must stay exactly as strong: every read's entry is there, chained, and committed
// before the read is answered.

describe.each(API_DATABASE_KINDS)('read audit entries appended in batches on %s', (kind) => {
  it('chains every one of many concurrent reads, each committed when its promise resolves', async () => {
    const handle = await openTestDatabase(kind);
    try {
      const reads = Array.from({ length: 60 }, (_, i) =>
        recordReadAudit(handle.db, {
          actorId: null,
          action: 'record.read',
          subjectType: 'record',
          subjectId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
          negotiationId: null,
        }).then(async () => {
          // Answered only once its own entry is visible to any other connection.
          const row = await handle.db
            .selectFrom('audit_log')
            .select('seq')
            .where('subject_id', '=', `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`)
            .executeTakeFirst();
          return row !== undefined;
        }),
      );
      expect(await Promise.all(reads)).toEqual(Array.from({ length: 60 }, () => true));
      expect(await verifyAuditChain(handle.db)).toEqual({ ok: true, entries: 60 });
      const subjects = await sql<{
        n: string;
      }>`SELECT count(DISTINCT subject_id) AS n FROM audit_log`.execute(handle.db);
      expect(Number(subjects.rows[0]?.n)).toBe(60);
    } finally {
      await handle.close();
    }
  }, 120_000);

  it('fails the reads of a batch whose transaction fails, so nothing is served unaudited', async () => {
    const handle = await openTestDatabase(kind);
    try {
      const bad = recordReadAudit(handle.db, {
        actorId: 'not-a-uuid',
        action: 'record.read',
        subjectType: 'record',
        subjectId: null,
        negotiationId: null,
      });
      await expect(bad).rejects.toThrow();
      expect(await verifyAuditChain(handle.db)).toEqual({ ok: true, entries: 0 });
    } finally {
      await handle.close();
    }
  }, 120_000);
});

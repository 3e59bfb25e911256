import { sql, type Kysely, type Migration } from 'kysely';
import { auditAppendMigration } from './0230-audit-append';

/**
 * An inclusion proof shows the leaf hashes of an entry's neighbours, which the caller may not be
 * allowed to see. Every field of such an entry could be guessed (its `prevHash` is the caller's
 * own entry, its time is bracketed, its detail is a few small values), so its hash could be found
 * by trying guesses offline. A secret random salt among the hashed fields makes it unguessable.
 * Entries written before keep a NULL salt and hash as they did (docs/security.md).
 */
export const auditSaltMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`ALTER TABLE audit_log ADD COLUMN salt text`.execute(db);
    // As 0230, but the salt is stored too: without it the entry's hash could not be verified.
    await sql`
      CREATE OR REPLACE FUNCTION audit_append(expected_seq bigint, expected_hash text, entries jsonb)
      RETURNS TABLE (head_seq bigint, head_hash text, appended boolean)
      LANGUAGE plpgsql AS $$
      DECLARE
        current_seq bigint;
        current_hash text;
        last jsonb := entries -> (jsonb_array_length(entries) - 1);
      BEGIN
        -- The same lock as lockAuditChain (storage/audit-log.ts), held until the transaction ends.
        PERFORM pg_advisory_xact_lock(7402913);
        SELECT head.seq, head.hash INTO current_seq, current_hash FROM audit_head head WHERE head.id = 1;
        IF current_seq IS DISTINCT FROM expected_seq OR current_hash IS DISTINCT FROM expected_hash THEN
          RETURN QUERY SELECT current_seq, current_hash, false;
          RETURN;
        END IF;
        INSERT INTO audit_log
          (seq, at, actor_id, action, subject_type, subject_id, negotiation_id, detail, ip, prev_hash, hash, salt)
        SELECT (entry ->> 'seq')::bigint, (entry ->> 'at')::timestamptz, (entry ->> 'actorId')::uuid,
          entry ->> 'action', entry ->> 'subjectType', entry ->> 'subjectId',
          (entry ->> 'negotiationId')::uuid, entry -> 'detail', entry ->> 'ip', entry ->> 'prevHash',
          entry ->> 'hash', entry ->> 'salt'
        FROM jsonb_array_elements(entries) AS entry;
        INSERT INTO audit_head (id, seq, hash) VALUES (1, (last ->> 'seq')::bigint, last ->> 'hash')
        ON CONFLICT (id) DO UPDATE SET seq = EXCLUDED.seq, hash = EXCLUDED.hash;
        RETURN QUERY SELECT (last ->> 'seq')::bigint, last ->> 'hash', true;
      END $$`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`DROP FUNCTION audit_append(bigint, text, jsonb)`.execute(db);
    await auditAppendMigration.up(db);
    await sql`ALTER TABLE audit_log DROP COLUMN salt`.execute(db);
  },
};

import { sql, type Kysely, type Migration } from 'kysely';

/**
 * `audit_head` could be rewritten at will, so cutting the log's tail and moving the head back hid
 * the cut (issue #13). The head may now only advance one entry at a time, to an entry that exists
 * with that hash, and can be neither deleted nor truncated. The database owner can still disable
 * these triggers: what catches them then is a signed checkpoint a party holds (docs/security.md).
 */
export const auditHeadGuardMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`
      CREATE FUNCTION audit_head_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'audit_head cannot be deleted';
        END IF;
        IF TG_OP = 'UPDATE' AND NEW.seq <> OLD.seq + 1 THEN
          RAISE EXCEPTION 'audit_head only moves forward, one entry at a time';
        END IF;
        IF NOT EXISTS (SELECT 1 FROM audit_log WHERE seq = NEW.seq AND hash = NEW.hash) THEN
          RAISE EXCEPTION 'audit_head must name an entry of audit_log';
        END IF;
        RETURN NEW;
      END $$`.execute(db);
    await sql`
      CREATE TRIGGER audit_head_forward_only BEFORE INSERT OR UPDATE OR DELETE ON audit_head
      FOR EACH ROW EXECUTE FUNCTION audit_head_guard()`.execute(db);
    await sql`
      CREATE TRIGGER audit_head_no_truncate BEFORE TRUNCATE ON audit_head
      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_reject_change()`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`DROP TRIGGER audit_head_no_truncate ON audit_head`.execute(db);
    await sql`DROP TRIGGER audit_head_forward_only ON audit_head`.execute(db);
    await sql`DROP FUNCTION audit_head_guard()`.execute(db);
  },
};

import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Reads of restricted material are audited in batches (issue #15): one transaction appends many
 * entries and then moves `audit_head` once. The guard of 0070 allowed one entry per move; it now
 * allows a move over any number of entries, provided each of them exists and is chained to the one
 * before it by `prev_hash`, so the head still cannot go back, skip a gap or name a stray row.
 */
export const auditHeadBatchesMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`
      CREATE OR REPLACE FUNCTION audit_head_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'audit_head cannot be deleted';
        END IF;
        IF TG_OP = 'UPDATE' AND NEW.seq <= OLD.seq THEN
          RAISE EXCEPTION 'audit_head only moves forward';
        END IF;
        IF TG_OP = 'UPDATE' AND (
          SELECT count(*) FROM audit_log entry
          JOIN audit_log before ON before.seq = entry.seq - 1 AND before.hash = entry.prev_hash
          WHERE entry.seq > OLD.seq AND entry.seq <= NEW.seq
        ) <> NEW.seq - OLD.seq THEN
          RAISE EXCEPTION 'audit_head moves only over entries chained one to the next';
        END IF;
        IF NOT EXISTS (SELECT 1 FROM audit_log WHERE seq = NEW.seq AND hash = NEW.hash) THEN
          RAISE EXCEPTION 'audit_head must name an entry of audit_log';
        END IF;
        RETURN NEW;
      END $$`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`
      CREATE OR REPLACE FUNCTION audit_head_guard() RETURNS trigger LANGUAGE plpgsql AS $$
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
  },
};

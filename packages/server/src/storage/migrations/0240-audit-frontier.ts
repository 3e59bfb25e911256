import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Issue #15. A signed checkpoint needs the Merkle root of the whole audit log; a process keeps it
 * in memory and reads on from the last entry it covers, but a new process had to re-hash the whole
 * log for its first checkpoint (2.8–3.2 s per 100,000 entries), and a conference's log grows by
 * that much in an hour. The root's right edge (one hash per 1-bit of the entry count) is kept
 * here, so a process starts from it. It vouches for nothing: the process re-hashes the last entry
 * it names before reading on (docs/security.md), and proofs are still built from the entries.
 */
export const auditFrontierMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`
      CREATE TABLE audit_frontier (
        id smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
        last_seq bigint NOT NULL,
        last_entry_hash text NOT NULL,
        peaks jsonb NOT NULL
      )`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`DROP TABLE audit_frontier`.execute(db);
  },
};

import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Issue #12 item 5: blind bids on a numeric issue. A bidding keeps the range and rule it was opened
 * with; each side's bound is stored only sealed (AES-256-GCM under a key held outside the
 * database, services/bid-seal.ts), and the sealed value is erased at the reveal.
 */
export const blindBidsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('blind_biddings')
      .addColumn('id', 'uuid', (col) => col.primaryKey())
      .addColumn('negotiation_id', 'uuid', (col) =>
        col.notNull().references('negotiations.id').onDelete('cascade'),
      )
      .addColumn('version_id', 'uuid', (col) =>
        col.notNull().references('plan_versions.id').onDelete('cascade'),
      )
      .addColumn('point_id', 'uuid', (col) => col.notNull())
      .addColumn('giving_party_id', 'uuid', (col) =>
        col.notNull().references('parties.id').onDelete('cascade'),
      )
      .addColumn('taking_party_id', 'uuid', (col) =>
        col.notNull().references('parties.id').onDelete('cascade'),
      )
      .addColumn('unit', 'text', (col) => col.notNull())
      .addColumn('range_min', 'double precision', (col) => col.notNull())
      .addColumn('range_max', 'double precision', (col) => col.notNull())
      .addColumn('rule', 'text', (col) => col.notNull())
      .addColumn('closes_at', 'timestamptz')
      .addColumn('opened_by', 'uuid')
      .addColumn('opened_at', 'timestamptz', (col) => col.notNull())
      .addColumn('revealed_by', 'uuid')
      .addColumn('revealed_at', 'timestamptz')
      // Only the outcome ({overlap} or {overlap, settlement}), never a bound.
      .addColumn('outcome', 'jsonb')
      .addCheckConstraint('blind_biddings_two_sides', sql`giving_party_id <> taking_party_id`)
      .execute();
    await db.schema
      .createIndex('blind_biddings_negotiation_idx')
      .on('blind_biddings')
      .columns(['negotiation_id'])
      .execute();
    await db.schema
      .createTable('blind_bids')
      .addColumn('bidding_id', 'uuid', (col) =>
        col.notNull().references('blind_biddings.id').onDelete('cascade'),
      )
      .addColumn('party_id', 'uuid', (col) => col.notNull().references('parties.id').onDelete('cascade'))
      // `v1.<key id>.<iv>.<ciphertext>.<tag>`; null once revealed.
      .addColumn('sealed', 'text')
      .addColumn('submitted_by', 'uuid')
      .addColumn('submitted_at', 'timestamptz', (col) => col.notNull())
      .addPrimaryKeyConstraint('blind_bids_pk', ['bidding_id', 'party_id'])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('blind_bids').execute();
    await db.schema.dropTable('blind_biddings').execute();
  },
};

import type { Kysely, Migration } from 'kysely';

/**
 * A lead hand-over the mediator proposes for another party (#13): it changes nothing until the
 * party's current lead accepts it. `state`: pending, accepted, declined, withdrawn.
 */
export const leadHandoversMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('lead_handovers')
      .addColumn('id', 'uuid', (col) => col.primaryKey())
      .addColumn('negotiation_id', 'uuid', (col) =>
        col.notNull().references('negotiations.id').onDelete('cascade'),
      )
      .addColumn('party_id', 'uuid', (col) => col.notNull().references('parties.id').onDelete('cascade'))
      .addColumn('user_id', 'uuid', (col) => col.notNull().references('users.id'))
      .addColumn('title', 'text', (col) => col.notNull())
      .addColumn('valid_from', 'timestamptz', (col) => col.notNull())
      .addColumn('state', 'text', (col) => col.notNull())
      .addColumn('proposed_by', 'uuid', (col) => col.notNull().references('users.id'))
      .addColumn('proposed_at', 'timestamptz', (col) => col.notNull())
      .addColumn('decided_by', 'uuid', (col) => col.references('users.id'))
      .addColumn('decided_at', 'timestamptz')
      .addColumn('revision', 'integer', (col) => col.notNull().defaultTo(1))
      .execute();
    await db.schema
      .createIndex('lead_handovers_party_idx')
      .on('lead_handovers')
      .columns(['negotiation_id', 'party_id'])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('lead_handovers').execute();
  },
};

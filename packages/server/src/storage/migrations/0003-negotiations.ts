import type { Kysely, Migration } from 'kysely';

/** Negotiations, parties, delegation members, records, deadlines and invitations. */
export const negotiationsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('negotiations')
      .addColumn('id', 'uuid', (col) => col.primaryKey())
      .addColumn('title', 'text', (col) => col.notNull())
      .addColumn('mandate', 'text', (col) => col.notNull())
      .addColumn('closure_rule', 'text', (col) => col.notNull())
      .addColumn('created_by', 'uuid', (col) => col.notNull().references('users.id'))
      .addColumn('created_at', 'timestamptz', (col) => col.notNull())
      .execute();
    await db.schema
      .createTable('parties')
      .addColumn('id', 'uuid', (col) => col.primaryKey())
      .addColumn('negotiation_id', 'uuid', (col) =>
        col.notNull().references('negotiations.id').onDelete('cascade'),
      )
      .addColumn('name', 'text', (col) => col.notNull())
      .addColumn('role', 'text', (col) => col.notNull())
      .addColumn('required', 'boolean', (col) => col.notNull())
      .addColumn('created_at', 'timestamptz', (col) => col.notNull())
      .execute();
    await db.schema
      .createTable('members')
      .addColumn('id', 'uuid', (col) => col.primaryKey())
      .addColumn('negotiation_id', 'uuid', (col) =>
        col.notNull().references('negotiations.id').onDelete('cascade'),
      )
      .addColumn('party_id', 'uuid', (col) => col.notNull().references('parties.id').onDelete('cascade'))
      .addColumn('user_id', 'uuid', (col) => col.notNull().references('users.id'))
      .addColumn('function', 'text', (col) => col.notNull())
      .addColumn('title', 'text', (col) => col.notNull())
      .addColumn('valid_from', 'timestamptz', (col) => col.notNull())
      .addColumn('valid_to', 'timestamptz')
      .execute();
    await db.schema.createIndex('members_user_idx').on('members').column('user_id').execute();
    await db.schema
      .createTable('records')
      .addColumn('id', 'uuid', (col) => col.primaryKey())
      .addColumn('negotiation_id', 'uuid', (col) =>
        col.notNull().references('negotiations.id').onDelete('cascade'),
      )
      .addColumn('owning_party_id', 'uuid', (col) => col.notNull().references('parties.id'))
      .addColumn('author_id', 'uuid', (col) => col.notNull().references('users.id'))
      .addColumn('kind', 'text', (col) => col.notNull())
      .addColumn('classification', 'text', (col) => col.notNull())
      .addColumn('title', 'text', (col) => col.notNull())
      .addColumn('body', 'text', (col) => col.notNull())
      .addColumn('created_at', 'timestamptz', (col) => col.notNull())
      .execute();
    await db.schema.createIndex('records_negotiation_idx').on('records').column('negotiation_id').execute();
    await db.schema
      .createTable('deadlines')
      .addColumn('id', 'uuid', (col) => col.primaryKey())
      .addColumn('negotiation_id', 'uuid', (col) =>
        col.notNull().references('negotiations.id').onDelete('cascade'),
      )
      .addColumn('title', 'text', (col) => col.notNull())
      .addColumn('due_at', 'timestamptz', (col) => col.notNull())
      .addColumn('consequence', 'text', (col) => col.notNull())
      .addColumn('created_at', 'timestamptz', (col) => col.notNull())
      .execute();
    await db.schema
      .createTable('invitations')
      .addColumn('id', 'uuid', (col) => col.primaryKey())
      .addColumn('negotiation_id', 'uuid', (col) =>
        col.notNull().references('negotiations.id').onDelete('cascade'),
      )
      .addColumn('party_id', 'uuid', (col) => col.notNull().references('parties.id').onDelete('cascade'))
      .addColumn('email', 'text', (col) => col.notNull())
      .addColumn('function', 'text', (col) => col.notNull())
      .addColumn('title', 'text', (col) => col.notNull())
      .addColumn('token_hash', 'text', (col) => col.notNull().unique())
      .addColumn('invited_by', 'uuid', (col) => col.notNull().references('users.id'))
      .addColumn('created_at', 'timestamptz', (col) => col.notNull())
      .addColumn('expires_at', 'timestamptz', (col) => col.notNull())
      .addColumn('accepted_at', 'timestamptz')
      .addColumn('accepted_by', 'uuid', (col) => col.references('users.id'))
      .execute();
  },
  async down(db: Kysely<unknown>) {
    for (const table of ['invitations', 'deadlines', 'records', 'members', 'parties', 'negotiations']) {
      await db.schema.dropTable(table).execute();
    }
  },
};

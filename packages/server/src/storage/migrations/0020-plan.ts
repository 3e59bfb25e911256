import { sql, type Kysely, type Migration } from 'kysely';

/** The plan: versions with point revisions and lineage, positions, amendments, escalations, rounds, statements. */
export const planMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('plan_heads')
      .addColumn('negotiation_id', 'uuid', (col) =>
        col.primaryKey().references('negotiations.id').onDelete('cascade'),
      )
      .addColumn('revision', 'integer', (col) => col.notNull())
      .execute();
    await db.schema
      .createTable('plan_versions')
      .addColumn('id', 'uuid', (col) => col.primaryKey())
      .addColumn('negotiation_id', 'uuid', (col) =>
        col.notNull().references('negotiations.id').onDelete('cascade'),
      )
      .addColumn('parent_id', 'uuid', (col) => col.references('plan_versions.id'))
      .addColumn('revision', 'integer', (col) => col.notNull())
      .addColumn('label', 'text', (col) => col.notNull())
      .addColumn('round_id', 'uuid')
      .addColumn('created_by', 'uuid')
      .addColumn('created_at', 'timestamptz', (col) => col.notNull())
      .addUniqueConstraint('plan_versions_revision_unique', ['negotiation_id', 'revision'])
      .execute();
    await db.schema
      .createTable('plan_points')
      .addColumn('version_id', 'uuid', (col) =>
        col.notNull().references('plan_versions.id').onDelete('cascade'),
      )
      .addColumn('point_id', 'uuid', (col) => col.notNull())
      .addColumn('number', 'integer', (col) => col.notNull())
      .addColumn('title', 'text', (col) => col.notNull())
      .addColumn('text', 'text', (col) => col.notNull())
      .addColumn('topic', 'text')
      .addPrimaryKeyConstraint('plan_points_pk', ['version_id', 'point_id'])
      .execute();
    await db.schema
      .createTable('plan_edges')
      .addColumn('version_id', 'uuid', (col) =>
        col.notNull().references('plan_versions.id').onDelete('cascade'),
      )
      .addColumn('ordinal', 'integer', (col) => col.notNull())
      .addColumn('from_version_id', 'uuid', (col) => col.notNull())
      .addColumn('kind', 'text', (col) => col.notNull())
      .addColumn('from_points', 'jsonb', (col) => col.notNull())
      .addColumn('to_points', 'jsonb', (col) => col.notNull())
      .addColumn('proposed_by', 'uuid')
      .addColumn('round_id', 'uuid')
      .addColumn('amendment_id', 'uuid')
      .addPrimaryKeyConstraint('plan_edges_pk', ['version_id', 'ordinal'])
      .execute();
    await db.schema
      .createTable('plan_positions')
      .addColumn('id', 'uuid', (col) => col.primaryKey())
      .addColumn('negotiation_id', 'uuid', (col) =>
        col.notNull().references('negotiations.id').onDelete('cascade'),
      )
      .addColumn('party_id', 'uuid', (col) => col.notNull().references('parties.id').onDelete('cascade'))
      .addColumn('version_id', 'uuid', (col) =>
        col.notNull().references('plan_versions.id').onDelete('cascade'),
      )
      .addColumn('point_id', 'uuid', (col) => col.notNull())
      .addColumn('value', 'text', (col) => col.notNull())
      .addColumn('note', 'text', (col) => col.notNull())
      .addColumn('visibility', 'text', (col) => col.notNull())
      .addColumn('needs_review', 'boolean', (col) => col.notNull())
      .addColumn('revision', 'integer', (col) => col.notNull())
      .addColumn('recorded_at', 'timestamptz', (col) => col.notNull())
      .addUniqueConstraint('plan_positions_unique', ['party_id', 'version_id', 'point_id'])
      .execute();
    await db.schema
      .createTable('plan_escalations')
      .addColumn('id', 'uuid', (col) => col.primaryKey())
      .addColumn('negotiation_id', 'uuid', (col) =>
        col.notNull().references('negotiations.id').onDelete('cascade'),
      )
      .addColumn('point_id', 'uuid', (col) => col.notNull())
      .addColumn('principals', 'jsonb', (col) => col.notNull())
      .addColumn('question', 'text', (col) => col.notNull())
      .addColumn('due_date', 'date')
      .addColumn('decision', 'jsonb')
      .addColumn('created_at', 'timestamptz', (col) => col.notNull())
      .execute();
    await db.schema
      .createTable('plan_rounds')
      .addColumn('id', 'uuid', (col) => col.primaryKey())
      .addColumn('negotiation_id', 'uuid', (col) =>
        col.notNull().references('negotiations.id').onDelete('cascade'),
      )
      .addColumn('body', 'jsonb', (col) => col.notNull())
      .addColumn('starts_on', 'date', (col) => col.notNull())
      .execute();
    await db.schema
      .createTable('plan_statements')
      .addColumn('id', 'uuid', (col) => col.primaryKey())
      .addColumn('negotiation_id', 'uuid', (col) =>
        col.notNull().references('negotiations.id').onDelete('cascade'),
      )
      .addColumn('body', 'jsonb', (col) => col.notNull())
      .addColumn('date', 'date', (col) => col.notNull())
      .execute();
    await db.schema
      .createTable('plan_amendments')
      .addColumn('id', 'uuid', (col) => col.primaryKey())
      .addColumn('negotiation_id', 'uuid', (col) =>
        col.notNull().references('negotiations.id').onDelete('cascade'),
      )
      .addColumn('party_id', 'uuid', (col) => col.notNull())
      .addColumn('body', 'jsonb', (col) => col.notNull())
      .addColumn('revision', 'integer', (col) => col.notNull())
      .addColumn('created_at', 'timestamptz', (col) => col.notNull())
      .execute();
    await sql`create index plan_positions_negotiation_idx on plan_positions (negotiation_id, version_id)`.execute(
      db,
    );
  },
  async down(db: Kysely<unknown>) {
    for (const table of [
      'plan_amendments',
      'plan_statements',
      'plan_rounds',
      'plan_escalations',
      'plan_positions',
      'plan_edges',
      'plan_points',
      'plan_versions',
      'plan_heads',
    ]) {
      await db.schema.dropTable(table).execute();
    }
  },
};

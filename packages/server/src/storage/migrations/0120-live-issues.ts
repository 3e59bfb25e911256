import type { Kysely, Migration } from 'kysely';

/**
 * Issue #12. Which points are negotiable issues and their options (one row per version on which
 * the mediator set or cleared them; options follow the point by lineage, docs/live-analysis.md),
 * and each delegation's private preference profile, one row per saved revision.
 */
export const liveIssuesMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('live_issues')
      .addColumn('negotiation_id', 'uuid', (col) =>
        col.notNull().references('negotiations.id').onDelete('cascade'),
      )
      .addColumn('version_id', 'uuid', (col) =>
        col.notNull().references('plan_versions.id').onDelete('cascade'),
      )
      .addColumn('point_id', 'uuid', (col) => col.notNull())
      .addColumn('definition', 'jsonb')
      .addColumn('saved_by', 'uuid')
      .addColumn('saved_at', 'timestamptz', (col) => col.notNull())
      .addPrimaryKeyConstraint('live_issues_pk', ['version_id', 'point_id'])
      .execute();
    await db.schema
      .createIndex('live_issues_negotiation_idx')
      .on('live_issues')
      .columns(['negotiation_id'])
      .execute();
    await db.schema
      .createTable('preference_profiles')
      .addColumn('negotiation_id', 'uuid', (col) =>
        col.notNull().references('negotiations.id').onDelete('cascade'),
      )
      .addColumn('party_id', 'uuid', (col) => col.notNull().references('parties.id').onDelete('cascade'))
      .addColumn('revision', 'integer', (col) => col.notNull())
      .addColumn('body', 'jsonb', (col) => col.notNull())
      .addColumn('shared_with_mediator', 'boolean', (col) => col.notNull())
      .addColumn('saved_by', 'uuid')
      .addColumn('saved_at', 'timestamptz', (col) => col.notNull())
      // Two saves from the same revision: the second insert fails, so it is answered 409.
      .addPrimaryKeyConstraint('preference_profiles_pk', ['party_id', 'revision'])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('preference_profiles').execute();
    await db.schema.dropTable('live_issues').execute();
  },
};

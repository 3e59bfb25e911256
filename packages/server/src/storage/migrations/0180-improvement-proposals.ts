import type { Kysely, Migration } from 'kysely';

/**
 * Issue #12, item 4. Packages the mediator proposed to every party as ones each prefers to the
 * package on the table. Only the package is kept: the reasons (utilities) are never stored.
 */
export const improvementProposalsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('improvement_proposals')
      .addColumn('id', 'uuid', (col) => col.primaryKey())
      .addColumn('negotiation_id', 'uuid', (col) =>
        col.notNull().references('negotiations.id').onDelete('cascade'),
      )
      .addColumn('version_id', 'uuid', (col) =>
        col.notNull().references('plan_versions.id').onDelete('cascade'),
      )
      .addColumn('choices', 'jsonb', (col) => col.notNull())
      .addColumn('proposed_by', 'uuid')
      .addColumn('proposed_at', 'timestamptz', (col) => col.notNull())
      .execute();
    await db.schema
      .createIndex('improvement_proposals_version_idx')
      .on('improvement_proposals')
      .columns(['negotiation_id', 'version_id'])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('improvement_proposals').execute();
  },
};

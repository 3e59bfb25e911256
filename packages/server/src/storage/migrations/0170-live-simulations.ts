import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Simulations of the live talks (issue #12 item 6) are simulation jobs tied to a plan version:
 * same queue, attempts, progress and cancellation; `kind` keeps them out of the account-owned
 * /api/simulations routes, whose result would show every party's utilities.
 */
export const liveSimulationsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('simulations')
      .addColumn('kind', 'text', (col) =>
        col
          .notNull()
          .defaultTo('scenario')
          .check(sql`kind in ('scenario', 'live')`),
      )
      .execute();
    await db.schema
      .alterTable('simulations')
      .addColumn('negotiation_id', 'uuid', (col) => col.references('negotiations.id').onDelete('cascade'))
      .execute();
    await db.schema.alterTable('simulations').addColumn('version_id', 'text').execute();
    await db.schema
      .createIndex('simulations_live_version')
      .on('simulations')
      .columns(['negotiation_id', 'version_id', 'created_at'])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropIndex('simulations_live_version').execute();
    await db.schema.alterTable('simulations').dropColumn('version_id').execute();
    await db.schema.alterTable('simulations').dropColumn('negotiation_id').execute();
    await db.schema.alterTable('simulations').dropColumn('kind').execute();
  },
};

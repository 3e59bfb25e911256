import { sql, type Kysely, type Migration } from 'kysely';

/** Simulation jobs: the request, its progress and its result. The queue itself is pg-boss's. */
export const simulationsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('simulations')
      .addColumn('id', 'uuid', (col) => col.primaryKey())
      .addColumn('owner_id', 'uuid', (col) => col.notNull().references('users.id').onDelete('cascade'))
      .addColumn('input', 'jsonb', (col) => col.notNull())
      .addColumn('status', 'text', (col) =>
        col.notNull().check(sql`status in ('queued', 'running', 'completed', 'failed')`),
      )
      .addColumn('progress_done', 'integer', (col) => col.notNull().defaultTo(0))
      .addColumn('result', 'jsonb')
      .addColumn('error', 'text')
      .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
      .addColumn('created_at', 'timestamptz', (col) => col.notNull())
      .addColumn('updated_at', 'timestamptz', (col) => col.notNull())
      .execute();
    await db.schema
      .createIndex('simulations_owner')
      .on('simulations')
      .columns(['owner_id', 'created_at'])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('simulations').execute();
  },
};

import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Issue #15. Indexes for the per-negotiation lists every plan read runs (before them, each read
 * scanned the whole table: a conference's worth of statements or positions made every page slow),
 * and `plan_events`, the log of realtime events: it gives each event an id, so a Server-Sent
 * Events client that reconnects with `Last-Event-ID`, or a LISTEN connection that was down, gets
 * what it missed.
 */
export const scaleMigration: Migration = {
  async up(db: Kysely<unknown>) {
    const indexes: [string, string, string[]][] = [
      ['plan_statements_negotiation_idx', 'plan_statements', ['negotiation_id']],
      ['plan_rounds_negotiation_idx', 'plan_rounds', ['negotiation_id']],
      ['plan_escalations_negotiation_idx', 'plan_escalations', ['negotiation_id']],
      ['plan_amendments_negotiation_idx', 'plan_amendments', ['negotiation_id']],
      ['plan_versions_negotiation_idx', 'plan_versions', ['negotiation_id']],
      ['plan_positions_version_idx', 'plan_positions', ['negotiation_id', 'version_id']],
      ['parties_negotiation_idx', 'parties', ['negotiation_id']],
      ['members_negotiation_idx', 'members', ['negotiation_id']],
      ['deadlines_negotiation_idx', 'deadlines', ['negotiation_id']],
    ];
    for (const [name, table, columns] of indexes)
      await db.schema.createIndex(name).ifNotExists().on(table).columns(columns).execute();
    await db.schema
      .createTable('plan_events')
      .addColumn('id', 'bigserial', (col) => col.primaryKey())
      .addColumn('negotiation_id', 'uuid', (col) => col.notNull())
      .addColumn('origin', 'text', (col) => col.notNull())
      .addColumn('event', 'jsonb', (col) => col.notNull())
      .addColumn('at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
      .execute();
    await db.schema
      .createIndex('plan_events_negotiation_idx')
      .on('plan_events')
      .columns(['negotiation_id', 'id'])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('plan_events').execute();
  },
};

import { sql, type Kysely, type Migration } from 'kysely';

/** Simulation jobs can be cancelled (issue 12 item 8, issue 13 item 2). */
export const simulationLimitsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`alter table simulations drop constraint if exists simulations_status_check`.execute(db);
    await sql`alter table simulations add constraint simulations_status_check
      check (status in ('queued', 'running', 'completed', 'failed', 'cancelled'))`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`alter table simulations drop constraint if exists simulations_status_check`.execute(db);
    await sql`alter table simulations add constraint simulations_status_check
      check (status in ('queued', 'running', 'completed', 'failed'))`.execute(db);
  },
};

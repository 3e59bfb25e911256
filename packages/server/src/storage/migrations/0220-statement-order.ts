import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Issue #15. Statements are only ever added, and every addition used to make each server process
 * reload and re-validate all of a negotiation's statements (thousands, under a conference's load).
 * An arrival number lets a process fetch only the rows it has not seen. Rows committed out of
 * arrival order are caught by the count that comes with each fetch (storage/plan-records.ts).
 */
export const statementOrderMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`ALTER TABLE plan_statements ADD COLUMN arrival bigint GENERATED ALWAYS AS IDENTITY`.execute(db);
    await sql`CREATE INDEX plan_statements_arrival_idx ON plan_statements (negotiation_id, arrival)`.execute(
      db,
    );
  },
  async down(db: Kysely<unknown>) {
    await sql`DROP INDEX plan_statements_arrival_idx`.execute(db);
    await sql`ALTER TABLE plan_statements DROP COLUMN arrival`.execute(db);
  },
};

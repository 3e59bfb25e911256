import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Issue #15. The server keeps what most requests read (sessions, seats, a negotiation's plan
 * records) in memory, and must never serve it after a change, whichever process made it. Every
 * committed write to a table read through that cache gives the table's scope (its negotiation, or
 * `''` for the whole instance) a new generation from a sequence; a request compares the
 * generations it reads (one query, shared by the requests that arrive meanwhile) with those its
 * cached copies were loaded under. Triggers, not the services, do the bumping, so no write path
 * (a CLI command, another process, a future service) can forget it.
 *
 * The row trigger only notes the scope in a transaction-local setting; a deferred trigger bumps
 * the noted scopes at commit, in sorted order, so two transactions never take the generation rows
 * in opposite orders (no deadlock), and each row is locked only while its transaction commits.
 */
export const READ_GENERATION_TABLES = {
  sessions: { column: null, alsoInstance: false },
  users: { column: null, alsoInstance: false },
  // Seats are read per user across negotiations, so these also move the instance-wide scope.
  members: { column: 'negotiation_id', alsoInstance: true },
  parties: { column: 'negotiation_id', alsoInstance: true },
  negotiations: { column: 'id', alsoInstance: false },
  plan_heads: { column: 'negotiation_id', alsoInstance: false },
  plan_positions: { column: 'negotiation_id', alsoInstance: false },
  plan_escalations: { column: 'negotiation_id', alsoInstance: false },
  plan_rounds: { column: 'negotiation_id', alsoInstance: false },
  plan_statements: { column: 'negotiation_id', alsoInstance: false },
  plan_amendments: { column: 'negotiation_id', alsoInstance: false },
} as const;

export const readGenerationsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`CREATE SEQUENCE read_generation_seq`.execute(db);
    await sql`
      CREATE TABLE read_generations (
        negotiation_id text NOT NULL,
        table_name text NOT NULL,
        generation bigint NOT NULL,
        PRIMARY KEY (negotiation_id, table_name)
      )`.execute(db);
    await sql`
      CREATE FUNCTION read_generation_note() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        noted text := coalesce(current_setting('parley.read_scopes', true), '');
        ids text[] := ARRAY[]::text[];
        id text;
        scope text;
      BEGIN
        IF TG_ARGV[0] = '' THEN
          ids := ARRAY[''];
        ELSE
          IF TG_OP <> 'INSERT' THEN ids := array_append(ids, to_jsonb(OLD) ->> TG_ARGV[0]); END IF;
          IF TG_OP <> 'DELETE' THEN ids := array_append(ids, to_jsonb(NEW) ->> TG_ARGV[0]); END IF;
          IF TG_ARGV[1] = 'also-instance' THEN ids := array_append(ids, ''); END IF;
        END IF;
        FOREACH id IN ARRAY ids LOOP
          scope := id || '/' || TG_TABLE_NAME || E'\n';
          IF position(E'\n' || scope IN E'\n' || noted) = 0 THEN noted := noted || scope; END IF;
        END LOOP;
        PERFORM set_config('parley.read_scopes', noted, true);
        RETURN NULL;
      END $$`.execute(db);
    await sql`
      CREATE FUNCTION read_generation_bump() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        noted text := coalesce(current_setting('parley.read_scopes', true), '');
        scope text;
      BEGIN
        IF noted = '' THEN RETURN NULL; END IF;
        PERFORM set_config('parley.read_scopes', '', true);
        FOR scope IN SELECT s FROM unnest(string_to_array(rtrim(noted, E'\n'), E'\n')) AS s ORDER BY s LOOP
          INSERT INTO read_generations (negotiation_id, table_name, generation)
          VALUES (split_part(scope, '/', 1), split_part(scope, '/', 2), nextval('read_generation_seq'))
          ON CONFLICT (negotiation_id, table_name) DO UPDATE SET generation = EXCLUDED.generation;
        END LOOP;
        RETURN NULL;
      END $$`.execute(db);
    // TRUNCATE fires no row trigger, and knows no scope: it moves the table's `*` scope, which every
    // cached copy of the table is compared against too.
    await sql`
      CREATE FUNCTION read_generation_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO read_generations (negotiation_id, table_name, generation)
        VALUES ('*', TG_TABLE_NAME, nextval('read_generation_seq'))
        ON CONFLICT (negotiation_id, table_name) DO UPDATE SET generation = EXCLUDED.generation;
        RETURN NULL;
      END $$`.execute(db);
    for (const [table, { column, alsoInstance }] of Object.entries(READ_GENERATION_TABLES)) {
      const args = sql.raw(`'${column ?? ''}', '${alsoInstance ? 'also-instance' : ''}'`);
      await sql`
        CREATE TRIGGER ${sql.raw(`${table}_read_generation_note`)}
        AFTER INSERT OR UPDATE OR DELETE ON ${sql.table(table)}
        FOR EACH ROW EXECUTE FUNCTION read_generation_note(${args})`.execute(db);
      await sql`
        CREATE CONSTRAINT TRIGGER ${sql.raw(`${table}_read_generation_bump`)}
        AFTER INSERT OR UPDATE OR DELETE ON ${sql.table(table)}
        DEFERRABLE INITIALLY DEFERRED
        FOR EACH ROW EXECUTE FUNCTION read_generation_bump()`.execute(db);
      await sql`
        CREATE TRIGGER ${sql.raw(`${table}_read_generation_truncate`)}
        AFTER TRUNCATE ON ${sql.table(table)}
        FOR EACH STATEMENT EXECUTE FUNCTION read_generation_truncated()`.execute(db);
    }
  },
  async down(db: Kysely<unknown>) {
    for (const table of Object.keys(READ_GENERATION_TABLES)) {
      for (const suffix of ['note', 'bump', 'truncate'])
        await sql`DROP TRIGGER ${sql.raw(`${table}_read_generation_${suffix}`)} ON ${sql.table(table)}`.execute(
          db,
        );
    }
    await sql`DROP FUNCTION read_generation_truncated()`.execute(db);
    await sql`DROP FUNCTION read_generation_bump()`.execute(db);
    await sql`DROP FUNCTION read_generation_note()`.execute(db);
    await sql`DROP TABLE read_generations`.execute(db);
    await sql`DROP SEQUENCE read_generation_seq`.execute(db);
  },
};

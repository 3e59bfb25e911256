import { sql } from 'kysely';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { DATABASE_KINDS, openTestDatabase } from './helpers/each-database';
import { eventually } from './helpers/eventually';

const POSTGRES_URL = process.env.PARLEY_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

describe.runIf(DATABASE_KINDS.includes('postgres'))('a PostgreSQL connection the server drops', () => {
  it('does not crash the process, and the next query opens a fresh connection', async () => {
    const database = await openTestDatabase('postgres');
    try {
      const before = await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(database.db);
      const pid = before.rows[0]?.pid;
      const warnings: string[] = [];
      const originalWarn = console.warn;
      console.warn = (line: string) => warnings.push(line);
      try {
        // What a restart or an administrator's pg_terminate_backend does to an idle pooled connection.
        const admin = new pg.Client({ connectionString: POSTGRES_URL });
        await admin.connect();
        await admin.query('SELECT pg_terminate_backend($1)', [pid]);
        await admin.end();
        await eventually(() => warnings.length > 0);
      } finally {
        console.warn = originalWarn;
      }
      expect(warnings.join('\n')).toContain('idle connection lost');
      const after = await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(database.db);
      expect(after.rows[0]?.pid).not.toBe(pid);
    } finally {
      await database.close();
    }
  });
});

import { randomUUID } from 'node:crypto';
import type { Statement, StatementId } from '@parley/core';
import { sql } from 'kysely';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_NEGOTIATION, DEMO_PARTIES } from '../src/demo';
import { loadStatementsIncrementally } from '../src/services/cached-statements';
import type { DatabaseHandle } from '../src/storage/database';
import { insertStatement, listStatements, listStatementsAddedAfter } from '../src/storage/plan-records';
import { DATABASE_KINDS, openTestDatabase } from './helpers/each-database';
import { seedDemo } from './helpers/demo-fixture';

// Issue #15: a process holds a negotiation's statements and, when they change, reads only those
// added since. What it returns must always be what a full read returns, in the same order.

const N = DEMO_NEGOTIATION.id;
const handles: DatabaseHandle[] = [];
afterEach(async () => {
  for (const handle of handles.splice(0)) await handle.close();
});

const statementOn = (date: string, quote = 'Talks continue.'): Statement => ({
  id: randomUUID() as StatementId,
  negotiationId: N,
  person: 'Spokesperson',
  partyId: DEMO_PARTIES.unitedStates.id,
  date,
  source: 'incremental read test',
  quote,
  pointIds: [],
});

describe.each(DATABASE_KINDS)('statements read incrementally on %s', (kind) => {
  it('returns what a full read returns after each addition, in date order', async () => {
    const handle = await openTestDatabase(kind);
    handles.push(handle);
    await seedDemo(handle.db);
    // Dates out of arrival order: a later addition must land before earlier ones.
    for (const date of ['2025-12-03', '2025-11-01', '2025-12-01', '2025-11-01', '2026-01-09']) {
      await insertStatement(handle.db, statementOn(date));
      expect(await loadStatementsIncrementally(handle.db, N)).toEqual(await listStatements(handle.db, N));
    }
    const dates = (await loadStatementsIncrementally(handle.db, N)).map((s) => s.date);
    expect(dates).toEqual([...dates].sort());
  }, 120_000);

  it('reads only the rows added after an arrival, with the whole count', async () => {
    const handle = await openTestDatabase(kind);
    handles.push(handle);
    await seedDemo(handle.db);
    const before = await listStatementsAddedAfter(handle.db, {
      negotiationId: N,
      afterArrival: '0',
      limit: 1000,
    });
    const last = before.added.at(-1)?.arrival ?? '0';
    const added = statementOn('2025-12-24', 'Added after the first read.');
    await insertStatement(handle.db, added);
    const after = await listStatementsAddedAfter(handle.db, {
      negotiationId: N,
      afterArrival: last,
      limit: 1000,
    });
    expect(after.added.map((row) => row.statement)).toEqual([added]);
    expect(after.total).toBe(before.total + 1);
    const none = await listStatementsAddedAfter(handle.db, {
      negotiationId: N,
      afterArrival: after.added[0]?.arrival ?? '',
      limit: 1000,
    });
    expect(none).toEqual({ total: before.total + 1, added: [] });
    const firstTwo = await listStatementsAddedAfter(handle.db, {
      negotiationId: N,
      afterArrival: '0',
      limit: 2,
    });
    expect(firstTwo).toEqual({ total: before.total + 1, added: before.added.slice(0, 2) });
  }, 120_000);

  it('reads a long history page by page into the same list a full read gives', async () => {
    const handle = await openTestDatabase(kind);
    handles.push(handle);
    await seedDemo(handle.db);
    await loadStatementsIncrementally(handle.db, N);
    // 11,000 statements in one go (a bulk import, or a day of a conference): three pages of 5,000.
    const base = JSON.stringify(statementOn('2025-12-01'));
    await sql`INSERT INTO plan_statements (id, negotiation_id, body, date)
      SELECT id, ${N}, jsonb_set(jsonb_set(${base}::jsonb, '{id}', to_jsonb(id::text)), '{date}', to_jsonb(day::text)), day
      FROM (SELECT gen_random_uuid() AS id, date '2025-11-01' + (n % 60) AS day FROM generate_series(1, 11000) AS n) AS rows`.execute(
      handle.db,
    );
    const read = await loadStatementsIncrementally(handle.db, N);
    expect(read.length).toBeGreaterThan(11000);
    expect(read).toEqual(await listStatements(handle.db, N));
  }, 120_000);
});

describe.runIf(DATABASE_KINDS.includes('postgres'))('statements committed out of arrival order', () => {
  it('are not lost when a later arrival commits first', async () => {
    const handle = await openTestDatabase('postgres');
    handles.push(handle);
    await seedDemo(handle.db);
    const url = (handle as { url?: string }).url ?? '';
    const slow = new pg.Client({ connectionString: url });
    await slow.connect();
    try {
      await loadStatementsIncrementally(handle.db, N);
      const early = statementOn('2025-12-10', 'Numbered first, committed last.');
      // Takes its arrival number now, and commits only after a later arrival has been read.
      await slow.query('BEGIN');
      await slow.query(
        'INSERT INTO plan_statements (id, negotiation_id, body, date) VALUES ($1, $2, $3, $4)',
        [early.id, N, JSON.stringify(early), early.date],
      );
      const late = statementOn('2025-12-11', 'Numbered last, committed first.');
      await insertStatement(handle.db, late);
      const seenBefore = await loadStatementsIncrementally(handle.db, N);
      expect(seenBefore.map((s) => s.id)).toContain(late.id);
      expect(seenBefore.map((s) => s.id)).not.toContain(early.id);
      await slow.query('COMMIT');
      const seenAfter = await loadStatementsIncrementally(handle.db, N);
      expect(seenAfter.map((s) => s.id)).toContain(early.id);
      expect(seenAfter).toEqual(await listStatements(handle.db, N));
    } finally {
      await slow.end();
    }
  }, 120_000);
});

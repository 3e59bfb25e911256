import type { Statement } from '@parley/core';
import type { Database } from '../storage/database';
import { countStatements, listStatementRowsAfter, listStatementsAddedAfter } from '../storage/plan-records';

// Statements are only ever added (there is no edit or removal but with their negotiation), and a
// conference adds them many times a minute while thousands of reads want the whole list. So each
// process keeps the list it last read per negotiation and, when the table's generation moves,
// fetches only what arrived since: a full read of N statements becomes a read of the new ones.

type Held = { readonly lastArrival: string; readonly statements: readonly Statement[] };

const heldByDatabase = new WeakMap<Database, Map<string, Held>>();
const NOTHING: Held = { lastArrival: '0', statements: [] };

/**
 * Statements read per query. A process meeting a long history (100,000 statements) parsed it all
 * in one turn of the event loop and held every other request, the health check included, for
 * about half a second; page by page, other requests get in between.
 */
const PAGE = 5_000;

/** Everything added after `afterArrival`, page by page, and how many the negotiation has. */
async function readAddedAfter(db: Database, negotiationId: string, afterArrival: string) {
  // Usually a few rows: one query, counted in the same snapshot.
  const first = await listStatementsAddedAfter(db, { negotiationId, afterArrival, limit: PAGE });
  const added = first.added.map((row) => row.statement);
  let lastArrival = first.added.at(-1)?.arrival ?? afterArrival;
  if (first.added.length < PAGE) return { total: first.total, added, lastArrival };
  for (;;) {
    const page = await listStatementRowsAfter(db, { negotiationId, afterArrival: lastArrival, limit: PAGE });
    for (const row of page) added.push(row.statement);
    lastArrival = page.at(-1)?.arrival ?? lastArrival;
    if (page.length < PAGE) break;
  }
  // Counted after the last page, so every row read is in the count: one that committed behind a
  // page already read makes it larger than what is held, and the caller reads everything again.
  return { total: await countStatements(db, negotiationId), added, lastArrival };
}

const byDateThenId = (a: Statement, b: Statement) =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** Every statement of the negotiation, by date then id: what `listStatements` returns. */
export async function loadStatementsIncrementally(
  db: Database,
  negotiationId: string,
): Promise<readonly Statement[]> {
  let held = heldByDatabase.get(db);
  if (held === undefined) heldByDatabase.set(db, (held = new Map()));
  const before = held.get(negotiationId) ?? NOTHING;
  let read = await readAddedAfter(db, negotiationId, before.lastArrival);
  let kept = before.statements;
  // Out-of-order commits, or the negotiation gone: what is held is not a prefix any more.
  if (kept.length + read.added.length !== read.total) {
    read = await readAddedAfter(db, negotiationId, '0');
    kept = [];
  }
  const statements = read.added.length === 0 ? kept : [...kept, ...read.added].sort(byDateThenId);
  const after: Held = { lastArrival: read.lastArrival, statements };
  if (kept.length === 0 && read.added.length === 0) held.delete(negotiationId);
  else held.set(negotiationId, after);
  return statements;
}

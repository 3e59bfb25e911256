import type { Statement } from '@parley/core';
import type { Database } from '../storage/database';
import { listStatementsAddedAfter } from '../storage/plan-records';

// Statements are only ever added (there is no edit or removal but with their negotiation), and a
// conference adds them many times a minute while thousands of reads want the whole list. So each
// process keeps the list it last read per negotiation and, when the table's generation moves,
// fetches only what arrived since: a full read of N statements becomes a read of the new ones.

type Held = { readonly lastArrival: string; readonly statements: readonly Statement[] };

const heldByDatabase = new WeakMap<Database, Map<string, Held>>();
const NOTHING: Held = { lastArrival: '0', statements: [] };

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
  let read = await listStatementsAddedAfter(db, { negotiationId, afterArrival: before.lastArrival });
  let kept = before.statements;
  // Out-of-order commits, or the negotiation gone: what is held is not a prefix any more.
  if (kept.length + read.added.length !== read.total) {
    read = await listStatementsAddedAfter(db, { negotiationId, afterArrival: '0' });
    kept = [];
  }
  const statements =
    read.added.length === 0 ? kept : [...kept, ...read.added.map((row) => row.statement)].sort(byDateThenId);
  const after: Held = { lastArrival: read.added.at(-1)?.arrival ?? before.lastArrival, statements };
  if (kept.length === 0 && read.added.length === 0) held.delete(negotiationId);
  else held.set(negotiationId, after);
  return statements;
}

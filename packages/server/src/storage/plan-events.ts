import { sql } from 'kysely';
import type { Database } from './database';

export type LoggedPlanEvent<E> = { id: number; origin: string; event: E };

/** Appends an event to the log and returns its id (the SSE event id). */
export async function appendPlanEvent(
  db: Database,
  input: { negotiationId: string; origin: string; event: unknown },
): Promise<number> {
  const row = await db
    .insertInto('plan_events')
    .values({ negotiation_id: input.negotiationId, origin: input.origin, event: JSON.stringify(input.event) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/** Events after `afterId`, oldest first: of one negotiation (a reconnecting stream) or all (a relay). */
export async function listPlanEventsAfter<E>(
  db: Database,
  input: { afterId: number; negotiationId?: string; limit: number },
): Promise<LoggedPlanEvent<E>[]> {
  let query = db
    .selectFrom('plan_events')
    .select(['id', 'origin', 'event'])
    .where('id', '>', String(input.afterId))
    .orderBy('id')
    .limit(input.limit);
  if (input.negotiationId !== undefined) query = query.where('negotiation_id', '=', input.negotiationId);
  const rows = await query.execute();
  return rows.map((row) => ({ id: Number(row.id), origin: row.origin, event: row.event as E }));
}

/** The newest event id (0 for none): where a fresh relay starts listening from. */
export async function lastPlanEventId(db: Database): Promise<number> {
  const row = await db
    .selectFrom('plan_events')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirst();
  return Number(row?.id ?? 0);
}

/**
 * Forgets events older than `before`: replay covers short disconnections, not history. The newest
 * event always stays, so the oldest id left tells a reconnecting stream whether it missed a pruned one.
 */
export async function prunePlanEvents(db: Database, before: Date): Promise<number> {
  const newest = await lastPlanEventId(db);
  const result = await db
    .deleteFrom('plan_events')
    .where('at', '<', before)
    .where('id', '<', String(newest))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** The oldest event id still logged (undefined when none ever was). */
export async function oldestPlanEventId(db: Database): Promise<number | undefined> {
  const row = await db
    .selectFrom('plan_events')
    .select((eb) => eb.fn.min('id').as('id'))
    .executeTakeFirst();
  return row?.id === null || row?.id === undefined ? undefined : Number(row.id);
}

/** NOTIFY on `channel` (through the pool, whose connections come back by themselves after a drop). */
export async function notifyPlanEvent(
  db: Database,
  input: { channel: string; payload: string },
): Promise<void> {
  await sql`SELECT pg_notify(${input.channel}, ${input.payload})`.execute(db);
}

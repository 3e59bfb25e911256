import {
  NegotiationIdSchema,
  type ClosureRule,
  type Negotiation,
  type NegotiationId,
  type UserId,
} from '@parley/core';
import type { Selectable } from 'kysely';
import type { Database } from './database';
import type { NegotiationsTable } from './schema';

function toNegotiation(row: Selectable<NegotiationsTable>): Negotiation {
  return {
    id: NegotiationIdSchema.parse(row.id),
    title: row.title,
    mandate: row.mandate,
    closureRule: row.closure_rule as ClosureRule,
    timeZone: row.time_zone,
    createdAt: row.created_at.toISOString(),
    revision: row.revision,
  };
}

export async function insertNegotiation(
  db: Database,
  input: { negotiation: Omit<Negotiation, 'revision'>; createdBy: UserId },
): Promise<Negotiation> {
  const { negotiation } = input;
  await db
    .insertInto('negotiations')
    .values({
      id: negotiation.id,
      title: negotiation.title,
      mandate: negotiation.mandate,
      closure_rule: negotiation.closureRule,
      time_zone: negotiation.timeZone,
      created_by: input.createdBy,
      created_at: new Date(negotiation.createdAt),
    })
    .execute();
  return { ...negotiation, revision: 1 };
}

export async function findNegotiation(db: Database, id: NegotiationId): Promise<Negotiation | undefined> {
  const row = await db.selectFrom('negotiations').selectAll().where('id', '=', id).executeTakeFirst();
  return row === undefined ? undefined : toNegotiation(row);
}

/** The given negotiations, newest first. */
export async function listNegotiationsByIds(
  db: Database,
  ids: readonly NegotiationId[],
): Promise<Negotiation[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('negotiations')
    .selectAll()
    .where('id', 'in', ids)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
  return rows.map(toNegotiation);
}

/**
 * Applies a change if the row is still at `baseRevision`; the revision moves on by one. Answers the
 * changed negotiation, or undefined when another change came first (the caller reads the row again).
 */
export async function updateNegotiationRow(
  db: Database,
  input: {
    id: NegotiationId;
    baseRevision: number;
    changes: Partial<Pick<Negotiation, 'title' | 'mandate' | 'closureRule' | 'timeZone'>>;
  },
): Promise<Negotiation | undefined> {
  const { title, mandate, closureRule, timeZone } = input.changes;
  const row = await db
    .updateTable('negotiations')
    .set((eb) => ({
      ...(title === undefined ? {} : { title }),
      ...(mandate === undefined ? {} : { mandate }),
      ...(closureRule === undefined ? {} : { closure_rule: closureRule }),
      ...(timeZone === undefined ? {} : { time_zone: timeZone }),
      revision: eb('revision', '+', 1),
    }))
    .where('id', '=', input.id)
    .where('revision', '=', input.baseRevision)
    .returningAll()
    .executeTakeFirst();
  return row === undefined ? undefined : toNegotiation(row);
}

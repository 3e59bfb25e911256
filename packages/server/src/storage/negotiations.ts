import type { ClosureRule, Negotiation, NegotiationId, UserId } from '@parley/core';
import type { Selectable } from 'kysely';
import type { Database } from './database';
import type { NegotiationsTable } from './schema';

function toNegotiation(row: Selectable<NegotiationsTable>): Negotiation {
  return {
    id: row.id as NegotiationId,
    title: row.title,
    mandate: row.mandate,
    closureRule: row.closure_rule as ClosureRule,
    timeZone: row.time_zone,
    createdAt: row.created_at.toISOString(),
  };
}

export async function insertNegotiation(
  db: Database,
  input: { negotiation: Negotiation; createdBy: UserId },
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
  return negotiation;
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

import { DeadlineIdSchema, NegotiationIdSchema, type Deadline, type NegotiationId } from '@parley/core';
import type { Database } from './database';
import type { DeadlinesTable } from './schema';

function toDeadline(row: DeadlinesTable): Deadline {
  return {
    id: DeadlineIdSchema.parse(row.id),
    negotiationId: NegotiationIdSchema.parse(row.negotiation_id),
    title: row.title,
    dueAt: row.due_at.toISOString(),
    consequence: row.consequence,
    createdAt: row.created_at.toISOString(),
  };
}

export async function insertDeadline(db: Database, deadline: Deadline): Promise<Deadline> {
  await db
    .insertInto('deadlines')
    .values({
      id: deadline.id,
      negotiation_id: deadline.negotiationId,
      title: deadline.title,
      due_at: new Date(deadline.dueAt),
      consequence: deadline.consequence,
      created_at: new Date(deadline.createdAt),
    })
    .execute();
  return deadline;
}

export async function listDeadlines(db: Database, negotiationId: NegotiationId): Promise<Deadline[]> {
  const rows = await db
    .selectFrom('deadlines')
    .selectAll()
    .where('negotiation_id', '=', negotiationId)
    .orderBy('due_at')
    .orderBy('id')
    .execute();
  return rows.map(toDeadline);
}

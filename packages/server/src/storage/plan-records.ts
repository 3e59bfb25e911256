import {
  AmendmentSchema,
  EscalationSchema,
  RoundSchema,
  StatementSchema,
  type Amendment,
  type Escalation,
  type Round,
  type Statement,
} from '@parley/core';
import type { Database } from './database';
import { lockInNegotiation } from './negotiation-locks';

// Rounds, statements and amendments are stored whole as JSON (validated by the core schema on the
// way out); only the columns queries filter or sort on are separate.

const json = <T>(value: T): T => JSON.stringify(value) as unknown as T;
const dateOnly = (value: unknown): string | null =>
  value === null ? null : value instanceof Date ? value.toISOString().slice(0, 10) : String(value);

export async function insertEscalation(
  db: Database,
  escalation: Escalation & { createdAt: string },
): Promise<void> {
  await db
    .insertInto('plan_escalations')
    .values({
      id: escalation.id,
      negotiation_id: escalation.negotiationId,
      point_id: escalation.pointId,
      principals: json(escalation.principals),
      question: escalation.question,
      due_date: escalation.dueDate,
      decision: escalation.decision === null ? null : json(escalation.decision),
      created_at: new Date(escalation.createdAt),
    })
    .execute();
}

/**
 * When the point's open escalation (no decision yet) was made, read under a lock held until the
 * caller's transaction ends: two escalations of one point sent at once, from any process, cannot
 * both find none.
 */
export async function lockedOpenEscalationSince(
  tx: Database,
  input: { negotiationId: string; pointId: string },
): Promise<string | undefined> {
  await lockInNegotiation(tx, 'openEscalations', input.negotiationId);
  const row = await tx
    .selectFrom('plan_escalations')
    .select('created_at')
    .where('negotiation_id', '=', input.negotiationId)
    .where('point_id', '=', input.pointId)
    .where('decision', 'is', null)
    .orderBy('created_at')
    .executeTakeFirst();
  return row?.created_at.toISOString();
}

export async function updateEscalationDecision(
  db: Database,
  input: { id: string; negotiationId: string; decision: NonNullable<Escalation['decision']> },
): Promise<boolean> {
  const result = await db
    .updateTable('plan_escalations')
    .set({ decision: json(input.decision) })
    .where('id', '=', input.id)
    .where('negotiation_id', '=', input.negotiationId)
    .where('decision', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function listEscalations(db: Database, negotiationId: string): Promise<Escalation[]> {
  const rows = await db
    .selectFrom('plan_escalations')
    .selectAll()
    .where('negotiation_id', '=', negotiationId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((row) =>
    EscalationSchema.parse({
      id: row.id,
      negotiationId: row.negotiation_id,
      pointId: row.point_id,
      principals: row.principals,
      question: row.question,
      dueDate: dateOnly(row.due_date),
      decision: row.decision,
    }),
  );
}

export async function insertRound(db: Database, round: Round): Promise<void> {
  await db
    .insertInto('plan_rounds')
    .values({
      id: round.id,
      negotiation_id: round.negotiationId,
      body: json(round),
      starts_on: round.startsOn,
    })
    .execute();
}

export async function listRounds(db: Database, negotiationId: string): Promise<Round[]> {
  const rows = await db
    .selectFrom('plan_rounds')
    .select('body')
    .where('negotiation_id', '=', negotiationId)
    .orderBy('starts_on')
    .orderBy('id')
    .execute();
  return rows.map((row) => RoundSchema.parse(row.body));
}

export async function insertStatement(db: Database, statement: Statement): Promise<void> {
  await db
    .insertInto('plan_statements')
    .values({
      id: statement.id,
      negotiation_id: statement.negotiationId,
      body: json(statement),
      date: statement.date,
    })
    .execute();
}

export async function listStatements(db: Database, negotiationId: string): Promise<Statement[]> {
  const rows = await db
    .selectFrom('plan_statements')
    .select('body')
    .where('negotiation_id', '=', negotiationId)
    .orderBy('date')
    .orderBy('id')
    .execute();
  return rows.map((row) => StatementSchema.parse(row.body));
}

/**
 * The first `limit` statements added after `afterArrival` (in arrival order), and how many the
 * negotiation has, read in one statement so both come from one snapshot: a caller holding
 * `total − added.length` statements up to `afterArrival` holds the rest of them only if the counts
 * agree (a row committed out of arrival order makes them differ).
 */
export async function listStatementsAddedAfter(
  db: Database,
  input: { negotiationId: string; afterArrival: string; limit: number },
): Promise<{ total: number; added: { arrival: string; statement: Statement }[] }> {
  const rows = await db
    .selectFrom((eb) =>
      eb
        .selectFrom('plan_statements')
        .where('negotiation_id', '=', input.negotiationId)
        .select((count) => count.fn.countAll<string>().as('total'))
        .as('counted'),
    )
    .leftJoin('plan_statements as added', (join) =>
      join.on('added.negotiation_id', '=', input.negotiationId).on('added.arrival', '>', input.afterArrival),
    )
    .select(['counted.total', 'added.arrival', 'added.body'])
    .orderBy('added.arrival')
    .limit(input.limit)
    .execute();
  const added = rows.flatMap((row) =>
    row.arrival === null || row.body === null
      ? []
      : [{ arrival: String(row.arrival), statement: StatementSchema.parse(row.body) }],
  );
  return { total: Number(rows[0]?.total ?? 0), added };
}

/** The next page of a long read that `listStatementsAddedAfter` began: rows only, no count. */
export async function listStatementRowsAfter(
  db: Database,
  input: { negotiationId: string; afterArrival: string; limit: number },
): Promise<{ arrival: string; statement: Statement }[]> {
  const rows = await db
    .selectFrom('plan_statements')
    .select(['arrival', 'body'])
    .where('negotiation_id', '=', input.negotiationId)
    .where('arrival', '>', input.afterArrival)
    .orderBy('arrival')
    .limit(input.limit)
    .execute();
  return rows.map((row) => ({ arrival: String(row.arrival), statement: StatementSchema.parse(row.body) }));
}

/** How many statements the negotiation has. */
export async function countStatements(db: Database, negotiationId: string): Promise<number> {
  const row = await db
    .selectFrom('plan_statements')
    .where('negotiation_id', '=', negotiationId)
    .select((count) => count.fn.countAll<string>().as('total'))
    .executeTakeFirst();
  return Number(row?.total ?? 0);
}

export async function insertAmendment(
  db: Database,
  amendment: Amendment & { createdAt: string },
): Promise<void> {
  const { createdAt, ...body } = amendment;
  await db
    .insertInto('plan_amendments')
    .values({
      id: body.id,
      negotiation_id: body.negotiationId,
      party_id: body.partyId,
      body: json(body),
      revision: body.revision,
      created_at: new Date(createdAt),
    })
    .execute();
}

export async function listAmendments(db: Database, negotiationId: string): Promise<Amendment[]> {
  const rows = await db
    .selectFrom('plan_amendments')
    .select('body')
    .where('negotiation_id', '=', negotiationId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((row) => AmendmentSchema.parse(row.body));
}

/** Replaces an amendment only if it is still at `base`; false when stale or missing. */
export async function updateAmendmentIfCurrent(
  db: Database,
  input: { amendment: Amendment; base: number },
): Promise<boolean> {
  const result = await db
    .updateTable('plan_amendments')
    .set({ body: json(input.amendment), revision: input.amendment.revision })
    .where('id', '=', input.amendment.id)
    .where('negotiation_id', '=', input.amendment.negotiationId)
    .where('revision', '=', input.base)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

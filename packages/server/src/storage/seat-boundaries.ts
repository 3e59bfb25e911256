import { NegotiationIdSchema, PartyIdSchema, type NegotiationId, type PartyId } from '@parley/core';
import { sql } from 'kysely';
import type { Database } from './database';

/** A party whose delegation changes at `at`: a seat of it starts or ends then. */
export type SeatBoundary = { negotiationId: NegotiationId; partyId: PartyId; at: Date };

// Every instant a seat starts or ends, with its party. A hand-over is one such instant: the lead
// seat's end and its successor's start.
function boundaries(db: Database, after: Date) {
  return db
    .selectFrom('members')
    .select(['negotiation_id', 'party_id', 'valid_from as at'])
    .where('valid_from', '>', after)
    .unionAll(
      db
        .selectFrom('members')
        .select(['negotiation_id', 'party_id', sql<Date>`valid_to`.as('at')])
        .where('valid_to', '>', after),
    );
}

/** The first instant after `after` at which any seat starts or ends (undefined: none is dated later). */
export async function findNextSeatBoundary(db: Database, after: Date): Promise<Date | undefined> {
  const row = await db
    .selectFrom(boundaries(db, after).as('boundaries'))
    .select((eb) => eb.fn.min('at').as('at'))
    .executeTakeFirst();
  return row?.at ?? undefined;
}

/** Each party with a seat starting or ending in (after, upTo], at the last such instant. */
export async function listSeatBoundaries(
  db: Database,
  input: { after: Date; upTo: Date },
): Promise<SeatBoundary[]> {
  const rows = await db
    .selectFrom(boundaries(db, input.after).as('boundaries'))
    .select((eb) => ['negotiation_id', 'party_id', eb.fn.max('at').as('at')])
    .where('at', '<=', input.upTo)
    .groupBy(['negotiation_id', 'party_id'])
    .execute();
  return rows.map((row) => ({
    negotiationId: NegotiationIdSchema.parse(row.negotiation_id),
    partyId: PartyIdSchema.parse(row.party_id),
    at: new Date(row.at),
  }));
}

/**
 * The latest seat boundary a seat-change timer announced, as the event log still holds it
 * (undefined: none in the last day, since older events are pruned).
 */
export async function findLastAnnouncedSeatBoundary(db: Database): Promise<Date | undefined> {
  const row = await db
    .selectFrom('plan_events')
    // ISO instants sort as text in the order they happen (toISOString: fixed width, UTC).
    .select(sql<string | null>`max(event->>'boundary')`.as('boundary'))
    .where(sql`event->>'type'`, '=', 'members.changed')
    .executeTakeFirst();
  return row?.boundary === null || row?.boundary === undefined ? undefined : new Date(row.boundary);
}

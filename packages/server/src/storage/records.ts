import {
  NegotiationIdSchema,
  PartyIdSchema,
  RecordIdSchema,
  UserIdSchema,
  type Classification,
  type NegotiationId,
  type NegotiationRecord,
  type RecordId,
  type RecordKind,
} from '@parley/core';
import type { Database } from './database';
import type { RecordsTable } from './schema';

function toRecord(row: RecordsTable): NegotiationRecord {
  return {
    id: RecordIdSchema.parse(row.id),
    negotiationId: NegotiationIdSchema.parse(row.negotiation_id),
    owningPartyId: PartyIdSchema.parse(row.owning_party_id),
    authorId: UserIdSchema.parse(row.author_id),
    kind: row.kind as RecordKind,
    classification: row.classification as Classification,
    title: row.title,
    body: row.body,
    createdAt: row.created_at.toISOString(),
  };
}

export async function insertRecord(db: Database, record: NegotiationRecord): Promise<NegotiationRecord> {
  await db
    .insertInto('records')
    .values({
      id: record.id,
      negotiation_id: record.negotiationId,
      owning_party_id: record.owningPartyId,
      author_id: record.authorId,
      kind: record.kind,
      classification: record.classification,
      title: record.title,
      body: record.body,
      created_at: new Date(record.createdAt),
    })
    .execute();
  return record;
}

export async function findRecord(
  db: Database,
  input: { negotiationId: NegotiationId; recordId: RecordId },
): Promise<NegotiationRecord | undefined> {
  const row = await db
    .selectFrom('records')
    .selectAll()
    .where('id', '=', input.recordId)
    .where('negotiation_id', '=', input.negotiationId)
    .executeTakeFirst();
  return row === undefined ? undefined : toRecord(row);
}

/** All records of a negotiation, newest first; the service filters them through the policy. */
export async function listRecords(db: Database, negotiationId: NegotiationId): Promise<NegotiationRecord[]> {
  const rows = await db
    .selectFrom('records')
    .selectAll()
    .where('negotiation_id', '=', negotiationId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
  return rows.map(toRecord);
}

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
  return { ...toHead(row), body: row.body };
}

function toHead(row: Omit<RecordsTable, 'body'>): RecordHead {
  return {
    id: RecordIdSchema.parse(row.id),
    negotiationId: NegotiationIdSchema.parse(row.negotiation_id),
    owningPartyId: PartyIdSchema.parse(row.owning_party_id),
    authorId: UserIdSchema.parse(row.author_id),
    kind: row.kind as RecordKind,
    classification: row.classification as Classification,
    title: row.title,
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

export type RecordHead = Omit<NegotiationRecord, 'body'>;

/** Every record of a negotiation without its text, newest first. */
export async function listRecordHeads(db: Database, negotiationId: NegotiationId): Promise<RecordHead[]> {
  const rows = await db
    .selectFrom('records')
    .select([
      'id',
      'negotiation_id',
      'owning_party_id',
      'author_id',
      'kind',
      'classification',
      'title',
      'created_at',
    ])
    .where('negotiation_id', '=', negotiationId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
  return rows.map(toHead);
}

/**
 * The records of a negotiation that `admit` lets through, judged on everything but their bodies,
 * newest first. Only admitted bodies are read, so what a viewer may not read costs a row of
 * metadata, not its text: a search or list takes no longer for hidden material's size.
 */
export async function listAdmittedRecords(
  db: Database,
  negotiationId: NegotiationId,
  admit: (head: RecordHead) => boolean,
): Promise<NegotiationRecord[]> {
  const admitted = (await listRecordHeads(db, negotiationId)).filter(admit);
  if (admitted.length === 0) return [];
  const bodies = await db
    .selectFrom('records')
    .select(['id', 'body'])
    .where('negotiation_id', '=', negotiationId)
    .where(
      'id',
      'in',
      admitted.map((record) => record.id),
    )
    .execute();
  const bodyOf = new Map(bodies.map((row) => [row.id, row.body]));
  // A record deleted between the two reads is left out rather than shown without its text.
  return admitted.flatMap((record) => {
    const body = bodyOf.get(record.id);
    return body === undefined ? [] : [{ ...record, body }];
  });
}

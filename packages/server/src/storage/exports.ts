import {
  ExportIdSchema,
  MARK_SCHEMES,
  NegotiationIdSchema,
  PlanVersionIdSchema,
  PointIdSchema,
  RoundIdSchema,
  UserIdSchema,
  type ExportFormat,
  type ExportId,
  type ExportKind,
  type FingerprintPoint,
  type MarkScheme,
  type NegotiationId,
  type PlanVersionId,
  type PointId,
  type RoundId,
  type UserId,
} from '@parley/core';
import type { Database } from './database';
import { lockInNegotiation } from './negotiation-locks';
import type { ExportsTable } from './schema';

/** What was exported: the kind and the ids it was made from. */
export type ExportSubject = {
  readonly kind: ExportKind;
  readonly versionId: PlanVersionId | null;
  readonly compareToVersionId: PlanVersionId | null;
  readonly pointId: PointId | null;
  readonly roundId: RoundId | null;
  /** A record export's record (migration 0150); null for every other kind. */
  readonly recordId: string | null;
};

/**
 * One stored export. The key is secret (it lets anyone forge or trace this recipient's copy);
 * `points` are the canonical blocks it was embedded in and `content` the delivered bytes
 * (both null for Markdown plan versions exported before migration 0041).
 */
export type StoredExport = ExportSubject & {
  readonly id: ExportId;
  readonly negotiationId: NegotiationId;
  readonly recipientUserId: UserId;
  readonly exportedBy: string;
  readonly format: ExportFormat;
  readonly fingerprintKey: string | null;
  /** The mark scheme the copy's fingerprint was made with (1 for every copy before migration 0280). */
  readonly markScheme: MarkScheme;
  readonly points: readonly FingerprintPoint[] | null;
  readonly content: Buffer | null;
  readonly contentHash: string;
  readonly createdAt: string;
};

export async function insertExport(db: Database, row: StoredExport): Promise<void> {
  await db
    .insertInto('exports')
    .values({
      id: row.id,
      negotiation_id: row.negotiationId,
      kind: row.kind,
      version_id: row.versionId,
      compare_to_version_id: row.compareToVersionId,
      point_id: row.pointId,
      round_id: row.roundId,
      record_id: row.recordId,
      recipient_user_id: row.recipientUserId,
      exported_by: row.exportedBy,
      format: row.format,
      fingerprint_key: row.fingerprintKey,
      mark_scheme: row.markScheme,
      fingerprint_points:
        row.points === null ? null : (JSON.stringify(row.points) as unknown as FingerprintPoint[]),
      content: row.content,
      content_hash: row.contentHash,
      created_at: new Date(row.createdAt),
    })
    .execute();
}

type Row = Omit<ExportsTable, 'fingerprint_points' | 'issued'> & { fingerprint_points: unknown };

type SubjectColumns = Pick<ExportsTable, 'version_id' | 'compare_to_version_id' | 'point_id' | 'round_id'>;
function subjectIds(row: SubjectColumns): Omit<ExportSubject, 'kind' | 'recordId'> {
  return {
    versionId: row.version_id === null ? null : PlanVersionIdSchema.parse(row.version_id),
    compareToVersionId:
      row.compare_to_version_id === null ? null : PlanVersionIdSchema.parse(row.compare_to_version_id),
    pointId: row.point_id === null ? null : PointIdSchema.parse(row.point_id),
    roundId: row.round_id === null ? null : RoundIdSchema.parse(row.round_id),
  };
}

/** A stored scheme is one core knows: a row from a newer server is refused, not traced wrongly. */
function markSchemeOf(stored: number): MarkScheme {
  const scheme = MARK_SCHEMES.find((known) => known === stored);
  if (scheme === undefined) throw new Error(`export made with mark scheme ${stored}, unknown to this server`);
  return scheme;
}

function toStoredExport(row: Row): StoredExport {
  // pg parses jsonb; a string only comes from a driver that does not.
  const points =
    typeof row.fingerprint_points === 'string'
      ? (JSON.parse(row.fingerprint_points) as FingerprintPoint[])
      : (row.fingerprint_points as FingerprintPoint[] | null);
  return {
    id: ExportIdSchema.parse(row.id),
    negotiationId: NegotiationIdSchema.parse(row.negotiation_id),
    kind: row.kind,
    ...subjectIds(row),
    recordId: row.record_id ?? null,
    recipientUserId: UserIdSchema.parse(row.recipient_user_id),
    exportedBy: row.exported_by,
    format: row.format,
    fingerprintKey: row.fingerprint_key,
    markScheme: markSchemeOf(row.mark_scheme),
    points,
    content: row.content === null ? null : Buffer.from(row.content),
    contentHash: row.content_hash,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

/**
 * Every export of a negotiation, oldest first; without `negotiationId`, every export there is (the
 * CLI's tracer). Without the delivered bytes: tracing needs keys and blocks, and reading every PDF
 * and DOCX ever issued into memory to trace one excerpt would not scale.
 */
export async function listExports(
  db: Database,
  negotiationId?: string,
): Promise<Omit<StoredExport, 'content'>[]> {
  let query = db
    .selectFrom('exports')
    .select([
      'id',
      'negotiation_id',
      'kind',
      'version_id',
      'compare_to_version_id',
      'point_id',
      'round_id',
      'record_id',
      'recipient_user_id',
      'exported_by',
      'format',
      'fingerprint_key',
      'mark_scheme',
      'fingerprint_points',
      'content_hash',
      'created_at',
    ]);
  if (negotiationId !== undefined) query = query.where('negotiation_id', '=', negotiationId);
  const rows = await query.orderBy('created_at').orderBy('id').execute();
  return rows.map((row) => {
    const { content: _unread, ...stored } = toStoredExport({ ...row, content: null });
    return stored;
  });
}

/** The fingerprint keys of a negotiation's copies: the keys alone, not the blocks each copy holds. */
export async function listFingerprintKeys(db: Database, negotiationId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('exports')
    .select('fingerprint_key')
    .where('negotiation_id', '=', negotiationId)
    .where('fingerprint_key', 'is not', null)
    .orderBy('issued')
    .execute();
  return rows.flatMap((row) => (row.fingerprint_key === null ? [] : [row.fingerprint_key]));
}

/** The key of a recipient's latest fingerprinted copy in a negotiation, if they hold one. */
export async function findRecipientKey(
  db: Database,
  input: { negotiationId: string; recipientUserId: string },
): Promise<string | undefined> {
  const row = await db
    .selectFrom('exports')
    .select('fingerprint_key')
    .where('negotiation_id', '=', input.negotiationId)
    .where('recipient_user_id', '=', input.recipientUserId)
    .where('fingerprint_key', 'is not', null)
    .orderBy('issued', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.fingerprint_key ?? undefined;
}

/**
 * The same keys, read under a lock held until the caller's transaction ends: two copies committed
 * at once, from any process, see each other's keys.
 */
export async function lockedFingerprintKeys(tx: Database, negotiationId: string): Promise<string[]> {
  await lockInNegotiation(tx, 'exportKeys', negotiationId);
  return listFingerprintKeys(tx, negotiationId);
}

export async function findExport(
  db: Database,
  input: { negotiationId: string; exportId: ExportId },
): Promise<StoredExport | undefined> {
  const row = await db
    .selectFrom('exports')
    .selectAll()
    .where('negotiation_id', '=', input.negotiationId)
    .where('id', '=', input.exportId)
    .executeTakeFirst();
  return row === undefined ? undefined : toStoredExport(row);
}

/** A register row: what was exported for whom; the key, blocks and bytes stay in the table. */
export type ExportRegisterRow = ExportSubject & {
  readonly id: ExportId;
  readonly recipientUserId: UserId;
  readonly format: ExportFormat;
  readonly isFingerprinted: boolean;
  readonly contentHash: string;
  readonly createdAt: string;
};

/** The negotiation's exports, newest first, without their keys or bytes. */
export async function listExportRegister(db: Database, negotiationId: string): Promise<ExportRegisterRow[]> {
  const rows = await db
    .selectFrom('exports')
    .select([
      'id',
      'kind',
      'version_id',
      'compare_to_version_id',
      'point_id',
      'round_id',
      'record_id',
      'recipient_user_id',
      'format',
      'fingerprint_key',
      'content_hash',
      'created_at',
    ])
    .where('negotiation_id', '=', negotiationId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map((row) => ({
    id: ExportIdSchema.parse(row.id),
    kind: row.kind,
    ...subjectIds(row),
    recordId: row.record_id,
    recipientUserId: UserIdSchema.parse(row.recipient_user_id),
    format: row.format,
    isFingerprinted: row.fingerprint_key !== null,
    contentHash: row.content_hash,
    createdAt: new Date(row.created_at).toISOString(),
  }));
}

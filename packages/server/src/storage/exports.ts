import type { Database } from './database';

export type ExportsTable = {
  id: string;
  negotiation_id: string;
  version_id: string;
  recipient_user_id: string;
  exported_by: string;
  format: 'markdown';
  fingerprint_key: string;
  content_hash: string;
  created_at: Date;
};

/** One stored export; the key is secret (it lets anyone forge or trace this recipient's copy). */
export type StoredExport = {
  readonly id: string;
  readonly negotiationId: string;
  readonly versionId: string;
  readonly recipientUserId: string;
  readonly exportedBy: string;
  readonly format: 'markdown';
  readonly fingerprintKey: string;
  readonly contentHash: string;
  readonly createdAt: string;
};

export async function insertExport(db: Database, row: StoredExport): Promise<void> {
  await db.insertInto('exports').values({
    id: row.id, negotiation_id: row.negotiationId, version_id: row.versionId, recipient_user_id: row.recipientUserId,
    exported_by: row.exportedBy, format: row.format, fingerprint_key: row.fingerprintKey, content_hash: row.contentHash,
    created_at: new Date(row.createdAt),
  }).execute();
}

export async function listExports(db: Database, negotiationId: string): Promise<StoredExport[]> {
  const rows = await db.selectFrom('exports').selectAll().where('negotiation_id', '=', negotiationId).orderBy('created_at').orderBy('id').execute();
  return rows.map((row) => ({
    id: row.id, negotiationId: row.negotiation_id, versionId: row.version_id, recipientUserId: row.recipient_user_id,
    exportedBy: row.exported_by, format: row.format, fingerprintKey: row.fingerprint_key, contentHash: row.content_hash,
    createdAt: new Date(row.created_at).toISOString(),
  }));
}

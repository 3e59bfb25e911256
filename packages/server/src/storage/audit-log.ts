import { sql } from 'kysely';
import type { Database } from './database';
import type { AuditLogTable } from './schema';

/** An audit entry as stored; `seq` is a number (a chain of 2^53 entries is not a concern). */
export type StoredAuditEntry = {
  seq: number;
  at: Date;
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  negotiationId: string | null;
  detail: Record<string, unknown>;
  ip: string | null;
  prevHash: string;
  hash: string;
};

// Any constant works; it only has to be the same for every writer of this database.
const AUDIT_CHAIN_LOCK = 7_402_913;

/** Serialises chain appends until the caller's transaction ends, so two writers never fork the chain. */
export async function lockAuditChain(tx: Database): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`.execute(tx);
}

export async function findAuditHead(db: Database): Promise<{ seq: number; hash: string } | undefined> {
  const row = await db
    .selectFrom('audit_head')
    .select(['seq', 'hash'])
    .where('id', '=', 1)
    .executeTakeFirst();
  return row === undefined ? undefined : { seq: Number(row.seq), hash: row.hash };
}

/** Appends entries that continue the chain, in one statement, and moves the head to the last of them. */
export async function insertAuditEntries(tx: Database, entries: readonly StoredAuditEntry[]): Promise<void> {
  const last = entries.at(-1);
  if (last === undefined) return;
  await tx
    .insertInto('audit_log')
    .values(
      entries.map((entry) => ({
        seq: String(entry.seq),
        at: entry.at,
        actor_id: entry.actorId,
        action: entry.action,
        subject_type: entry.subjectType,
        subject_id: entry.subjectId,
        negotiation_id: entry.negotiationId,
        detail: JSON.stringify(entry.detail),
        ip: entry.ip,
        prev_hash: entry.prevHash,
        hash: entry.hash,
      })),
    )
    .execute();
  await tx
    .insertInto('audit_head')
    .values({ id: 1, seq: String(last.seq), hash: last.hash })
    .onConflict((conflict) => conflict.column('id').doUpdateSet({ seq: String(last.seq), hash: last.hash }))
    .execute();
}

/** Entries in physical `seq` order, a page at a time (verification streams the whole log). */
export async function listAuditEntries(
  db: Database,
  options: { afterSeq: number; limit: number; negotiationId?: string },
): Promise<StoredAuditEntry[]> {
  let query = db.selectFrom('audit_log').selectAll().where('seq', '>', String(options.afterSeq));
  if (options.negotiationId !== undefined) query = query.where('negotiation_id', '=', options.negotiationId);
  const rows = await query.orderBy('seq').limit(options.limit).execute();
  return rows.map(toStoredAuditEntry);
}

function toStoredAuditEntry(row: AuditLogTable): StoredAuditEntry {
  return {
    seq: Number(row.seq),
    at: new Date(row.at),
    actorId: row.actor_id,
    action: row.action,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    negotiationId: row.negotiation_id,
    detail: (typeof row.detail === 'string' ? JSON.parse(row.detail) : row.detail) as Record<string, unknown>,
    ip: row.ip,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/**
 * One negotiation's entries, newest first, before `beforeSeq` (exclusive). `actionFamily` keeps
 * an action (`record.read`) or a family (`record` → `record.*`); it is a validated `[a-z0-9.-]`
 * word, so it cannot carry LIKE wildcards.
 */
export async function listNegotiationAuditEntries(
  db: Database,
  options: { negotiationId: string; beforeSeq?: number; actionFamily?: string; limit: number },
): Promise<StoredAuditEntry[]> {
  let query = db.selectFrom('audit_log').selectAll().where('negotiation_id', '=', options.negotiationId);
  if (options.beforeSeq !== undefined) query = query.where('seq', '<', String(options.beforeSeq));
  const family = options.actionFamily;
  if (family !== undefined)
    query = query.where((where) =>
      where.or([where('action', '=', family), where('action', 'like', `${family}.%`)]),
    );
  const rows = await query.orderBy('seq', 'desc').limit(options.limit).execute();
  return rows.map(toStoredAuditEntry);
}

/** The entry with this hash in this negotiation (the audit page's cursor, an inclusion proof's subject). */
export async function findNegotiationAuditEntry(
  db: Database,
  input: { negotiationId: string; hash: string },
): Promise<StoredAuditEntry | undefined> {
  const row = await db
    .selectFrom('audit_log')
    .selectAll()
    .where('negotiation_id', '=', input.negotiationId)
    .where('hash', '=', input.hash)
    .executeTakeFirst();
  return row === undefined ? undefined : toStoredAuditEntry(row);
}

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
  /**
   * Hashed with the other fields so a hidden entry's hash cannot be guessed from a proof path;
   * secret: no presenter may show it. NULL on entries written before migration 0270.
   */
  salt: string | null;
  hash: string;
};

/** The last entry of the chain: what the next entry's `prevHash` must be. */
export type AuditHead = { seq: number; hash: string };

// Any constant works; it only has to be the same for every writer of this database.
const AUDIT_CHAIN_LOCK = 7_402_913;

/** Serialises chain appends until the caller's transaction ends, so two writers never fork the chain. */
export async function lockAuditChain(tx: Database): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`.execute(tx);
}

export async function findAuditHead(db: Database): Promise<AuditHead | undefined> {
  const row = await db
    .selectFrom('audit_head')
    .select(['seq', 'hash'])
    .where('id', '=', 1)
    .executeTakeFirst();
  return row === undefined ? undefined : { seq: Number(row.seq), hash: row.hash };
}

/**
 * Appends entries chained to `expected` (undefined: the chain is empty) and moves the head to the
 * last of them, in one call that takes the chain's lock (migration 0230). When the head is not
 * `expected`, nothing is written and the head is returned: inside a transaction the lock is then
 * held, so entries chained to that head go in on the next call.
 */
export async function appendAuditEntries(
  db: Database,
  expected: AuditHead | undefined,
  entries: readonly StoredAuditEntry[],
): Promise<{ appended: boolean; head: AuditHead | undefined }> {
  const rows = entries.map((entry) => ({ ...entry, seq: String(entry.seq), at: entry.at.toISOString() }));
  const { rows: answer } = await sql<{
    head_seq: string | null;
    head_hash: string | null;
    appended: boolean;
  }>`
    SELECT head_seq, head_hash, appended
    FROM audit_append(${expected === undefined ? null : String(expected.seq)}::bigint,
      ${expected?.hash ?? null}::text, ${JSON.stringify(rows)}::jsonb)`.execute(db);
  const row = answer[0];
  if (row === undefined) throw new Error('audit_append returned no row');
  const head =
    row.head_seq === null || row.head_hash === null
      ? undefined
      : { seq: Number(row.head_seq), hash: row.head_hash };
  return { appended: row.appended, head };
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
    salt: row.salt,
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

/** The audit root's right edge as a process last kept it (audit/audit-root.ts). */
export type StoredAuditFrontier = {
  lastSeq: number;
  lastEntryHash: string;
  peaks: { leaves: number; hash: string }[];
};

export async function findAuditFrontier(db: Database): Promise<StoredAuditFrontier | undefined> {
  const row = await db.selectFrom('audit_frontier').selectAll().where('id', '=', 1).executeTakeFirst();
  if (row === undefined) return undefined;
  const peaks = typeof row.peaks === 'string' ? (JSON.parse(row.peaks) as unknown) : row.peaks;
  return {
    lastSeq: Number(row.last_seq),
    lastEntryHash: row.last_entry_hash,
    peaks: Array.isArray(peaks) ? (peaks as StoredAuditFrontier['peaks']) : [],
  };
}

/** Keeps the frontier a process last computed; any process may overwrite it (each is checked on use). */
export async function saveAuditFrontier(db: Database, frontier: StoredAuditFrontier): Promise<void> {
  const values = {
    last_seq: String(frontier.lastSeq),
    last_entry_hash: frontier.lastEntryHash,
    peaks: JSON.stringify(frontier.peaks),
  };
  await db
    .insertInto('audit_frontier')
    .values({ id: 1, ...values })
    .onConflict((conflict) => conflict.column('id').doUpdateSet(values))
    .execute();
}

import {
  findAuditHead,
  insertAuditEntries,
  lockAuditChain,
  type StoredAuditEntry,
} from '../storage/audit-log';
import type { Database } from '../storage/database';
import { GENESIS_HASH, hashAuditEntry } from './hash-entry';
import { currentClientAddress } from './read-context';

export type AuditInput = {
  actorId: string | null;
  /** `resource.verb`, e.g. `record.read`, `position.create`. */
  action: string;
  subjectType: string;
  subjectId: string | null;
  negotiationId: string | null;
  detail?: Record<string, unknown>;
  /** The client address; when left out, the address of the request being served. */
  ip?: string | null;
  /** Defaults to the wall clock; services pass their injected clock's time. */
  at?: Date;
};

/**
 * Appends one hash-chained entry inside the caller's transaction: it commits or rolls back with
 * the change it describes. Call it with the transaction, never with the bare database, on every
 * write and every read of restricted material.
 */
export async function recordAudit(tx: Database, input: AuditInput): Promise<void> {
  await recordAudits(tx, [input]);
}

/**
 * Appends entries in order, chained one to the next, under one take of the chain's lock: a batch
 * of reads costs four statements, not four per entry (issue #15).
 */
export async function recordAudits(
  tx: Database,
  inputs: readonly AuditInput[],
  /** Only where nothing else can append meanwhile (one PGlite process, one transaction at a time). */
  options: { chainLocked?: boolean } = {},
): Promise<void> {
  if (inputs.length === 0) return;
  if (options.chainLocked !== true) await lockAuditChain(tx);
  const head = await findAuditHead(tx);
  let seq = head?.seq ?? 0;
  let prevHash = head?.hash ?? GENESIS_HASH;
  const entries: StoredAuditEntry[] = [];
  for (const input of inputs) {
    seq += 1;
    const fields = {
      seq,
      at: input.at ?? new Date(),
      actorId: input.actorId,
      action: input.action,
      subjectType: input.subjectType,
      subjectId: input.subjectId,
      negotiationId: input.negotiationId,
      detail: input.detail ?? {},
      ip: input.ip !== undefined ? input.ip : currentClientAddress(),
      prevHash,
    };
    prevHash = hashAuditEntry(fields);
    entries.push({ ...fields, hash: prevHash });
  }
  await insertAuditEntries(tx, entries);
}

import {
  appendAuditEntries,
  lockAuditChain,
  type AuditHead,
  type StoredAuditEntry,
} from '../storage/audit-log';
import type { Database } from '../storage/database';
import { GENESIS_HASH, hashAuditEntry, makeAuditSalt } from './hash-entry';
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
 * The head this process last saw, by database: a guess the append checks (audit_append appends
 * only onto the head it names), so a wrong guess (another process appended, a transaction rolled
 * back) costs one more call, never a fork. Keyed by the database's executor adapter, which its
 * transactions share.
 */
const LAST_HEADS = new WeakMap<object, AuditHead | undefined>();
/** Outside a transaction the lock ends with each call; after this many misses, the chain is locked first. */
const OPTIMISTIC_ATTEMPTS = 3;

/**
 * Appends entries in order, chained one to the next, in one call that takes the chain's lock:
 * one round trip under the lock, not four (issue #15). Inside a transaction the entries commit or
 * roll back with it.
 */
export async function recordAudits(tx: Database, inputs: readonly AuditInput[]): Promise<void> {
  if (inputs.length === 0) return;
  const key = tx.getExecutor().adapter;
  // No guess yet: "empty", which the first call corrects if the chain is not.
  let head = LAST_HEADS.get(key);
  for (let attempt = 0; ; attempt += 1) {
    if (!tx.isTransaction && attempt === OPTIMISTIC_ATTEMPTS) {
      await tx.transaction().execute(async (locked) => {
        await lockAuditChain(locked);
        await recordAudits(locked, inputs);
      });
      return;
    }
    const entries = chain(inputs, head);
    const result = await appendAuditEntries(tx, head, entries);
    LAST_HEADS.set(key, result.head);
    if (result.appended) return;
    head = result.head;
  }
}

function chain(inputs: readonly AuditInput[], head: AuditHead | undefined): StoredAuditEntry[] {
  let seq = head?.seq ?? 0;
  let prevHash = head?.hash ?? GENESIS_HASH;
  return inputs.map((input) => {
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
      salt: makeAuditSalt(),
    };
    prevHash = hashAuditEntry(fields);
    return { ...fields, hash: prevHash };
  });
}

import { createHash } from 'node:crypto';
import type { StoredAuditEntry } from '../storage/audit-log';

/** The first entry's `prevHash`: 64 zeros, so every entry has the same shape. */
export const GENESIS_HASH = '0'.repeat(64);

/** Every stored field but the hash itself. */
export type HashedFields = Omit<StoredAuditEntry, 'hash'>;

/**
 * JSON with object keys sorted at every depth. jsonb re-orders keys when it stores them, so the
 * hash must not depend on the order a caller wrote them in.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, member]) => member !== undefined)
      .sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0));
    return `{${entries.map(([key, member]) => `${JSON.stringify(key)}:${canonicalJson(member)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** SHA-256 over the previous hash and every stored field, including `seq` (so reordering shows). */
export function hashAuditEntry(fields: HashedFields): string {
  const body = canonicalJson({ ...fields, at: fields.at.toISOString() });
  return createHash('sha256').update(body).digest('hex');
}

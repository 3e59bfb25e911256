import { createHash, randomBytes } from 'node:crypto';
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

/**
 * SHA-256 over the previous hash and every stored field, including `seq` (so reordering shows).
 * An entry without a salt (written before migration 0270) leaves it out, so it hashes as it did.
 */
export function hashAuditEntry(fields: HashedFields): string {
  const body = canonicalJson({ ...fields, at: fields.at.toISOString(), salt: fields.salt ?? undefined });
  return createHash('sha256').update(body).digest('hex');
}

/**
 * A new entry's salt. 128 random bits: an inclusion proof shows the hashes of neighbouring entries
 * the caller may not see, and without a secret among their fields those could be guessed.
 */
export function makeAuditSalt(): string {
  return randomBytes(16).toString('hex');
}

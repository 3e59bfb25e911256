import { createHash } from 'node:crypto';
import { hashLeaf, MerkleTree, type HashFunction } from '@parley/core';
import { listAuditEntries } from '../storage/audit-log';
import type { Database } from '../storage/database';
import { hashAuditEntry } from './hash-entry';

export const nodeSha256: HashFunction = (bytes) => createHash('sha256').update(bytes).digest();

/**
 * An entry's leaf is its id — SHA-256 over every stored field, the previous hash included — as a
 * leaf of RFC 6962: SHA-256(0x00 ‖ those 32 bytes). A party shown an entry can compute it.
 */
export function auditLeafHash(entryHash: string): Uint8Array {
  return hashLeaf(Buffer.from(entryHash, 'hex'), nodeSha256);
}

const PAGE = 1000;

/**
 * The Merkle tree over every entry as the database holds it now. The leaves are recomputed from
 * each entry's fields, not read from its stored hash, so an edited entry changes the tree even if
 * its hash column was left alone. What `parley audit verify` checks a checkpoint against.
 */
export async function loadAuditTree(db: Database): Promise<MerkleTree> {
  const tree = new MerkleTree(nodeSha256);
  for await (const page of hashedAuditPages(db, 0))
    tree.append(page.map(({ entryHash }) => auditLeafHash(entryHash)));
  return tree;
}

/** The entries after `afterSeq`, a page at a time, each with its hash recomputed from its fields. */
export async function* hashedAuditPages(
  db: Database,
  afterSeq: number,
): AsyncGenerator<{ seq: number; entryHash: string }[]> {
  for (let after = afterSeq; ;) {
    const page = await listAuditEntries(db, { afterSeq: after, limit: PAGE });
    yield page.map(({ hash: _stored, ...fields }) => ({
      seq: fields.seq,
      entryHash: hashAuditEntry(fields),
    }));
    const last = page.at(-1);
    if (last === undefined || page.length < PAGE) return;
    after = last.seq;
  }
}

import { createHash } from 'node:crypto';
import { hashLeaf, type HashFunction } from '@parley/core';
import { listAuditEntries } from '../storage/audit-log';
import type { Database } from '../storage/database';
import { hashAuditEntry } from './hash-entry';

// Reading the audit log as the leaves of its Merkle tree: every reader (a tree read whole, the
// kept tree proofs come from, the checkpoint's kept root) goes through these.

export const nodeSha256: HashFunction = (bytes) => createHash('sha256').update(bytes).digest();

/**
 * An entry's leaf is its id — SHA-256 over every stored field, the previous hash included — as a
 * leaf of RFC 6962: SHA-256(0x00 ‖ those 32 bytes). A party shown an entry can compute it.
 */
export function auditLeafHash(entryHash: string): Uint8Array {
  return hashLeaf(Buffer.from(entryHash, 'hex'), nodeSha256);
}

const PAGE = 1000;

/** The entries after `afterSeq`, a page at a time, each with its hash recomputed from its fields. */
async function* hashedAuditPages(
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

/** How far a kept copy of the log's tree has read: the last entry, as it was hashed then. */
export type LogPosition = { lastSeq: number; lastEntryHash: string };

/** Takes the leaves of entries read, in log order. */
export type LeafSink = (leafHashes: Uint8Array[]) => void;

/**
 * Feeds `sink` the leaves of every entry after `from.lastSeq` and gives the new position, or gives
 * undefined, before feeding anything, when the database no longer holds that last entry as it was
 * hashed (deleted, edited, or re-hashed with everything after it, as a full rewrite of the chain
 * must): the prefix may have changed, so the caller reads the log again with readLogAll.
 */
export async function readLogOn(
  db: Database,
  from: LogPosition,
  sink: LeafSink,
): Promise<LogPosition | undefined> {
  const position: LogPosition = { lastSeq: from.lastSeq, lastEntryHash: from.lastEntryHash };
  let sawLast = false;
  for await (const page of hashedAuditPages(db, from.lastSeq - 1)) {
    const leaves: Uint8Array[] = [];
    for (const entry of page) {
      if (sawLast) {
        leaves.push(auditLeafHash(entry.entryHash));
        position.lastSeq = entry.seq;
        position.lastEntryHash = entry.entryHash;
      } else if (entry.seq === from.lastSeq && entry.entryHash === from.lastEntryHash) sawLast = true;
      else return undefined;
    }
    sink(leaves);
  }
  return sawLast ? position : undefined;
}

/** Feeds `sink` the leaves of the whole log and gives the position it ends at. */
export async function readLogAll(db: Database, sink: LeafSink): Promise<LogPosition> {
  const position: LogPosition = { lastSeq: 0, lastEntryHash: '' };
  for await (const page of hashedAuditPages(db, 0)) {
    sink(page.map(({ entryHash }) => auditLeafHash(entryHash)));
    const last = page.at(-1);
    if (last !== undefined) Object.assign(position, { lastSeq: last.seq, lastEntryHash: last.entryHash });
  }
  return position;
}

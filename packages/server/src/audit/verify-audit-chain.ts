import { findAuditHead, listAuditEntries } from '../storage/audit-log';
import type { Database } from '../storage/database';
import { GENESIS_HASH, hashAuditEntry } from './hash-entry';

export type AuditChainReport =
  { ok: true; entries: number } | { ok: false; entries: number; firstBrokenSeq: number; reason: string };

const PAGE = 1000;

/**
 * Recomputes the chain from the first entry. An edited entry no longer matches its hash; a
 * deleted or reordered one leaves a gap in `seq` or a `prevHash` that names another entry; a cut
 * tail no longer reaches the head.
 */
export async function verifyAuditChain(db: Database): Promise<AuditChainReport> {
  let expectedSeq = 1;
  let previousHash = GENESIS_HASH;
  let count = 0;
  for (;;) {
    const page = await listAuditEntries(db, { afterSeq: expectedSeq - 1, limit: PAGE });
    for (const entry of page) {
      const broken = (reason: string): AuditChainReport => ({
        ok: false,
        entries: count,
        firstBrokenSeq: entry.seq,
        reason,
      });
      if (entry.seq !== expectedSeq) {
        return {
          ok: false,
          entries: count,
          firstBrokenSeq: expectedSeq,
          reason: `entry ${expectedSeq} is missing (next entry is ${entry.seq})`,
        };
      }
      if (entry.prevHash !== previousHash)
        return broken(`entry ${entry.seq} does not follow entry ${entry.seq - 1} (previous hash differs)`);
      const { hash, ...fields } = entry;
      if (hashAuditEntry(fields) !== hash)
        return broken(`entry ${entry.seq} was altered (its content no longer matches its hash)`);
      previousHash = hash;
      expectedSeq++;
      count++;
    }
    if (page.length < PAGE) break;
  }
  const head = await findAuditHead(db);
  if (head !== undefined && (head.seq !== count || head.hash !== previousHash)) {
    return {
      ok: false,
      entries: count,
      firstBrokenSeq: count + 1,
      reason: `the log ends at entry ${count} but its head records entry ${head.seq}: entries were removed from the end`,
    };
  }
  return { ok: true, entries: count };
}

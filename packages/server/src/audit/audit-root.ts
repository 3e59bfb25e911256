import { bytesToHex, hexToBytes, MerkleFrontier } from '@parley/core';
import { findAuditFrontier, saveAuditFrontier } from '../storage/audit-log';
import type { Database } from '../storage/database';
import { nodeSha256, readLogAll, readLogOn, type LogPosition } from './read-log';
import { shareLoads } from './share-loads';

export type AuditRoot = { readonly treeSize: number; readonly rootHash: Uint8Array };

/** How far a database's log was read: its root so far, and the last entry as it was hashed then. */
type ReadSoFar = LogPosition & { frontier: MerkleFrontier; savedSize?: number };

/** The stored frontier (migration 0240) is written again once a process has read this many entries on. */
const SAVE_EVERY = 1000;
const READ_SO_FAR = new WeakMap<Database, ReadSoFar>();

const appendTo = (frontier: MerkleFrontier) => (leaves: Uint8Array[]) => {
  for (const leaf of leaves) frontier.append(leaf);
};

async function readOn(db: Database, from: ReadSoFar): Promise<ReadSoFar | undefined> {
  const position = await readLogOn(db, from, appendTo(from.frontier));
  return position && Object.assign(from, position);
}

async function readAll(db: Database): Promise<ReadSoFar> {
  const frontier = new MerkleFrontier(nodeSha256);
  return { frontier, ...(await readLogAll(db, appendTo(frontier))) };
}

/** Where another process (or this one, before a restart) left off, if the stored edge is well formed. */
async function storedSoFar(db: Database): Promise<ReadSoFar | undefined> {
  // A row that cannot be read as an edge (a hand edit, a half-written value) is none: read the log.
  const stored = await findAuditFrontier(db).catch(() => undefined);
  if (stored === undefined || stored.lastSeq <= 0) return undefined;
  const peaks = stored.peaks.map((peak) => ({
    leaves: peak.leaves,
    hash:
      typeof peak.hash === 'string' && /^[0-9a-f]{64}$/.test(peak.hash)
        ? hexToBytes(peak.hash)
        : new Uint8Array(0),
  }));
  const frontier = MerkleFrontier.fromPeaks(peaks, nodeSha256);
  if (frontier === undefined) return undefined;
  return { frontier, lastSeq: stored.lastSeq, lastEntryHash: stored.lastEntryHash, savedSize: frontier.size };
}

async function save(db: Database, soFar: ReadSoFar): Promise<void> {
  const size = soFar.frontier.size;
  if (soFar.lastSeq <= 0 || (soFar.savedSize !== undefined && size - soFar.savedSize < SAVE_EVERY)) return;
  // Only a head start for the next process: a checkpoint does not fail because it could not be kept.
  await saveAuditFrontier(db, {
    lastSeq: soFar.lastSeq,
    lastEntryHash: soFar.lastEntryHash,
    peaks: soFar.frontier.edge.map(({ leaves, hash }) => ({ leaves, hash: bytesToHex(hash) })),
  }).then(
    () => (soFar.savedSize = size),
    () => undefined,
  );
}

/**
 * The size and root of the whole log as the database holds it now, for a signed checkpoint: what
 * every event stream is sent when it opens, and every export ends with (issue #15). Re-hashing the
 * whole log for each, as proofs still do, made opening a stream cost more the longer the instance
 * ran (2.8–3.2 s per load of a 100,000-entry log on PGlite; the first write after 1,000 streams
 * opened reached the last of them after 0.9–2.1 s). So the root is kept per database (log n
 * nodes) and only entries appended since are read (1.1–1.4 ms at that size), after re-reading
 * the last entry it covers: a rewrite that re-hashed the chain, or cut it, changes that entry and
 * the whole log is read again. An entry edited behind an intact chain (its hash left alone) keeps
 * the root of the log as it was written; `parley audit verify --checkpoint` against the database
 * then fails on it, as it must. Every caller gets a root read after its call; loads are shared.
 * A new process starts from the edge the last one stored (migration 0240), checked the same way:
 * at 100,000 entries its first checkpoint took 2.8 s, now 3–5 ms.
 */
export const loadAuditRootShared = shareLoads(async (db: Database): Promise<AuditRoot> => {
  const kept = READ_SO_FAR.get(db) ?? (await storedSoFar(db));
  const current =
    (kept !== undefined && kept.lastSeq > 0 ? await readOn(db, kept) : undefined) ?? (await readAll(db));
  READ_SO_FAR.set(db, current);
  await save(db, current);
  return { treeSize: current.frontier.size, rootHash: current.frontier.root() };
});

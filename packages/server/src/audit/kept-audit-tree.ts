import { MerkleTree } from '@parley/core';
import type { Database } from '../storage/database';
import { nodeSha256, readLogAll, readLogOn, type LogPosition } from './read-log';
import { shareLoads } from './share-loads';

type KeptTree = LogPosition & { tree: MerkleTree };
const KEPT_TREES = new WeakMap<Database, KeptTree>();

/**
 * The tree of the log as the database holds it now, for proofs. Rebuilding it per request cost
 * 2.8–3.2 s of hashing at 100,000 entries, for every proof; so the tree is kept per database and
 * read on as the checkpoint's root is (audit-root.ts): from the last entry it covers, re-hashed
 * from its fields first, and read whole again when that entry changed or is gone. An entry edited
 * behind an intact chain (hash column left alone) keeps its leaf as written, as it keeps the
 * signed root; `parley audit verify` against the database fails on it. Callers must not change
 * the tree; one kept tree only ever grows, so a proof taken at its size stays a proof.
 */
async function loadKeptAuditTree(db: Database): Promise<MerkleTree> {
  const kept = KEPT_TREES.get(db);
  const append = (tree: MerkleTree) => (leaves: Uint8Array[]) => tree.append(leaves);
  const readOn = kept && (await readLogOn(db, kept, append(kept.tree)));
  if (kept !== undefined && readOn !== undefined) {
    Object.assign(kept, readOn);
    return kept.tree;
  }
  const tree = new MerkleTree(nodeSha256);
  KEPT_TREES.set(db, { tree, ...(await readLogAll(db, append(tree))) });
  return tree;
}

/**
 * The kept tree for callers that read proofs from it: a call joins a load that has not started
 * yet, or queues the next one behind the load running now, so every caller gets a tree read on
 * from the database after its call, never an older one.
 */
export const loadAuditTreeShared = shareLoads(loadKeptAuditTree);

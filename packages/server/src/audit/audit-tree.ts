import { MerkleTree } from '@parley/core';
import type { Database } from '../storage/database';
import { nodeSha256, readLogAll } from './read-log';

/**
 * The Merkle tree over every entry as the database holds it now. The leaves are recomputed from
 * each entry's fields, not read from its stored hash, so an edited entry changes the tree even if
 * its hash column was left alone. What `parley audit verify` checks a checkpoint against.
 */
export async function loadAuditTree(db: Database): Promise<MerkleTree> {
  const tree = new MerkleTree(nodeSha256);
  await readLogAll(db, (leaves) => tree.append(leaves));
  return tree;
}

export { MerkleFrontier } from './merkle-frontier';
export { hashChildren, hashLeaf, MerkleTree, splitPoint, type HashFunction } from './merkle-tree';
export { bytesToHex, hexToBytes, verifyConsistency, verifyInclusion } from './verify-proof';

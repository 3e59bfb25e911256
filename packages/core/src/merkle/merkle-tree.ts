import { sha256 } from '../fingerprint/sha256';

// Certificate Transparency's Merkle tree (RFC 6962 §2.1, RFC 9162 §2.1): leaves and interior
// nodes are hashed with different prefixes so a leaf can never pose as a node.

/** Hashes bytes; the server passes node:crypto's SHA-256, a browser the pure one. */
export type HashFunction = (bytes: Uint8Array) => Uint8Array;

/** SHA-256(0x00 ‖ data). */
export function hashLeaf(data: Uint8Array, hash: HashFunction = sha256): Uint8Array {
  const bytes = new Uint8Array(data.length + 1);
  bytes.set(data, 1);
  return hash(bytes);
}

/** SHA-256(0x01 ‖ left ‖ right). */
export function hashChildren(left: Uint8Array, right: Uint8Array, hash: HashFunction = sha256): Uint8Array {
  const bytes = new Uint8Array(1 + left.length + right.length);
  bytes[0] = 1;
  bytes.set(left, 1);
  bytes.set(right, 1 + left.length);
  return hash(bytes);
}

/** The largest power of two smaller than n (n ≥ 2): where RFC 6962 splits a tree. */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** 32-byte hashes stored end to end in one growing buffer: a node costs its 32 bytes, not an object. */
class HashColumn {
  private bytes = new Uint8Array(32 * 64);
  length = 0;

  push(hash: Uint8Array): void {
    if (hash.length !== 32) throw new RangeError('a node hash is 32 bytes');
    if (32 * (this.length + 1) > this.bytes.length) {
      const grown = new Uint8Array(this.bytes.length * 2);
      grown.set(this.bytes);
      this.bytes = grown;
    }
    this.bytes.set(hash, 32 * this.length);
    this.length += 1;
  }

  /** A copy of node `index`: the buffer is replaced as it grows. */
  at(index: number): Uint8Array | undefined {
    if (index < 0 || index >= this.length) return undefined;
    return this.bytes.slice(32 * index, 32 * (index + 1));
  }
}

/**
 * A tree over leaf hashes that keeps every complete, aligned subtree (level L holds the roots of
 * the subtrees of 2^L leaves). Appending leaves never changes a stored node, so the tree grows
 * with the log; any range's hash (MTH) is put together from at most 2·log n stored nodes. Each
 * level is one buffer: a log of a million entries holds 64 MB of hashes and a few hundred objects.
 */
export class MerkleTree {
  private readonly levels: HashColumn[] = [new HashColumn()];

  constructor(private readonly hash: HashFunction = sha256) {}

  get size(): number {
    return this.levels[0]?.length ?? 0;
  }

  /** Leaf `index`'s hash (a copy). */
  leafHash(index: number): Uint8Array | undefined {
    return this.levels[0]?.at(index);
  }

  append(leafHashes: readonly Uint8Array[]): void {
    const leaves = this.levels[0] as HashColumn;
    for (const leaf of leafHashes) leaves.push(leaf);
    for (let level = 0; ; level++) {
      const below = this.levels[level] as HashColumn;
      if (below.length < 2) break;
      const above = this.levels[level + 1] ?? new HashColumn();
      this.levels[level + 1] = above;
      for (let index = above.length; index < Math.floor(below.length / 2); index++)
        above.push(
          hashChildren(below.at(2 * index) as Uint8Array, below.at(2 * index + 1) as Uint8Array, this.hash),
        );
    }
  }

  /** MTH(D[start:end]) (RFC 6962 §2.1); the empty tree's hash is SHA-256 of nothing. */
  rangeHash(start: number, end: number): Uint8Array {
    const size = end - start;
    if (size <= 0) return this.hash(new Uint8Array(0));
    const level = Math.log2(size);
    if (Number.isInteger(level) && start % size === 0) {
      const node = this.levels[level]?.at(start / size);
      if (node !== undefined) return node;
    }
    const k = splitPoint(size);
    return hashChildren(this.rangeHash(start, start + k), this.rangeHash(start + k, end), this.hash);
  }

  root(treeSize: number = this.size): Uint8Array {
    return this.rangeHash(0, treeSize);
  }

  /** PATH(m, D[0:n]): the audit path of leaf m in the tree of the first n leaves (RFC 6962 §2.1.1). */
  inclusionProof(leafIndex: number, treeSize: number = this.size): Uint8Array[] {
    if (leafIndex < 0 || leafIndex >= treeSize || treeSize > this.size) throw new RangeError('no such leaf');
    return this.path(leafIndex, 0, treeSize);
  }

  private path(m: number, start: number, end: number): Uint8Array[] {
    if (end - start <= 1) return [];
    const k = splitPoint(end - start);
    return m < k
      ? [...this.path(m, start, start + k), this.rangeHash(start + k, end)]
      : [...this.path(m - k, start + k, end), this.rangeHash(start, start + k)];
  }

  /** PROOF(m, D[0:n]): that the tree of the first m leaves is a prefix of the first n (RFC 6962 §2.1.2). */
  consistencyProof(oldSize: number, newSize: number = this.size): Uint8Array[] {
    if (oldSize < 0 || oldSize > newSize || newSize > this.size) throw new RangeError('no such tree size');
    if (oldSize === 0 || oldSize === newSize) return [];
    return this.subproof(oldSize, { start: 0, end: newSize }, true);
  }

  private subproof(m: number, range: { start: number; end: number }, isWholeOldTree: boolean): Uint8Array[] {
    const { start, end } = range;
    const n = end - start;
    if (m === n) return isWholeOldTree ? [] : [this.rangeHash(start, end)];
    const k = splitPoint(n);
    return m <= k
      ? [...this.subproof(m, { start, end: start + k }, isWholeOldTree), this.rangeHash(start + k, end)]
      : [...this.subproof(m - k, { start: start + k, end }, false), this.rangeHash(start, start + k)];
  }
}

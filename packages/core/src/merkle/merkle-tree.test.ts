import { describe, expect, it } from 'vitest';
import { hashLeaf, MerkleTree } from './merkle-tree';
import { bytesToHex, hexToBytes, verifyConsistency, verifyInclusion } from './verify-proof';

// The inputs and roots of RFC 6962's reference tree (as published with transparency-dev/merkle).
const INPUTS = [
  '',
  '00',
  '10',
  '2021',
  '3031',
  '40414243',
  '5051525354555657',
  '606162636465666768696a6b6c6d6e6f',
];
const ROOTS = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];

const treeOf = (count: number) => {
  const tree = new MerkleTree();
  tree.append(
    Array.from({ length: count }, (_, index) =>
      hashLeaf(Uint8Array.from(`entry ${index}`, (char) => char.charCodeAt(0))),
    ),
  );
  return tree;
};

describe('the RFC 6962 Merkle tree', () => {
  it('reproduces the reference roots, growing one leaf at a time', () => {
    const tree = new MerkleTree();
    expect(bytesToHex(tree.root())).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    INPUTS.forEach((input, index) => {
      tree.append([hashLeaf(hexToBytes(input))]);
      expect(bytesToHex(tree.root())).toBe(ROOTS[index]);
    });
    ROOTS.forEach((root, index) => expect(bytesToHex(tree.root(index + 1))).toBe(root));
  });

  it('proves every leaf of every tree up to 24 leaves, and no other leaf', () => {
    const tree = treeOf(24);
    for (let size = 1; size <= 24; size++) {
      const root = tree.root(size);
      for (let leafIndex = 0; leafIndex < size; leafIndex++) {
        const proof = tree.inclusionProof(leafIndex, size);
        const leafHash = tree.leafHash(leafIndex) as Uint8Array;
        expect(verifyInclusion({ leafIndex, treeSize: size, leafHash, proof, root })).toBe(true);
        const other = tree.leafHash((leafIndex + 1) % 24) as Uint8Array;
        expect(verifyInclusion({ leafIndex, treeSize: size, leafHash: other, proof, root })).toBe(false);
        expect(verifyInclusion({ leafIndex: size, treeSize: size, leafHash, proof, root })).toBe(false);
      }
    }
  });

  it('proves every older tree a prefix of every newer one, and catches a rewritten history', () => {
    const tree = treeOf(24);
    const rewritten = treeOf(24);
    const forged = new MerkleTree();
    const leaves = Array.from({ length: 24 }, (_, index) => rewritten.leafHash(index) as Uint8Array);
    forged.append([...leaves.slice(0, 5), hashLeaf(new Uint8Array([9])), ...leaves.slice(6)]);
    for (let newSize = 1; newSize <= 24; newSize++) {
      for (let oldSize = 1; oldSize <= newSize; oldSize++) {
        const proof = tree.consistencyProof(oldSize, newSize);
        const input = { oldSize, newSize, oldRoot: tree.root(oldSize), newRoot: tree.root(newSize), proof };
        expect(verifyConsistency(input)).toBe(true);
        if (oldSize > 5) {
          // The operator rewrote leaf 5 after the old checkpoint: no proof from its tree convinces.
          const forgedProof = forged.consistencyProof(oldSize, newSize);
          expect(verifyConsistency({ ...input, newRoot: forged.root(newSize), proof: forgedProof })).toBe(
            false,
          );
        }
        if (oldSize < newSize) {
          const otherOldRoot = tree.root(oldSize + 1);
          expect(verifyConsistency({ ...input, oldRoot: otherOldRoot })).toBe(false);
        }
      }
    }
  });
});

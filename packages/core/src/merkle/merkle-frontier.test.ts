import { describe, expect, it } from 'vitest';
import { MerkleFrontier } from './merkle-frontier';
import { hashLeaf, MerkleTree } from './merkle-tree';
import { bytesToHex } from './verify-proof';

const leafOf = (index: number) => hashLeaf(Uint8Array.from(`entry ${index}`, (char) => char.charCodeAt(0)));

describe('the Merkle frontier', () => {
  it('has the root of the full tree at every size, across several carries', () => {
    const frontier = new MerkleFrontier();
    const tree = new MerkleTree();
    expect(bytesToHex(frontier.root())).toBe(bytesToHex(tree.root()));
    for (let index = 0; index < 300; index++) {
      frontier.append(leafOf(index));
      tree.append([leafOf(index)]);
      expect(frontier.size).toBe(tree.size);
      expect(bytesToHex(frontier.root()), `size ${tree.size}`).toBe(bytesToHex(tree.root()));
    }
  });

  it('changes its root when any one leaf is different', () => {
    const roots = new Set<string>();
    for (let changed = 0; changed < 13; changed++) {
      const frontier = new MerkleFrontier();
      for (let index = 0; index < 13; index++) frontier.append(leafOf(index === changed ? -1 : index));
      roots.add(bytesToHex(frontier.root()));
    }
    expect(roots.size).toBe(13);
  });
});

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

  it('carries on from its stored edge as if it had never stopped, and refuses an edge no frontier has', () => {
    const whole = new MerkleFrontier();
    const first = new MerkleFrontier();
    for (let index = 0; index < 45; index++) first.append(leafOf(index));
    const resumed = MerkleFrontier.fromPeaks(first.edge.map(({ leaves, hash }) => ({ leaves, hash })));
    if (resumed === undefined) throw new Error('a real edge was refused');
    expect(resumed.size).toBe(45);
    for (let index = 0; index < 100; index++) {
      whole.append(leafOf(index));
      if (index >= 45) resumed.append(leafOf(index));
    }
    expect(bytesToHex(resumed.root())).toBe(bytesToHex(whole.root()));
    const hash = new Uint8Array(32);
    expect(MerkleFrontier.fromPeaks([{ leaves: 3, hash }])).toBeUndefined();
    expect(
      MerkleFrontier.fromPeaks([
        { leaves: 1, hash },
        { leaves: 2, hash },
      ]),
    ).toBeUndefined();
    expect(MerkleFrontier.fromPeaks([{ leaves: 2, hash: new Uint8Array(5) }])).toBeUndefined();
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

import { sha256 } from '../fingerprint/sha256';
import { hashChildren, type HashFunction } from './merkle-tree';

/**
 * The root of an RFC 6962 tree kept from its right edge only: the roots of the complete subtrees
 * the leaf count splits into (one per 1-bit of the count, largest first). Appending merges equal
 * subtrees as a binary counter carries, so a log of n leaves costs log n nodes of memory where a
 * MerkleTree keeps 2n; enough for a signed checkpoint, not for proofs (those need inner nodes).
 */
export class MerkleFrontier {
  private readonly peaks: { leaves: number; hash: Uint8Array }[] = [];
  private count = 0;

  constructor(private readonly hash: HashFunction = sha256) {}

  /**
   * A frontier carried on from stored peaks (largest first); undefined unless their leaf counts
   * are distinct powers of two in decreasing order, as a frontier's always are.
   */
  static fromPeaks(
    peaks: readonly { leaves: number; hash: Uint8Array }[],
    hash: HashFunction = sha256,
  ): MerkleFrontier | undefined {
    const frontier = new MerkleFrontier(hash);
    let previous = Infinity;
    for (const peak of peaks) {
      const isPowerOfTwo =
        Number.isSafeInteger(peak.leaves) && peak.leaves > 0 && (peak.leaves & (peak.leaves - 1)) === 0;
      if (!isPowerOfTwo || peak.leaves >= previous || peak.hash.length !== 32) return undefined;
      previous = peak.leaves;
      frontier.peaks.push({ leaves: peak.leaves, hash: peak.hash });
      frontier.count += peak.leaves;
    }
    return frontier;
  }

  /** The complete subtrees' roots, largest first: what fromPeaks takes back. */
  get edge(): readonly { readonly leaves: number; readonly hash: Uint8Array }[] {
    return this.peaks;
  }

  get size(): number {
    return this.count;
  }

  append(leafHash: Uint8Array): void {
    let carried = { leaves: 1, hash: leafHash };
    for (
      let last = this.peaks.at(-1);
      last !== undefined && last.leaves === carried.leaves;
      last = this.peaks.at(-1)
    ) {
      this.peaks.pop();
      carried = { leaves: 2 * last.leaves, hash: hashChildren(last.hash, carried.hash, this.hash) };
    }
    this.peaks.push(carried);
    this.count += 1;
  }

  /** MTH of every leaf appended: RFC 6962 splits at the largest power of two, so peaks fold from the right. */
  root(): Uint8Array {
    const last = this.peaks.at(-1);
    if (last === undefined) return this.hash(new Uint8Array(0));
    let folded = last.hash;
    for (let index = this.peaks.length - 2; index >= 0; index--)
      folded = hashChildren((this.peaks[index] as { hash: Uint8Array }).hash, folded, this.hash);
    return folded;
  }
}

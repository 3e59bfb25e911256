/**
 * The scores of a fixed list of candidates, with the best always at hand: the highest score and,
 * of equal scores, the first in the list (what a scan keeping the first maximum finds). A
 * tournament tree: changing one score replays only the matches on its way to the final, so
 * rescoring a few candidates after each step no longer costs a scan of them all.
 */
export class BestCandidate {
  private readonly leaves: number;
  private readonly scores: Float64Array;
  /** winners[node] is the candidate that won the match at `node`; leaves start at `this.leaves`. */
  private readonly winners: Int32Array;

  constructor(count: number) {
    let leaves = 1;
    while (leaves < count) leaves *= 2;
    this.leaves = leaves;
    this.scores = new Float64Array(leaves).fill(-Infinity);
    this.winners = new Int32Array(2 * leaves);
    for (let leaf = 0; leaf < leaves; leaf += 1) this.winners[leaves + leaf] = leaf;
    for (let node = leaves - 1; node >= 1; node -= 1) this.replay(node);
  }

  /** Sets a candidate's score; undefined takes it out of the running. */
  set(index: number, score: number | undefined): void {
    this.scores[index] = score ?? -Infinity;
    for (let node = (this.leaves + index) >> 1; node >= 1; node >>= 1) this.replay(node);
  }

  /** A candidate's score (−Infinity when it has none). */
  scoreOf(index: number): number {
    return this.scores[index] ?? -Infinity;
  }

  /** The best candidate, or undefined when none has a score. */
  best(): number | undefined {
    const winner = this.winners[1] ?? 0;
    return (this.scores[winner] ?? -Infinity) === -Infinity ? undefined : winner;
  }

  // The left child holds the earlier candidates, so it wins a tie.
  private replay(node: number): void {
    const left = this.winners[2 * node] ?? 0;
    const right = this.winners[2 * node + 1] ?? 0;
    this.winners[node] = (this.scores[left] ?? -Infinity) >= (this.scores[right] ?? -Infinity) ? left : right;
  }
}

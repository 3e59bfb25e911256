import {
  buildTree,
  buildTreeOfStage,
  candidateValues,
  keepUncovered,
  keepUncoveredInSweepOrder,
  thinSweep,
  type StageCandidates,
} from './kernel/kd-build';

/** Trees built so far: their arrays live in the kernel's memory, reused by the next build. */
let built = 0;

/**
 * Ranges this small are leaves, scanned in order: the last levels of splits cost more than they
 * save. The build kernel (kernel/kd-build.wat) splits at this size.
 */
const LEAF_SIZE = 16;

/**
 * A k-d tree over every candidate of a non-dominance filter, answering "is there an active point
 * ≥ q in every coordinate?" (an orthant query). The tree is built once, balanced (median splits),
 * over all candidates; a candidate becomes active when the filter keeps it, and each node keeps
 * the maxima of its active subtree, so subtrees that cannot reach q are skipped. Built online
 * from the kept points instead, in sort order, the tree degenerated (depth 78 for 12 000 points),
 * which made the 5-party scenarios slow.
 */
export class DominanceTree {
  /** Candidate index → tree position; position `(lo + hi) >> 1` is the node of range [lo, hi). */
  private readonly positionOf: Int32Array;
  /** Tree position → candidate index. */
  private readonly indexAt: Int32Array;
  private readonly coordinates: Float64Array;
  /**
   * Tree position → node number: an inner node's own, or for a position in a leaf range, the leaf's.
   * Per-node arrays are indexed by that number, about count / 6 of them: kept per position, the
   * maxima alone took 2.3 MB on KillerRobot's 73 450 candidates, and in this VM every fresh page
   * costs a fault of about 20 µs (the first analysis of a process faulted 22 MB).
   */
  private readonly nodeOf: Int32Array;
  /** Node → its parent's node number, −1 at the root. */
  private readonly parentOf: Int32Array;
  private readonly maxima: Float64Array;
  private readonly axisOf: Int32Array;
  private readonly active: Uint8Array;
  private readonly stack: Int32Array;
  private readonly dimensions: number;
  private readonly count: number;
  private lastCover = -1;
  private readonly generation: number;

  /**
   * Indexes coordinates `first … stride−1` of the `count` vectors in `values` (`values[i*stride + p]`),
   * or of a merge stage's candidates, formed in the kernel (`vectors` then reads them).
   */
  constructor(
    input: { stride: number; first: number } & (
      { values: Float64Array; count: number } | { candidates: StageCandidates }
    ),
  ) {
    const { stride, first } = input;
    const d = stride - first;
    const count = 'values' in input ? input.count : input.candidates.previousCount * input.candidates.runs;
    this.dimensions = d;
    this.count = count;
    // a range longer than a leaf splits into two of at least LEAF_SIZE / 2: at most 2·count/8 + 1 nodes
    const nodeLimit = 2 * Math.floor(count / (LEAF_SIZE / 2)) + 2;
    const tree =
      'values' in input
        ? buildTree({ values: input.values, count, stride, first, nodeLimit })
        : buildTreeOfStage({ candidates: input.candidates, stride, first, nodeLimit });
    // only the latest tree may be used: an older one throws rather than read arrays a newer one overwrote
    this.generation = ++built;
    this.positionOf = tree.positionOf;
    this.indexAt = tree.order;
    this.coordinates = tree.coordinates;
    this.nodeOf = tree.nodeOf;
    this.parentOf = tree.parentOf;
    this.axisOf = tree.axisOf;
    this.maxima = tree.maxima;
    this.active = tree.active;
    this.stack = new Int32Array(4 * (Math.ceil(Math.log2(count + 1)) + 2));
  }

  // Hot loops: indices are in range by construction, so `!` stands in for `?? 0` checks.
  activate(index: number): void {
    this.checkCurrent();
    const d = this.dimensions;
    const position = this.positionOf[index]!;
    const base = position * d;
    this.active[position] = 1;
    let node = this.nodeOf[position]!;
    // raise the maxima up the path; once an ancestor already reaches the point, all above it do
    while (node !== -1) {
      let raised = false;
      for (let p = 0; p < d; p++) {
        const value = this.coordinates[base + p]!;
        if (value > this.maxima[node * d + p]!) {
          this.maxima[node * d + p] = value;
          raised = true;
        }
      }
      if (!raised) return;
      node = this.parentOf[node]!;
    }
  }

  /**
   * The exact filter, in the kernel: of the candidates in `sorted` order (all of them, any
   * dominating one before those it dominates), those no earlier kept one is ≥ in every indexed
   * coordinate, in that order; each is activated as it is kept. A process's first filter runs it
   * compiled, where the same loop of `covers` and `activate` would start in the interpreter.
   */
  keepUncovered(sorted: Int32Array): number[] {
    this.checkCurrent();
    return keepUncovered(sorted);
  }

  /** The vectors the tree was built over, every coordinate (a view of the kernel's memory). */
  vectors(): Float64Array {
    this.checkCurrent();
    return candidateValues();
  }

  /**
   * The same filter with the candidates visited in sweep order (`nonDominated`'s: coordinates
   * descending, then index), sorted in the kernel: `runs` as `keepUncoveredInSweepOrder` takes it.
   */
  keepUncoveredInSweepOrder(runs: number): number[] {
    this.checkCurrent();
    return keepUncoveredInSweepOrder(runs);
  }

  /**
   * One ε-dominance thinning pass, in the kernel, on a tree over every coordinate (thinning.ts,
   * `thinnedNonDominated`, says what it does): the same queries in the same order as `coverOf`.
   */
  thinSweep(sorted: Int32Array, errors: Float64Array, level: Float64Array): number[] {
    this.checkCurrent();
    return thinSweep(sorted, errors, level);
  }

  /** True when some active point is ≥ candidate `index` in every indexed coordinate. */
  covers(index: number): boolean {
    this.checkCurrent();
    const d = this.dimensions;
    const query = this.positionOf[index]! * d;
    const coordinates = this.coordinates;
    // neighbours in sort order are often covered by the same point: try it first
    if (this.lastCover !== -1 && this.reaches(this.lastCover * d, query)) return true;
    const stack = this.stack;
    let top = 0;
    stack[top++] = 0;
    stack[top++] = this.count;
    while (top > 0) {
      const hi = stack[--top]!;
      const lo = stack[--top]!;
      const middle = (lo + hi) >> 1;
      const base = middle * d;
      const node = this.nodeOf[middle]! * d;
      let reachable = true;
      for (let p = 0; p < d; p++) {
        if (this.maxima[node + p]! < coordinates[query + p]!) {
          reachable = false;
          break;
        }
      }
      if (!reachable) continue;
      if (hi - lo <= LEAF_SIZE) {
        for (let position = lo; position < hi; position++) {
          if (this.active[position] === 1 && this.reaches(position * d, query)) {
            this.lastCover = position;
            return true;
          }
        }
        continue;
      }
      if (this.active[middle] === 1 && this.reaches(base, query)) {
        this.lastCover = middle;
        return true;
      }
      if (middle + 1 < hi) {
        stack[top++] = middle + 1;
        stack[top++] = hi;
      }
      // the left range holds only points at or below this one on its axis
      const axis = this.axisOf[this.nodeOf[middle]!]!;
      if (lo < middle && coordinates[base + axis]! >= coordinates[query + axis]!) {
        stack[top++] = lo;
        stack[top++] = middle;
      }
    }
    return false;
  }

  /**
   * The candidate index of some active point ≥ `corner` in every indexed coordinate (`corner[p]` is
   * indexed coordinate p), or −1: the query of an ε-dominance filter, whose corner lies below the
   * candidate by the error it may still absorb.
   */
  coverOf(corner: Float64Array): number {
    this.checkCurrent();
    const d = this.dimensions;
    const coordinates = this.coordinates;
    if (this.lastCover !== -1 && this.reachesCorner(this.lastCover * d, corner))
      return this.indexAt[this.lastCover]!;
    const stack = this.stack;
    let top = 0;
    stack[top++] = 0;
    stack[top++] = this.count;
    while (top > 0) {
      const hi = stack[--top]!;
      const lo = stack[--top]!;
      const middle = (lo + hi) >> 1;
      const base = middle * d;
      const node = this.nodeOf[middle]! * d;
      let reachable = true;
      for (let p = 0; p < d; p++) {
        if (this.maxima[node + p]! < corner[p]!) {
          reachable = false;
          break;
        }
      }
      if (!reachable) continue;
      if (hi - lo <= LEAF_SIZE) {
        for (let position = lo; position < hi; position++) {
          if (this.active[position] === 1 && this.reachesCorner(position * d, corner)) {
            this.lastCover = position;
            return this.indexAt[position]!;
          }
        }
        continue;
      }
      if (this.active[middle] === 1 && this.reachesCorner(base, corner)) {
        this.lastCover = middle;
        return this.indexAt[middle]!;
      }
      if (middle + 1 < hi) {
        stack[top++] = middle + 1;
        stack[top++] = hi;
      }
      const axis = this.axisOf[this.nodeOf[middle]!]!;
      if (lo < middle && coordinates[base + axis]! >= corner[axis]!) {
        stack[top++] = lo;
        stack[top++] = middle;
      }
    }
    return -1;
  }

  private checkCurrent(): void {
    if (this.generation !== built) throw new Error('a newer DominanceTree has reused this one’s arrays');
  }

  private reachesCorner(base: number, corner: Float64Array): boolean {
    for (let p = 0; p < this.dimensions; p++) if (this.coordinates[base + p]! < corner[p]!) return false;
    return true;
  }

  private reaches(base: number, query: number): boolean {
    for (let p = 0; p < this.dimensions; p++)
      if (this.coordinates[base + p]! < this.coordinates[query + p]!) return false;
    return true;
  }
}

/** Ranges this small are leaves, scanned in order: the last levels of splits cost more than they save. */
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
  private readonly maxima: Float64Array;
  private readonly parent: Int32Array;
  /** Tree position → the leaf range's node (its middle position), −1 for a position of an inner node. */
  private readonly leafOf: Int32Array;
  private readonly axisAt: Uint8Array;
  private readonly active: Uint8Array;
  private readonly stack: Int32Array;
  private readonly dimensions: number;
  private readonly count: number;
  private lastCover = -1;

  /** Indexes coordinates `first … stride−1` of the `count` vectors in `values` (`values[i*stride + p]`). */
  constructor({
    values,
    count,
    stride,
    first,
  }: {
    values: Float64Array;
    count: number;
    stride: number;
    first: number;
  }) {
    const d = stride - first;
    this.dimensions = d;
    this.count = count;
    const order = new Int32Array(count);
    for (let index = 0; index < count; index++) order[index] = index;
    this.parent = new Int32Array(count).fill(-1);
    this.leafOf = new Int32Array(count).fill(-1);
    this.axisAt = new Uint8Array(count);
    const key = new Float64Array(count);
    const pending: number[] = [0, count, 0, -1];
    while (pending.length > 0) {
      const parent = pending.pop()!;
      const axis = pending.pop()!;
      const hi = pending.pop()!;
      const lo = pending.pop()!;
      if (lo >= hi) continue;
      const middle = (lo + hi) >> 1;
      if (hi - lo <= LEAF_SIZE) {
        for (let position = lo; position < hi; position++) this.leafOf[position] = middle;
        this.parent[middle] = parent;
        continue;
      }
      for (let position = lo; position < hi; position++)
        key[position] = values[order[position]! * stride + first + axis]!;
      selectNth(order, key, { lo, hi: hi - 1, k: middle });
      this.parent[middle] = parent;
      this.axisAt[middle] = axis;
      const next = axis + 1 === d ? 0 : axis + 1;
      pending.push(lo, middle, next, middle, middle + 1, hi, next, middle);
    }
    this.positionOf = new Int32Array(count);
    this.indexAt = order;
    this.coordinates = new Float64Array(count * d);
    for (let position = 0; position < count; position++) {
      const index = order[position]!;
      this.positionOf[index] = position;
      for (let p = 0; p < d; p++) this.coordinates[position * d + p] = values[index * stride + first + p]!;
    }
    this.maxima = new Float64Array(count * d).fill(Number.NEGATIVE_INFINITY);
    this.active = new Uint8Array(count);
    this.stack = new Int32Array(4 * (Math.ceil(Math.log2(count + 1)) + 2));
  }

  // Hot loops: indices are in range by construction, so `!` stands in for `?? 0` checks.
  activate(index: number): void {
    const d = this.dimensions;
    const base = this.positionOf[index]! * d;
    const position = this.positionOf[index]!;
    this.active[position] = 1;
    let at = this.leafOf[position] === -1 ? position : this.leafOf[position]!;
    // raise the maxima up the path; once an ancestor already reaches the point, all above it do
    while (at !== -1) {
      let raised = false;
      for (let p = 0; p < d; p++) {
        const value = this.coordinates[base + p]!;
        if (value > this.maxima[at * d + p]!) {
          this.maxima[at * d + p] = value;
          raised = true;
        }
      }
      if (!raised) return;
      at = this.parent[at]!;
    }
  }

  /** True when some active point is ≥ candidate `index` in every indexed coordinate. */
  covers(index: number): boolean {
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
      let reachable = true;
      for (let p = 0; p < d; p++) {
        if (this.maxima[base + p]! < coordinates[query + p]!) {
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
      const axis = this.axisAt[middle]!;
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
      let reachable = true;
      for (let p = 0; p < d; p++) {
        if (this.maxima[base + p]! < corner[p]!) {
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
      const axis = this.axisAt[middle]!;
      if (lo < middle && coordinates[base + axis]! >= corner[axis]!) {
        stack[top++] = lo;
        stack[top++] = middle;
      }
    }
    return -1;
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

/** Hoare-partition quickselect: afterwards `order[k]` holds the k-th smallest key of [lo, hi], smaller keys before it, larger after. */
function selectNth(order: Int32Array, key: Float64Array, range: { lo: number; hi: number; k: number }): void {
  let { lo, hi } = range;
  const { k } = range;
  while (hi > lo) {
    const pivot = key[(lo + hi) >> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (key[i]! < pivot) i++;
      while (key[j]! > pivot) j--;
      if (i <= j) {
        const swappedKey = key[i]!;
        key[i] = key[j]!;
        key[j] = swappedKey;
        const swapped = order[i]!;
        order[i] = order[j]!;
        order[j] = swapped;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

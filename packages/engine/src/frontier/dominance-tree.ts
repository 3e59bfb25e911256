/**
 * The arrays of the latest tree, reused by the next one: in this VM a fresh page costs a fault of
 * about 20 µs, and a stage of 73 450 five-party candidates touched 4 MB of them per tree (the
 * thinned 5-party merge builds about forty such trees). Only the latest tree may be used: an older
 * one throws rather than read arrays a newer one has overwritten.
 */
const pool = {
  generation: 0,
  order: new Int32Array(0),
  nodeOf: new Int32Array(0),
  positionOf: new Int32Array(0),
  coordinates: new Float64Array(0),
  active: new Uint8Array(0),
  parentOf: new Int32Array(0),
  axisOf: new Uint8Array(0),
  maxima: new Float64Array(0),
};

/** Grows the pool to hold a tree of `count` points in `d` coordinates with `nodes` nodes. */
function reserve(count: number, d: number, nodes: number): void {
  if (pool.order.length < count) {
    const capacity = Math.max(count, 2 * pool.order.length);
    pool.order = new Int32Array(capacity);
    pool.nodeOf = new Int32Array(capacity);
    pool.positionOf = new Int32Array(capacity);
    pool.active = new Uint8Array(capacity);
  }
  if (pool.coordinates.length < count * d)
    pool.coordinates = new Float64Array(Math.max(count * d, 2 * pool.coordinates.length));
  if (pool.parentOf.length < nodes) {
    const capacity = Math.max(nodes, 2 * pool.parentOf.length);
    pool.parentOf = new Int32Array(capacity);
    pool.axisOf = new Uint8Array(capacity);
  }
  if (pool.maxima.length < nodes * d)
    pool.maxima = new Float64Array(Math.max(nodes * d, 2 * pool.maxima.length));
}

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
  private readonly axisOf: Uint8Array;
  private readonly active: Uint8Array;
  private readonly stack: Int32Array;
  private readonly dimensions: number;
  private readonly count: number;
  private lastCover = -1;
  private readonly generation: number;

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
    // a range longer than a leaf splits into two of at least LEAF_SIZE / 2: at most 2·count/8 + 1 nodes
    const nodes = 2 * (count >> 3) + 2;
    reserve(count, d, nodes);
    this.generation = ++pool.generation;
    const order = pool.order.subarray(0, count);
    for (let index = 0; index < count; index++) order[index] = index;
    const nodeOf = pool.nodeOf.subarray(0, count);
    const parentOf = pool.parentOf.subarray(0, nodes);
    const axisOf = pool.axisOf.subarray(0, nodes);
    const coordinates = pool.coordinates.subarray(0, count * d);
    // the build's split keys live where the coordinates go once it is done
    const key = coordinates.subarray(0, count);
    let made = 0;
    const pending: number[] = [0, count, 0, -1];
    while (pending.length > 0) {
      const parent = pending.pop()!;
      const axis = pending.pop()!;
      const hi = pending.pop()!;
      const lo = pending.pop()!;
      if (lo >= hi) continue;
      const middle = (lo + hi) >> 1;
      const node = made++;
      parentOf[node] = parent;
      if (hi - lo <= LEAF_SIZE) {
        for (let position = lo; position < hi; position++) nodeOf[position] = node;
        continue;
      }
      for (let position = lo; position < hi; position++)
        key[position] = values[order[position]! * stride + first + axis]!;
      selectNth(order, key, { lo, hi: hi - 1, k: middle });
      nodeOf[middle] = node;
      axisOf[node] = axis;
      const next = axis + 1 === d ? 0 : axis + 1;
      pending.push(lo, middle, next, node, middle + 1, hi, next, node);
    }
    const positionOf = pool.positionOf.subarray(0, count);
    for (let position = 0; position < count; position++) {
      const index = order[position]!;
      positionOf[index] = position;
      for (let p = 0; p < d; p++) coordinates[position * d + p] = values[index * stride + first + p]!;
    }
    this.positionOf = positionOf;
    this.indexAt = order;
    this.coordinates = coordinates;
    this.nodeOf = nodeOf;
    this.parentOf = parentOf;
    this.axisOf = axisOf;
    this.maxima = pool.maxima.subarray(0, made * d).fill(Number.NEGATIVE_INFINITY);
    this.active = pool.active.subarray(0, count).fill(0);
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
    if (this.generation !== pool.generation)
      throw new Error('a newer DominanceTree has reused this one’s arrays');
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

/**
 * An incremental k-d tree over points of `dimensions` coordinates answering "is there a stored
 * point ≥ q in every coordinate?" (an orthant query). Each node keeps its subtree's maximum per
 * coordinate, so whole subtrees that cannot reach q are skipped. Used by the non-dominance filter
 * for four or more parties, where scanning every kept point would be quadratic.
 */
export class DominanceTree {
  private readonly points: Float64Array;
  private readonly maxima: Float64Array;
  private readonly left: Int32Array;
  private readonly right: Int32Array;
  private readonly stack: Int32Array;
  private size = 0;

  /** `capacity`: the most points that will be inserted. */
  constructor(
    private readonly dimensions: number,
    capacity: number,
  ) {
    this.points = new Float64Array(capacity * dimensions);
    this.maxima = new Float64Array(capacity * dimensions);
    this.left = new Int32Array(capacity).fill(-1);
    this.right = new Int32Array(capacity).fill(-1);
    this.stack = new Int32Array(2 * capacity + 2);
  }

  // Hot loops: indices are in range by construction, so `!` stands in for `?? 0` checks.
  insert(point: Float64Array): void {
    const d = this.dimensions;
    const node = this.size++;
    this.points.set(point, node * d);
    this.maxima.set(point, node * d);
    if (node === 0) return;
    let at = 0;
    let axis = 0;
    for (;;) {
      const base = at * d;
      for (let p = 0; p < d; p++) if (point[p]! > this.maxima[base + p]!) this.maxima[base + p] = point[p]!;
      const children = point[axis]! >= this.points[base + axis]! ? this.right : this.left;
      const next = children[at]!;
      if (next === -1) {
        children[at] = node;
        return;
      }
      at = next;
      axis = axis + 1 === d ? 0 : axis + 1;
    }
  }

  private lastCover = -1;

  /** True when some stored point is ≥ `query` in every coordinate. */
  covers(query: Float64Array): boolean {
    if (this.size === 0) return false;
    const d = this.dimensions;
    // neighbours in sort order are often covered by the same point: try it first
    if (this.lastCover !== -1 && this.pointCovers(this.lastCover, query)) return true;
    const stack = this.stack;
    let top = 0;
    stack[top++] = 0;
    stack[top++] = 0;
    while (top > 0) {
      const axis = stack[--top]!;
      const node = stack[--top]!;
      const base = node * d;
      let reachable = true;
      let covered = true;
      for (let p = 0; p < d; p++) {
        const wanted = query[p]!;
        if (this.maxima[base + p]! < wanted) {
          reachable = false;
          break;
        }
        if (this.points[base + p]! < wanted) covered = false;
      }
      if (!reachable) continue;
      if (covered) {
        this.lastCover = node;
        return true;
      }
      const nextAxis = axis + 1 === d ? 0 : axis + 1;
      const right = this.right[node]!;
      const left = this.left[node]!;
      if (right !== -1) {
        stack[top++] = right;
        stack[top++] = nextAxis;
      }
      // the left subtree holds only points below this node on `axis`
      if (left !== -1 && this.points[base + axis]! > query[axis]!) {
        stack[top++] = left;
        stack[top++] = nextAxis;
      }
    }
    return false;
  }

  private pointCovers(node: number, query: Float64Array): boolean {
    const base = node * this.dimensions;
    for (let p = 0; p < this.dimensions; p++) if (this.points[base + p]! < query[p]!) return false;
    return true;
  }
}

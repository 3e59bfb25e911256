/**
 * The genius semantics compares with ε: a is ε-dominated by b when bᵢ ≥ aᵢ − ε for all i and
 * bⱼ > aⱼ + ε for some j; vectors within ε in every coordinate are one point. Applied to the
 * exact frontier (a point ε-dominated by any outcome is ε-dominated by an exact frontier point).
 *
 * This runs in the first analysis of a process, so it is written for the interpreter: a few
 * functions compiled when the module loads (io/compile.ts says why), plain loops, no callbacks.
 */
type Vector = { readonly utilities: readonly number[] };

/**
 * Per coordinate: the values, sorted ascending, and the point indices in that order (`undefined`
 * until needed). Which coordinates hold two unequal values within ε: only those can hold a neighbour.
 */
type CoordinateIndex = {
  readonly points: readonly Vector[];
  readonly sorted: Float64Array[];
  readonly orders: (Int32Array | undefined)[];
  readonly hasClosePair: boolean[];
  readonly anyClosePair: boolean;
};

// prettier-ignore
const indexCoordinates = (function indexCoordinates(
  points: readonly Vector[],
  epsilon: number,
): CoordinateIndex {
  const dimensions = points[0]?.utilities.length ?? 0;
  const count = points.length;
  const sorted: Float64Array[] = [];
  const orders: (Int32Array | undefined)[] = [];
  const hasClosePair: boolean[] = [];
  let anyClosePair = false;
  for (let p = 0; p < dimensions; p++) {
    const values = new Float64Array(count);
    let ascending = true;
    let descending = true;
    for (let position = 0; position < count; position++) {
      const value = points[position]!.utilities[p] ?? 0;
      values[position] = value;
      if (position > 0) {
        const previous = values[position - 1]!;
        if (!(value > previous)) ascending = false;
        if (!(value < previous)) descending = false;
      }
    }
    // A frontier of two parties comes strictly monotone in each coordinate: its order is known, and
    // no sort is needed (an index sort needs a comparator, the costliest step here otherwise).
    let order: Int32Array | undefined;
    if (ascending || descending) {
      order = new Int32Array(count);
      for (let k = 0; k < count; k++) order[k] = ascending ? k : count - 1 - k;
      if (descending) values.reverse();
    } else values.sort();
    let close = false;
    for (let k = 1; k < count && !close; k++) {
      const gap = values[k]! - values[k - 1]!;
      close = gap > 0 && gap <= epsilon;
    }
    sorted.push(values);
    orders.push(order);
    hasClosePair.push(close);
    anyClosePair ||= close;
  }
  return { points, sorted, orders, hasClosePair, anyClosePair };
});

// prettier-ignore
const orderOf = (function orderOf(index: CoordinateIndex, p: number): Int32Array {
  const known = index.orders[p];
  if (known !== undefined) return known;
  const points = index.points;
  const values = new Float64Array(points.length);
  const order = new Int32Array(points.length);
  for (let position = 0; position < points.length; position++) {
    values[position] = points[position]!.utilities[p] ?? 0;
    order[position] = position;
  }
  order.sort((a, b) => values[a]! - values[b]!);
  index.orders[p] = order;
  return order;
});

/** First position in `sorted` whose value is ≥ `bound` (or > `bound` when `strictly`). */
// prettier-ignore
const lowerBound = (function lowerBound(sorted: Float64Array, bound: number, strictly: boolean): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    const value = sorted[middle]!;
    if (value < bound || (strictly && value === bound)) low = middle + 1;
    else high = middle;
  }
  return low;
});

/** Whether `point` is ε-dominated by a point within ε strictly below it on some coordinate. */
// prettier-ignore
const isEpsilonDominated = (function isEpsilonDominated(
  index: CoordinateIndex,
  point: Vector,
  epsilon: number,
): boolean {
  const points = index.points;
  const dimensions = point.utilities.length;
  for (let p = 0; p < index.sorted.length; p++) {
    if (!index.hasClosePair[p]) continue;
    const sorted = index.sorted[p]!;
    const value = point.utilities[p] ?? 0;
    // equal values are skipped: frontiers often share a party's utility exactly, and those ties
    // would make this quadratic (a dominator is worse on some coordinate, within ε)
    for (let k = lowerBound(sorted, value - epsilon, false); k < sorted.length && sorted[k]! < value; k++) {
      const other = points[orderOf(index, p)[k]!]!.utilities;
      let strictly = false;
      let dominates = true;
      for (let q = 0; q < dimensions && dominates; q++) {
        const difference = (other[q] ?? 0) - (point.utilities[q] ?? 0);
        if (difference < -epsilon) dominates = false;
        else if (difference > epsilon) strictly = true;
      }
      if (dominates && strictly) return true;
    }
  }
  return false;
});

// prettier-ignore
const findRoot = (function findRoot(group: Int32Array, position: number): number {
  let root = position;
  while (group[root] !== root) root = group[root]!;
  return root;
});

/**
 * Drops exact-frontier points that are ε-dominated, then merges points within ε of each other
 * (connected groups count once; the member with the largest sum represents the group, listed where
 * the group's first member was). Points are distinct vectors, none dominating another, so an
 * ε-dominator is slightly worse on some coordinate and two near points differ on some coordinate:
 * only those neighbours are compared.
 */
// prettier-ignore
export const mergeNearPoints = (function mergeNearPoints<T extends Vector>(
  points: readonly T[],
  epsilon: number,
): T[] {
  const index = indexCoordinates(points, epsilon);
  // no two unequal values within ε anywhere: nothing is ε-dominated and nothing is near
  if (!index.anyClosePair) return points.slice();
  const survivors: T[] = [];
  for (const point of points) if (!isEpsilonDominated(index, point, epsilon)) survivors.push(point);
  const survivorIndex = indexCoordinates(survivors, epsilon);
  const count = survivors.length;
  const group = new Int32Array(count);
  for (let position = 0; position < count; position++) group[position] = position;
  for (let position = 0; position < count; position++) {
    const point = survivors[position]!.utilities;
    for (let p = 0; p < survivorIndex.sorted.length; p++) {
      if (!survivorIndex.hasClosePair[p]) continue;
      // the neighbours strictly above on coordinate p, within ε
      const sorted = survivorIndex.sorted[p]!;
      const value = point[p] ?? 0;
      for (
        let k = lowerBound(sorted, value, true);
        k < sorted.length && !(sorted[k]! > value + epsilon);
        k++
      ) {
        const other = orderOf(survivorIndex, p)[k]!;
        const utilities = survivors[other]!.utilities;
        let near = true;
        for (let q = 0; q < point.length && near; q++)
          near = Math.abs(point[q]! - (utilities[q] ?? 0)) <= epsilon;
        if (near) group[findRoot(group, other)] = findRoot(group, position);
      }
    }
  }
  // each group's representative: the largest sum, the first of equals; listed at the group's first member
  const representative = new Int32Array(count).fill(-1);
  const representativeSum = new Float64Array(count);
  const roots: number[] = [];
  for (let position = 0; position < count; position++) {
    const root = findRoot(group, position);
    let sum = 0;
    const utilities = survivors[position]!.utilities;
    for (let q = 0; q < utilities.length; q++) sum += utilities[q]!;
    if (representative[root] === -1) {
      roots.push(root);
      representative[root] = position;
      representativeSum[root] = sum;
    } else if (sum > representativeSum[root]!) {
      representative[root] = position;
      representativeSum[root] = sum;
    }
  }
  const merged: T[] = [];
  for (const root of roots) merged.push(survivors[representative[root]!]!);
  return merged;
});

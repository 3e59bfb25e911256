/**
 * The genius semantics compares with ε: a is ε-dominated by b when bᵢ ≥ aᵢ − ε for all i and
 * bⱼ > aⱼ + ε for some j; vectors within ε in every coordinate are one point. Applied to the
 * exact frontier (a point ε-dominated by any outcome is ε-dominated by an exact frontier point).
 */
type Vector = { readonly utilities: readonly number[] };

/**
 * Per coordinate: the values, sorted, and (built on first use) the point indices in that order.
 * A native numeric sort is cheap; an index sort needs a comparator and cost more than everything
 * else here, and most frontiers never need it (no two values within ε but unequal).
 */
type CoordinateIndex = {
  readonly points: readonly Vector[];
  readonly sorted: Float64Array[];
  /** Whether two unequal values of the coordinate lie within ε: only then can it hold a neighbour. */
  readonly hasClosePair: boolean[];
  readonly orders: (Int32Array | undefined)[];
};

function indexCoordinates(points: readonly Vector[], epsilon: number): CoordinateIndex {
  const dimensions = points[0]?.utilities.length ?? 0;
  const sorted: Float64Array[] = [];
  const hasClosePair: boolean[] = [];
  for (let p = 0; p < dimensions; p++) {
    const values = new Float64Array(points.length);
    for (let position = 0; position < points.length; position++)
      values[position] = points[position]?.utilities[p] ?? 0;
    values.sort();
    let close = false;
    for (let k = 1; k < values.length && !close; k++) {
      const gap = (values[k] ?? 0) - (values[k - 1] ?? 0);
      close = gap > 0 && gap <= epsilon;
    }
    sorted.push(values);
    hasClosePair.push(close);
  }
  return { points, sorted, hasClosePair, orders: sorted.map(() => undefined) };
}

function orderOf(index: CoordinateIndex, p: number): Int32Array {
  const known = index.orders[p];
  if (known !== undefined) return known;
  const values = Float64Array.from(index.points, (point) => point.utilities[p] ?? 0);
  const order = Int32Array.from(index.points, (_, position) => position).sort(
    (a, b) => (values[a] ?? 0) - (values[b] ?? 0),
  );
  index.orders[p] = order;
  return order;
}

/** First position in `sorted` whose value is ≥ `bound` (or > `bound` when `strictly`). */
function lowerBound(sorted: Float64Array, bound: number, strictly: boolean): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    const value = sorted[middle] ?? 0;
    if (value < bound || (strictly && value === bound)) low = middle + 1;
    else high = middle;
  }
  return low;
}

type Window = { readonly point: Vector; readonly epsilon: number; readonly side: -1 | 1 };

/**
 * Calls `visit(other)` for the points within ε strictly below (`side` −1: [x_p − ε, x_p)) or
 * strictly above (+1: (x_p, x_p + ε]) the point on some coordinate p. Equal values are skipped:
 * frontiers often share a party's utility exactly, and those ties would make this quadratic.
 */
function forNeighbours(
  index: CoordinateIndex,
  { point, epsilon, side }: Window,
  visit: (other: number) => void,
): void {
  index.sorted.forEach((sorted, p) => {
    if (index.hasClosePair[p] !== true) return;
    const value = point.utilities[p] ?? 0;
    const from = side < 0 ? lowerBound(sorted, value - epsilon, false) : lowerBound(sorted, value, true);
    for (let k = from; k < sorted.length; k++) {
      const other = sorted[k] ?? 0;
      if (side < 0 ? other >= value : other > value + epsilon) break;
      visit(orderOf(index, p)[k] ?? 0);
    }
  });
}

function epsilonDominates(a: readonly number[], b: readonly number[], epsilon: number): boolean {
  let strictly = false;
  for (let p = 0; p < a.length; p++) {
    const difference = (a[p] ?? 0) - (b[p] ?? 0);
    if (difference < -epsilon) return false;
    if (difference > epsilon) strictly = true;
  }
  return strictly;
}

function near(a: readonly number[], b: readonly number[], epsilon: number): boolean {
  return a.every((value, p) => Math.abs(value - (b[p] ?? 0)) <= epsilon);
}

/**
 * Drops exact-frontier points that are ε-dominated, then merges points within ε of each other
 * (connected groups count once; the member with the largest sum represents the group). Points
 * are distinct vectors, none dominating another, so an ε-dominator is slightly worse on some
 * coordinate and two near points differ on some coordinate: only those neighbours are compared.
 */
export function mergeNearPoints<T extends Vector>(points: readonly T[], epsilon: number): T[] {
  const index = indexCoordinates(points, epsilon);
  // no two unequal values within ε anywhere: nothing is ε-dominated and nothing is near
  if (!index.hasClosePair.includes(true)) return [...points];
  const survivors = points.filter((point) => {
    let dominated = false;
    forNeighbours(index, { point, epsilon, side: -1 }, (other) => {
      if (!dominated && epsilonDominates(points[other]?.utilities ?? [], point.utilities, epsilon))
        dominated = true;
    });
    return !dominated;
  });
  const survivorIndex = indexCoordinates(survivors, epsilon);
  const group = survivors.map((_, position) => position);
  const find = (position: number): number => {
    let root = position;
    while (group[root] !== root) root = group[root] ?? root;
    return root;
  };
  survivors.forEach((point, position) => {
    forNeighbours(survivorIndex, { point, epsilon, side: 1 }, (other) => {
      if (near(point.utilities, survivors[other]?.utilities ?? [], epsilon))
        group[find(other)] = find(position);
    });
  });
  const sum = (point: T | undefined) => point?.utilities.reduce((total, value) => total + value, 0) ?? 0;
  const best = new Map<number, T>();
  survivors.forEach((point, position) => {
    const root = find(position);
    const current = best.get(root);
    if (current === undefined || sum(point) > sum(current)) best.set(root, point);
  });
  return [...best.values()];
}

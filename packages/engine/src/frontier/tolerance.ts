/**
 * The genius semantics compares with ε: a is ε-dominated by b when bᵢ ≥ aᵢ − ε for all i and
 * bⱼ > aⱼ + ε for some j; vectors within ε in every coordinate are one point. Applied to the
 * exact frontier (a point ε-dominated by any outcome is ε-dominated by an exact frontier point).
 */
type Vector = { readonly utilities: readonly number[] };

function coordinateOrders<T extends Vector>(points: readonly T[]): number[][] {
  const dimensions = points[0]?.utilities.length ?? 0;
  return Array.from({ length: dimensions }, (_, p) =>
    points.map((_, index) => index).sort((a, b) => (points[a]?.utilities[p] ?? 0) - (points[b]?.utilities[p] ?? 0)),
  );
}

/** Calls `visit(other)` for every point whose coordinate p lies within [x_p − ε, x_p + ε] for some p. */
type Neighbourhood<T> = { readonly points: readonly T[]; readonly orders: number[][]; readonly epsilon: number };

function forNeighbours<T extends Vector>({ points, orders, epsilon }: Neighbourhood<T>, index: number, visit: (other: number) => void): void {
  const point = points[index];
  if (point === undefined) return;
  orders.forEach((order, p) => {
    const value = point.utilities[p] ?? 0;
    let low = 0;
    let high = order.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((points[order[middle] ?? 0]?.utilities[p] ?? 0) < value - epsilon) low = middle + 1;
      else high = middle;
    }
    for (let k = low; k < order.length; k++) {
      const other = order[k] ?? 0;
      if ((points[other]?.utilities[p] ?? 0) > value + epsilon) break;
      if (other !== index) visit(other);
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
 * (connected groups count once; the member with the largest sum represents the group).
 */
export function mergeNearPoints<T extends Vector>(points: readonly T[], epsilon: number): T[] {
  const orders = coordinateOrders(points);
  const survivors = points.filter((point, index) => {
    let dominated = false;
    // an exact-frontier point can only be ε-dominated by one that is slightly worse somewhere
    forNeighbours({ points, orders, epsilon }, index, (other) => {
      if (!dominated && epsilonDominates(points[other]?.utilities ?? [], point.utilities, epsilon)) dominated = true;
    });
    return !dominated;
  });
  const survivorOrders = coordinateOrders(survivors);
  const group = survivors.map((_, index) => index);
  const find = (index: number): number => {
    let root = index;
    while (group[root] !== root) root = group[root] ?? root;
    return root;
  };
  survivors.forEach((point, index) => {
    forNeighbours({ points: survivors, orders: survivorOrders.slice(0, 1), epsilon }, index, (other) => {
      if (near(point.utilities, survivors[other]?.utilities ?? [], epsilon)) group[find(other)] = find(index);
    });
  });
  const sum = (point: T | undefined) => point?.utilities.reduce((total, value) => total + value, 0) ?? 0;
  const best = new Map<number, T>();
  survivors.forEach((point, index) => {
    const root = find(index);
    const current = best.get(root);
    if (current === undefined || sum(point) > sum(current)) best.set(root, point);
  });
  return [...best.values()];
}

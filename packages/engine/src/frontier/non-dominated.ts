import { DominanceTree } from './dominance-tree';
import { descendingByKey } from './keyed-sort';

/**
 * Exact non-dominance filters over a flat array of utility vectors (`values[i*d + p]`).
 * Each returns the kept indices, one per distinct vector.
 */

type Vectors = { readonly values: Float64Array; readonly dimensions: number };

/** Descending lexicographic, then index: the order every filter here sweeps in. */
function compareDescending({ values, dimensions }: Vectors, a: number, b: number): number {
  for (let p = 0; p < dimensions; p++) {
    const difference = values[b * dimensions + p]! - values[a * dimensions + p]!;
    if (difference !== 0) return difference;
  }
  return a - b;
}

/**
 * Indices sorted by coordinate 0 descending, then the next coordinates descending, then index.
 * The filters of two and three parties sort with it; four or more sort in the k-d tree's kernel
 * (`keepUncoveredInSweepOrder`), whose order the tests hold to this one.
 */
export function sortedDescending(values: Float64Array, count: number, dimensions: number): Int32Array {
  // a comparator sort of many candidates costs more than the three-party filter itself
  if (dimensions >= 3 && count > 64) {
    const keys = new Float64Array(count);
    for (let index = 0; index < count; index++) keys[index] = values[index * dimensions]!;
    const vectors = { values, dimensions };
    const keyed = descendingByKey(keys, (a, b) => compareDescending(vectors, a, b));
    if (keyed !== undefined) return keyed;
  }
  const order = new Int32Array(count);
  for (let index = 0; index < count; index++) order[index] = index;
  // the common two- and three-party cases get flat comparators: this sort dominates small merges
  if (dimensions === 2)
    order.sort((a, b) => values[2 * b]! - values[2 * a]! || values[2 * b + 1]! - values[2 * a + 1]! || a - b);
  else if (dimensions === 3) {
    order.sort(
      (a, b) =>
        values[3 * b]! - values[3 * a]! ||
        values[3 * b + 1]! - values[3 * a + 1]! ||
        values[3 * b + 2]! - values[3 * a + 2]! ||
        a - b,
    );
  } else {
    const indices = Array.from(order);
    const vectors = { values, dimensions };
    indices.sort((a, b) => compareDescending(vectors, a, b));
    order.set(indices);
  }
  return order;
}

function filter2(values: Float64Array, order: Int32Array): number[] {
  const kept: number[] = [];
  let best = Number.NEGATIVE_INFINITY;
  for (let position = 0; position < order.length; position++) {
    const index = order[position]!;
    const second = values[index * 2 + 1] ?? 0;
    if (second > best) {
      kept.push(index);
      best = second;
    }
  }
  return kept;
}

/**
 * Three parties: after sorting by the first coordinate, a candidate is dominated iff some kept
 * point has u1 ≥ c1 and u2 ≥ c2. The kept points' (u1, u2) staircase (u1 ascending, u2
 * descending) answers that with one binary search.
 */
function filter3(values: Float64Array, order: Int32Array): number[] {
  const kept: number[] = [];
  const stairU1: number[] = [];
  const stairU2: number[] = [];
  for (let position = 0; position < order.length; position++) {
    const index = order[position]!;
    const u1 = values[index * 3 + 1] ?? 0;
    const u2 = values[index * 3 + 2] ?? 0;
    let low = 0;
    let high = stairU1.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((stairU1[middle] ?? 0) < u1) low = middle + 1;
      else high = middle;
    }
    // the first stair with u1 ≥ c1 has the largest u2 of all such stairs
    if (low < stairU1.length && (stairU2[low] ?? 0) >= u2) continue;
    kept.push(index);
    let start = low;
    while (start > 0 && (stairU2[start - 1] ?? 0) <= u2) start--;
    let end = low;
    while (end < stairU1.length && (stairU1[end] ?? 0) === u1 && (stairU2[end] ?? 0) <= u2) end++;
    stairU1.splice(start, end - start, u1);
    stairU2.splice(start, end - start, u2);
  }
  return kept;
}

/**
 * Four or more parties: an orthant query per candidate on a k-d tree of the kept points' other
 * coordinates, visited in the order `sortedDescending` gives, sorted in the kernel.
 */
function filterMany(values: Float64Array, count: number, dimensions: number): number[] {
  return new DominanceTree({ values, count, stride: dimensions, first: 1 }).keepUncoveredInSweepOrder(1);
}

/** Indices of the exactly non-dominated vectors among `count` vectors of `dimensions` coordinates. */
export function nonDominated(values: Float64Array, count: number, dimensions: number): number[] {
  if (dimensions >= 4) return filterMany(values, count, dimensions);
  const order = sortedDescending(values, count, dimensions);
  if (dimensions === 1) return count > 0 ? [order[0] ?? 0] : [];
  if (dimensions === 2) return filter2(values, order);
  return filter3(values, order);
}

const runHeads = new Int32Array(16);
let mergeScratch = new Int32Array(1024);

/**
 * Two parties, candidates laid out as `from * runs + run` where each run (one option added to a
 * frontier sorted by u₀ descending) is itself sorted: a k-way merge replaces the general sort.
 * Same result as `nonDominated(values, runs * runLength, 2)`.
 */
export function nonDominatedRuns2(values: Float64Array, runs: number, runLength: number): number[] {
  if (runs > 16) return nonDominated(values, runs * runLength, 2);
  const total = runs * runLength;
  // module-level scratch (this is not re-entrant): small merges are dominated by allocation otherwise
  if (mergeScratch.length < total) mergeScratch = new Int32Array(Math.max(total, 2 * mergeScratch.length));
  const heads = runHeads.fill(0, 0, runs);
  const order = mergeScratch;
  for (let out = 0; out < total; out++) {
    let chosen = -1;
    let chosenIndex = 0;
    for (let run = 0; run < runs; run++) {
      const from = heads[run]!;
      if (from >= runLength) continue;
      const index = from * runs + run;
      if (chosen === -1) {
        chosen = run;
        chosenIndex = index;
        continue;
      }
      const difference =
        values[2 * index]! - values[2 * chosenIndex]! ||
        values[2 * index + 1]! - values[2 * chosenIndex + 1]! ||
        chosenIndex - index;
      if (difference > 0) {
        chosen = run;
        chosenIndex = index;
      }
    }
    order[out] = chosenIndex;
    heads[chosen] = heads[chosen]! + 1;
  }
  // Rounding can make a run's u₀ equal where the frontier's were not, so within a run equal u₀
  // need not come in u₁-descending order: sweep groups of equal u₀, keeping each group's best.
  const kept: number[] = [];
  let best = Number.NEGATIVE_INFINITY;
  for (let start = 0; start < total;) {
    const first = values[2 * order[start]!]!;
    let groupBest = order[start]!;
    let end = start + 1;
    for (; end < total && values[2 * order[end]!] === first; end++) {
      const index = order[end]!;
      const difference = values[2 * index + 1]! - values[2 * groupBest + 1]!;
      if (difference > 0 || (difference === 0 && index < groupBest)) groupBest = index;
    }
    if (values[2 * groupBest + 1]! > best) {
      kept.push(groupBest);
      best = values[2 * groupBest + 1]!;
    }
    start = end;
  }
  return kept;
}

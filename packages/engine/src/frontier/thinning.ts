import { DominanceTree } from './dominance-tree';
import { descendingByKey } from './keyed-sort';

/**
 * ε-dominance thinning of a merge stage, with the error each kept point carries.
 *
 * Invariant (the proof of the stated bound): after every stage, each exactly non-dominated partial
 * sum t of the true merge is stood for by a kept point r with t − r ≤ errors(r) in every coordinate.
 * A candidate r′ + o inherits errors(r′). A candidate c is dropped only for a kept r with
 * errors(c) + (c − r) ≤ level in every coordinate, and then errors(r) is raised to at least that:
 * whatever c stood for, r now stands for. The difference is signed, so a point better than c in
 * some coordinate repays error c carried there (with the unsigned difference the final set was
 * 1.25× larger). Errors never exceed the level, so the level
 * after the last stage bounds them all, and the largest error actually carried is the bound stated.
 */

/**
 * Candidate indices by Σ u_p / range_p descending, then coordinates descending, then index. The
 * weighted sum is monotone under dominance even as rounded, so a dominating point always comes first.
 */
function sortedByWeightedSum(values: Float64Array, count: number, weights: Float64Array): Int32Array {
  const dimensions = weights.length;
  const key = new Float64Array(count);
  for (let index = 0; index < count; index++) {
    let sum = 0;
    for (let p = 0; p < dimensions; p++) sum += values[index * dimensions + p]! * weights[p]!;
    key[index] = sum;
  }
  const compare = (a: number, b: number): number => {
    const difference = key[b]! - key[a]!;
    if (difference !== 0) return difference;
    for (let p = 0; p < dimensions; p++) {
      const coordinate = values[b * dimensions + p]! - values[a * dimensions + p]!;
      if (coordinate !== 0) return coordinate;
    }
    return a - b;
  };
  // the keyed sort overwrites its keys, and `compare` reads them
  const keyed = descendingByKey(key.slice(), compare);
  if (keyed !== undefined) return keyed;
  const order = new Int32Array(count);
  for (let index = 0; index < count; index++) order[index] = index;
  return order.sort(compare);
}

/** Filters `count` candidates (`values[i*d + p]`, each with `errors[i*d + p]`, updated in place). */
export function thinnedNonDominated({
  values,
  errors,
  count,
  level,
  weights,
}: {
  values: Float64Array;
  errors: Float64Array;
  count: number;
  /** Per party: the most error any kept point may carry after this stage. */
  level: Float64Array;
  /** Per party: 1 / its utility range, so the order does not depend on the parties' scales. */
  weights: Float64Array;
}): number[] {
  const dimensions = level.length;
  // Best weighted sum first: a kept point then stands for the neighbours below it on the frontier,
  // better on some coordinates and worse on others, and their signed differences largely cancel.
  // (Sorted by u₀ instead, each kept point was an extreme one, every absorbed neighbour added error
  // on the other coordinates, and the final set was 1.7× larger on 4 parties, 16× on 5.)
  const order = sortedByWeightedSum(values, count, weights);
  // the sweep runs in the tree's WebAssembly kernel: on the 5-party 25-issue space its queries
  // were three quarters of the time in JavaScript
  const kept = new DominanceTree({ values, count, stride: dimensions, first: 0 }).thinSweep(
    order,
    errors,
    level,
  );
  return kept;
}

/**
 * How much error each thinned stage may add. Thinning starts at stage `from` of `stages` (merge
 * stages, one per issue); the target bound is spread evenly over the stages left, so each stage's
 * level rises by the same step and the last one ends at the target. A stage that still holds more
 * than the size cap after its step is thinned again with the step doubled (the stated bound then
 * exceeds the target: it is never truncated silently).
 */
export class ThinningSchedule {
  readonly level: Float64Array;
  /** Per party, its utility range (the bound is a share of it). */
  readonly ranges: readonly number[];
  private readonly target: readonly number[];
  private readonly stagesLeft: number;
  private stagesDone = 0;
  /** How many times the last stage's step was doubled. */
  lastDoublings = 0;

  constructor({
    ranges,
    bound,
    from,
    stages,
  }: {
    ranges: readonly number[];
    bound: number;
    from: number;
    stages: number;
  }) {
    this.ranges = ranges;
    this.target = ranges.map((range) => range * bound);
    this.stagesLeft = Math.max(1, stages - from);
    this.level = new Float64Array(ranges.length);
  }

  /** The level of the next stage, `doublings` times its step doubled; the stage is not yet counted. */
  levelFor(doublings: number): Float64Array {
    const next = new Float64Array(this.level.length);
    const remaining = Math.max(1, this.stagesLeft - this.stagesDone);
    for (let p = 0; p < next.length; p++) {
      const target = this.target[p] ?? 0;
      // after an overshoot every stage still adds the first stage's step, so thinning goes on
      const step = Math.max((target - this.level[p]!) / remaining, target / this.stagesLeft);
      next[p] = this.level[p]! + step * 2 ** doublings;
    }
    return next;
  }

  /** Records that the stage was thinned at `level`, its step doubled `doublings` times. */
  advance(level: Float64Array, doublings: number): void {
    this.level.set(level);
    this.lastDoublings = doublings;
    this.stagesDone++;
  }
}

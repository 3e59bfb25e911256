import type { AdditiveSpace, Outcome } from '../model/additive-space';
import { nonDominated, nonDominatedRuns2 } from './non-dominated';
import { mergeNearPoints } from './tolerance';

export type FrontierPoint = { readonly utilities: readonly number[]; readonly outcome: Outcome };

export type Frontier = {
  /** false when the size cap forced an ε-approximation. */
  readonly exact: boolean;
  /** When approximate: every true frontier point is within these amounts (per party) of a returned point. */
  readonly approximation?: { readonly additive: readonly number[] };
  /** Distinct non-dominated utility vectors, each with one witness outcome, best first for party 0. */
  readonly points: readonly FrontierPoint[];
};

export type FrontierOptions = {
  /** Comparison tolerance ε (genius: 1e-9; negmas: 0 = exact). */
  readonly tolerance?: number;
  /** Most points kept per merge stage before approximating (default 200 000). */
  readonly maxSize?: number;
  /** Grid cell, as a share of each party's utility range, used when approximating (default 1e-3). */
  readonly approximationStep?: number;
};

/** One merge stage: the surviving partial sums over issues 0..k and how each was formed. */
/** Candidate partial sums of one merge stage, flat (`values[i*dimensions + p]`). */
type Candidates = {
  readonly values: Float64Array;
  readonly parent: Int32Array;
  readonly option: Int32Array;
  readonly dimensions: number;
};

type Stage = {
  readonly values: Float64Array;
  readonly parent: Int32Array;
  readonly option: Int32Array;
  readonly count: number;
};

/** Options of one issue that no other option of it dominates (a dominated option never helps). */
function usefulOptions(space: AdditiveSpace, issue: number): number[] {
  const parties = space.parties.length;
  const options = space.issues[issue]?.options.length ?? 0;
  const values = new Float64Array(options * parties);
  space.parties.forEach((party, p) =>
    party.contributions[issue]?.forEach((value, option) => (values[option * parties + p] = value)),
  );
  // a typical issue has a handful of options: a direct pairwise check beats sorting
  if (options > 32) return nonDominated(values, options, parties).sort((a, b) => a - b);
  const useful: number[] = [];
  for (let option = 0; option < options; option++) {
    let dominated = false;
    for (let other = 0; other < options && !dominated; other++) {
      if (other === option) continue;
      let atLeast = true;
      let better = false;
      for (let p = 0; p < parties && atLeast; p++) {
        const difference = values[other * parties + p]! - values[option * parties + p]!;
        if (difference < 0) atLeast = false;
        else if (difference > 0) better = true;
      }
      // an equal option counts once: the first of equals is kept
      dominated = atLeast && (better || other < option);
    }
    if (!dominated) useful.push(option);
  }
  return useful;
}

/** Keeps one point per grid cell (the largest sum): an ε-dominance cover of `kept`. */
function thinToGrid(
  { values, dimensions }: Candidates,
  kept: readonly number[],
  cell: readonly number[],
): number[] {
  const best = new Map<string, { index: number; sum: number }>();
  for (const index of kept) {
    let key = '';
    let sum = 0;
    for (let p = 0; p < dimensions; p++) {
      const value = values[index * dimensions + p] ?? 0;
      key += `${Math.floor(value / (cell[p] ?? 1))},`;
      sum += value;
    }
    const current = best.get(key);
    if (current === undefined || sum > current.sum) best.set(key, { index, sum });
  }
  return [...best.values()].map((entry) => entry.index);
}

/** `buffers` if they hold `count` candidates, else new ones with room to grow. */
function ensureCapacity(buffers: Candidates, count: number, dimensions: number): Candidates {
  if (buffers.parent.length >= count) return buffers;
  const capacity = Math.max(count, 2 * buffers.parent.length, 64);
  return {
    values: new Float64Array(capacity * dimensions),
    parent: new Int32Array(capacity),
    option: new Int32Array(capacity),
    dimensions,
  };
}

function select({ values, parent, option, dimensions }: Candidates, kept: readonly number[]): Stage {
  const stage = {
    values: new Float64Array(kept.length * dimensions),
    parent: new Int32Array(kept.length),
    option: new Int32Array(kept.length),
    count: kept.length,
  };
  for (let position = 0; position < kept.length; position++) {
    const index = kept[position]!;
    for (let p = 0; p < dimensions; p++)
      stage.values[position * dimensions + p] = values[index * dimensions + p]!;
    stage.parent[position] = parent[index]!;
    stage.option[position] = option[index]!;
  }
  return stage;
}

/** A frontier point as `rebuild` makes it: fresh arrays, so the re-summing may write into them. */
type BuiltPoint = { readonly utilities: number[]; readonly outcome: Outcome };

/**
 * Re-sums the points' utilities in file order, in place, as enumeration sums them, so reported
 * utilities are bit-identical to enumeration's whatever the merge order (only a merge under a
 * tolerance is reordered: the differences are last-bit, far below ε).
 */
function sumInFileOrder(space: AdditiveSpace, points: readonly BuiltPoint[]): void {
  const dimensions = space.parties.length;
  for (const point of points) {
    for (let p = 0; p < dimensions; p++) {
      // the same additions, in the same order, as utilityOf (plain loops: 10⁴ points × parties × issues)
      const party = space.parties[p]!;
      let total = party.constant;
      for (let issue = 0; issue < point.outcome.length; issue++)
        total += party.contributions[issue]![point.outcome[issue]!]!;
      point.utilities[p] = total;
    }
  }
}

function rebuild(stages: readonly Stage[], mergeOrder: readonly number[], dimensions: number): BuiltPoint[] {
  const last = stages[stages.length - 1];
  if (last === undefined) return [];
  const points: BuiltPoint[] = [];
  for (let index = 0; index < last.count; index++) {
    const outcome: number[] = [];
    for (let issue = 0; issue < mergeOrder.length; issue++) outcome.push(0);
    let at = index;
    for (let stageIndex = stages.length - 1; stageIndex >= 1; stageIndex--) {
      const stage = stages[stageIndex];
      outcome[mergeOrder[stageIndex - 1] ?? 0] = stage?.option[at] ?? -1;
      at = stage?.parent[at] ?? 0;
    }
    // a plain loop: Array.from on a typed array goes through the iterator protocol (slow)
    const utilities: number[] = [];
    for (let p = 0; p < dimensions; p++) utilities.push(last.values[index * dimensions + p] ?? 0);
    points.push({ utilities, outcome });
  }
  return points;
}

/**
 * Exact comparison (negmas, tolerance 0) and two parties merge in file order: every partial sum is
 * then formed as enumeration forms it, so exact ties and dominance come out as NegMAS sees them
 * (another order can lose a point to a last-bit difference: the property test with decimal
 * utilities finds such cases), and 2-party stages stay sorted for the run merge. With three or
 * more parties under a tolerance the last stage's filter dominates the cost, and its candidates are
 * (frontier of the other issues) × (options of the last one), so an issue with many options merged
 * last multiplies the largest frontier: the issue with the most options is merged first (the
 * 5-party KillerRobot scenario under genius: 52 550 last-stage candidates in file order, 14 504 so).
 */
function mergeOrderOf(optionCounts: readonly number[], parties: number, tolerance: number): number[] {
  const fileOrder = optionCounts.map((_, issue) => issue);
  if (parties < 3 || tolerance === 0 || fileOrder.length === 0) return fileOrder;
  const widest = fileOrder.reduce(
    (best, issue) => ((optionCounts[issue] ?? 0) > (optionCounts[best] ?? 0) ? issue : best),
    0,
  );
  return [widest, ...fileOrder.filter((issue) => issue !== widest)];
}

function utilityRanges(space: AdditiveSpace): number[] {
  return space.parties.map(
    (party) =>
      party.contributions.reduce((range, values) => range + Math.max(...values) - Math.min(...values), 0) ||
      1,
  );
}

/**
 * The Pareto frontier of an additive space without enumerating it (a Nemhauser–Ullmann merge).
 * A partial sum over the first k issues that is dominated can never complete to a frontier
 * point (adding the same later options keeps the domination), so each stage keeps only the
 * non-dominated sums, with back-pointers to rebuild one witness outcome per point.
 */
export function paretoFrontier(space: AdditiveSpace, options: FrontierOptions = {}): Frontier {
  const dimensions = space.parties.length;
  const maxSize = options.maxSize ?? 200_000;
  const baseStep = options.approximationStep ?? 1e-3;
  // only an approximating stage needs the ranges (most spaces never do)
  let ranges: number[] | undefined;
  const additive = space.parties.map(() => 0);
  let exact = true;
  const start: Stage = {
    values: Float64Array.from(space.parties.map((party) => party.constant)),
    parent: Int32Array.of(-1),
    option: Int32Array.of(-1),
    count: 1,
  };
  const stages: Stage[] = [start];
  const useful = space.issues.map((_, issue) => usefulOptions(space, issue));
  const tolerance = options.tolerance ?? 0;
  let scratch: Candidates = {
    values: new Float64Array(0),
    parent: new Int32Array(0),
    option: new Int32Array(0),
    dimensions,
  };
  const mergeOrder = mergeOrderOf(
    useful.map((choices) => choices.length),
    dimensions,
    tolerance,
  );
  for (const issue of mergeOrder) {
    const previous = stages[stages.length - 1] ?? start;
    const choices = useful[issue] ?? [];
    const count = previous.count * choices.length;
    // Candidates live in scratch buffers reused across stages (only the kept ones are copied out):
    // on a 6-issue, 2-party scenario, allocating fresh typed arrays each stage cost a third of the time.
    scratch = ensureCapacity(scratch, count, dimensions);
    const { values, parent, option } = scratch;
    // each useful option's contribution vector, flat, so the inner loop is two array reads
    const shift = new Float64Array(choices.length * dimensions);
    for (let position = 0; position < choices.length; position++) {
      for (let p = 0; p < dimensions; p++)
        shift[position * dimensions + p] = space.parties[p]?.contributions[issue]?.[choices[position]!] ?? 0;
    }
    let candidate = 0;
    const previousValues = previous.values;
    for (let from = 0; from < previous.count; from++) {
      for (let position = 0; position < choices.length; position++) {
        for (let p = 0; p < dimensions; p++) {
          values[candidate * dimensions + p] =
            previousValues[from * dimensions + p]! + shift[position * dimensions + p]!;
        }
        parent[candidate] = from;
        option[candidate] = choices[position]!;
        candidate++;
      }
    }
    // two parties: the previous stage is sorted by u₀, so each option's candidates form a sorted run
    let kept =
      dimensions === 2
        ? nonDominatedRuns2(values, choices.length, previous.count)
        : nonDominated(values, count, dimensions);
    let step = baseStep;
    while (kept.length > maxSize) {
      // Never truncate silently: thin to an ε-grid and record the error bound it adds.
      exact = false;
      ranges ??= utilityRanges(space);
      const cell = ranges.map((range) => range * step);
      const thinned = thinToGrid({ values, parent, option, dimensions }, kept, cell);
      const compacted = new Float64Array(thinned.length * dimensions);
      thinned.forEach((index, position) =>
        compacted.set(values.subarray(index * dimensions, (index + 1) * dimensions), position * dimensions),
      );
      kept = nonDominated(compacted, thinned.length, dimensions).map((position) => thinned[position] ?? 0);
      // a thinned point is within one cell of the point it stands for; stages add up
      if (kept.length <= maxSize) cell.forEach((size, p) => (additive[p] = (additive[p] ?? 0) + size));
      step *= 2;
    }
    stages.push(select({ values, parent, option, dimensions }, kept));
  }
  let points = rebuild(stages, mergeOrder, dimensions);
  // ε-merging needs an exact frontier of the sums it sees (distinct, none dominating another), so it
  // runs on the merge's own sums, before they are replaced by enumeration's.
  if (tolerance > 0) points = mergeNearPoints(points, tolerance);
  if (mergeOrder.some((issue, position) => issue !== position)) sumInFileOrder(space, points);
  return exact ? { exact, points } : { exact, approximation: { additive }, points };
}

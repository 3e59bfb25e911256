import type { AdditiveSpace, Outcome } from '../model/additive-space';
import { mergeTwoParties } from './kernel/merge-stage2';
import { nonDominated, nonDominatedRuns2 } from './non-dominated';
import { ensureCapacity, formCandidates, select, withErrors, type Candidates, type Stage } from './stage';
import { exactStageInKernel } from './exact-stage';
import { boundOf, thinStage } from './thinned-stage';
import { ThinningSchedule } from './thinning';
import { mergeNearPoints } from './tolerance';

export type FrontierPoint = { readonly utilities: readonly number[]; readonly outcome: Outcome };

export type Frontier = {
  /** false when the merge was thinned (the frontier outgrew `exactUpTo` or `maxSize`). */
  readonly exact: boolean;
  /**
   * When approximate: every true frontier point is within these amounts (per party, in utility) of a
   * returned point, i.e. some returned point is worse for party p by at most `additive[p]`.
   */
  readonly approximation?: { readonly additive: readonly number[] };
  /** Distinct non-dominated utility vectors, each with one witness outcome, best first for party 0. */
  readonly points: readonly FrontierPoint[];
};

/** Frontier points laid out flat: utilities `values[i * dimensions + p]`, outcomes `outcomes[i * issues + k]`. */
export type FlatPoints = {
  readonly values: Float64Array;
  readonly outcomes: Int32Array;
  readonly count: number;
  readonly dimensions: number;
  readonly issues: number;
};

export type FrontierOptions = {
  /** Comparison tolerance ε (genius: 1e-9; negmas: 0 = exact). */
  readonly tolerance?: number;
  /** Most points kept per merge stage; a larger stage is thinned more coarsely (default 20 000). */
  readonly maxSize?: number;
  /** Largest stage kept exact: once a stage holds more points, it and every later stage are thinned (default 20 000). */
  readonly exactUpTo?: number;
  /** Target bound of a thinned frontier, as a share of each party's utility range (default 0.01). */
  readonly approximationBound?: number;
};

/** Options of one issue that no other option of it dominates (a dominated option never helps). */
// prettier-ignore
const usefulOptions = (function usefulOptions(space: AdditiveSpace, issue: number): number[] {
  const parties = space.parties.length;
  const options = space.issues[issue]?.options.length ?? 0;
  const values = new Float64Array(options * parties);
  for (let p = 0; p < parties; p++) {
    const contributions = space.parties[p]!.contributions[issue];
    if (contributions === undefined) continue;
    // a contributions array longer than the issue's options writes past `values`, ignored as before
    for (let option = 0; option < contributions.length; option++)
      values[option * parties + p] = contributions[option]!;
  }
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
});

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

/**
 * The last stage's points with one witness outcome each, read back through the stages. The
 * outcomes are also written flat into `outcomes` (point i's at `i * issues`), where the solutions
 * kernel reads them.
 */
function rebuild(
  stages: readonly Stage[],
  {
    mergeOrder,
    dimensions,
    outcomes,
  }: { mergeOrder: readonly number[]; dimensions: number; outcomes: Int32Array },
): BuiltPoint[] {
  const last = stages[stages.length - 1];
  if (last === undefined) return [];
  const issues = mergeOrder.length;
  const points: BuiltPoint[] = [];
  // Each point's arrays are copies of these: slice allocates exactly their length, and writing
  // integers and doubles keeps their element kinds. Grown by push from empty, each array had room
  // for 17: on KillerRobot (12 000 points) the first analysis's heap grew 2 MB more, and its
  // young-generation overflow set off a full (mark-compact) collection inside the analysis.
  const outcomeTemplate: number[] = [];
  for (let issue = 0; issue < mergeOrder.length; issue++) outcomeTemplate.push(0);
  const utilitiesTemplate: number[] = [];
  for (let p = 0; p < dimensions; p++) utilitiesTemplate.push(0.5);
  for (let index = 0; index < last.count; index++) {
    const outcome = outcomeTemplate.slice();
    let at = index;
    for (let stageIndex = stages.length - 1; stageIndex >= 1; stageIndex--) {
      const stage = stages[stageIndex];
      const issue = mergeOrder[stageIndex - 1] ?? 0;
      const option = stage?.option[at] ?? -1;
      outcome[issue] = option;
      outcomes[index * issues + issue] = option;
      at = stage?.parent[at] ?? 0;
    }
    const utilities = utilitiesTemplate.slice();
    for (let p = 0; p < dimensions; p++) utilities[p] = last.values[index * dimensions + p] ?? 0;
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
 * The Pareto frontier of an additive space without enumerating it (see `frontierAndFlatPoints`).
 * Compiled when the module loads, as are the functions it calls (io/compile.ts says why).
 */
// prettier-ignore
export const paretoFrontier = (function paretoFrontier(
  space: AdditiveSpace,
  options: FrontierOptions = {},
): Frontier {
  return frontierAndFlatPoints(space, options).frontier;
});

/**
 * The Pareto frontier of an additive space without enumerating it (a Nemhauser–Ullmann merge).
 * A partial sum over the first k issues that is dominated can never complete to a frontier
 * point (adding the same later options keeps the domination), so each stage keeps only the
 * non-dominated sums, with back-pointers to rebuild one witness outcome per point. Once a stage
 * outgrows `exactUpTo` (or `maxSize`), it and the later stages are thinned by ε-dominance within a
 * per-stage error level, and the result states the additive error the points actually carry.
 * `flat` lays the points out as the solutions kernel reads them, when their utilities are the last
 * stage's own (not ε-merged, not re-summed in file order): the analysis then hands the kernel
 * those arrays instead of reading every point's utilities back out of its objects.
 */
// prettier-ignore
export const frontierAndFlatPoints = (function frontierAndFlatPoints(
  space: AdditiveSpace,
  options: FrontierOptions,
): { frontier: Frontier; flat: FlatPoints | undefined } {
  const dimensions = space.parties.length;
  const maxSize = options.maxSize ?? 20_000;
  const exactUpTo = Math.min(options.exactUpTo ?? 20_000, maxSize);
  const bound = options.approximationBound ?? 0.01;
  const useful: number[][] = [];
  for (let issue = 0; issue < space.issues.length; issue++) useful.push(usefulOptions(space, issue));
  const tolerance = options.tolerance ?? 0;
  // two parties merge in file order, each stage in the WebAssembly kernel (the same sums and choices)
  const merged = dimensions === 2 ? mergeTwoParties(space, useful, exactUpTo) : undefined;
  if (merged !== undefined)
    return {
      frontier: { exact: true, points: tolerance > 0 ? mergeNearPoints(merged, tolerance) : merged },
      flat: undefined,
    };
  const constants = new Float64Array(dimensions);
  for (let p = 0; p < dimensions; p++) constants[p] = space.parties[p]!.constant;
  const start: Stage = { values: constants, parent: Int32Array.of(-1), option: Int32Array.of(-1), count: 1 };
  const stages: Stage[] = [start];
  let scratch: Candidates = {
    values: new Float64Array(0),
    errors: new Float64Array(0),
    parent: new Int32Array(0),
    option: new Int32Array(0),
    dimensions,
  };
  const mergeOrder = mergeOrderOf(
    useful.map((choices) => choices.length),
    dimensions,
    tolerance,
  );
  // only a thinned merge needs the ranges (most spaces never are)
  let ranges: number[] | undefined;
  let schedule: ThinningSchedule | undefined;
  for (const [position, issue] of mergeOrder.entries()) {
    const previous = stages[stages.length - 1] ?? start;
    const choices = useful[issue] ?? [];
    // A stage predicted (at the last stage's growth) to outgrow the limit is thinned without its
    // exact filter: on the largest stage that filter alone would cost about as much as thinning it.
    const before = stages[stages.length - 2] ?? start;
    const predicted = (previous.count * previous.count) / Math.max(1, before.count);
    const thinNow = schedule === undefined && dimensions > 1 && predicted > exactUpTo;
    const inKernel =
      schedule === undefined && !thinNow && dimensions >= 4
        ? exactStageInKernel({ space, previous, issue, choices })
        : undefined;
    if (inKernel !== undefined && inKernel.count <= exactUpTo) {
      stages.push(inKernel);
      continue;
    }
    // Candidates live in scratch buffers reused across stages (only the kept ones are copied out):
    // on a 6-issue, 2-party scenario, allocating fresh typed arrays each stage cost a third of the time.
    scratch = ensureCapacity(scratch, previous.count * choices.length, dimensions);
    const count = formCandidates({ space, previous, issue, choices, scratch });
    let kept: number[] | undefined;
    if (schedule === undefined && !thinNow && inKernel === undefined) {
      // two parties: the previous stage is sorted by u₀, so each option's candidates form a sorted run
      kept =
        dimensions === 2
          ? nonDominatedRuns2(scratch.values, choices.length, previous.count)
          : nonDominated(scratch.values, count, dimensions);
    }
    // Never truncate silently: past the limit (the kernel's stage included) the merge is thinned from this stage on.
    const outgrown = inKernel !== undefined || (kept?.length ?? 0) > exactUpTo;
    if (schedule === undefined && dimensions > 1 && (thinNow || outgrown)) {
      ranges ??= utilityRanges(space);
      schedule = new ThinningSchedule({
        ranges,
        bound,
        from: position,
        stages: mergeOrder.length,
      });
      scratch = withErrors(scratch);
      kept = undefined;
    }
    if (schedule !== undefined) kept ??= thinStage({ scratch, count, schedule, maxSize });
    stages.push(select(scratch, { kept: kept ?? [], thinned: schedule !== undefined }));
  }
  const last = stages[stages.length - 1] ?? start;
  const outcomes = new Int32Array(last.count * mergeOrder.length);
  let points = rebuild(stages, { mergeOrder, dimensions, outcomes });
  // ε-merging needs an exact frontier of the sums it sees (distinct, none dominating another), so it
  // runs on the merge's own sums, before they are replaced by enumeration's. A thinned frontier is
  // not merged: its stated bound, far above ε, already covers points that close.
  const nearMerged = tolerance > 0 && schedule === undefined;
  if (nearMerged) points = mergeNearPoints(points, tolerance);
  const resummed = mergeOrder.some((issue, position) => issue !== position);
  if (resummed) sumInFileOrder(space, points);
  const flat =
    nearMerged || resummed
      ? undefined
      : { values: last.values, outcomes, count: last.count, dimensions, issues: mergeOrder.length };
  const frontier: Frontier =
    schedule === undefined || ranges === undefined
      ? { exact: true, points }
      : { exact: false, approximation: { additive: boundOf(last, ranges) }, points };
  return { frontier, flat };
});

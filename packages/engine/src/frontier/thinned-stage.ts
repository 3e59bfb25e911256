import { ensureCapacity, withErrors, type Candidates, type Stage } from './stage';
import { thinnedNonDominated, type ThinningSchedule } from './thinning';

const emptyCandidates = (dimensions: number): Candidates => ({
  values: new Float64Array(0),
  errors: new Float64Array(0),
  parent: new Int32Array(0),
  option: new Int32Array(0),
  dimensions,
});

/** The kept candidates' values and errors, packed. */
function pack({ values, errors, dimensions }: Candidates, kept: readonly number[]): Candidates {
  const packed = withErrors(ensureCapacity(emptyCandidates(dimensions), kept.length, dimensions));
  kept.forEach((index, position) => {
    packed.values.set(values.subarray(index * dimensions, (index + 1) * dimensions), position * dimensions);
    packed.errors.set(errors.subarray(index * dimensions, (index + 1) * dimensions), position * dimensions);
  });
  return packed;
}

/**
 * Thins a stage at the schedule's next level. While it still holds more than `maxSize` points, what
 * it kept is thinned again with the level's step doubled: a second thinning of the same stage keeps
 * the invariant, and it runs on the kept points only, not on every candidate again.
 */
export function thinStage({
  scratch,
  count,
  schedule,
  maxSize,
}: {
  scratch: Candidates;
  count: number;
  schedule: ThinningSchedule;
  maxSize: number;
}): number[] {
  const { values, errors, dimensions } = scratch;
  // 1 / range, scaled so the largest weight is 1: a denormal range must not make a weight infinite
  // (0 · ∞ is NaN, and the order would no longer put a dominating point first)
  const smallest = Math.min(...schedule.ranges);
  const weights = Float64Array.from(schedule.ranges, (range) => smallest / range);
  // a stage that needed its step doubled is followed by stages that need it too: start one short
  let doublings = Math.max(0, schedule.lastDoublings - 1);
  let level = schedule.levelFor(doublings);
  let kept = thinnedNonDominated({ values, errors, count, level, weights });
  while (kept.length > maxSize) {
    doublings++;
    level = schedule.levelFor(doublings);
    const packed = pack(scratch, kept);
    const again = thinnedNonDominated({ ...packed, count: kept.length, level, weights });
    const from = kept;
    for (const position of again) {
      const index = from[position]!;
      errors.set(
        packed.errors.subarray(position * dimensions, (position + 1) * dimensions),
        index * dimensions,
      );
    }
    kept = again.map((position) => from[position]!);
  }
  schedule.advance(level, doublings);
  return kept;
}

/** Per party, the largest error a final point carries: the proven additive bound. */
export function boundOf(stage: Stage, ranges: readonly number[]): number[] {
  const dimensions = ranges.length;
  return ranges.map((range, p) => {
    let largest = 0;
    for (let index = 0; index < stage.count; index++)
      largest = Math.max(largest, stage.errors?.[index * dimensions + p] ?? 0);
    // reported utilities are re-summed in file order: allow for the last-bit differences of that
    return largest + 1e-12 * range;
  });
}

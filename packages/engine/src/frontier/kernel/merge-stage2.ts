import type { AdditiveSpace } from '../../model/additive-space';
import { instantiateKernel, type KernelMemory } from '../../kernel/instantiate';
import { mergeStage2Wasm } from './merge-stage2-wasm';

type Memory = KernelMemory;
// the kernel's signature: WebAssembly takes its arguments as numbers, one by one
// eslint-disable-next-line max-params
type MergeStage2 = (
  previous: number,
  previousCount: number,
  shift: number,
  runs: number,
  heads: number,
  out: number,
) => number;

const PAGE = 65_536;

// Compiled and instantiated once, when the engine loads: V8's baseline compiler (Liftoff) makes
// it machine code at once, so even the first analysis in a process runs the merge compiled.
const exports = instantiateKernel(mergeStage2Wasm);
/** The kernel's memory (its buffer is replaced when it grows: take views after each call). */
export const memory = exports.memory as Memory;
const mergeStage2 = exports.mergeStage2 as MergeStage2;
/** The whole exact two-party analysis (merge-stage2.wat says what it reads and writes). */
export const analyze2 = exports.analyze2 as (issues: number, exactUpTo: number, tolerance: number) => number;
// V8 compiles a WebAssembly function at its first call (lazy compilation): an empty call (no runs,
// nothing read or written) compiles it now, with the module, instead of in the first analysis.
mergeStage2(0, 0, 0, 0, 0, 0);

/** A two-party frontier point: fresh arrays, as `rebuild` in frontier.ts makes them. */
export type TwoPartyPoint = { readonly utilities: number[]; readonly outcome: number[] };

/**
 * The exact two-party frontier, merged stage by stage in the kernel, best first for party 0; or
 * undefined when the merge would be thinned or a stage has more than 16 useful options (the
 * caller's general merge handles those). Compiled when the module loads (io/compile.ts says why).
 */
// prettier-ignore
export const mergeTwoParties = (function mergeTwoParties(
  space: AdditiveSpace,
  useful: readonly (readonly number[])[],
  exactUpTo: number,
): TwoPartyPoint[] | undefined {
  const issues = useful.length;
  const [first, second] = space.parties;
  if (issues === 0 || first === undefined || second === undefined) return undefined;
  // per stage: the byte offset of its points (24-byte records: u0, u1, parent, choice) and how many
  // (stage 0: the constants)
  const pointsAt = new Int32Array(issues + 1);
  const counts = new Int32Array(issues + 1);
  let top = 16;
  counts[0] = 1;
  let f64 = new Float64Array(memory.buffer);
  f64[0] = first.constant;
  f64[1] = second.constant;
  for (let stage = 1; stage <= issues; stage++) {
    const choices = useful[stage - 1]!;
    const runs = choices.length;
    const previous = counts[stage - 1]!;
    const before = stage >= 2 ? counts[stage - 2]! : 1;
    if (runs === 0 || runs > 16 || (previous * previous) / before > exactUpTo) return undefined;
    const candidates = previous * runs;
    const shiftAt = top;
    const headsAt = shiftAt + runs * 16;
    pointsAt[stage] = headsAt + runs * 8;
    const end = pointsAt[stage]! + candidates * 24;
    if (end > memory.buffer.byteLength) memory.grow(Math.ceil((end - memory.buffer.byteLength) / PAGE));
    f64 = new Float64Array(memory.buffer);
    // each useful option's contributions, the shift its run adds to the previous stage
    const firstValues = first.contributions[stage - 1]!;
    const secondValues = second.contributions[stage - 1]!;
    for (let run = 0; run < runs; run++) {
      f64[(shiftAt >> 3) + 2 * run] = firstValues[choices[run]!]!;
      f64[(shiftAt >> 3) + 2 * run + 1] = secondValues[choices[run]!]!;
    }
    counts[stage] = mergeStage2(pointsAt[stage - 1]!, previous, shiftAt, runs, headsAt, pointsAt[stage]!);
    if (counts[stage]! > exactUpTo) return undefined;
    top = pointsAt[stage]! + counts[stage]! * 24;
  }
  const i32 = new Int32Array(memory.buffer);
  const count = counts[issues]!;
  const last = pointsAt[issues]! >> 3;
  const points: TwoPartyPoint[] = [];
  for (let index = 0; index < count; index++) {
    const outcome: number[] = [];
    for (let issue = 0; issue < issues; issue++) outcome.push(0);
    let at = index;
    for (let stage = issues; stage >= 1; stage--) {
      const record = (pointsAt[stage]! >> 2) + 6 * at;
      outcome[stage - 1] = useful[stage - 1]![i32[record + 5]!]!;
      at = i32[record + 4]!;
    }
    points.push({ utilities: [f64[last + 3 * index]!, f64[last + 3 * index + 1]!], outcome });
  }
  return points;
});

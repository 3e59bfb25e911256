import type { Solution, Solutions } from '../bargaining/solutions';
import type { FrontierPoint } from '../frontier/frontier';
import { analyze2, memory } from '../frontier/kernel/merge-stage2';
import type { AdditiveSpace } from '../model/additive-space';

/*
 * The exact two-party analysis (the negmas semantics) as one WebAssembly call: V8 compiles the
 * kernel with Liftoff when it first runs, and running it at load (below) makes that happen before
 * any analysis. In JavaScript a process's first analysis ran in baseline code that boxed every
 * double it computed: on anac2011-Car about 40 fresh heap pages touched (each a page fault) and
 * hundreds of first-time property and element accesses (issue #17). What is left here writes the
 * contributions in and makes the result objects.
 */

/** Where the kernel's inputs begin (merge-stage2.wat, analyze2). */
const OPTIONS_AT = 256;

/** The rational frontier and the four solutions over it; undefined when the kernel leaves it to the general path. */
export type TwoPartyAnalysis = { readonly points: FrontierPoint[]; readonly solutions: Solutions };

// prettier-ignore
const writeSpace = (function writeSpace(space: AdditiveSpace): boolean {
  const issues = space.issues;
  const first = space.parties[0]!;
  const second = space.parties[1]!;
  let total = 0;
  for (let issue = 0; issue < issues.length; issue++) total += issues[issue]!.options.length;
  const contributionsAt = (OPTIONS_AT + 4 * issues.length + 7) & ~7;
  const end = contributionsAt + 16 * total;
  if (end > memory.buffer.byteLength) memory.grow(Math.ceil((end - memory.buffer.byteLength) / 65_536));
  const f64 = new Float64Array(memory.buffer);
  const i32 = new Int32Array(memory.buffer);
  f64[0] = first.constant;
  f64[1] = second.constant;
  f64[2] = first.reservation;
  f64[3] = second.reservation;
  let at = contributionsAt >> 3;
  for (let issue = 0; issue < issues.length; issue++) {
    const options = issues[issue]!.options.length;
    const firstValues = first.contributions[issue];
    const secondValues = second.contributions[issue];
    // the general path reads contributions as long as the options: any other shape stays there
    if (firstValues?.length !== options || secondValues?.length !== options) return false;
    i32[(OPTIONS_AT >> 2) + issue] = options;
    for (let option = 0; option < options; option++) {
      f64[at++] = firstValues[option]!;
      f64[at++] = secondValues[option]!;
    }
  }
  return true;
});

// prettier-ignore
const solutionAt = (function solutionAt(
  points: readonly FrontierPoint[],
  chosen: number,
  value: number,
): Solution | null {
  const point = points[chosen];
  return point === undefined ? null : { outcome: point.outcome, utilities: point.utilities, value };
});

/**
 * Frontier (rational points only, best first for party 0) and solutions of a two-party space under
 * exact comparison, as analyzeSpace computes them for the negmas semantics; undefined when the
 * kernel does not take the space (more than 16 useful or 32 options in an issue, a stage past
 * `exactUpTo`), which the general path then analyses. Compiled when the module loads (io/compile.ts).
 */
// prettier-ignore
export const analyzeTwoParties = (function analyzeTwoParties(
  space: AdditiveSpace,
  exactUpTo: number,
): TwoPartyAnalysis | undefined {
  const issues = space.issues.length;
  if (space.parties.length !== 2 || issues === 0 || !(exactUpTo >= 0 && exactUpTo <= 0x7fffffff)) return undefined;
  if (!writeSpace(space)) return undefined;
  const count = analyze2(issues, Math.floor(exactUpTo), 0);
  if (count < 0) return undefined;
  const f64 = new Float64Array(memory.buffer);
  const i32 = new Int32Array(memory.buffer);
  const outcomesAt = i32[9]! >> 2;
  const valuesAt = i32[10]! >> 3;
  const rationalAt = i32[11]! >> 2;
  // Each outcome a copy of a template: slice allocates exactly its length, where an array grown by
  // push from empty has room for 17 (on anac2011-Car, 5 KB more heap: fresh pages, page faults).
  const template: number[] = [];
  for (let issue = 0; issue < issues; issue++) template.push(0);
  const points: FrontierPoint[] = [];
  for (let k = 0; k < count; k++) {
    const index = i32[rationalAt + k]!;
    const outcome = template.slice();
    const from = outcomesAt + index * issues;
    for (let issue = 0; issue < issues; issue++) outcome[issue] = i32[from + issue]!;
    points.push({ utilities: [f64[valuesAt + 3 * index]!, f64[valuesAt + 3 * index + 1]!], outcome });
  }
  return {
    points,
    solutions: {
      nash: solutionAt(points, i32[12]!, f64[8]!),
      kalaiSmorodinsky: solutionAt(points, i32[13]!, f64[9]!),
      utilitarian: solutionAt(points, i32[14]!, f64[10]!),
      egalitarian: solutionAt(points, i32[15]!, f64[11]!),
    },
  };
});

// V8 compiles each kernel function at its first call: one analysis of a one-issue space whose two
// options are both on the frontier (so that every function runs, the tie test included) compiles
// them with the module rather than in the first real analysis.
analyzeTwoParties(
  {
    issues: [{ name: '', options: ['', ''] }],
    parties: [
      { name: '', reservation: 0, constant: 0, contributions: [[1, 0]] },
      { name: '', reservation: 0, constant: 0, contributions: [[0, 1]] },
    ],
  },
  2,
);

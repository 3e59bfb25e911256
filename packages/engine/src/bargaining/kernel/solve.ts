import { instantiateKernel, type KernelMemory } from '../../kernel/instantiate';
import { solutionsWasm } from './solutions-wasm';

// the kernel's signature: WebAssembly takes its arguments as numbers, one by one
// eslint-disable-next-line max-params
type Solve = (
  values: number,
  count: number,
  dimensions: number,
  outcomes: number,
  issues: number,
  reservations: number,
  tolerance: number,
  rational: number,
  scores: number,
  result: number,
) => void;

type Kernel = { readonly memory: KernelMemory; readonly solve: Solve };

function instantiate(): Kernel {
  const exports = instantiateKernel(solutionsWasm);
  return { memory: exports.memory as KernelMemory, solve: exports.solutions as Solve };
}

// Compiled when the engine loads, and called once empty so that V8 compiles it now rather than in
// the first analysis (merge-stage2.ts says why).
const shared = instantiate();
shared.solve(0, 0, 1, 0, 0, 0, 0, 0, 0, 0);

/** Past this many bytes a frontier is solved in an instance of its own: a WebAssembly memory never shrinks. */
const RETAINED_BYTES = 16 * 1024 * 1024;
const PAGE = 65_536;
const RESULT_BYTES = 64;
const align8 = (bytes: number) => (bytes + 7) & ~7;

/** Frontier points laid out flat: utilities `values[i * dimensions + p]`, outcomes `outcomes[i * issues + k]`. */
export type FlatPoints = {
  readonly values: Float64Array;
  readonly outcomes: Int32Array;
  readonly count: number;
  readonly dimensions: number;
  readonly issues: number;
};

/** Where the points lie and what the kernel chose: positions index `rational`, which indexes the points. */
export type SolvedPoints = {
  /** The positions of the rational points, in order. */
  readonly rational: Int32Array;
  /** Nash, Kalai–Smorodinsky, utilitarian, egalitarian: a position in `rational`, or −1. */
  readonly chosen: Int32Array;
  readonly values: Float64Array;
};

/** Where `points` go in a kernel's memory, grown to hold them; the kernel to use. */
function layOut(count: number, dimensions: number, issues: number) {
  const reservationsAt = RESULT_BYTES;
  const valuesAt = align8(reservationsAt + dimensions * 8);
  const outcomesAt = valuesAt + count * dimensions * 8;
  const rationalAt = outcomesAt + count * issues * 4;
  const scoresAt = align8(rationalAt + count * 4);
  const end = scoresAt + 6 * count * 8 + 2 * dimensions * 8;
  const kernel = end > RETAINED_BYTES ? instantiate() : shared;
  const have = kernel.memory.buffer.byteLength;
  if (end > have) kernel.memory.grow(Math.ceil((end - have) / PAGE));
  return { kernel, reservationsAt, valuesAt, outcomesAt, rationalAt, scoresAt };
}

/** Points as the kernel takes them: how many, their shape, and how to write them into its memory. */
export type PointsToSolve = {
  readonly count: number;
  readonly dimensions: number;
  readonly issues: number;
  /** Writes the points' utilities and outcomes into the views it is given, laid out as FlatPoints. */
  readonly fill: (values: Float64Array, outcomes: Int32Array) => void;
};

/**
 * The rational points (every party gets at least its reservation, less `tolerance`) and the four
 * bargaining solutions over them, in the kernel (solutions.wat).
 */
// prettier-ignore
export const solveInKernel = (function solveInKernel(
  points: PointsToSolve,
  { reservations, tolerance }: { reservations: readonly number[]; tolerance: number },
): SolvedPoints {
  const { count, dimensions, issues } = points;
  const at = layOut(count, dimensions, issues);
  const buffer = at.kernel.memory.buffer;
  const reservationView = new Float64Array(buffer, at.reservationsAt, dimensions);
  for (let p = 0; p < dimensions; p++) reservationView[p] = reservations[p] ?? 0;
  points.fill(new Float64Array(buffer, at.valuesAt, count * dimensions), new Int32Array(buffer, at.outcomesAt, count * issues));
  at.kernel.solve(at.valuesAt, count, dimensions, at.outcomesAt, issues, at.reservationsAt, tolerance, at.rationalAt, at.scoresAt, 0);
  const header = new Int32Array(buffer, 0, 6);
  return {
    rational: new Int32Array(buffer, at.rationalAt, header[0]!).slice(),
    chosen: header.slice(1, 5),
    values: new Float64Array(buffer, 24, 4).slice(),
  };
});

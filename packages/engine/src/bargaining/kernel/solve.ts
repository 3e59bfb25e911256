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

/**
 * An instance of the solutions kernel (solutions.wat) with views of its whole memory. A process's
 * first analysis makes every typed array it needs in a few microseconds each, as many as the
 * arithmetic it saves on a small frontier: so the views are made once (again only when the memory
 * grows) and everything is read and written through them by index.
 */
export type SolveKernel = {
  readonly memory: KernelMemory;
  readonly solve: Solve;
  f64: Float64Array;
  i32: Int32Array;
};

function instantiate(): SolveKernel {
  const exports = instantiateKernel(solutionsWasm);
  const memory = exports.memory as KernelMemory;
  return {
    memory,
    solve: exports.solutions as Solve,
    f64: new Float64Array(memory.buffer),
    i32: new Int32Array(memory.buffer),
  };
}

/** Byte offsets in the kernel's memory (solutions.wat): its result, then the reservations. */
export const RESULT_AT = 0;
export const RESERVATIONS_AT = 64;

/** Where `count` points of `dimensions` utilities and `issues` options go, after the reservations, and where the memory they need ends. */
// prettier-ignore
export const layoutOf = (function layoutOf(count: number, dimensions: number, issues: number) {
  const valuesAt = (RESERVATIONS_AT + dimensions * 8 + 7) & ~7;
  const outcomesAt = valuesAt + count * dimensions * 8;
  const rationalAt = (outcomesAt + count * issues * 4 + 7) & ~7;
  const scoresAt = rationalAt + count * 8;
  return { valuesAt, outcomesAt, rationalAt, scoresAt, end: scoresAt + 6 * count * 8 + 2 * dimensions * 8 };
});

// Compiled when the engine loads. V8 compiles each WebAssembly function at its first call, so the
// kernel solves a frontier of two points at load whose scores and gain sums tie (every function
// runs, the outcome comparison included) rather than in a process's first analysis: called only
// empty, a small genius analysis was 25–30 µs slower than the JavaScript it replaced.
const shared = instantiate();
const warmUp = layoutOf(2, 2, 1);
// reservations (0, 0), utilities (1, 0) and (0, 1), outcomes [0] and [1]
shared.f64.set([0, 0], RESERVATIONS_AT >> 3);
shared.f64.set([1, 0, 0, 1], warmUp.valuesAt >> 3);
shared.i32.set([0, 1], warmUp.outcomesAt >> 2);
shared.solve(
  warmUp.valuesAt,
  2,
  2,
  warmUp.outcomesAt,
  1,
  RESERVATIONS_AT,
  0,
  warmUp.rationalAt,
  warmUp.scoresAt,
  RESULT_AT,
);

/** Past this many bytes a frontier is solved in an instance of its own: a WebAssembly memory never shrinks. */
const RETAINED_BYTES = 16 * 1024 * 1024;
const PAGE = 65_536;

/** The kernel to solve in with `bytes` of memory, its views current. */
// prettier-ignore
export const kernelWith = (function kernelWith(bytes: number): SolveKernel {
  const kernel = bytes > RETAINED_BYTES ? instantiate() : shared;
  const have = kernel.memory.buffer.byteLength;
  if (bytes > have) kernel.memory.grow(Math.ceil((bytes - have) / PAGE));
  if (kernel.f64.buffer !== kernel.memory.buffer) {
    kernel.f64 = new Float64Array(kernel.memory.buffer);
    kernel.i32 = new Int32Array(kernel.memory.buffer);
  }
  return kernel;
});

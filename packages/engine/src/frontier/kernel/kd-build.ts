import { instantiateKernel, type KernelMemory } from '../../kernel/instantiate';
import { kdBuildWasm } from './kd-build-wasm';

// the kernel's signature: WebAssembly takes its arguments as numbers, one by one
// eslint-disable-next-line max-params
type Build = (
  values: number,
  count: number,
  stride: number,
  first: number,
  coordinates: number,
  order: number,
  positionOf: number,
  nodeOf: number,
  parentOf: number,
  axisOf: number,
  stack: number,
) => number;

/** A built tree's arrays, views of the kernel's memory (valid until the next build). */
export type BuiltTree = {
  /** Tree position → candidate index. */
  readonly order: Int32Array;
  readonly positionOf: Int32Array;
  /** Tree position → node number (an inner node's own; in a leaf range, the leaf's). */
  readonly nodeOf: Int32Array;
  readonly parentOf: Int32Array;
  readonly axisOf: Int32Array;
  /** The indexed coordinates, `d` per position, in tree order. */
  readonly coordinates: Float64Array;
  /** Per node and indexed coordinate, −∞: the maxima of no active point yet. */
  readonly maxima: Float64Array;
  /** Per position, 0. */
  readonly active: Uint8Array;
  readonly nodes: number;
};

// eslint-disable-next-line max-params
type KeepUncovered = (
  d: number,
  count: number,
  coordinates: number,
  positionOf: number,
  nodeOf: number,
  parentOf: number,
  axisOf: number,
  maxima: number,
  active: number,
  stack: number,
  sorted: number,
) => number;

// eslint-disable-next-line max-params
type ThinSweep = (
  d: number,
  count: number,
  coordinates: number,
  positionOf: number,
  nodeOf: number,
  parentOf: number,
  axisOf: number,
  maxima: number,
  active: number,
  stack: number,
  sorted: number,
  values: number,
  errors: number,
  level: number,
  corner: number,
  order: number,
) => number;

// eslint-disable-next-line max-params
type FormCandidates = (
  previous: number,
  previousCount: number,
  d: number,
  shift: number,
  runs: number,
  out: number,
) => void;

// eslint-disable-next-line max-params
type SortDescending = (
  values: number,
  count: number,
  stride: number,
  runs: number,
  out: number,
  scratch: number,
) => void;

const PAGE = 65_536;
const STACK_BYTES = 1024;

type Kernel = {
  readonly memory: KernelMemory;
  readonly build: Build;
  readonly keepUncovered: KeepUncovered;
  readonly thinSweep: ThinSweep;
  readonly sortDescending: SortDescending;
  readonly formCandidates: FormCandidates;
};

function instantiate(): Kernel {
  const exports = instantiateKernel(kdBuildWasm);
  return {
    memory: exports.memory as KernelMemory,
    build: exports.build as Build,
    keepUncovered: exports.keepUncovered as KeepUncovered,
    thinSweep: exports.thinSweep as ThinSweep,
    sortDescending: exports.sortDescending as SortDescending,
    formCandidates: exports.formCandidates as FormCandidates,
  };
}

// Compiled and instantiated once, when the engine loads (merge-stage2.ts says why), and called
// once empty so that V8 compiles the functions now rather than in the first analysis.
const shared = instantiate();
shared.build(0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0);
shared.keepUncovered(1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
shared.thinSweep(1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
shared.sortDescending(0, 0, 1, 1, 0, 0);
shared.formCandidates(0, 0, 1, 0, 0, 0);

/**
 * The most memory the shared kernel keeps between trees. A WebAssembly memory never shrinks: a
 * larger tree gets an instance of its own, dropped once a later tree is built, so that a server
 * process that once analysed a huge space does not hold its memory for good.
 */
export const RETAINED_BYTES = 64 * 1024 * 1024;

/** The bytes the shared kernel holds now. */
export function retainedMemoryBytes(): number {
  return shared.memory.buffer.byteLength;
}

/** The kernel of the latest build. */
let kernel = shared;

/** Byte offsets of the latest build's arrays in the kernel's memory. */
const latest = {
  d: 0,
  count: 0,
  first: 0,
  stride: 1,
  values: 0,
  order: 0,
  errors: 0,
  level: 0,
  corner: 0,
  coordinates: 0,
  positionOf: 0,
  nodeOf: 0,
  parentOf: 0,
  axisOf: 0,
  maxima: 0,
  active: 0,
  stack: 0,
  sorted: 0,
  sortScratch: 0,
};

const align8 = (bytes: number) => (bytes + 7) & ~7;

/** Where a build of `count` vectors of `stride` coordinates goes, `first …` indexed. */
type Layout = { count: number; stride: number; first: number; nodeLimit: number; retainedBytes: number };

/**
 * Lays a build out in a kernel's memory, grown to hold it and `extraBytes` more, and records it as
 * the latest; returns the offset of those extra bytes. A fresh page costs a fault (about 20 µs in
 * this VM at its slowest), so every build reuses the shared kernel's memory.
 */
function layOut({ count, stride, first, nodeLimit, retainedBytes }: Layout, extraBytes: number): number {
  const d = stride - first;
  const valuesAt = 0;
  const coordinatesAt = align8(valuesAt + count * stride * 8);
  const maximaAt = coordinatesAt + count * d * 8;
  const orderAt = maximaAt + nodeLimit * d * 8;
  const positionOfAt = orderAt + count * 4;
  const nodeOfAt = positionOfAt + count * 4;
  const parentOfAt = nodeOfAt + count * 4;
  const axisOfAt = parentOfAt + nodeLimit * 4;
  const stackAt = axisOfAt + nodeLimit * 4;
  const sortedAt = stackAt + STACK_BYTES;
  // only a thinning pass touches these (an untouched page costs nothing)
  const errorsAt = align8(sortedAt + count * 4);
  const levelAt = errorsAt + count * d * 8;
  const cornerAt = levelAt + d * 8;
  const activeAt = cornerAt + d * 8;
  // only a sort in the kernel touches this
  const sortScratchAt = (activeAt + count + 3) & ~3;
  const extraAt = align8(sortScratchAt + count * 4);
  const end = extraAt + extraBytes;
  kernel = end > retainedBytes ? instantiate() : shared;
  const memory = kernel.memory;
  if (end > memory.buffer.byteLength) memory.grow(Math.ceil((end - memory.buffer.byteLength) / PAGE));
  Object.assign(latest, {
    d,
    count,
    first,
    stride,
    values: valuesAt,
    order: orderAt,
    errors: errorsAt,
    level: levelAt,
    corner: cornerAt,
    coordinates: coordinatesAt,
    positionOf: positionOfAt,
    nodeOf: nodeOfAt,
    parentOf: parentOfAt,
    axisOf: axisOfAt,
    maxima: maximaAt,
    active: activeAt,
    stack: stackAt,
    sorted: sortedAt,
    sortScratch: sortScratchAt,
  });
  return extraAt;
}

/** Builds the tree over the vectors at the latest layout's values. */
function buildLaidOut(): BuiltTree {
  const at = latest;
  const nodes = kernel.build(
    at.values,
    at.count,
    at.stride,
    at.first,
    at.coordinates,
    at.order,
    at.positionOf,
    at.nodeOf,
    at.parentOf,
    at.axisOf,
    at.stack,
  );
  const buffer = kernel.memory.buffer;
  return {
    order: new Int32Array(buffer, at.order, at.count),
    positionOf: new Int32Array(buffer, at.positionOf, at.count),
    nodeOf: new Int32Array(buffer, at.nodeOf, at.count),
    parentOf: new Int32Array(buffer, at.parentOf, nodes),
    axisOf: new Int32Array(buffer, at.axisOf, nodes),
    coordinates: new Float64Array(buffer, at.coordinates, at.count * at.d),
    maxima: new Float64Array(buffer, at.maxima, nodes * at.d).fill(Number.NEGATIVE_INFINITY),
    active: new Uint8Array(buffer, at.active, at.count).fill(0),
    nodes,
  };
}

/**
 * The k-d tree over coordinates `first … stride−1` of `count` vectors (`values[i*stride + p]`), at
 * most `nodeLimit` nodes. Its arrays live in the kernel's memory, reused by every build.
 */
export function buildTree({
  values,
  count,
  stride,
  first,
  nodeLimit,
  retainedBytes = RETAINED_BYTES,
}: {
  values: Float64Array;
  count: number;
  stride: number;
  first: number;
  nodeLimit: number;
  /** Past this many bytes, the tree is built in an instance of its own (tests set it lower). */
  retainedBytes?: number;
}): BuiltTree {
  layOut({ count, stride, first, nodeLimit, retainedBytes }, 0);
  new Float64Array(kernel.memory.buffer, latest.values, count * stride).set(
    values.subarray(0, count * stride),
  );
  return buildLaidOut();
}

/** A merge stage's candidates as the kernel forms them (see `buildTreeOfStage`). */
export type StageCandidates = {
  /** The previous stage's points, `stride` coordinates each. */
  readonly previous: Float64Array;
  readonly previousCount: number;
  /** Per option, the `stride` contributions it adds. */
  readonly shift: Float64Array;
  readonly runs: number;
};

/**
 * The tree over a merge stage's candidates, formed in the kernel's memory where the tree is built
 * (candidate `from * runs + option` is point `from` plus row `option` of `shift`): formed in
 * JavaScript and copied in, KillerRobot's 73 450 candidates took 7 ms of a fresh process's first
 * analysis. `candidateValues` reads them.
 */
export function buildTreeOfStage({
  candidates: { previous, previousCount, shift, runs },
  stride,
  first,
  nodeLimit,
  retainedBytes = RETAINED_BYTES,
}: {
  candidates: StageCandidates;
  stride: number;
  first: number;
  nodeLimit: number;
  retainedBytes?: number;
}): BuiltTree {
  const count = previousCount * runs;
  const previousAt = layOut(
    { count, stride, first, nodeLimit, retainedBytes },
    (previousCount + runs) * stride * 8,
  );
  const shiftAt = previousAt + previousCount * stride * 8;
  const buffer = kernel.memory.buffer;
  new Float64Array(buffer, previousAt, previousCount * stride).set(
    previous.subarray(0, previousCount * stride),
  );
  new Float64Array(buffer, shiftAt, runs * stride).set(shift.subarray(0, runs * stride));
  kernel.formCandidates(previousAt, previousCount, stride, shiftAt, runs, latest.values);
  return buildLaidOut();
}

/** The latest build's vectors, all `stride` coordinates of each (valid until the next build). */
export function candidateValues(): Float64Array {
  return new Float64Array(kernel.memory.buffer, latest.values, latest.count * latest.stride);
}

/**
 * The exact filter over the latest tree, in the kernel: the indices of `sorted` (every point, a
 * dominating one before any it dominates) that no earlier kept point reaches in every indexed
 * coordinate, in that order. The tree's points are activated as they are kept.
 */
export function keepUncovered(sorted: Int32Array): number[] {
  new Int32Array(kernel.memory.buffer, latest.sorted, latest.count).set(sorted.subarray(0, latest.count));
  return keepUncoveredOfSorted();
}

/**
 * The exact filter over the latest tree with every candidate visited in sweep order (each
 * vector's coordinates, all of them, larger first at the first that differs; then the smaller
 * index), sorted in the kernel where the filter reads it. `runs` says how the candidates were
 * formed (`from * runs + option`, the previous stage in sweep order): any value gives the same
 * result, the right one gives it in a few merge passes.
 */
export function keepUncoveredInSweepOrder(runs: number): number[] {
  const at = latest;
  kernel.sortDescending(at.values, at.count, at.stride, runs, at.sorted, at.sortScratch);
  return keepUncoveredOfSorted();
}

/** The filter over the order already at the latest build's `sorted`. */
function keepUncoveredOfSorted(): number[] {
  const at = latest;
  const { memory } = kernel;
  const kept = kernel.keepUncovered(
    at.d,
    at.count,
    at.coordinates,
    at.positionOf,
    at.nodeOf,
    at.parentOf,
    at.axisOf,
    at.maxima,
    at.active,
    at.stack,
    at.sorted,
  );
  return Array.from(new Int32Array(memory.buffer, at.sorted, kept));
}

/**
 * One ε-dominance thinning pass over the latest tree, in the kernel (thinning.ts,
 * `thinnedNonDominated`, says what it does): the tree must index every coordinate (`first` 0).
 * `errors` (per candidate and coordinate) is updated in place; returns the kept indices in order.
 */
export function thinSweep(sorted: Int32Array, errors: Float64Array, level: Float64Array): number[] {
  const at = latest;
  if (at.first !== 0) throw new Error('a thinning pass needs a tree over every coordinate');
  const { memory } = kernel;
  const size = at.count * at.d;
  new Int32Array(memory.buffer, at.sorted, at.count).set(sorted.subarray(0, at.count));
  new Float64Array(memory.buffer, at.errors, size).set(errors.subarray(0, size));
  new Float64Array(memory.buffer, at.level, at.d).set(level.subarray(0, at.d));
  const kept = kernel.thinSweep(
    at.d,
    at.count,
    at.coordinates,
    at.positionOf,
    at.nodeOf,
    at.parentOf,
    at.axisOf,
    at.maxima,
    at.active,
    at.stack,
    at.sorted,
    at.values,
    at.errors,
    at.level,
    at.corner,
    at.order,
  );
  errors.set(new Float64Array(memory.buffer, at.errors, size));
  return Array.from(new Int32Array(memory.buffer, at.sorted, kept));
}

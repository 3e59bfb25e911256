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

const PAGE = 65_536;
const STACK_BYTES = 1024;

type Kernel = {
  readonly memory: KernelMemory;
  readonly build: Build;
  readonly keepUncovered: KeepUncovered;
  readonly thinSweep: ThinSweep;
};

function instantiate(): Kernel {
  const exports = instantiateKernel(kdBuildWasm);
  return {
    memory: exports.memory as KernelMemory,
    build: exports.build as Build,
    keepUncovered: exports.keepUncovered as KeepUncovered,
    thinSweep: exports.thinSweep as ThinSweep,
  };
}

// Compiled and instantiated once, when the engine loads (merge-stage2.ts says why), and called
// once empty so that V8 compiles the functions now rather than in the first analysis.
const shared = instantiate();
shared.build(0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0);
shared.keepUncovered(1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
shared.thinSweep(1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

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
};

const align8 = (bytes: number) => (bytes + 7) & ~7;

/**
 * The k-d tree over coordinates `first … stride−1` of `count` vectors (`values[i*stride + p]`), at
 * most `nodeLimit` nodes. Its arrays live in the kernel's memory, reused by every build: a fresh
 * page costs a fault of about 20 µs in this VM.
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
  const end = activeAt + count;
  kernel = end > retainedBytes ? instantiate() : shared;
  const memory = kernel.memory;
  if (end > memory.buffer.byteLength) memory.grow(Math.ceil((end - memory.buffer.byteLength) / PAGE));
  const buffer = memory.buffer;
  new Float64Array(buffer, valuesAt, count * stride).set(values.subarray(0, count * stride));
  const nodes = kernel.build(
    valuesAt,
    count,
    stride,
    first,
    coordinatesAt,
    orderAt,
    positionOfAt,
    nodeOfAt,
    parentOfAt,
    axisOfAt,
    stackAt,
  );
  Object.assign(latest, {
    d,
    count,
    first,
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
  });
  return {
    order: new Int32Array(buffer, orderAt, count),
    positionOf: new Int32Array(buffer, positionOfAt, count),
    nodeOf: new Int32Array(buffer, nodeOfAt, count),
    parentOf: new Int32Array(buffer, parentOfAt, nodes),
    axisOf: new Int32Array(buffer, axisOfAt, nodes),
    coordinates: new Float64Array(buffer, coordinatesAt, count * d),
    maxima: new Float64Array(buffer, maximaAt, nodes * d).fill(Number.NEGATIVE_INFINITY),
    active: new Uint8Array(buffer, activeAt, count).fill(0),
    nodes,
  };
}

/**
 * The exact filter over the latest tree, in the kernel: the indices of `sorted` (every point, a
 * dominating one before any it dominates) that no earlier kept point reaches in every indexed
 * coordinate, in that order. The tree's points are activated as they are kept.
 */
export function keepUncovered(sorted: Int32Array): number[] {
  const at = latest;
  const { memory } = kernel;
  new Int32Array(memory.buffer, at.sorted, at.count).set(sorted.subarray(0, at.count));
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

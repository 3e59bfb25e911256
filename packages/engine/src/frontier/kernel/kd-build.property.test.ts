import { fc, test } from '@fast-check/vitest';
import { expect, it } from 'vitest';
import { DominanceTree } from '../dominance-tree';
import { nonDominated, sortedDescending } from '../non-dominated';
import { buildTree, keepUncovered, retainedMemoryBytes } from './kd-build';

/** The build as it was written in JavaScript before the kernel: the kernel must split the same way. */
function referenceBuild(values: Float64Array, count: number, stride: number, first: number) {
  const d = stride - first;
  const order = Int32Array.from({ length: count }, (_, index) => index);
  const nodeOf = new Int32Array(count);
  const parentOf: number[] = [];
  const axisOf: number[] = [];
  const key = new Float64Array(count);
  const pending: number[] = [0, count, 0, -1];
  while (pending.length > 0) {
    const parent = pending.pop()!;
    const axis = pending.pop()!;
    const hi = pending.pop()!;
    const lo = pending.pop()!;
    if (lo >= hi) continue;
    const middle = (lo + hi) >> 1;
    const node = parentOf.length;
    parentOf.push(parent);
    axisOf.push(0);
    if (hi - lo <= 16) {
      for (let position = lo; position < hi; position++) nodeOf[position] = node;
      continue;
    }
    for (let position = lo; position < hi; position++)
      key[position] = values[order[position]! * stride + first + axis]!;
    selectNth(order, key, lo, hi - 1, middle);
    nodeOf[middle] = node;
    axisOf[node] = axis;
    const next = axis + 1 === d ? 0 : axis + 1;
    pending.push(lo, middle, next, node, middle + 1, hi, next, node);
  }
  const positionOf = new Int32Array(count);
  const coordinates = new Float64Array(count * d);
  for (let position = 0; position < count; position++) {
    const index = order[position]!;
    positionOf[index] = position;
    for (let p = 0; p < d; p++) coordinates[position * d + p] = values[index * stride + first + p]!;
  }
  return { order, positionOf, nodeOf, parentOf, axisOf, coordinates };
}

function selectNth(order: Int32Array, key: Float64Array, from: number, to: number, k: number): void {
  let lo = from;
  let hi = to;
  while (hi > lo) {
    const pivot = key[(lo + hi) >> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (key[i]! < pivot) i++;
      while (key[j]! > pivot) j--;
      if (i <= j) {
        [key[i], key[j]] = [key[j]!, key[i]!];
        [order[i], order[j]] = [order[j]!, order[i]!];
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

/** Small integers (many ties and duplicates) or awkward doubles, in 2 to 6 coordinates. */
const cloud = fc
  .record({ stride: fc.integer({ min: 2, max: 6 }), first: fc.integer({ min: 0, max: 1 }) })
  .chain(({ stride, first }) =>
    fc.record({
      stride: fc.constant(stride),
      first: fc.constant(first),
      ownInstance: fc.boolean(),
      values: fc.oneof(
        fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 700 * stride }),
        fc.array(fc.constantFrom(-0, 0, 0.1 + 0.2, 0.3, 1 + 2 ** -52, -1, 5e-324, 1e300), {
          maxLength: 700 * stride,
        }),
      ),
    }),
  );

test.prop([cloud], { numRuns: 200 })(
  'the build kernel splits exactly as the JavaScript build did, through ties, duplicates and −0',
  ({ stride, first, ownInstance, values: raw }) => {
    const count = Math.floor(raw.length / stride);
    const values = Float64Array.from(raw.slice(0, count * stride));
    const expected = referenceBuild(values, count, stride, first);
    const tree = buildTree({
      values,
      count,
      stride,
      first,
      nodeLimit: 2 * Math.floor(count / 8) + 2,
      retainedBytes: ownInstance ? 0 : undefined,
    });
    expect(Array.from(tree.order)).toEqual(Array.from(expected.order));
    expect(Array.from(tree.positionOf)).toEqual(Array.from(expected.positionOf));
    expect(Array.from(tree.nodeOf)).toEqual(Array.from(expected.nodeOf));
    expect(Array.from(tree.parentOf)).toEqual(expected.parentOf);
    // a leaf's axis is never read
    const parents = new Set(expected.parentOf);
    const inner = (node: number) => parents.has(node);
    expect(Array.from(tree.axisOf).filter((_, node) => inner(node))).toEqual(
      expected.axisOf.filter((_, node) => inner(node)),
    );
    expect(Array.from(tree.coordinates)).toEqual(Array.from(expected.coordinates));
    expect(tree.maxima.every((value) => value === Number.NEGATIVE_INFINITY)).toBe(true);
    expect(tree.active.every((value) => value === 0)).toBe(true);
  },
);

it('builds a tree past the retained size in an instance of its own, leaving the shared memory as it was', () => {
  const count = 20_000;
  const values = Float64Array.from({ length: count * 5 }, (_, at) => (at * 7919) % 1009);
  const before = retainedMemoryBytes();
  const own = buildTree({
    values,
    count,
    stride: 5,
    first: 1,
    nodeLimit: 2 * (count >> 3) + 2,
    retainedBytes: 0,
  });
  expect(retainedMemoryBytes()).toBe(before);
  // the filter runs on the tree's own instance, and agrees with the shared one's
  const kept = keepUncovered(sortedDescending(values, count, 5));
  expect(kept.length).toBeGreaterThan(1);
  expect(kept).toEqual(nonDominated(values, count, 5));
  expect(own.coordinates.buffer.byteLength).toBeGreaterThanOrEqual(count * 4 * 8);
  expect(own.coordinates.buffer).not.toBe(
    buildTree({ values, count: 1, stride: 5, first: 1, nodeLimit: 2 }).coordinates.buffer,
  );
});

/** The thinning pass as thinning.ts ran it in JavaScript, on the tree's own queries. */
function referenceThin(values: Float64Array, errors: Float64Array, level: Float64Array, order: Int32Array) {
  const d = level.length;
  const count = order.length;
  const tree = new DominanceTree({ values, count, stride: d, first: 0 });
  const corner = new Float64Array(d);
  const kept: number[] = [];
  for (const index of order) {
    const base = index * d;
    for (let p = 0; p < d; p++) corner[p] = values[base + p]! - (level[p]! - errors[base + p]!);
    const cover = tree.coverOf(corner);
    if (cover === -1) {
      kept.push(index);
      tree.activate(index);
      continue;
    }
    for (let p = 0; p < d; p++) {
      const error = errors[base + p]! + values[base + p]! - values[cover * d + p]!;
      if (error > errors[cover * d + p]!) errors[cover * d + p] = error;
    }
  }
  return kept;
}

const thinningCase = fc.integer({ min: 2, max: 6 }).chain((d) =>
  fc.record({
    d: fc.constant(d),
    points: fc.array(
      fc.record({
        values: fc.array(fc.integer({ min: 0, max: 8 }), { minLength: d, maxLength: d }),
        errors: fc.array(fc.constantFrom(0, 0, 0.5, 1), { minLength: d, maxLength: d }),
      }),
      { maxLength: 500 },
    ),
    level: fc.array(fc.constantFrom(0, 0.5, 1, 1.5, 2), { minLength: d, maxLength: d }),
  }),
);

test.prop([thinningCase], { numRuns: 200 })(
  'the kernel thinning pass keeps and charges exactly as the JavaScript pass did',
  ({ d, points, level: levels }) => {
    const values = Float64Array.from(points.flatMap((point) => point.values));
    const level = Float64Array.from(levels);
    const sum = (index: number) => points[index]!.values.reduce((total, value) => total + value, 0);
    const order = Int32Array.from(points.keys()).sort((a, b) => sum(b) - sum(a) || a - b);
    const expectedErrors = Float64Array.from(points.flatMap((point) => point.errors));
    const expected = referenceThin(values, expectedErrors, level, order);
    const errors = Float64Array.from(points.flatMap((point) => point.errors));
    const tree = new DominanceTree({ values, count: points.length, stride: d, first: 0 });
    expect(tree.thinSweep(order, errors, level)).toEqual(expected);
    expect(Array.from(errors)).toEqual(Array.from(expectedErrors));
  },
);

/** Candidates formed as a merge stage forms them: a stage in sweep order, each point plus each option, `from * runs + option`. */
const stageCase = fc.integer({ min: 4, max: 6 }).chain((d) =>
  fc.record({
    d: fc.constant(d),
    // tenths, so that sums round and ties appear where the exact sums differ; −0 as well as 0
    previous: fc.array(fc.array(fc.integer({ min: -1, max: 8 }), { minLength: d, maxLength: d }), {
      minLength: 1,
      maxLength: 120,
    }),
    options: fc.array(fc.array(fc.integer({ min: 0, max: 4 }), { minLength: d, maxLength: d }), {
      minLength: 1,
      maxLength: 9,
    }),
    runsGiven: fc.constantFrom('options', 'one', 'other'),
  }),
);

const tenths = (value: number) => (value === -1 ? -0 : value / 10);

test.prop([stageCase], { numRuns: 300 })(
  'the kernel sorts a stage into the order sortedDescending gives, whatever runs it is told',
  ({ d, previous, options, runsGiven }) => {
    const previousValues = Float64Array.from(previous.flat().map(tenths));
    const sweep = sortedDescending(previousValues, previous.length, d);
    const values = new Float64Array(previous.length * options.length * d);
    sweep.forEach((from, position) => {
      options.forEach((option, choice) => {
        const at = (position * options.length + choice) * d;
        for (let p = 0; p < d; p++) values[at + p] = previousValues[from * d + p]! + tenths(option[p]!);
      });
    });
    const count = previous.length * options.length;
    const runs = { options: options.length, one: 1, other: options.length + 1 }[runsGiven];
    const expected = new DominanceTree({ values, count, stride: d, first: 1 }).keepUncovered(
      sortedDescending(values, count, d),
    );
    const kept = new DominanceTree({ values, count, stride: d, first: 1 }).keepUncoveredInSweepOrder(runs);
    expect(kept).toEqual(expected);
  },
);

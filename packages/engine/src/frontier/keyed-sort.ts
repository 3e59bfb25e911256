/** Sorts `order[from, to)` by `compare`: insertion for the short runs of ties a keyed sort leaves. */
function sortRange(
  order: Int32Array,
  range: { from: number; to: number },
  compare: (a: number, b: number) => number,
): void {
  const { from, to } = range;
  if (to - from > 24) {
    const part = Array.from(order.subarray(from, to));
    part.sort(compare);
    order.set(part, from);
    return;
  }
  for (let position = from + 1; position < to; position++) {
    const index = order[position]!;
    let at = position;
    while (at > from && compare(order[at - 1]!, index) > 0) {
      order[at] = order[at - 1]!;
      at--;
    }
    order[at] = index;
  }
}

const LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

/**
 * Indices `0 … keys.length−1` in the order of `compare`, which must order by key descending first
 * (then by anything, down to the index: a total order). The engine's numeric sort without a
 * comparator is native code, even in a process's first call; a comparator sort is not. Each key
 * has its mantissa's low bits replaced by its index, so keys order as their values do wherever
 * they differ above those bits, and keys equal above them (exact ties, and values within about
 * 2⁻³⁵ of each other) form groups sorted by `compare`. `keys` is overwritten. Undefined when a key
 * is not finite (an infinity with index bits reads as NaN) or the platform is big-endian.
 */
export function descendingByKey(
  keys: Float64Array,
  compare: (a: number, b: number) => number,
): Int32Array | undefined {
  if (!LITTLE_ENDIAN) return undefined;
  const count = keys.length;
  const words = new Uint32Array(keys.buffer, keys.byteOffset, 2 * count);
  const indexBits = 32 - Math.clz32(Math.max(1, count - 1));
  const high = ~((2 ** indexBits - 1) | 0);
  for (let index = 0; index < count; index++) {
    // + 0 turns −0 into +0: they compare equal, so they must share a group
    const value = keys[index]! + 0;
    if (!Number.isFinite(value)) return undefined;
    keys[index] = value;
    words[2 * index] = (words[2 * index]! & high) | index;
  }
  keys.sort();
  const order = new Int32Array(count);
  const mask = ~high;
  // ascending keys read from the end: descending. Whether a key's group ends is worked out with
  // every operation run on every step (no short circuit), so the optimised loop has seen them all:
  // an operation first reached after optimisation throws the loop back to the interpreter.
  let from = 0;
  for (let position = count - 1; position > 0; position--) {
    const at = count - 1 - position;
    order[at] = words[2 * position]! & mask;
    const differs =
      (words[2 * position - 1]! ^ words[2 * position + 1]!) |
      ((words[2 * position - 2]! ^ words[2 * position]!) & high);
    if (differs !== 0) {
      if (at > from) sortRange(order, { from, to: at + 1 }, compare);
      from = at + 1;
    }
  }
  if (count > 0) {
    order[count - 1] = words[0]! & mask;
    if (count - 1 > from) sortRange(order, { from, to: count }, compare);
  }
  return order;
}

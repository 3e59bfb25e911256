/**
 * A fixed list of old × new pairs in old-then-new order (the order that breaks ties), which can
 * name the positions of the pairs of one old point, or of one new point, within a range of the
 * other side. Typed arrays rather than an object per pair: texts of a thousand points that share
 * their words make a million pairs.
 */
export class CandidatePairs {
  readonly from: Int32Array;
  readonly to: Int32Array;
  /** Positions of old point i's pairs: rowStarts[i] up to rowStarts[i + 1], ordered by new point. */
  private readonly rowStarts: Int32Array;
  /** Positions of each new point's pairs, ordered by old point. */
  private readonly columns: number[][];

  constructor(
    readonly counts: { readonly before: number; readonly after: number },
    isCandidate: (from: number, to: number) => boolean,
  ) {
    const from: number[] = [];
    const to: number[] = [];
    this.rowStarts = new Int32Array(counts.before + 1);
    this.columns = Array.from({ length: counts.after }, () => []);
    for (let row = 0; row < counts.before; row += 1) {
      for (let column = 0; column < counts.after; column += 1)
        if (isCandidate(row, column)) {
          this.columns[column]?.push(from.length);
          from.push(row);
          to.push(column);
        }
      this.rowStarts[row + 1] = from.length;
    }
    this.from = Int32Array.from(from);
    this.to = Int32Array.from(to);
  }

  get size(): number {
    return this.from.length;
  }

  /** Positions of old point `from`'s pairs with a new point in `lowest..highest`. */
  ofOld(from: number, lowest = 0, highest = Infinity): number[] {
    const end = this.rowStarts[from + 1] ?? 0;
    const positions: number[] = [];
    const toAt = (position: number) => this.to[position] ?? 0;
    for (
      let position = firstAt({ start: this.rowStarts[from] ?? 0, end }, lowest, toAt);
      position < end;
      position += 1
    ) {
      if (toAt(position) > highest) break;
      positions.push(position);
    }
    return positions;
  }

  /** Positions of new point `to`'s pairs with an old point in `lowest..highest`. */
  ofNew(to: number, lowest = 0, highest = Infinity): number[] {
    const column = this.columns[to] ?? [];
    const positions: number[] = [];
    const fromAt = (at: number) => this.from[column[at] ?? 0] ?? 0;
    for (let at = firstAt({ start: 0, end: column.length }, lowest, fromAt); at < column.length; at += 1) {
      if (fromAt(at) > highest) break;
      positions.push(column[at] ?? 0);
    }
    return positions;
  }
}

// Binary search: the first of start..end−1 whose key is at least `lowest` (end if none).
function firstAt(
  range: { start: number; end: number },
  lowest: number,
  keyAt: (at: number) => number,
): number {
  let [low, high] = [range.start, range.end];
  while (low < high) {
    const middle = (low + high) >> 1;
    if (keyAt(middle) < lowest) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * A maximum-weight one-to-one assignment (Kuhn–Munkres with potentials, O(n²·m)) over a rectangular
 * matrix of non-negative weights. Returns the [row, column] pairs of positive weight.
 * Callers keep the matrices small by splitting the candidate graph into components first.
 */
export function maximumWeightMatching(weights: readonly (readonly number[])[]): [number, number][] {
  const rows = weights.length;
  const columns = weights[0]?.length ?? 0;
  if (rows === 0 || columns === 0) return [];
  if (rows > columns) {
    const transposed = Array.from({ length: columns }, (_, column) => weights.map((row) => row[column] ?? 0));
    return maximumWeightMatching(transposed).map(([row, column]) => [column, row]);
  }
  let maximum = 0;
  for (const row of weights) for (const weight of row) maximum = Math.max(maximum, weight);
  // Minimise cost = maximum − weight; every row is assigned, so this maximises the total weight.
  const cost = (row: number, column: number) => maximum - (weights[row - 1]?.[column - 1] ?? 0);
  const rowPotential = new Float64Array(rows + 1);
  const columnPotential = new Float64Array(columns + 1);
  const rowOfColumn = new Int32Array(columns + 1);
  const way = new Int32Array(columns + 1);
  for (let row = 1; row <= rows; row += 1) {
    rowOfColumn[0] = row;
    let column0 = 0;
    const least = new Float64Array(columns + 1).fill(Infinity);
    const used = new Uint8Array(columns + 1);
    do {
      used[column0] = 1;
      const row0 = rowOfColumn[column0] ?? 0;
      let delta = Infinity;
      let column1 = 0;
      for (let column = 1; column <= columns; column += 1) {
        if (used[column] === 1) continue;
        const reduced = cost(row0, column) - (rowPotential[row0] ?? 0) - (columnPotential[column] ?? 0);
        if (reduced < (least[column] ?? Infinity)) {
          least[column] = reduced;
          way[column] = column0;
        }
        if ((least[column] ?? Infinity) < delta) {
          delta = least[column] ?? Infinity;
          column1 = column;
        }
      }
      for (let column = 0; column <= columns; column += 1) {
        if (used[column] === 1) {
          const assigned = rowOfColumn[column] ?? 0;
          rowPotential[assigned] = (rowPotential[assigned] ?? 0) + delta;
          columnPotential[column] = (columnPotential[column] ?? 0) - delta;
        } else least[column] = (least[column] ?? Infinity) - delta;
      }
      column0 = column1;
    } while ((rowOfColumn[column0] ?? 0) !== 0);
    do {
      const column1 = way[column0] ?? 0;
      rowOfColumn[column0] = rowOfColumn[column1] ?? 0;
      column0 = column1;
    } while (column0 !== 0);
  }
  const pairs: [number, number][] = [];
  for (let column = 1; column <= columns; column += 1) {
    const row = (rowOfColumn[column] ?? 0) - 1;
    if (row >= 0 && (weights[row]?.[column - 1] ?? 0) > 0) pairs.push([row, column - 1]);
  }
  return pairs;
}

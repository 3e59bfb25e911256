/**
 * The smallest edit distance between `pattern` and any substring of `text` (Sellers' algorithm):
 * finds a known phrase in a retyped excerpt despite typos. O(|pattern| · |text|).
 */
export function approximateMatchDistance(pattern: string, text: string): number {
  // A pasted copy holds its phrases exactly: the native search finds them without the table.
  if (text.includes(pattern)) return 0;
  const m = pattern.length;
  let previous = new Uint16Array(m + 1);
  let current = new Uint16Array(m + 1);
  for (let i = 0; i <= m; i++) previous[i] = i;
  let best = m;
  for (let j = 1; j <= text.length; j++) {
    current[0] = 0;
    const character = text.charCodeAt(j - 1);
    for (let i = 1; i <= m; i++) {
      const substitution = (previous[i - 1] ?? 0) + (pattern.charCodeAt(i - 1) === character ? 0 : 1);
      const deletion = (previous[i] ?? 0) + 1;
      const insertion = (current[i - 1] ?? 0) + 1;
      current[i] = Math.min(substitution, deletion, insertion);
    }
    best = Math.min(best, current[m] ?? m);
    [previous, current] = [current, previous];
  }
  return best;
}

/**
 * Where `pattern` best matches a substring of `text` (the end offset of the best match, and its
 * distance): lets a reader look for a point's marks near the point instead of in the whole text.
 */
export function approximateMatchEnd(pattern: string, text: string): { end: number; distance: number } {
  // The first exact occurrence is what the table finds too (it keeps the first best end), at a
  // fraction of the cost: every point scans the whole excerpt, so a long paste paid 24 steps a character per point.
  const exact = text.indexOf(pattern);
  if (exact >= 0) return { end: exact + pattern.length, distance: 0 };
  const m = pattern.length;
  let previous = new Uint16Array(m + 1);
  let current = new Uint16Array(m + 1);
  for (let i = 0; i <= m; i++) previous[i] = i;
  let best = { end: 0, distance: m };
  for (let j = 1; j <= text.length; j++) {
    current[0] = 0;
    const character = text.charCodeAt(j - 1);
    for (let i = 1; i <= m; i++) {
      const substitution = (previous[i - 1] ?? 0) + (pattern.charCodeAt(i - 1) === character ? 0 : 1);
      current[i] = Math.min(substitution, (previous[i] ?? 0) + 1, (current[i - 1] ?? 0) + 1);
    }
    if ((current[m] ?? m) < best.distance) best = { end: j, distance: current[m] ?? m };
    [previous, current] = [current, previous];
  }
  return best;
}

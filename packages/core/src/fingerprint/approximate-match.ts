/**
 * The smallest edit distance between `pattern` and any substring of `text` (Sellers' algorithm):
 * finds a known phrase in a retyped excerpt despite typos. O(|pattern| · |text|).
 */
export function approximateMatchDistance(pattern: string, text: string): number {
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

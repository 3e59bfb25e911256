/**
 * A version's points under their topics: topics in the order the text first reaches them, points
 * in number order within each (a topic's points need not be adjacent). The document page and the
 * exports lay a version out alike with it. `topic: null` is the group of points without one.
 */
export function groupByTopic<P extends { readonly number: number; readonly topic: string | null }>(
  points: readonly P[],
): { topic: string | null; points: P[] }[] {
  const groups: { topic: string | null; points: P[] }[] = [];
  for (const point of [...points].sort((a, b) => a.number - b.number)) {
    const group = groups.find((candidate) => candidate.topic === point.topic);
    if (group === undefined) groups.push({ topic: point.topic, points: [point] });
    else group.points.push(point);
  }
  return groups;
}

import type { LineageLinks } from './lineage-links';

/** The linked points of the connected group that `start` belongs to (none for an unlinked point). */
export function groupOf(
  links: LineageLinks,
  start: { side: 'before' | 'after'; index: number },
): { olds: Set<number>; news: Set<number> } {
  const olds = new Set<number>();
  const news = new Set<number>();
  const seen = new Set<string>();
  const stack = [start];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    const key = `${node.side}${node.index}`;
    if (node.index < 0 || seen.has(key)) continue;
    seen.add(key);
    if (node.side === 'before') {
      const targets = links.targetsOf(node.index);
      if (targets.length > 0) olds.add(node.index);
      for (const to of targets) stack.push({ side: 'after', index: to });
    } else {
      const sources = links.sourcesOf(node.index);
      if (sources.length > 0) news.add(node.index);
      for (const from of sources) stack.push({ side: 'before', index: from });
    }
  }
  return { olds, news };
}

import type { LineageLinks } from './lineage-links';
import type { InferenceContext } from './lineage-types';
import { massOf } from './term-vectors';

/** Below this cosine two leftovers share almost nothing (as for the weak matching). */
const MIN_COSINE = 0.1;
/** A quarter of one of the two must be shared: a rewritten point keeps its key phrases. */
const SHARED_PART = 0.25;

/**
 * The last step: an old and a new point both left over, each the other's closest among the
 * leftovers, sharing a quarter of one of them, are one point rewritten (retitled and reworded, in
 * a place no earlier step could tell, e.g. between the sources of a merge). Anything else left
 * over was dropped or added.
 */
export function pairLeftovers(context: InferenceContext, links: LineageLinks): void {
  const olds = context.before.vectors.flatMap((_, from) =>
    links.targetsOf(from).length === 0 ? [from] : [],
  );
  const news = context.after.vectors.flatMap((_, to) => (links.sourcesOf(to).length === 0 ? [to] : []));
  const cosine = context.similarity.cosine;
  const closest = <T>(items: readonly T[], score: (item: T) => number) =>
    items.reduce<T | undefined>(
      (best, item) => (best === undefined || score(item) > score(best) ? item : best),
      undefined,
    );
  for (const from of olds) {
    const to = closest(news, (candidate) => cosine(from, candidate));
    if (to === undefined || closest(olds, (candidate) => cosine(candidate, to)) !== from) continue;
    const shared = context.similarity.shared(from, to);
    const part = Math.max(
      shared / (massOf(context.before.vectors[from] ?? new Map()) || Infinity),
      shared / (massOf(context.after.vectors[to] ?? new Map()) || Infinity),
    );
    if (cosine(from, to) >= MIN_COSINE && part >= SHARED_PART)
      links.add({ from, to, score: cosine(from, to), evidence: 'match' });
  }
}

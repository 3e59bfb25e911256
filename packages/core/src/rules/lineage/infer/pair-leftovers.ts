import type { LineageLinks } from './lineage-links';
import type { InferenceContext } from './lineage-types';
import { massOf } from './term-vectors';

/** Below this cosine two leftovers share almost nothing (as for the weak matching). */
const MIN_COSINE = 0.1;
/** A quarter of one of the two must be shared: a rewritten point keeps its key phrases. */
const SHARED_PART = 0.25;

/** A title of fewer content words ("Funding") could head two unrelated points. */
const MIN_TITLE_WORDS = 2;

/**
 * The last step: an old and a new point both left over, each the other's closest among the
 * leftovers, sharing a quarter of one of them, are one point rewritten (retitled and reworded, in
 * a place no earlier step could tell, e.g. between the sources of a merge). So are two leftovers
 * under the same title that no other leftover bears: a point rewritten from end to end keeps its
 * heading ("Sale of the dwelling": "the tenancy shall continue on the same terms with the new
 * owner" became "whoever buys an occupied home steps into the shoes of the previous landlord").
 * Anything else left over was dropped or added.
 */
export function pairLeftovers(context: InferenceContext, links: LineageLinks): void {
  pairByTitle(context, links);
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

function pairByTitle(context: InferenceContext, links: LineageLinks): void {
  const titleOf = (words: readonly string[]) =>
    words.length >= MIN_TITLE_WORDS ? words.join(' ') : undefined;
  const leftoversBy = (titles: (string | undefined)[], isLeftover: (index: number) => boolean) => {
    const byTitle = new Map<string, number[]>();
    titles.forEach((title, index) => {
      if (title !== undefined && isLeftover(index))
        byTitle.set(title, [...(byTitle.get(title) ?? []), index]);
    });
    return byTitle;
  };
  const olds = leftoversBy(
    context.before.features.map((point) => titleOf(point.titleWords)),
    (from) => links.targetsOf(from).length === 0,
  );
  const news = leftoversBy(
    context.after.features.map((point) => titleOf(point.titleWords)),
    (to) => links.sourcesOf(to).length === 0,
  );
  for (const [title, [from, ...otherOlds]] of olds) {
    const [to, ...otherNews] = news.get(title) ?? [];
    if (from === undefined || to === undefined || otherOlds.length > 0 || otherNews.length > 0) continue;
    links.add({ from, to, score: context.similarity.cosine(from, to), evidence: 'match' });
  }
}

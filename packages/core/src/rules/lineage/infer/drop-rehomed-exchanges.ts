import { exchangeScore } from './containment-score';
import type { LineageLinks } from './lineage-links';
import type { InferenceContext } from './lineage-types';
import { massOf, residualOf, type TermVector } from './term-vectors';

/**
 * A clause exchange is judged on what the two points left unexplained when it was found. A later
 * step can find the clause's real home: the old point's lost clause turns out to be a new point of
 * its own, and the few words the exchange rested on ("pro rata for part-time staff") are then
 * explained by that point. Each exchange is judged again against every other link, and dropped if
 * it no longer passes.
 */
export function dropRehomedExchanges(context: InferenceContext, links: LineageLinks): void {
  const { before, after } = context;
  for (const link of links.links.filter((candidate) => candidate.evidence === 'exchange')) {
    const { from, to } = link;
    const fromVector = before.vectors[from] ?? EMPTY;
    const toVector = after.vectors[to] ?? EMPTY;
    const otherTargets = links.targetsOf(from).filter((target) => target !== to);
    const otherSources = links.sourcesOf(to).filter((source) => source !== from);
    const left = residualOf(
      fromVector,
      otherTargets.map((target) => after.vectors[target] ?? EMPTY),
      0,
    );
    const right = residualOf(
      toVector,
      otherSources.map((source) => before.vectors[source] ?? EMPTY),
      0,
    );
    const masses = { from: massOf(fromVector), to: massOf(toVector) };
    if (exchangeScore(left, right, masses) === undefined) links.remove(link);
  }
}

const EMPTY: TermVector = new Map<string, number>();

import type { LineageLinks } from './lineage-links';
import type { InferenceContext } from './lineage-types';
import { massOf } from './term-vectors';

/** The point must still take a fair part of its words from the group it sits inside. */
const SHARES_WITH_GROUP = 0.15;

/**
 * The parts of a split stay together, and so do the sources of a merge: a point left alone
 * between two points of one group, that shares a fair part of its words with that group, belongs
 * to it. This catches a split's part that was reworded so much that what it shares is mostly
 * shared with its sibling too, and so never stands out in the residuals containment compares.
 */
export function fillBetween(context: InferenceContext, links: LineageLinks): void {
  context.after.vectors.forEach((vector, to) => {
    if (links.sourcesOf(to).length > 0) return;
    const around = new Set(links.sourcesOf(to - 1));
    const source = links.sourcesOf(to + 1).find((from) => around.has(from));
    const mass = massOf(vector);
    if (source !== undefined && mass > 0 && context.similarity.shared(source, to) >= SHARES_WITH_GROUP * mass)
      links.add({ from: source, to, score: context.similarity.cosine(source, to), evidence: 'containment' });
  });
  context.before.vectors.forEach((vector, from) => {
    if (links.targetsOf(from).length > 0) return;
    const around = new Set(links.targetsOf(from - 1));
    const target = links.targetsOf(from + 1).find((to) => around.has(to));
    const mass = massOf(vector);
    if (
      target !== undefined &&
      mass > 0 &&
      context.similarity.shared(from, target) >= SHARES_WITH_GROUP * mass
    )
      links.add({
        from,
        to: target,
        score: context.similarity.cosine(from, target),
        evidence: 'containment',
      });
  });
}

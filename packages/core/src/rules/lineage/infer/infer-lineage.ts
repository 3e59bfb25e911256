import type { InferenceContext, InferredLineage, LineageInputPoint } from './lineage-types';
import { dropRehomedExchanges } from './drop-rehomed-exchanges';
import { fillBetween } from './fill-between';
import { ContainmentGrowth } from './grow-by-containment';
import { joinBorrowingPoint } from './join-borrowing-point';
import { inferenceContext } from './inference-context';
import { joinDistantGroup } from './join-distant-group';
import { joinMatchedClause } from './join-matched-clause';
import { joinMovedClause } from './join-moved-clause';
import { joinNeighbourGroup } from './join-neighbour-group';
import { joinTracedClause } from './join-traced-clause';
import { joinExchangedPhrases } from './join-exchanged-phrases';
import { pairLeftovers } from './pair-leftovers';
import { LineageLinks } from './lineage-links';
import { matchOneToOne } from './match-one-to-one';
import { rowsFromLinks } from './lineage-rows';

/**
 * Infers which points of an old version became which points of a new text, when the new text
 * carries no ids (a revision edited in a word processor and pasted back). Every point of both
 * sides appears in exactly one row.
 *
 * 1. Identical wording links at once.
 * 2. A maximum-weight one-to-one matching over TF-IDF cosine (stemmed words and word pairs) links
 *    clearly similar points: amended, renumbered and moved points.
 * 3. Containment grows the groups: a point whose content is mostly found in what a linked point
 *    leaves unexplained joins it (merges n → 1, splits 1 → n, restructurings n → m).
 * 4. A second matching, helped by the title and by the place between the links already made,
 *    links heavily paraphrased points; then the groups grow once more.
 * 5. A point left alone between two points of one group joins it if it shares a fair part of its
 *    words with it (a split's reworded middle part).
 * 6. A point left alone next to a group joins it when the group holds the point it resembles most
 *    and a fair part of it is in what that point's links leave unexplained (a split's reworded
 *    last part, a clause that became a point of its own).
 * 7. A point left over joins the linked point it resembles most, however far away, when a quarter
 *    of it is in what that point's links leave unexplained (a merge that gathers points from two
 *    sections); a last matching then pairs the paraphrases in the gaps this closes.
 * 8. An old and a new point both left over, each the other's closest, sharing a quarter of one of
 *    them, are one point retitled and rewritten; so are two left over under one heading of two or
 *    more words that no other point left over bears (a point rewritten from end to end).
 * 9. Two clauses that are each other's closest in the other version are one clause, moved: when they
 *    are clearly alike and their points lie in different groups, the groups join (a restructuring
 *    that regrouped sentences); a point left over joins only on a closer likeness.
 * 10. Two groups side by side become one restructuring when a new point of one carries, reworded,
 *     the clause an old point of the other lost: the two are each other's closest outside their
 *     groups and clearly alike, and most of what the old point lost is in what the new one gained.
 * 11. A point left over that is made of two linked points of the other version (together they
 *     explain nearly half of it, each clearly and through a word of its own) joins both: a new
 *     point that borrows from two old points their successors carry on nearly whole.
 * 12. Two groups become one restructuring when a clause of a point in one is traced to a clause of
 *     a point in the other: clearly alike, a fair part of both points, and taken from a point that
 *     its own links do not explain whole (a borrowed phrase binds nothing).
 * 13. Two groups become one restructuring when two separate rare phrases travelled between them: a
 *     new point of one holds, unexplained by its own old points, a rare word pair of an old point of
 *     the other (or an old point lost one to a new point of the other), twice, with no word in common;
 *     or once, backed by a word pair the new text coined for (or the old text used only in) a point of
 *     each group, one of them the trace's own point and the other its end's partner.
 * 14. A clause exchange found in step 3 or 4 is judged again against every link made since: when the
 *     old point's lost clause has found a point of its own, the few words the exchange rested on are
 *     explained there, and the exchange is dropped.
 * Words are compared by stem, and the verbs drafters use for one another (alter, amend, change;
 * share, divide) by one stem (drafting-synonyms.ts).
 * What is left is dropped (old) or added (new).
 */
export function inferLineage(
  before: readonly LineageInputPoint[],
  after: readonly LineageInputPoint[],
): InferredLineage {
  const context = inferenceContext(before, after);
  const links = new LineageLinks(context.before.vectors, context.after.vectors);
  linkIdentical(context, links);
  matchOneToOne(context, links, 'strong');
  const growth = new ContainmentGrowth(context, links);
  growth.grow();
  // Twice: a merge grown in the first round can leave a paraphrased neighbour alone in its gap.
  for (let round = 0; round < 2; round += 1) {
    matchOneToOne(context, links, 'weak');
    growth.grow();
  }
  fillBetween(context, links);
  joinNeighbourGroup(context, links);
  joinDistantGroup(context, links);
  // A distant source joined closes a gap: the paraphrase left alone in it now has a sole slot.
  matchOneToOne(context, links, 'weak');
  pairLeftovers(context, links);
  joinMatchedClause(context, links);
  joinMovedClause(context, links);
  joinBorrowingPoint(context, links);
  joinTracedClause(context, links);
  joinExchangedPhrases(context, links);
  dropRehomedExchanges(context, links);
  return rowsFromLinks({ before, after, links, context });
}

// Identical wording is the strongest evidence there is; duplicates pair up in reading order.
function linkIdentical(context: InferenceContext, links: LineageLinks): void {
  const waiting = new Map<string, number[]>();
  context.after.features.forEach((point, to) => {
    const queue = waiting.get(point.normalized) ?? [];
    queue.push(to);
    waiting.set(point.normalized, queue);
  });
  context.before.features.forEach((point, from) => {
    const to = waiting.get(point.normalized)?.shift();
    if (to !== undefined) links.add({ from, to, score: 1, evidence: 'identical' });
  });
}

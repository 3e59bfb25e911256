import type { LineageLinks } from './lineage-links';
import type { InferenceContext } from './lineage-types';
import { massOf, sharedMass, type TermVector } from './term-vectors';

// Thresholds, calibrated on the fixtures in testdata/lineage.
/** The shared content must be most of one of the two points (a merged source, a split part)… */
const CONTAINED = 0.5;
/** …or, next to a point already in the group (merges and splits join neighbours), a good part of it. */
const CONTAINED_NEXT_DOOR = 0.25;
/** …and a fair part of the other (a third of a merge of three; a clause of a restructuring)… */
const CONTRIBUTES = 0.15;
/** …or half that, for a neighbour of the group found mostly in it (a short third source of a merge). */
const MOSTLY_CONTAINED = 0.4;
/** Two linked points exchanged a clause when most of what one leaves unexplained is in what the other does… */
const EXCHANGED = 0.5;
/** …and a good part of the other's (which may also hold new words: a clause moved and reworded). */
const EXCHANGED_OTHER = 0.2;

type Residuals = { soft: TermVector; hard: TermVector };

/**
 * Grows groups by containment: links old point i to new point j when what i's links leave
 * unexplained is largely found in what j's links leave unexplained. One of the two must already be
 * linked, so growth extends merges, splits and restructurings and never invents a one-to-one pair.
 * The strongest link is added first, and residuals are recomputed after each.
 */
export function growByContainment(context: InferenceContext, links: LineageLinks): void {
  const beforeMass = context.before.vectors.map(massOf);
  const afterMass = context.after.vectors.map(massOf);
  const pairs = candidatePairs(context, { beforeMass, afterMass });
  // Residuals change only for the two ends of a new link: cache them and forget those two.
  const before = new Map<number, Residuals>();
  const after = new Map<number, Residuals>();
  const residualsBefore = (from: number) =>
    cached(before, from, () => ({ soft: links.residualBefore(from), hard: links.residualBefore(from, 0) }));
  const residualsAfter = (to: number) =>
    cached(after, to, () => ({ soft: links.residualAfter(to), hard: links.residualAfter(to, 0) }));
  for (;;) {
    let best: { from: number; to: number; score: number; evidence: 'containment' | 'exchange' } | undefined;
    for (const { from, to } of pairs) {
      if (links.isLinked(from, to)) continue;
      const fromLinked = links.targetsOf(from).length > 0;
      const toLinked = links.sourcesOf(to).length > 0;
      if (!fromLinked && !toLinked) continue;
      const left = residualsBefore(from);
      const right = residualsAfter(to);
      if (left.soft.size === 0 || right.soft.size === 0) continue;
      const masses = { from: beforeMass[from] ?? 0, to: afterMass[to] ?? 0 };
      const contained = containmentScore(left.soft, right.soft, {
        ...masses,
        isNextDoor: isNextDoor(links, from, to),
      });
      const exchanged =
        contained === undefined && fromLinked && toLinked
          ? exchangeScore(left.hard, right.hard, masses)
          : undefined;
      const score = contained ?? exchanged;
      if (score !== undefined && (best === undefined || score > best.score))
        best = { from, to, score, evidence: contained === undefined ? 'exchange' : 'containment' };
    }
    if (best === undefined) return;
    links.add({ ...best, score: Math.min(1, best.score) });
    before.delete(best.from);
    after.delete(best.to);
  }
}

function cached<T>(cache: Map<number, T>, key: number, make: () => T): T {
  const found = cache.get(key);
  if (found !== undefined) return found;
  const made = make();
  cache.set(key, made);
  return made;
}

// Residuals only shrink, so a pair whose whole points share less than half of CONTRIBUTES of the
// larger one can never pass either test: dropping those once keeps growth near-linear in practice.
function candidatePairs(
  context: InferenceContext,
  masses: { beforeMass: readonly number[]; afterMass: readonly number[] },
): { from: number; to: number }[] {
  const pairs: { from: number; to: number }[] = [];
  context.before.vectors.forEach((_, from) =>
    context.after.vectors.forEach((__, to) => {
      const largest = Math.max(masses.beforeMass[from] ?? 0, masses.afterMass[to] ?? 0);
      if (largest > 0 && context.similarity.shared(from, to) >= (CONTRIBUTES / 2) * largest)
        pairs.push({ from, to });
    }),
  );
  return pairs;
}

type Masses = { from: number; to: number };

// Most of one point is found in what the other leaves unexplained (merges, splits).
function containmentScore(
  left: TermVector,
  right: TermVector,
  masses: Masses & { isNextDoor: boolean },
): number | undefined {
  if (masses.from === 0 || masses.to === 0) return undefined;
  const shared = sharedMass(left, right);
  const ofFrom = shared / masses.from;
  const ofTo = shared / masses.to;
  const larger = Math.max(ofFrom, ofTo);
  const needed = masses.isNextDoor ? CONTAINED_NEXT_DOOR : CONTAINED;
  const contributes = masses.isNextDoor && larger >= MOSTLY_CONTAINED ? CONTRIBUTES / 2 : CONTRIBUTES;
  return larger >= needed && Math.min(ofFrom, ofTo) >= contributes ? larger : undefined;
}

// Two points each already linked elsewhere swapped a clause (a restructuring n → m): what one
// leaves unexplained is mostly found in what the other leaves unexplained, and it is a fair part
// of one point and not a trifle of the other (a short clause leaving a long point is a small part
// of it). Residuals here are exact (nothing kept), so only changed wording counts.
export function exchangeScore(left: TermVector, right: TermVector, masses: Masses): number | undefined {
  if (masses.from === 0 || masses.to === 0) return undefined;
  const shared = sharedMass(left, right);
  const leftMass = massOf(left);
  const rightMass = massOf(right);
  if (leftMass === 0 || rightMass === 0) return undefined;
  const ofLeft = shared / leftMass;
  const ofRight = shared / rightMass;
  const isExchange = Math.max(ofLeft, ofRight) >= EXCHANGED && Math.min(ofLeft, ofRight) >= EXCHANGED_OTHER;
  const ofFrom = shared / masses.from;
  const ofTo = shared / masses.to;
  const isFairPart = Math.max(ofFrom, ofTo) >= CONTRIBUTES && Math.min(ofFrom, ofTo) >= CONTRIBUTES / 2;
  return isExchange && isFairPart ? Math.max(ofFrom, ofTo) : undefined;
}

// Old point `from` sits next to a source of `to`, or new point `to` next to a target of `from`,
// counting only linked points: an unlinked point between (a paraphrase not yet found) does not
// part a merge's sources (4, 5 and 7 → 4 with 6 rewritten as 5).
function isNextDoor(links: LineageLinks, from: number, to: number): boolean {
  const sources = links.sourcesOf(to);
  const targets = links.targetsOf(from);
  return (
    sources.some((source) => nothingLinkedBetween(source, from, (index) => links.targetsOf(index))) ||
    targets.some((target) => nothingLinkedBetween(target, to, (index) => links.sourcesOf(index)))
  );
}

function nothingLinkedBetween(a: number, b: number, linksOf: (index: number) => readonly number[]): boolean {
  if (a === b) return false;
  for (let index = Math.min(a, b) + 1; index < Math.max(a, b); index += 1)
    if (linksOf(index).length > 0) return false;
  return true;
}

// The tests a pair of points must pass to join by containment (grow-by-containment.ts).
import type { LineageLinks } from './lineage-links';
import { massOf, sharedMass, type TermVector } from './term-vectors';

// Thresholds, calibrated on the fixtures in testdata/lineage.
/** The shared content must be most of one of the two points (a merged source, a split part)… */
const CONTAINED = 0.5;
/** …or, next to a point already in the group (merges and splits join neighbours), a good part of it. */
const CONTAINED_NEXT_DOOR = 0.25;
/** …and a fair part of the other (a third of a merge of three; a clause of a restructuring)… */
export const CONTRIBUTES = 0.15;
/** …or half that, for a neighbour of the group found mostly in it (a short third source of a merge). */
const MOSTLY_CONTAINED = 0.4;
/** Two linked points exchanged a clause when most of what one leaves unexplained is in what the other does… */
const EXCHANGED = 0.5;
/** …and a good part of the other's (which may also hold new words: a clause moved and reworded). */
const EXCHANGED_OTHER = 0.2;

export type Masses = { from: number; to: number };

// Most of one point is found in what the other leaves unexplained (merges, splits): `shared` is
// the mass the two residuals share.
export function containmentScore(
  shared: number,
  masses: Masses & { isNextDoor: boolean },
): number | undefined {
  if (masses.from === 0 || masses.to === 0) return undefined;
  const ofFrom = shared / masses.from;
  const ofTo = shared / masses.to;
  const larger = Math.max(ofFrom, ofTo);
  const needed = masses.isNextDoor ? CONTAINED_NEXT_DOOR : CONTAINED;
  const contributes = masses.isNextDoor && larger >= MOSTLY_CONTAINED ? CONTRIBUTES / 2 : CONTRIBUTES;
  return larger >= needed && Math.min(ofFrom, ofTo) >= contributes ? larger : undefined;
}

// Slack for sums of the same terms taken in another order, which may differ in the last digit.
const ROUNDING = 1e-9;

/**
 * Whether residuals sharing `shared` could pass either test: both need it to be at least
 * CONTRIBUTES of one point (CONTAINED_NEXT_DOOR is more) and half that of the other, and the
 * exchange's exact residuals share no more than the containment's. Residuals only shrink as
 * links are added, so a pair that fails this can never pass again.
 */
export function canEverPass(shared: number, masses: Masses): boolean {
  if (masses.from === 0 || masses.to === 0) return false;
  const ofFrom = shared / masses.from;
  const ofTo = shared / masses.to;
  const slack = 1 + ROUNDING;
  return Math.max(ofFrom, ofTo) * slack >= CONTRIBUTES && Math.min(ofFrom, ofTo) * slack >= CONTRIBUTES / 2;
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
export function isNextDoor(links: LineageLinks, from: number, to: number): boolean {
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

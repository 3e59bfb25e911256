import { BestCandidate } from './best-candidate';
import { CandidatePairs } from './candidate-pairs';
import { canEverPass, containmentScore, CONTRIBUTES, exchangeScore, isNextDoor } from './containment-score';
import type { Link, LineageLinks } from './lineage-links';
import type { InferenceContext } from './lineage-types';
import { pairsTouchedByLink } from './pairs-touched-by-link';
import { massOf, sharedMass, type TermVector } from './term-vectors';

type Residuals = { soft: TermVector; hard: TermVector };

const EXCHANGE = 1;

/**
 * Grows groups by containment: links old point i to new point j when what i's links leave
 * unexplained is largely found in what j's links leave unexplained. One of the two must already be
 * linked, so growth extends merges, splits and restructurings and never invents a one-to-one pair.
 * The strongest link is added first (the first pair in old-then-new order on a tie), and the pairs
 * it can change are scored again after each.
 *
 * Made once per inference and grown after each matching. Scoring every pair after every link made
 * growth quadratic in the pairs on texts whose points all share their words (1000 × 1000 points
 * took twenty minutes); the scores are kept instead, and only those a link can change are redone.
 */
export class ContainmentGrowth {
  private readonly beforeMass: number[];
  private readonly afterMass: number[];
  private readonly pairs: CandidatePairs;
  private readonly best: BestCandidate;
  /** Per pair: 1 when its score is an exchange's, 0 for containment. */
  private readonly evidence: Uint8Array;
  /**
   * Per pair: what its residuals shared when last scored, which bounds what they can share later.
   * Most pairs of texts that share their words fail for good after a link or two, and are then
   * passed over without reading their residuals.
   */
  private readonly sharedBound: Float64Array;
  /** Residuals change only for the two ends of a new link: cached, and forgotten for those two. */
  private readonly residualsBefore = new Map<number, Residuals>();
  private readonly residualsAfter = new Map<number, Residuals>();
  /** The links when the last round ended, to find those made since; undefined before the first. */
  private seen: { count: number; last: Link | undefined } | undefined;

  constructor(
    context: InferenceContext,
    private readonly links: LineageLinks,
  ) {
    const beforeMass = context.before.vectors.map(massOf);
    const afterMass = context.after.vectors.map(massOf);
    this.beforeMass = beforeMass;
    this.afterMass = afterMass;
    // Residuals only shrink, so a pair whose whole points share less than half of CONTRIBUTES of
    // the larger one can never pass either test: dropping those once keeps the rounds small.
    this.pairs = new CandidatePairs({ before: beforeMass.length, after: afterMass.length }, (from, to) => {
      const largest = Math.max(beforeMass[from] ?? 0, afterMass[to] ?? 0);
      return largest > 0 && context.similarity.shared(from, to) >= (CONTRIBUTES / 2) * largest;
    });
    this.best = new BestCandidate(this.pairs.size);
    this.evidence = new Uint8Array(this.pairs.size);
    this.sharedBound = new Float64Array(this.pairs.size).fill(Infinity);
  }

  /** Links the best pair, then the best again, until no pair passes. */
  grow(): void {
    this.scoreLinksMadeSince();
    for (let position = this.best.best(); position !== undefined; position = this.best.best()) {
      const from = this.pairs.from[position] ?? 0;
      const to = this.pairs.to[position] ?? 0;
      const score = Math.min(1, this.best.scoreOf(position));
      const isFirstOfFrom = this.links.targetsOf(from).length === 0;
      const isFirstOfTo = this.links.sourcesOf(to).length === 0;
      this.links.add({
        from,
        to,
        score,
        evidence: this.evidence[position] === EXCHANGE ? 'exchange' : 'containment',
      });
      this.forgetResiduals(from, to);
      for (const touched of pairsTouchedByLink(this.pairs, this.links, {
        from,
        to,
        isFirstOfFrom,
        isFirstOfTo,
      }))
        this.rescore(touched);
    }
    this.seen = { count: this.links.links.length, last: this.links.links[this.links.links.length - 1] };
  }

  // A round ends with no pair scoring. A link made since can give a score to its own points' pairs;
  // to any other pair it can only make a point linked between it and its group, and being next
  // door only lowers the thresholds, so those pairs still score nothing. If links were taken away
  // (not done between rounds today), every pair is scored again.
  private scoreLinksMadeSince(): void {
    const { links } = this.links;
    const seen = this.seen;
    if (seen === undefined || links.length < seen.count || links[seen.count - 1] !== seen.last) {
      this.residualsBefore.clear();
      this.residualsAfter.clear();
      this.sharedBound.fill(Infinity);
      for (let position = 0; position < this.pairs.size; position += 1) this.rescore(position);
      return;
    }
    const made = links.slice(seen.count);
    for (const { from, to } of made) this.forgetResiduals(from, to);
    for (const { from, to } of made)
      for (const position of [...this.pairs.ofOld(from), ...this.pairs.ofNew(to)]) this.rescore(position);
  }

  private forgetResiduals(from: number, to: number): void {
    this.residualsBefore.delete(from);
    this.residualsAfter.delete(to);
  }

  private rescore(position: number): void {
    const from = this.pairs.from[position] ?? 0;
    const to = this.pairs.to[position] ?? 0;
    const { links } = this;
    if (links.isLinked(from, to)) return this.best.set(position, undefined);
    const fromLinked = links.targetsOf(from).length > 0;
    const toLinked = links.sourcesOf(to).length > 0;
    if (!fromLinked && !toLinked) return this.best.set(position, undefined);
    const masses = { from: this.beforeMass[from] ?? 0, to: this.afterMass[to] ?? 0 };
    if (!canEverPass(this.sharedBound[position] ?? Infinity, masses))
      return this.best.set(position, undefined);
    const left = this.residualsOfOld(from);
    const right = this.residualsOfNew(to);
    if (left.soft.size === 0 || right.soft.size === 0) return this.best.set(position, undefined);
    const shared = sharedMass(left.soft, right.soft);
    this.sharedBound[position] = shared;
    const contained = containmentScore(shared, {
      ...masses,
      isNextDoor: isNextDoor(links, from, to),
    });
    const exchanged =
      contained === undefined && fromLinked && toLinked
        ? exchangeScore(left.hard, right.hard, masses)
        : undefined;
    this.evidence[position] = contained === undefined ? EXCHANGE : 0;
    this.best.set(position, contained ?? exchanged);
  }

  private residualsOfOld(from: number): Residuals {
    return cached(this.residualsBefore, from, () => ({
      soft: this.links.residualBefore(from),
      hard: this.links.residualBefore(from, 0),
    }));
  }

  private residualsOfNew(to: number): Residuals {
    return cached(this.residualsAfter, to, () => ({
      soft: this.links.residualAfter(to),
      hard: this.links.residualAfter(to, 0),
    }));
  }
}

function cached<T>(cache: Map<number, T>, key: number, make: () => T): T {
  const found = cache.get(key);
  if (found !== undefined) return found;
  const made = make();
  cache.set(key, made);
  return made;
}

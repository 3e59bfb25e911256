import { residualOf, type TermVector } from './term-vectors';

/**
 * How a link was found: identical wording, a one-to-one match, grown from a merge, split or
 * restructuring, or two linked points found to have swapped a clause (which a later link can
 * explain better: see dropRehomedExchanges).
 */
export type LinkEvidence = 'identical' | 'match' | 'containment' | 'exchange';

const EMPTY: TermVector = new Map<string, number>();

/** A link between old point `from` and new point `to` (indices into the two lists). */
export type Link = {
  readonly from: number;
  readonly to: number;
  readonly score: number;
  readonly evidence: LinkEvidence;
};

/** The links found so far, with what each side's links leave unexplained. */
export class LineageLinks {
  readonly links: Link[] = [];
  private readonly targets: number[][];
  private readonly sources: number[][];

  constructor(
    private readonly before: readonly TermVector[],
    private readonly after: readonly TermVector[],
  ) {
    this.targets = before.map(() => []);
    this.sources = after.map(() => []);
  }

  add(link: Link): void {
    this.links.push(link);
    this.targets[link.from]?.push(link.to);
    this.sources[link.to]?.push(link.from);
  }

  remove(link: Link): void {
    this.links.splice(this.links.indexOf(link), 1);
    const targets = this.targets[link.from];
    targets?.splice(targets.indexOf(link.to), 1);
    const sources = this.sources[link.to];
    sources?.splice(sources.indexOf(link.from), 1);
  }

  targetsOf(from: number): readonly number[] {
    return this.targets[from] ?? [];
  }

  sourcesOf(to: number): readonly number[] {
    return this.sources[to] ?? [];
  }

  isLinked(from: number, to: number): boolean {
    return this.targetsOf(from).includes(to);
  }

  /** The part of old point `from` that none of its new points contains (`keptShare`: see residualOf). */
  residualBefore(from: number, keptShare?: number): TermVector {
    if (this.isCarriedOver(from, 'before')) return EMPTY;
    const vector = this.before[from] ?? new Map<string, number>();
    return residualOf(
      vector,
      this.targetsOf(from).map((to) => this.after[to] ?? new Map<string, number>()),
      keptShare,
    );
  }

  /** The part of new point `to` that none of its old points contains. */
  residualAfter(to: number, keptShare?: number): TermVector {
    if (this.isCarriedOver(to, 'after')) return EMPTY;
    const vector = this.after[to] ?? new Map<string, number>();
    return residualOf(
      vector,
      this.sourcesOf(to).map((from) => this.before[from] ?? new Map<string, number>()),
      keptShare,
    );
  }

  // A point carried over word for word has nothing left to give to, or take from, another point.
  isCarriedOver(index: number, side: 'before' | 'after'): boolean {
    return this.links.some(
      (link) => link.evidence === 'identical' && (side === 'before' ? link.from : link.to) === index,
    );
  }
}

import type { InferenceContext } from './lineage-types';
import type { LineageLinks } from './lineage-links';
import { maximumWeightMatching } from './maximum-weight-matching';
import { placeBetweenLinks } from './place-between-links';

// Thresholds, calibrated on the fixtures in ./fixtures (the README there says how they were written).
/** Cosine above which two points are the same point whatever else happens around them. */
export const STRONG_COSINE = 0.5;
/** A weaker pair is the same point when cosine + title and place bonuses reach this. */
export const WEAK_ACCEPT = 0.34;
/** Below this cosine, no bonus makes a pair: the texts share almost nothing. */
const MIN_COSINE = 0.1;
/** A pair outside its place (a move) must stand on its words alone. */
const MOVED_MIN_COSINE = 0.3;
const TITLE_BONUS = 0.25;
const PLACE_BONUS = 0.12;
/**
 * When a gap between linked points holds exactly one old and one new point, the new one most
 * likely rewrites the old one (a paraphrase keeps its slot): a little shared wording is enough.
 */
const SOLE_PAIR_MIN_COSINE = 0.08;
/** …or none at all, when the two keep the same title ("Purpose." rewritten from end to end). */
const SOLE_PAIR_SAME_TITLE = 0.5;

type Candidate = { from: number; to: number; weight: number };

/**
 * Links unlinked old and new points one to one by maximum-weight matching. `strong` takes only
 * pairs whose wording is clearly alike; `weak` also weighs the title and whether the pair sits in
 * the same gap between points already linked (a paraphrase keeps its place; a move keeps its words).
 */
export function matchOneToOne(context: InferenceContext, links: LineageLinks, mode: 'strong' | 'weak'): void {
  const candidates = mode === 'strong' ? strongCandidates(context, links) : weakCandidates(context, links);
  for (const group of connectedGroups(candidates)) {
    const rows = [...new Set(group.map((candidate) => candidate.from))];
    const columns = [...new Set(group.map((candidate) => candidate.to))];
    const weights = rows.map(() => columns.map(() => 0));
    for (const candidate of group)
      (weights[rows.indexOf(candidate.from)] ?? [])[columns.indexOf(candidate.to)] = candidate.weight;
    for (const [row, column] of maximumWeightMatching(weights)) {
      const from = rows[row] ?? 0;
      const to = columns[column] ?? 0;
      const weight = weights[row]?.[column] ?? 0;
      links.add({ from, to, score: Math.min(1, weight), evidence: 'match' });
    }
  }
}

function unlinked(context: InferenceContext, links: LineageLinks) {
  const from = context.before.vectors.flatMap((_, index) =>
    links.targetsOf(index).length === 0 ? [index] : [],
  );
  const to = context.after.vectors.flatMap((_, index) =>
    links.sourcesOf(index).length === 0 ? [index] : [],
  );
  return { from, to };
}

function strongCandidates(context: InferenceContext, links: LineageLinks): Candidate[] {
  const { from, to } = unlinked(context, links);
  const candidates: Candidate[] = [];
  for (const i of from)
    for (const j of to) {
      const similarity = context.similarity.cosine(i, j);
      if (similarity >= STRONG_COSINE) candidates.push({ from: i, to: j, weight: similarity });
    }
  return candidates;
}

function weakCandidates(context: InferenceContext, links: LineageLinks): Candidate[] {
  const { from, to } = unlinked(context, links);
  const place = placeBetweenLinks(context.before.vectors.length, context.after.vectors.length, links);
  const candidates: Candidate[] = [];
  for (const i of from)
    for (const j of to) {
      const similarity = context.similarity.cosine(i, j);
      const inPlace = (place.lower[i] ?? -1) < j && j < (place.upper[i] ?? Infinity);
      const title = titleSimilarity(
        context.before.features[i]?.titleWords ?? [],
        context.after.features[j]?.titleWords ?? [],
      );
      const isSolePair =
        inPlace && place.isSole(i) && (similarity >= SOLE_PAIR_MIN_COSINE || title >= SOLE_PAIR_SAME_TITLE);
      if (similarity < MIN_COSINE && !isSolePair) continue;
      if (!inPlace && similarity < MOVED_MIN_COSINE) continue;
      const weight = similarity + TITLE_BONUS * title + (inPlace ? PLACE_BONUS : 0);
      if (weight >= WEAK_ACCEPT || isSolePair) candidates.push({ from: i, to: j, weight });
    }
  return candidates;
}

/** Jaccard overlap of two titles' stemmed words (0 when either has none). */
export function titleSimilarity(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const left = new Set(a);
  const right = new Set(b);
  let shared = 0;
  for (const word of left) if (right.has(word)) shared += 1;
  return shared / (left.size + right.size - shared);
}

// Candidates that share no point cannot compete: matching each group alone keeps the cubic
// assignment small even for long texts.
function connectedGroups(candidates: readonly Candidate[]): Candidate[][] {
  const parent = new Map<string, string>();
  const find = (key: string): string => {
    let root = key;
    while (parent.get(root) !== undefined && parent.get(root) !== root) root = parent.get(root) ?? root;
    parent.set(key, root);
    return root;
  };
  for (const candidate of candidates) {
    const a = find(`o${candidate.from}`);
    const b = find(`n${candidate.to}`);
    if (a !== b) parent.set(a, b);
  }
  const groups = new Map<string, Candidate[]>();
  for (const candidate of candidates) {
    const root = find(`o${candidate.from}`);
    groups.set(root, [...(groups.get(root) ?? []), candidate]);
  }
  return [...groups.values()];
}

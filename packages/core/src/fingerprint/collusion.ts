import { expectedVariant } from './expected-variant';
import type { Observation } from './read-marks';

/** A copy that may have gone into a merged text, and who holds it (the copy alone when absent). */
export type CollusionCandidate = {
  readonly recipientId: string;
  readonly key: string;
  readonly holderId?: string;
};

/**
 * A candidate's collusion score: the symmetric Tardos score over the distinct marks seen, and how
 * many reads (a heading read per point) matched the candidate's copy.
 */
export type CollusionScore = { readonly recipientId: string; readonly score: number; readonly reads: number };

/**
 * Thresholds for naming one of several colluders (calibrated in bench/fingerprint, collusion row):
 * the top score must reach `minScore`, rest on at least `minReads` matching reads, and beat every
 * other holder: by `minLead` in score, or, within it, by more reads. Only choices with at least
 * `minVariants` variants count: the two-way choices (spelling, a phrase) show both colluders' forms
 * and add noise, not evidence. Scores closer than `minLead` are a tie: variants of one choice differ
 * in number (a heading read after the point before may also be "none"), which alone moves a score
 * by a few hundredths.
 */
export const COLLUSION_DECISION = { minScore: 5, minReads: 2, minVariants: 3, minLead: 1 } as const;

/** Whether one choice was seen with two different variants: no single copy does that. */
export function isInconsistent(observations: readonly Observation[]): boolean {
  const seen = new Map<string, number>();
  for (const observation of observations) {
    if (observation.observed.length !== 1) continue;
    const variant = observation.observed[0] ?? -1;
    const earlier = seen.get(observation.siteId);
    if (earlier !== undefined && earlier !== variant) return true;
    seen.set(observation.siteId, variant);
  }
  return false;
}

// Only marks read exactly: a heading that two styles print alike (a one-word title) would let a
// recipient holding the twin style share a colluder's score.
function exactReads(observations: readonly Observation[]): Observation[] {
  return observations.filter(
    (entry) => entry.observed.length === 1 && entry.variants.length >= COLLUSION_DECISION.minVariants,
  );
}

function holds(candidate: { readonly key: string }, observation: Observation): boolean {
  return observation.observed.includes(expectedVariant(candidate.key, observation));
}

/**
 * Scores candidates against a text merged from several copies (Tardos's symmetric score, Škorić
 * et al. 2008): each distinct (choice, variant) seen counts once; a candidate holding it gains
 * √((1−p)/p), one holding another variant loses √(p/(1−p)), with p = 1 / variants. Colluders
 * hold the variants of every passage they supplied; an innocent holds them only by chance, and
 * never a heading style (the server gives each copy its own, see chooseFingerprintKey).
 */
export function scoreCollusion(
  observations: readonly Observation[],
  candidates: readonly CollusionCandidate[],
): CollusionScore[] {
  const exact = exactReads(observations);
  const distinct = new Map<string, Observation>();
  for (const observation of exact)
    distinct.set(`${observation.siteId}\u0000${observation.observed[0]}`, observation);
  return candidates
    .map((candidate) => {
      let score = 0;
      for (const observation of distinct.values()) {
        const p = 1 / observation.variants.length;
        score += holds(candidate, observation) ? Math.sqrt((1 - p) / p) : -Math.sqrt(p / (1 - p));
      }
      const reads = exact.filter((observation) => holds(candidate, observation)).length;
      return { recipientId: candidate.recipientId, score, reads };
    })
    .sort((a, b) => b.score - a.score || b.reads - a.reads);
}

/** Each holder's best score: a holder's copies share a key, and would tie with each other. */
function bestPerHolder(
  scores: readonly CollusionScore[],
  holderOf: (recipientId: string) => string,
): CollusionScore[] {
  const byHolder = new Map<string, CollusionScore>();
  for (const score of scores) {
    const holder = holderOf(score.recipientId);
    const kept = byHolder.get(holder);
    if (kept === undefined || score.score > kept.score) byHolder.set(holder, score);
  }
  return [...byHolder.values()];
}

/** The clear leader among holders by the decision's rule, or undefined on a tie or too little. */
function leader(scores: readonly CollusionScore[]): CollusionScore | undefined {
  const best = Math.max(...scores.map((score) => score.score));
  const [top, next] = scores
    .filter((score) => best - score.score < COLLUSION_DECISION.minLead)
    .sort((a, b) => b.reads - a.reads);
  if (top === undefined || top.score < COLLUSION_DECISION.minScore || top.reads < COLLUSION_DECISION.minReads)
    return undefined;
  return next !== undefined && next.reads >= top.reads ? undefined : top;
}

/**
 * The colluder to name from a text merged from several copies, or undefined: "cannot tell". A
 * name needs real evidence of mixing, not a text that merely fits no copy (an excerpt partly
 * retyped or copied from the app fits none either, and once named whoever held the one heading
 * style it showed, at a posterior of 9 %). So: every exact read is some candidate's, the reads
 * show the named holder's copy and another holder's, the named one leads by the decision's rule,
 * and every mark against the named copy is one a partner's copy holds.
 */
export function nameColluder(
  observations: readonly Observation[],
  candidates: readonly CollusionCandidate[],
): string | undefined {
  if (!isInconsistent(observations)) return undefined;
  const exact = exactReads(observations);
  if (exact.some((observation) => !candidates.some((candidate) => holds(candidate, observation))))
    return undefined;
  const holderOf = new Map(
    candidates.map((candidate) => [candidate.recipientId, candidate.holderId ?? candidate.recipientId]),
  );
  const holderOfId = (recipientId: string) => holderOf.get(recipientId) ?? recipientId;
  const top = leader(bestPerHolder(scoreCollusion(observations, candidates), holderOfId));
  if (top === undefined || top.reads * 2 <= exact.length) return undefined;
  const named = candidates.find((candidate) => candidate.recipientId === top.recipientId);
  if (named === undefined) return undefined;
  const namedHolder = holderOfId(named.recipientId);
  const partners = candidates.filter(
    (candidate) =>
      holderOfId(candidate.recipientId) !== namedHolder &&
      exact.some((observation) => holds(candidate, observation) && !holds(named, observation)),
  );
  if (partners.length === 0) return undefined;
  const contradicted = observations.some(
    (observation) => !holds(named, observation) && !partners.some((partner) => holds(partner, observation)),
  );
  return contradicted ? undefined : named.recipientId;
}

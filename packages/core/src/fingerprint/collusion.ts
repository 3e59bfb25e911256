import { expectedVariant } from './expected-variant';
import type { Observation } from './read-marks';

/**
 * A candidate's collusion score: the symmetric Tardos score over the distinct marks seen, and how
 * many reads (a heading read per point) matched the candidate's copy.
 */
export type CollusionScore = { readonly recipientId: string; readonly score: number; readonly reads: number };

/**
 * Thresholds for naming one of several colluders (calibrated in bench/fingerprint, collusion row):
 * the top score must reach `minScore`, rest on at least `minReads` matching reads, and beat the
 * runner-up on score or on reads. Only choices with at least `minVariants` variants count: the
 * two-way choices (spelling, a phrase) show both colluders' forms and add noise, not evidence.
 */
export const COLLUSION_DECISION = { minScore: 5, minReads: 2, minVariants: 3 } as const;

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

/**
 * Scores candidates against a text merged from several copies (Tardos's symmetric score, Škorić
 * et al. 2008): each distinct (choice, variant) seen counts once; a candidate holding it gains
 * √((1−p)/p), one holding another variant loses √(p/(1−p)), with p = 1 / variants. Colluders
 * hold the variants of every passage they supplied; an innocent holds them only by chance, and
 * never a heading style (the server gives each copy its own, see chooseFingerprintKey).
 */
export function scoreCollusion(
  observations: readonly Observation[],
  candidates: readonly { readonly recipientId: string; readonly key: string }[],
): CollusionScore[] {
  // Only marks read exactly: a heading that two styles print alike (a one-word title) would let a
  // recipient holding the twin style share a colluder's score.
  const exact = observations.filter(
    (entry) => entry.observed.length === 1 && entry.variants.length >= COLLUSION_DECISION.minVariants,
  );
  const distinct = new Map<string, Observation>();
  for (const observation of exact)
    distinct.set(`${observation.siteId}\u0000${observation.observed[0]}`, observation);
  return candidates
    .map((candidate) => {
      let score = 0;
      for (const observation of distinct.values()) {
        const p = 1 / observation.variants.length;
        score += observation.observed.includes(expectedVariant(candidate.key, observation))
          ? Math.sqrt((1 - p) / p)
          : -Math.sqrt(p / (1 - p));
      }
      const reads = exact.filter((observation) =>
        observation.observed.includes(expectedVariant(candidate.key, observation)),
      ).length;
      return { recipientId: candidate.recipientId, score, reads };
    })
    .sort((a, b) => b.score - a.score || b.reads - a.reads);
}

/** The colluder to name, if the evidence singles one out. */
export function nameColluder(scores: readonly CollusionScore[]): string | undefined {
  const [top, next] = scores;
  if (top === undefined || top.score < COLLUSION_DECISION.minScore || top.reads < COLLUSION_DECISION.minReads)
    return undefined;
  if (next !== undefined && next.score >= top.score && next.reads >= top.reads) return undefined;
  return top.recipientId;
}

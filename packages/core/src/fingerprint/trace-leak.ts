import { nameColluder } from './collusion';
import type { MarkScheme } from './equivalences';
import { expectedVariant } from './expected-variant';
import { readMarks, type Observation } from './read-marks';
import type { FingerprintPoint } from './sites';

/** A recipient who received an export, with the secret key its fingerprint was made with. */
export type TraceCandidate = { readonly recipientId: string; readonly key: string };

/** One mark as it bears on one candidate: the variant seen and the one that candidate received. */
export type MarkEvidence = {
  readonly siteId: string;
  readonly kind: Observation['kind'];
  readonly seen: string;
  readonly expected: string;
  readonly matched: boolean;
};

/** A candidate's score: log-likelihood ratio against an unmarked text, and posterior probability. */
export type TraceScore = {
  readonly recipientId: string;
  readonly logLikelihoodRatio: number;
  readonly posterior: number;
  readonly matched: number;
  readonly mismatched: number;
  readonly evidence: readonly MarkEvidence[];
};

/**
 * What a name rests on: the marks fit one copy (`single-copy`, DECISION), or the text mixes
 * copies and the collusion analysis singles out one that went into it (`collusion`,
 * COLLUSION_DECISION), which says less: that copy is one of the sources, not the whole of it.
 */
export type TraceBasis = 'single-copy' | 'collusion';

/** The ranking and the verdict: a named recipient only when the evidence is strong. */
export type TraceResult = {
  readonly verdict:
    | { readonly kind: 'identified'; readonly recipientId: string; readonly basis: TraceBasis }
    | { readonly kind: 'undecided'; readonly reason: string };
  readonly marksRead: number;
  /**
   * The per-copy choices those marks show, each counted once: a copy's heading style or spelling
   * convention repeats at every point, so seven headings are one choice read seven times. The
   * scores count every mark (docs/exports.md, "Known limit"); this says how much evidence there is.
   */
  readonly choicesRead: number;
  readonly ranking: readonly TraceScore[];
};

/** How many distinct per-copy choices a set of marks shows. */
export function choicesIn(observations: readonly Observation[]): number {
  return new Set(observations.map((observation) => observation.siteId)).size;
}

/**
 * Thresholds for naming someone. Calibrated in bench/fingerprint: with both, no innocent
 * recipient was named in any trial (false accusations < 0.1 %).
 */
export const DECISION = { minPosterior: 0.999, minLogLikelihoodRatio: Math.log(1e4) } as const;

function scoreCandidate(
  candidate: TraceCandidate,
  observations: readonly Observation[],
): Omit<TraceScore, 'posterior'> {
  let logLikelihoodRatio = 0;
  let matched = 0;
  const evidence: MarkEvidence[] = [];
  for (const observation of observations) {
    const count = observation.variants.length;
    const seen = observation.observed.length;
    const expected = expectedVariant(candidate.key, observation);
    const isMatch = observation.observed.includes(expected);
    // Against the hypothesis "someone else's copy": every variant equally likely, so what was seen has
    // probability seen / count; under "this recipient's copy", 1 − error if it holds the variant seen.
    const likelihood = isMatch ? 1 - observation.error : (observation.error * seen) / (count - seen);
    logLikelihoodRatio += Math.log((likelihood * count) / seen);
    if (isMatch) matched++;
    evidence.push({
      siteId: observation.siteId,
      kind: observation.kind,
      seen: observation.observed.map((index) => observation.variants[index] ?? '').join(' | '),
      expected: observation.variants[expected] ?? '',
      matched: isMatch,
    });
  }
  return {
    recipientId: candidate.recipientId,
    logLikelihoodRatio,
    matched,
    mismatched: observations.length - matched,
    evidence,
  };
}

/** Scores candidates against observed marks; uniform prior over the candidates. */
export function scoreObservations(
  observations: readonly Observation[],
  candidates: readonly TraceCandidate[],
): TraceResult {
  const scored = candidates.map((candidate) => scoreCandidate(candidate, observations));
  const top = Math.max(...scored.map((score) => score.logLikelihoodRatio));
  const total = scored.reduce((sum, score) => sum + Math.exp(score.logLikelihoodRatio - top), 0);
  const ranking = scored
    .map((score) => ({ ...score, posterior: Math.exp(score.logLikelihoodRatio - top) / total }))
    .sort((a, b) => b.logLikelihoodRatio - a.logLikelihoodRatio);
  const best = ranking[0];
  const marksRead = observations.length;
  const choicesRead = choicesIn(observations);
  if (best === undefined)
    return { verdict: { kind: 'undecided', reason: 'no candidates' }, marksRead, choicesRead, ranking };
  if (best.posterior < DECISION.minPosterior || best.logLikelihoodRatio < DECISION.minLogLikelihoodRatio) {
    // A text merged from two copies fits no single copy: name a colluder if one stands out.
    const colluder = nameColluder(observations, candidates);
    if (colluder !== undefined)
      return {
        verdict: { kind: 'identified', recipientId: colluder, basis: 'collusion' },
        marksRead,
        choicesRead,
        ranking,
      };
    const reason =
      marksRead === 0
        ? 'no fingerprint marks found in the excerpt'
        : `evidence too weak (${marksRead} marks read)`;
    return { verdict: { kind: 'undecided', reason }, marksRead, choicesRead, ranking };
  }
  return {
    verdict: { kind: 'identified', recipientId: best.recipientId, basis: 'single-copy' },
    marksRead,
    choicesRead,
    ranking,
  };
}

/**
 * Traces a leaked excerpt of a document made of `points` to the most likely recipients, whose
 * copies were all made with `scheme` (default the latest; see traceExports for mixed schemes).
 */
export function traceLeak(input: {
  excerpt: string;
  points: readonly FingerprintPoint[];
  candidates: readonly TraceCandidate[];
  scheme?: MarkScheme;
}): TraceResult {
  return scoreObservations(readMarks(input.excerpt, input.points, input.scheme), input.candidates);
}

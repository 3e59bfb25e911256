import { isInconsistent, nameColluder, scoreCollusion, type CollusionScore } from './collusion';
import { readMarks } from './read-marks';
import type { FingerprintPoint } from './sites';
import { choicesIn, DECISION, scoreObservations, type TraceResult, type TraceScore } from './trace-leak';

/**
 * One recorded copy: its id, its recipient's key and the canonical blocks it was made of, and who
 * holds it (`holderId`; the copy alone when absent). A recipient's copies share a key, so they fit
 * a leak alike: the evidence names the holder, and it is the holder's share that must be decisive.
 */
export type TraceableExport = {
  readonly recipientId: string;
  readonly key: string;
  readonly points: readonly FingerprintPoint[];
  readonly holderId?: string;
};

/**
 * Traces an excerpt against copies of different material (versions, histories, minutes). Each
 * copy is scored only on the marks of its own blocks: a site that is not in a copy tells nothing
 * about it (likelihood ratio 1), whereas scoring it there would count a random mismatch against
 * every copy that shares the wording under another site id. Copies of the same blocks are read once.
 */
export function traceExports(input: { excerpt: string; exports: readonly TraceableExport[] }): TraceResult {
  const groups = new Map<string, { points: readonly FingerprintPoint[]; members: TraceableExport[] }>();
  for (const recorded of input.exports) {
    const signature = recorded.points
      .map((point) => `${point.id}\u0000${point.number}\u0000${point.title}\u0000${point.text}`)
      .join('\u0001');
    const group = groups.get(signature) ?? { points: recorded.points, members: [] };
    group.members.push(recorded);
    groups.set(signature, group);
  }
  const holderOf = new Map(
    input.exports.map((recorded) => [recorded.recipientId, recorded.holderId ?? recorded.recipientId]),
  );
  const scored: { score: TraceScore; marks: number; choices: number }[] = [];
  const collusion: CollusionScore[] = [];
  for (const group of groups.values()) {
    const observations = readMarks(input.excerpt, group.points);
    const candidates = group.members.map(({ recipientId, key }) => ({ recipientId, key }));
    const result = scoreObservations(observations, candidates);
    const choices = choicesIn(observations);
    for (const score of result.ranking) scored.push({ score, marks: observations.length, choices });
    if (isInconsistent(observations)) collusion.push(...scoreCollusion(observations, candidates));
  }
  const result = decide(scored, holderOf);
  if (result.verdict.kind === 'identified' || collusion.length === 0) return result;
  // A text merged from two copies fits no single copy: name a colluder if one stands out (each
  // holder once, or a holder's two copies would tie with each other).
  const byHolder = new Map<string, CollusionScore>();
  for (const score of [...collusion].sort((a, b) => b.score - a.score || b.reads - a.reads)) {
    const holder = holderOf.get(score.recipientId) ?? score.recipientId;
    if (!byHolder.has(holder)) byHolder.set(holder, score);
  }
  const colluder = nameColluder([...byHolder.values()]);
  return colluder === undefined
    ? result
    : { ...result, verdict: { kind: 'identified', recipientId: colluder } };
}

function decide(
  scored: readonly { score: TraceScore; marks: number; choices: number }[],
  holderOf: ReadonlyMap<string, string>,
): TraceResult {
  const top = Math.max(...scored.map(({ score }) => score.logLikelihoodRatio));
  const total = scored.reduce((sum, { score }) => sum + Math.exp(score.logLikelihoodRatio - top), 0);
  const ordered = [...scored].sort((a, b) => b.score.logLikelihoodRatio - a.score.logLikelihoodRatio);
  const ranking = ordered.map(({ score }) => ({
    ...score,
    posterior: Math.exp(score.logLikelihoodRatio - top) / total,
  }));
  const best = ranking[0];
  const marksRead = ordered[0]?.marks ?? 0;
  const choicesRead = ordered[0]?.choices ?? 0;
  if (best === undefined)
    return { verdict: { kind: 'undecided', reason: 'no candidates' }, marksRead, choicesRead, ranking };
  const holder = holderOf.get(best.recipientId);
  const holderPosterior = ranking
    .filter((score) => holderOf.get(score.recipientId) === holder)
    .reduce((sum, score) => sum + score.posterior, 0);
  if (holderPosterior < DECISION.minPosterior || best.logLikelihoodRatio < DECISION.minLogLikelihoodRatio) {
    const reason =
      marksRead === 0
        ? 'no fingerprint marks found in the excerpt'
        : `evidence too weak (${marksRead} marks read)`;
    return { verdict: { kind: 'undecided', reason }, marksRead, choicesRead, ranking };
  }
  return { verdict: { kind: 'identified', recipientId: best.recipientId }, marksRead, choicesRead, ranking };
}

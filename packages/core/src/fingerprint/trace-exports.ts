import { nameColluder } from './collusion';
import { LATEST_MARK_SCHEME, type MarkScheme } from './equivalences';
import { readMarks } from './read-marks';
import type { FingerprintPoint } from './sites';
import { choicesIn, DECISION, scoreObservations, type TraceResult, type TraceScore } from './trace-leak';

/**
 * One recorded copy: its id, its recipient's key and the canonical blocks it was made of, and who
 * holds it (`holderId`; the copy alone when absent). A recipient's copies share a key, so they fit
 * a leak alike: the evidence names the holder, and it is the holder's share that must be decisive.
 * `scheme` is the mark scheme the copy was made with (default the latest).
 */
export type TraceableExport = {
  readonly recipientId: string;
  readonly key: string;
  readonly points: readonly FingerprintPoint[];
  readonly holderId?: string;
  readonly scheme?: MarkScheme;
};

/**
 * Traces an excerpt against copies of different material (versions, histories, minutes). Each
 * copy is scored only on the marks of its own blocks: a site that is not in a copy tells nothing
 * about it (likelihood ratio 1), whereas scoring it there would count a random mismatch against
 * every copy that shares the wording under another site id. Copies of the same blocks and scheme are
 * read once; each copy is read by the channels of its own scheme, so a copy issued before a scheme
 * added channels is not held to marks it never carried.
 */
export function traceExports(input: { excerpt: string; exports: readonly TraceableExport[] }): TraceResult {
  const groups = new Map<
    string,
    { points: readonly FingerprintPoint[]; scheme: MarkScheme; members: TraceableExport[] }
  >();
  for (const recorded of input.exports) {
    const scheme = recorded.scheme ?? LATEST_MARK_SCHEME;
    const signature = `${scheme}\u0002${recorded.points
      .map((point) => `${point.id}\u0000${point.number}\u0000${point.title}\u0000${point.text}`)
      .join('\u0001')}`;
    const group = groups.get(signature) ?? { points: recorded.points, scheme, members: [] };
    group.members.push(recorded);
    groups.set(signature, group);
  }
  const holderOf = new Map(
    input.exports.map((recorded) => [recorded.recipientId, recorded.holderId ?? recorded.recipientId]),
  );
  const scored: Evidence[] = [];
  const colluders: { recipientId: string; marks: number; choices: number }[] = [];
  for (const group of groups.values()) {
    const observations = readMarks(input.excerpt, group.points, group.scheme);
    const candidates = group.members.map(({ recipientId, key, holderId }) => ({
      recipientId,
      key,
      holderId,
    }));
    const result = scoreObservations(observations, candidates);
    const marks = observations.length;
    const choices = choicesIn(observations);
    for (const score of result.ranking) scored.push({ score, marks, choices });
    // Each material's marks are weighed on their own: pooling one group's mix with another's
    // ranking once named a colluder while reporting the 0 marks of copies the text was not from.
    const colluder = nameColluder(observations, candidates);
    if (colluder !== undefined) colluders.push({ recipientId: colluder, marks, choices });
  }
  const result = decide(scored, holderOf);
  const named = new Set(colluders.map(({ recipientId }) => holderOf.get(recipientId)));
  if (result.verdict.kind === 'identified' || named.size !== 1) return result;
  // Several materials may name the one holder; the material most marks were read from is quoted.
  const [colluder] = [...colluders].sort((a, b) => b.marks - a.marks);
  if (colluder === undefined) return result;
  return {
    ...result,
    verdict: { kind: 'identified', recipientId: colluder.recipientId, basis: 'collusion' },
    marksRead: colluder.marks,
    choicesRead: colluder.choices,
  };
}

/** A copy's score and how much its material's marks said. */
type Evidence = { readonly score: TraceScore; readonly marks: number; readonly choices: number };

function decide(scored: readonly Evidence[], holderOf: ReadonlyMap<string, string>): TraceResult {
  const top = Math.max(...scored.map(({ score }) => score.logLikelihoodRatio));
  const total = scored.reduce((sum, { score }) => sum + Math.exp(score.logLikelihoodRatio - top), 0);
  const ordered = [...scored].sort((a, b) => b.score.logLikelihoodRatio - a.score.logLikelihoodRatio);
  const ranking = ordered.map(({ score }) => ({
    ...score,
    posterior: Math.exp(score.logLikelihoodRatio - top) / total,
  }));
  const best = ranking[0];
  if (best === undefined)
    return { verdict: { kind: 'undecided', reason: 'no candidates' }, marksRead: 0, choicesRead: 0, ranking };
  const holder = holderOf.get(best.recipientId);
  const holderPosterior = ranking
    .filter((score) => holderOf.get(score.recipientId) === holder)
    .reduce((sum, score) => sum + score.posterior, 0);
  if (holderPosterior < DECISION.minPosterior || best.logLikelihoodRatio < DECISION.minLogLikelihoodRatio) {
    // Copies of material the text is not from read no marks and outrank those it contradicts;
    // the evidence weighed is what was read from the material most marks came from.
    const mostRead = ordered.reduce((most, entry) => (entry.marks > most.marks ? entry : most));
    const marksRead = mostRead.marks;
    const choicesRead = mostRead.choices;
    const reason =
      marksRead === 0
        ? 'no fingerprint marks found in the excerpt'
        : `evidence too weak (${marksRead} marks read)`;
    return { verdict: { kind: 'undecided', reason }, marksRead, choicesRead, ranking };
  }
  const { marks, choices } = ordered[0] ?? { marks: 0, choices: 0 };
  return {
    verdict: { kind: 'identified', recipientId: best.recipientId, basis: 'single-copy' },
    marksRead: marks,
    choicesRead: choices,
    ranking,
  };
}

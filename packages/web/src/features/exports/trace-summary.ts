import type { ExportRecord, TraceLeakResponse } from '@parley/core';
import { formatIn } from '../deadlines/zoned-time';
import { EXPORT_FORMAT_NAMES, EXPORT_KIND_NAMES } from './export-names';

/**
 * A chance as a percentage: two decimals near certainty (99.95 % is not 99.99 %), and never
 * "100.00 %" for what is not certain.
 */
export function formatChance(value: number): string {
  if (value < 1 && value >= 0.99995) return '> 99.99 %';
  return `${(value * 100).toFixed(value > 0.999 && value < 1 ? 2 : 1)} %`;
}

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** "12 fingerprint marks read from the excerpt, showing 3 distinct choices of a copy". */
export function evidenceLine({
  marksRead,
  choicesRead,
}: Pick<TraceLeakResponse, 'marksRead' | 'choicesRead'>) {
  return `${count(marksRead, 'fingerprint mark')} read from the excerpt, showing ${count(choicesRead, 'distinct choice')} of a copy`;
}

/**
 * The copies worth a row: those the excerpt's marks bear on (matched or contradicted). Every other
 * copy was compared too, but scored only its prior, and twenty equal rows of "0 matched" bury the
 * few that count. No marks read, no rows: the ranking would be the prior alone.
 */
export function rankingShown(result: Pick<TraceLeakResponse, 'marksRead' | 'ranking'>): {
  shown: TraceLeakResponse['ranking'];
  othersCompared: number;
} {
  if (result.marksRead === 0) return { shown: [], othersCompared: result.ranking.length };
  const shown = result.ranking.filter((score) => score.matched + score.mismatched > 0);
  return { shown, othersCompared: result.ranking.length - shown.length };
}

/** "3 other copies were compared; none of the marks read bear on them." */
export function othersComparedLine(othersCompared: number): string {
  return othersCompared === 1
    ? '1 other copy was compared; none of the marks read bear on it.'
    : `${othersCompared} other copies were compared; none of the marks read bear on them.`;
}

/**
 * Which copy a ranked row is: one recipient often holds several, and the trace names copies by id
 * only. The register (which the mediator's staff read in full) says when each was issued and of what.
 */
export function describeCopy(
  copy: ExportRecord | undefined,
  timeZone: string,
): { issued: string; what: string } {
  if (copy === undefined) return { issued: '—', what: '—' };
  return {
    issued: formatIn(copy.createdAt, timeZone),
    what: `${copy.subject} (${EXPORT_KIND_NAMES[copy.kind]}, ${EXPORT_FORMAT_NAMES[copy.format]})`,
  };
}

/**
 * "The name rests on the 2 copies exported for Gina Green together (99.99 %) …", when the named
 * recipient holds several copies the marks bear on. Copies of one material made for one person
 * carry the same marks, so each row shows its share (50 % each) and the name rests on their sum:
 * without this line the page read "Identified" beside a 50 % posterior.
 */
export function sameRecipientLine(result: Pick<TraceLeakResponse, 'verdict' | 'ranking'>): string | null {
  const { verdict } = result;
  if (verdict.kind !== 'identified' || verdict.basis !== 'single-copy') return null;
  const theirs = result.ranking.filter(
    (score) => score.recipient.userId === verdict.recipient.userId && score.matched + score.mismatched > 0,
  );
  if (theirs.length < 2) return null;
  const together = theirs.reduce((sum, score) => sum + score.posterior, 0);
  return `The name rests on the ${theirs.length} copies exported for ${verdict.recipient.displayName} together (${formatChance(together)}): the excerpt may come from any of them.`;
}

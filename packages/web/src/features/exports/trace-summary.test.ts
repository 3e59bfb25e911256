import type { ExportRecord, TraceLeakResponse } from '@parley/core';
import { describe, expect, test } from 'vitest';
import {
  describeCopy,
  evidenceLine,
  formatChance,
  othersComparedLine,
  rankingShown,
  sameRecipientLine,
} from './trace-summary';

describe('evidenceLine', () => {
  test('counts marks and choices in the singular when there is one', () => {
    expect(evidenceLine({ marksRead: 1, choicesRead: 1 })).toBe(
      '1 fingerprint mark read from the excerpt, showing 1 distinct choice of a copy',
    );
  });

  test('and in the plural otherwise', () => {
    expect(evidenceLine({ marksRead: 12, choicesRead: 0 })).toBe(
      '12 fingerprint marks read from the excerpt, showing 0 distinct choices of a copy',
    );
  });
});

describe('describeCopy', () => {
  const copy = {
    id: '0b9e7f7c-1c1a-4f8e-9d7e-2a3b4c5d6e7f',
    kind: 'plan-version',
    format: 'pdf',
    subject: 'Geneva text — 19 points',
    createdAt: '2026-12-18T15:00:00.000Z',
  } as ExportRecord;

  // One recipient may hold several copies: the row must say which one matched.
  test('says when a copy was issued, in the negotiation zone, and of what', () => {
    expect(describeCopy(copy, 'Europe/Zurich')).toEqual({
      issued: '18 Dec 2026, 16:00 (Europe/Zurich)',
      what: 'Geneva text — 19 points (Plan version, PDF)',
    });
  });

  test('a copy missing from the register is a dash, not a guess', () => {
    expect(describeCopy(undefined, 'UTC')).toEqual({ issued: '—', what: '—' });
  });
});

describe('rankingShown', () => {
  const score = (exportId: string, matched: number, mismatched: number) =>
    ({ exportId, matched, mismatched }) as TraceLeakResponse['ranking'][number];
  const ranking = [score('a', 4, 0), score('b', 0, 0), score('c', 1, 3), score('d', 0, 0)];

  // 21 rows of mostly "0 matched" buried the two copies the excerpt says anything about.
  test('keeps only the copies the marks matched or contradicted, and counts the rest', () => {
    const { shown, othersCompared } = rankingShown({ marksRead: 5, ranking });
    expect(shown.map((entry) => entry.exportId)).toEqual(['a', 'c']);
    expect(othersCompared).toBe(2);
  });

  test('shows no copy when no mark was read: equal priors are not a ranking', () => {
    expect(rankingShown({ marksRead: 0, ranking })).toEqual({ shown: [], othersCompared: 4 });
  });

  test('says how many other copies were compared, in the singular for one', () => {
    expect(othersComparedLine(1)).toBe('1 other copy was compared; none of the marks read bear on it.');
    expect(othersComparedLine(19)).toBe(
      '19 other copies were compared; none of the marks read bear on them.',
    );
  });
});

describe('sameRecipientLine', () => {
  const gina = { userId: '00000000-0000-4000-8000-00000000a001', displayName: 'Gina Green' };
  const row = (exportId: string, recipient: typeof gina, posterior: number) =>
    ({
      exportId,
      recipient,
      posterior,
      logLikelihoodRatio: 12,
      matched: 6,
      mismatched: 0,
    }) as TraceLeakResponse['ranking'][number];
  const identified = {
    kind: 'identified',
    recipient: gina,
    basis: 'single-copy',
  } as TraceLeakResponse['verdict'];

  // A walk-through read "Identified: Gina Green" beside two rows of 50.0 %.
  test('explains a name resting on several copies of one recipient, with their sum', () => {
    const line = sameRecipientLine({
      verdict: identified,
      ranking: [row('a', gina, 0.5), row('b', gina, 0.4999)],
    });
    expect(line).toBe(
      'The name rests on the 2 copies exported for Gina Green together (99.99 %): the excerpt may come from any of them.',
    );
  });

  test('says nothing for one copy the marks bear on, or without a name', () => {
    expect(sameRecipientLine({ verdict: identified, ranking: [row('a', gina, 1)] })).toBeNull();
    // Her copy of other material: no mark bears on it, whatever its prior.
    const other = { ...row('c', gina, 0.0001), matched: 0, mismatched: 0 };
    expect(sameRecipientLine({ verdict: identified, ranking: [row('a', gina, 0.9999), other] })).toBeNull();
    const undecided = {
      kind: 'undecided',
      reason: 'evidence too weak (1 marks read)',
    } as TraceLeakResponse['verdict'];
    expect(
      sameRecipientLine({ verdict: undecided, ranking: [row('a', gina, 0.5), row('b', gina, 0.5)] }),
    ).toBeNull();
  });
});

describe('formatChance', () => {
  // The trace table read "100.00 %" beside a name the marks make very likely, not certain.
  test('never rounds what is not certain up to 100 %', () => {
    expect(formatChance(0.99996)).toBe('> 99.99 %');
    expect(formatChance(0.9994)).toBe('99.94 %');
    expect(formatChance(1)).toBe('100.0 %');
    expect(formatChance(0.5)).toBe('50.0 %');
  });
});

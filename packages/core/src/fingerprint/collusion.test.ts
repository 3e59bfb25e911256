import { describe, expect, it } from 'vitest';
import { nameColluder } from './collusion';
import { embedPlainText } from './embed';
import { POINTS, recipientKeys } from './fixture.test-data';
import { readMarks } from './read-marks';
import { traceExports } from './trace-exports';
import { traceLeak } from './trace-leak';

// The tester's demo: one copy each for Ukraine, Russia and the E3 observer.
const [ukraine, russia, observer] = recipientKeys(3);
if (ukraine === undefined || russia === undefined || observer === undefined) throw new Error('fixture');
const holders = [ukraine, russia, observer];
// A short note sent to all three: a copy of it carries a single mark (its spelling of "centre").
const NOTE = [
  {
    id: 'note:0',
    number: '1',
    title: '',
    text: 'The delegations will meet again in the centre of Geneva next week to continue the talks.',
  },
];
const copies = holders.flatMap(({ recipientId, key }) => [
  { recipientId: `${recipientId}:plan`, holderId: recipientId, key, points: POINTS },
  { recipientId: `${recipientId}:note`, holderId: recipientId, key, points: NOTE },
]);

/** Consecutive points from `start`, each from the copy of the holder given for it (or as the app shows it). */
function excerptOf(start: number, sources: readonly (string | 'app')[]): string {
  return sources
    .map((source, index) => {
      const point = POINTS[start + index];
      if (point === undefined) throw new Error('fixture');
      if (source === 'app') return `${point.number}. ${point.title}: ${point.text}`;
      const key = holders.find((holder) => holder.recipientId === source)?.key ?? '';
      return embedPlainText([point], { key });
    })
    .join('\n\n');
}

describe('naming a colluder', () => {
  it('names no one from one copy whose other headings are as the app shows them: that is no mix of copies', () => {
    // It fits no copy, as a mix does not; before, the one style it showed was named (posterior 0.98).
    const excerpt = excerptOf(3, ['app', russia.recipientId, 'app', russia.recipientId]);
    const result = traceLeak({ excerpt, points: POINTS, candidates: holders });
    expect(result.ranking[0]?.mismatched).toBeGreaterThan(result.ranking[0]?.matched ?? 0);
    expect(result.verdict.kind).toBe('undecided');
  });

  it('names no one from fewer than two marks, whatever they show', () => {
    const excerpt = excerptOf(3, [observer.recipientId]);
    const observations = readMarks(excerpt, POINTS).slice(0, 1);
    expect(nameColluder(observations, holders)).toBeUndefined();
    expect(nameColluder([], holders)).toBeUndefined();
    const note = traceExports({ excerpt: NOTE[0]?.text ?? '', exports: copies });
    expect(note).toMatchObject({ verdict: { kind: 'undecided' }, marksRead: 1 });
  });

  it('names no one from a mix of three copies that none supplied most of, and says how many marks it read', () => {
    const mix = [ukraine, russia, observer, russia].map(({ recipientId }) => recipientId);
    const result = traceExports({ excerpt: excerptOf(3, mix), exports: copies });
    // Before, the note's copies (no marks read, so ranked first) gave "0 marks read" beside a name.
    expect(result.verdict.kind).toBe('undecided');
    expect(result.marksRead).toBeGreaterThan(4);
  });

  it('names the colluder who supplied most of a two-way mix, and says the collusion analysis did', () => {
    const mix = [ukraine, russia, russia, ukraine, russia].map(({ recipientId }) => recipientId);
    const result = traceExports({ excerpt: excerptOf(1, mix), exports: copies });
    expect(result.verdict).toEqual({
      kind: 'identified',
      recipientId: `${russia.recipientId}:plan`,
      basis: 'collusion',
    });
    expect(traceLeak({ excerpt: excerptOf(1, mix), points: POINTS, candidates: holders }).verdict).toEqual({
      kind: 'identified',
      recipientId: russia.recipientId,
      basis: 'collusion',
    });
  });
});

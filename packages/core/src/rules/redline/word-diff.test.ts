import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wordDiff } from './word-diff';

const show = (before: string, after: string) =>
  wordDiff(before, after)
    .map((part) =>
      part.op === 'equal' ? part.text : part.op === 'insert' ? `{+${part.text}+}` : `[-${part.text}-]`,
    )
    .join('');

describe('wordDiff', () => {
  it('marks changed words and leaves unchanged clauses alone', () => {
    expect(
      show(
        'Forces are capped at 600,000 personnel. Elections follow.',
        'Forces are capped at 800,000 personnel in peacetime. Elections follow.',
      ),
    ).toBe('Forces are capped at [-600-]{+800+},000 personnel {+in peacetime+}. Elections follow.');
  });

  it('groups a run of changed words into one deletion and one insertion', () => {
    expect(
      show('Kherson is frozen along the line.', 'Questions are settled by the leaders along the line.'),
    ).toBe('[-Kherson is frozen-]{+Questions are settled by the leaders+} along the line.');
  });

  it('shows whole deletions, insertions and identical texts', () => {
    expect(wordDiff('Gone.', '')).toEqual([{ op: 'delete', text: 'Gone.' }]);
    expect(wordDiff('', 'New.')).toEqual([{ op: 'insert', text: 'New.' }]);
    expect(wordDiff('Same.', 'Same.')).toEqual([{ op: 'equal', text: 'Same.' }]);
    expect(wordDiff('', '')).toEqual([]);
  });

  it('re-assembles the new text exactly and the old one up to whitespace, for any texts', () => {
    const word = fc.constantFrom(
      'the',
      'parties',
      'agree',
      'ceasefire',
      'line',
      '600,000',
      'Ukraine',
      'Russia',
    );
    const text = fc
      .array(fc.tuple(word, fc.constantFrom(' ', ', ', '. ', '; ', '\n')), { maxLength: 30 })
      .map((pairs) =>
        pairs
          .map(([w, s]) => w + s)
          .join('')
          .trim(),
      );
    fc.assert(
      fc.property(text, text, (before, after) => {
        const parts = wordDiff(before, after);
        expect(
          parts
            .filter((p) => p.op !== 'delete')
            .map((p) => p.text)
            .join(''),
        ).toBe(after);
        const squash = (value: string) => value.replace(/\s+/g, '');
        expect(
          squash(
            parts
              .filter((p) => p.op !== 'insert')
              .map((p) => p.text)
              .join(''),
          ),
        ).toBe(squash(before));
        for (let i = 1; i < parts.length; i += 1) expect(parts[i]?.op).not.toBe(parts[i - 1]?.op);
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});

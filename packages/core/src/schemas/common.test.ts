import { describe, expect, it } from 'vitest';
import { LongTextSchema, textSchema } from './common';

describe('textSchema', () => {
  it('refuses a lone surrogate, which UTF-8 storage would turn into U+FFFD', () => {
    for (const text of ['before \uD800 after', '\uDC00', 'ends high \uD83D'])
      expect(LongTextSchema.safeParse(text).error?.issues.map((issue) => issue.message)).toEqual([
        'Must not contain unpaired surrogates (they are not text)',
      ]);
  });

  it('keeps characters written as surrogate pairs, and refuses NUL as before', () => {
    expect(textSchema(50).parse('Talks 🕊️ in Genève')).toBe('Talks 🕊️ in Genève');
    expect(textSchema(50).safeParse('a\0b').success).toBe(false);
  });
});

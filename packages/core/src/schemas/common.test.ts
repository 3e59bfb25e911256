import { describe, expect, it } from 'vitest';
import { LabelSchema, LongTextSchema, looksBlank, nameKey, textSchema, writtenTextSchema } from './common';

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

describe('labelSchema', () => {
  const messages = (value: string) =>
    LabelSchema.safeParse(value).error?.issues.map((issue) => issue.message);

  it('refuses control characters, which broke DOCX files and reached terminals raw', () => {
    for (const label of ['a\nb', 'red\u001b[31m', 'bell\u0007', 'c1\u0085'])
      expect(messages(label)).toEqual(['Must be one line, without control characters']);
  });

  it('refuses a label that shows nothing, and composes accents one way', () => {
    for (const label of ['\u200B', '\u200B\u200D', '\u2060\u00AD'])
      expect(messages(label)).toEqual(['Must not be blank']);
    expect(LabelSchema.parse('Cafe\u0301')).toBe('Café');
  });
});

describe('nameKey', () => {
  it('tells apart only names a reader can tell apart', () => {
    expect(nameKey('Al\u200Bpha')).toBe(nameKey('alpha'));
    expect(nameKey('Cafe\u0301')).toBe(nameKey('Café'));
    expect(nameKey('Alpha')).not.toBe(nameKey('Alpha 2'));
  });
});

describe('writtenTextSchema', () => {
  it('keeps tabs and line breaks and refuses other control characters', () => {
    expect(writtenTextSchema(50).parse('1. A\tB\r\n2. C\f')).toBe('1. A\tB\r\n2. C\f');
    expect(writtenTextSchema(50).safeParse('1. \u001b[2J').success).toBe(false);
    expect(looksBlank('\u200B \u2060')).toBe(true);
  });
});

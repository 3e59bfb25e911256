import { describe, expect, test } from 'vitest';
import { excerpt, pointName } from './point-name';

const MERIDIAN =
  'Equitable allocation. The Parties share the Meridian River and its tributaries in equal measure.';

describe('pointName', () => {
  test('the title when there is one, never cut; else the start of the text', () => {
    const title = 'Water access, fishing rights and the upkeep of the weir shared by both banks';
    expect(pointName({ title, text: MERIDIAN })).toBe(title);
    expect(pointName({ title: ' ', text: MERIDIAN })).toBe(
      'Equitable allocation. The Parties share the Meridian River…',
    );
    expect(pointName({ title: '' })).toBe('');
  });
});

describe('excerpt', () => {
  test('never ends inside a word, and marks the cut', () => {
    const cut = excerpt(MERIDIAN, 40);
    expect(cut).toBe('Equitable allocation. The Parties share…');
    expect(cut.length).toBeLessThanOrEqual(41);
  });

  test('drops punctuation left before the ellipsis and folds line breaks', () => {
    expect(excerpt('First, second,\nthird and fourth', 15)).toBe('First, second…');
  });

  test('cuts a single overlong word where it must', () => {
    expect(excerpt(`https://example.org/${'a'.repeat(80)}`, 30)).toHaveLength(31);
  });
});

import { describe, expect, it } from 'vitest';
import { isQuantity, phrasesOf } from './phrase-terms';
import { pointFeatures } from './text-features';
import { point } from './lineage-points.test-data';

describe('phrasesOf', () => {
  it('keeps the word pairs of the title and of the text, not the one across the title’s end', () => {
    const phrases = phrasesOf(
      pointFeatures(point(8, 'Failure to fund', 'If a party fails to pay a funding call, it is diluted.')),
    );
    expect(phrases.has('failur fund')).toBe(true);
    expect(phrases.has('parti fail')).toBe(true);
    expect(phrases.has('fund parti')).toBe(false);
  });
});

describe('isQuantity', () => {
  it('takes figures and spelled-out numbers for quantities, not other word pairs', () => {
    expect(isQuantity('2028')).toBe(true);
    expect(isQuantity('three month')).toBe(true);
    expect(isQuantity('twenti dai')).toBe(true);
    expect(isQuantity('real time')).toBe(false);
  });
});

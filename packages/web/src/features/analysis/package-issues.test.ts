import { describe, expect, it } from 'vitest';
import { completePackage, packageIssuesOf } from './package-issues';

const SCENARIO = JSON.stringify({
  format: 'parley-scenario/1',
  name: 'Laptop',
  issues: [
    { name: 'Laptop', values: ['Dell', 'Macintosh', 'HP'] },
    { name: 'price', integer: { lower: -5, upper: 5 } },
    { name: 'units', integer: { lower: 0, upper: 1000 } },
  ],
  parties: [
    { name: 'buyer', issues: {} },
    { name: 'seller', issues: {} },
  ],
});

describe('packageIssuesOf', () => {
  it('lists discrete options and short integer ranges, and offers wide ranges as a number field', () => {
    expect(packageIssuesOf(SCENARIO)).toEqual([
      { name: 'Laptop', kind: 'discrete', options: ['Dell', 'Macintosh', 'HP'] },
      {
        name: 'price',
        kind: 'discrete',
        options: ['-5', '-4', '-3', '-2', '-1', '0', '1', '2', '3', '4', '5'],
      },
      { name: 'units', kind: 'integer', lower: 0, upper: 1000 },
    ]);
  });

  it('answers undefined for a scenario the engine cannot load', () => {
    expect(packageIssuesOf('{"format":"parley-scenario/1"')).toBeUndefined();
  });
});

describe('completePackage', () => {
  it('keeps valid choices and fills the rest with the first option or the lower bound', () => {
    const issues = packageIssuesOf(SCENARIO) ?? [];
    expect(completePackage(issues, { Laptop: 'HP', price: '9', units: '12' })).toEqual({
      Laptop: 'HP',
      price: '-5',
      units: '12',
    });
    expect(completePackage(issues, { Laptop: 'Apple', units: '1.5' })).toEqual({
      Laptop: 'Dell',
      price: '-5',
      units: '0',
    });
  });
});

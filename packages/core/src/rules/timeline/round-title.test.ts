import { describe, expect, test } from 'vitest';
import { roundSummary, roundTitle } from './round-title';

const geneva = { name: 'Geneva round 1', place: 'Geneva', startsOn: '2026-11-20' };
const nowhere = { ...geneva, place: ' ' };

describe('round naming', () => {
  test('names the place when there is one', () => {
    expect(roundTitle(geneva)).toBe('Geneva round 1 (Geneva)');
    expect(roundSummary(geneva)).toBe('Geneva round 1 · Geneva · 2026-11-20');
  });

  test('leaves out a place never given, with no empty brackets or separators', () => {
    expect(roundTitle(nowhere)).toBe('Geneva round 1');
    expect(roundSummary(nowhere)).toBe('Geneva round 1 · 2026-11-20');
  });
});

import { describe, expect, it } from 'vitest';
import {
  CANONICAL_LABEL,
  chooseFingerprintKey,
  headingStyleIndex,
  headingStyleOf,
  keyStillFits,
} from './copy-style';

const freshKeys = (round: number) => Array.from({ length: 512 }, (_, attempt) => `key-${round}-${attempt}`);

function allocate(count: number, existing: readonly string[] = []): string[] {
  const keys = [...existing];
  for (let round = 0; round < count; round++)
    keys.push(chooseFingerprintKey({ candidates: freshKeys(round), existingKeys: keys }));
  return keys.slice(existing.length);
}

const labelOf = (key: string) => headingStyleOf(key).label;

describe('chooseFingerprintKey', () => {
  it('numbers five consecutive copies five ways, never as the app does, then reuses the oldest', () => {
    const keys = allocate(12);
    expect(keys.map(labelOf)).not.toContain(CANONICAL_LABEL);
    for (let start = 0; start + 5 <= keys.length; start++)
      expect(new Set(keys.slice(start, start + 5).map(labelOf)).size).toBe(5);
    expect(labelOf(keys[5] ?? '')).toBe(labelOf(keys[0] ?? ''));
  });

  it('gives 45 copies pairwise different heading styles', () => {
    expect(new Set(allocate(45).map(headingStyleIndex)).size).toBe(45);
  });

  it('numbers the next copy unlike the latest ones, however lopsided the history', () => {
    // A negotiation whose earlier copies all share one number style, then one of each other style.
    const history = [...allocate(1), ...allocate(1), ...allocate(1)];
    const lopsided = [...history, ...allocate(4, history)];
    const next = allocate(4, lopsided);
    const recent = lopsided.slice(-4).map(labelOf);
    expect(recent).not.toContain(labelOf(next[0] ?? ''));
  });
});

describe('keyStillFits', () => {
  it('holds when nothing was committed meanwhile', () => {
    const earlier = allocate(3);
    const [key = ''] = allocate(1, earlier);
    expect(keyStillFits({ key, chosenAgainst: earlier, committed: earlier })).toBe(true);
  });

  it('fails when a copy made at the same moment took the number style first', () => {
    // Four of the five number styles used: the same state leaves one choice of number style.
    const earlier = allocate(4);
    const [first = ''] = allocate(1, earlier);
    // The same choice made again from the same state: the number style the first copy took.
    const second = chooseFingerprintKey({ candidates: freshKeys(99), existingKeys: earlier });
    expect(labelOf(second)).toBe(labelOf(first));
    expect(keyStillFits({ key: second, chosenAgainst: earlier, committed: [...earlier, first] })).toBe(false);
    const again = chooseFingerprintKey({ candidates: freshKeys(100), existingKeys: [...earlier, first] });
    expect(labelOf(again)).not.toBe(labelOf(first));
    expect(
      keyStillFits({ key: again, chosenAgainst: [...earlier, first], committed: [...earlier, first] }),
    ).toBe(true);
  });
});

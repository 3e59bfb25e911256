import { describe, expect, it } from 'vitest';
import { embedPlainText } from './embed';
import { RUSSIAN_POINTS, recipientKeys } from './fixture.test-data';
import { readMarks } from './read-marks';
import { traceExports, type TraceableExport } from './trace-exports';

// Copies issued before scheme 2 carry only scheme 1's marks; the tracer reads each copy by its own.
const keys = recipientKeys(5);
const SCHEMES = [1, 1, 2, 2, 2] as const;
const exports: TraceableExport[] = keys.map(({ recipientId, key }, index) => ({
  recipientId,
  key,
  points: RUSSIAN_POINTS,
  scheme: SCHEMES[index] ?? 2,
}));

describe('tracing copies of a Russian plan made under different mark schemes', () => {
  it.each(exports.map((copy, index) => [index, copy.scheme] as const))(
    'names the recipient of copy %i (scheme %i) from the whole plan',
    (index, scheme) => {
      const copy = exports[index];
      if (copy === undefined) throw new Error('fixture');
      const excerpt = embedPlainText(RUSSIAN_POINTS, { key: copy.key, scheme });
      expect(traceExports({ excerpt, exports }).verdict).toEqual({
        kind: 'identified',
        recipientId: copy.recipientId,
        basis: 'single-copy',
      });
    },
  );

  it('reads a scheme-2 copy by its Cyrillic marks too, and a scheme-1 copy by its headings alone', () => {
    const [, , newer] = exports;
    if (newer === undefined) throw new Error('fixture');
    const excerpt = embedPlainText(RUSSIAN_POINTS, { key: newer.key });
    const kinds = (scheme: 1 | 2) =>
      new Set(readMarks(excerpt, RUSSIAN_POINTS, scheme).map((mark) => mark.kind));
    expect([...kinds(2)].sort()).toEqual(['heading', 'quotes', 'yo']);
    expect([...kinds(1)]).toEqual(['heading']);
  });

  it('names the recipient of a scheme-2 copy from fewer points than scheme 1 needs', () => {
    const needed = (scheme: 1 | 2) =>
      keys.map(({ recipientId, key }) => {
        const sameScheme = keys.map((other) => ({ ...other, points: RUSSIAN_POINTS, scheme }));
        for (let count = 1; count <= RUSSIAN_POINTS.length; count++) {
          const excerpt = embedPlainText(RUSSIAN_POINTS.slice(0, count), { key, scheme });
          const { verdict } = traceExports({ excerpt, exports: sameScheme });
          if (verdict.kind === 'identified' && verdict.recipientId === recipientId) return count;
        }
        return Infinity;
      });
    // Every recipient, from a plain-text excerpt of the first points (two quotes and ё at point 1).
    expect(needed(1)).toEqual([3, 3, 3, 3, 3]);
    expect(needed(2)).toEqual([2, 2, 2, 2, 2]);
  });

  // What the scheme column prevents: read for scheme 2's marks, an old copy's unvaried quotes and ё
  // count against its own recipient half the time, and this one is no longer named.
  it('does not name the recipient of an old copy read as if it were a new one', () => {
    const holder = keys[2];
    if (holder === undefined) throw new Error('fixture');
    const excerpt = embedPlainText(RUSSIAN_POINTS.slice(0, 3), { key: holder.key, scheme: 1 });
    const asIssued = keys.map((copy) => ({ ...copy, points: RUSSIAN_POINTS, scheme: 1 as const }));
    const asIfNew = keys.map((copy) => ({ ...copy, points: RUSSIAN_POINTS, scheme: 2 as const }));
    expect(traceExports({ excerpt, exports: asIssued }).verdict).toMatchObject({
      kind: 'identified',
      recipientId: holder.recipientId,
    });
    expect(traceExports({ excerpt, exports: asIfNew }).verdict.kind).toBe('undecided');
  });
});

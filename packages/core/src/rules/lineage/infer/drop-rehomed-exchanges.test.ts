import { describe, expect, it } from 'vitest';
import { inferLineage } from './infer-lineage';

// Drawn from blind pair 50 (testdata/lineage-holdout), after it was measured: the low-pay extras
// of two pay uplifts become a point of their own, and the annual-leave point, split in two, gains
// the words "part-time staff … pro rata" that the first uplift also lost.
const point = (number: number, title: string, text: string) => ({ number, title, text, topic: null });
const before = [
  point(
    1,
    'Pay uplift 2027–28',
    'All points of the national pay spine increase by 3.5% from 1 August 2027. Staff on points 3 to 20 also receive a one-off payment of 750 euros, pro rata for part-time staff.',
  ),
  point(
    2,
    'Pay uplift 2028–29',
    'All points increase by 3.0% from 1 August 2028, or by the consumer price index for May 2028 if that is higher, up to a maximum of 4.0%. Points 3 to 20 receive an additional 0.5%.',
  ),
  point(
    3,
    'Working week',
    'The full-time working week for professional services and technical staff is 36.5 hours, without loss of pay.',
  ),
  point(
    4,
    'Research time',
    'Teaching and research staff have at least 30% of their working time for research.',
  ),
  point(
    5,
    'Annual leave',
    'Full-time staff receive 30 days of annual leave in addition to public holidays. Institutions also close for three days between Christmas and New Year, which do not count against leave.',
  ),
];
const after = [
  point(1, 'Pay award 2027–28', 'All points of the national pay spine increase by 3.8% from 1 August 2027.'),
  point(
    2,
    'Pay award 2028–29',
    'All points increase by 3.2% from 1 August 2028, or by the consumer price index for May 2028 if that is higher, up to a maximum of 4.5%.',
  ),
  point(
    3,
    'Lower-paid staff',
    'Staff on points 4 to 20 receive a one-off payment of 900 euros in August 2027, pro rata for part-time staff, and an additional increase of 0.5% from 1 August 2028.',
  ),
  before[2]!,
  before[3]!,
  point(
    6,
    'Annual leave',
    'Full-time staff receive 30 days of annual leave in addition to public holidays, and part-time staff a pro rata entitlement.',
  ),
  point(
    7,
    'Closure days',
    'Institutions close for four days between Christmas and New Year, which do not count against annual leave.',
  ),
].map((p, index) => ({ ...p, number: index + 1 }));

describe('a clause exchange whose clause found its own point', () => {
  it('is dropped, so the split it would have tied to an unrelated point stays a split', () => {
    // Found early, old 1 → new 6 looked like a clause swap; once old 1 → new 3 explains the same
    // words, nothing of old 1 is left for new 6 to have taken.
    const rows = inferLineage(before, after).rows.map((row) => `${row.kind} ${row.from} → ${row.to}`);
    expect(rows).toContain('split 5 → 6,7');
    expect(rows).toContain('split 1 → 1,3');
    expect(rows.some((row) => row.startsWith('restructured'))).toBe(false);
  });
});

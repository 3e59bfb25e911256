import { describe, expect, it } from 'vitest';
import { instantInWords } from './instant-in-words';

describe('instantInWords', () => {
  it("says an instant in the negotiation's zone, naming it, to the minute", () => {
    expect(instantInWords('2026-12-01T04:36:38.885Z', 'Europe/Zurich')).toBe(
      '1 Dec 2026, 05:36 (Europe/Zurich)',
    );
    expect(instantInWords(new Date('2025-06-01T23:30:00Z'), 'UTC')).toBe('1 Jun 2025, 23:30 (UTC)');
    expect(instantInWords('2025-06-01T23:30:00Z', 'Asia/Tokyo')).toBe('2 Jun 2025, 08:30 (Asia/Tokyo)');
  });

  it('leaves what is not an instant as it was written', () => {
    expect(instantInWords('not a date', 'UTC')).toBe('not a date');
  });
});

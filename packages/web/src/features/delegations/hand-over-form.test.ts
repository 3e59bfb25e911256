import { describe, expect, test } from 'vitest';
import { nowInputIn } from '../deadlines/zoned-time';
import { handOverInstant } from './hand-over-form';

describe('handOverInstant', () => {
  test('the time as shown means the moment of sending, not the start of the shown minute', () => {
    const shown = nowInputIn('Europe/Kyiv');
    // A successor seated a few seconds into this minute: the start of the minute would precede them.
    const sentAt = new Date(Date.now() + 1_500);
    const instant = handOverInstant({ typed: shown, shown, zone: 'Europe/Kyiv' }, sentAt);
    expect(instant).toBe(sentAt.toISOString());
  });

  test("a time the user typed is sent as typed, on the negotiation's clock", () => {
    const shown = nowInputIn('Europe/Kyiv');
    // Kyiv is UTC+2 in March, whatever zone the test machine is in.
    expect(handOverInstant({ typed: '2030-03-01T09:30', shown, zone: 'Europe/Kyiv' }, new Date())).toBe(
      '2030-03-01T07:30:00.000Z',
    );
  });
});

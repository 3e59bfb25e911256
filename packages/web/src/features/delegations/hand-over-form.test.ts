import { describe, expect, test } from 'vitest';
import { nowInputIn } from '../deadlines/zoned-time';
import { handedOverText, handOverInstant } from './hand-over-form';

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

describe('handedOverText', () => {
  const now = new Date('2026-12-02T08:00:00Z');

  test('a hand-over dated ahead names its date and says the present lead keeps the seat until then', () => {
    expect(handedOverText('2027-01-15T09:00:00.000Z', 'Europe/Kyiv', now)).toBe(
      'Lead handed over from 15 Jan 2027, 11:00 (Europe/Kyiv). Until then the present lead keeps the seat and its access.',
    );
  });

  test('a hand-over from now says the former lead loses access at once', () => {
    expect(handedOverText(now.toISOString(), 'Europe/Kyiv', now)).toBe(
      'Lead handed over. The former lead loses access from that moment.',
    );
  });
});

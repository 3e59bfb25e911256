import { describe, expect, test } from 'vitest';
import { nowForInput } from './format';
import { handOverInstant } from './hand-over-form';

describe('handOverInstant', () => {
  test('the time as shown means the moment of sending, not the start of the shown minute', () => {
    const shown = nowForInput();
    // A successor seated a few seconds into this minute: the start of the minute would precede them.
    const sentAt = new Date(Date.now() + 1_500);
    const instant = handOverInstant(shown, shown, sentAt);
    expect(instant).toBe(sentAt.toISOString());
    expect(Date.parse(instant)).toBeGreaterThan(Date.parse(new Date(shown).toISOString()));
  });

  test('a time the user typed is sent as typed, in their clock', () => {
    const shown = nowForInput();
    const typed = '2030-03-01T09:30';
    expect(handOverInstant(typed, shown, new Date())).toBe(new Date(typed).toISOString());
  });
});

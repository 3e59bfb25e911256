import { describe, expect, test } from 'vitest';
import {
  formatCalendarDate,
  formatDateIn,
  formatDateRange,
  formatIn,
  nowInputIn,
  todayIn,
  zonedInputToIso,
} from './zoned-time';

describe('zonedInputToIso', () => {
  test('reads a wall time in the negotiation zone, winter and summer', () => {
    expect(zonedInputToIso('2026-01-15T17:00', 'Europe/Zurich')).toBe('2026-01-15T16:00:00.000Z');
    expect(zonedInputToIso('2026-07-15T17:00', 'Europe/Zurich')).toBe('2026-07-15T15:00:00.000Z');
    expect(zonedInputToIso('2026-07-15T17:00', 'America/New_York')).toBe('2026-07-15T21:00:00.000Z');
    expect(zonedInputToIso('2026-07-15T17:00', 'UTC')).toBe('2026-07-15T17:00:00.000Z');
  });

  test('on the day the clocks change, the offset of the time itself is used', () => {
    // Zurich moves to summer time at 02:00 local on 29 March 2026.
    expect(zonedInputToIso('2026-03-29T01:30', 'Europe/Zurich')).toBe('2026-03-29T00:30:00.000Z');
    expect(zonedInputToIso('2026-03-29T12:00', 'Europe/Zurich')).toBe('2026-03-29T10:00:00.000Z');
  });

  test("now, as a field shows it, is the current minute on the zone's wall clock", () => {
    const at = new Date('2026-07-15T15:04:59.900Z');
    expect(nowInputIn('Europe/Zurich', at)).toBe('2026-07-15T17:04');
    expect(nowInputIn('America/New_York', at)).toBe('2026-07-15T11:04');
    expect(zonedInputToIso(nowInputIn('Asia/Kolkata', at), 'Asia/Kolkata')).toBe('2026-07-15T15:04:00.000Z');
  });

  test('an empty or partial value is no instant', () => {
    expect(zonedInputToIso('', 'UTC')).toBeUndefined();
    expect(zonedInputToIso('2026-01-15', 'UTC')).toBeUndefined();
  });

  test('formats in the zone it names', () => {
    expect(formatIn('2026-01-15T16:00:00.000Z', 'Europe/Zurich')).toBe('15 Jan 2026, 17:00 (Europe/Zurich)');
  });

  test('a date is the day in the zone it is read in, month in words', () => {
    // 23:30 UTC on 30 November is already 1 December in Berlin.
    expect(formatDateIn('2026-11-30T23:30:00.000Z', 'Europe/Berlin')).toBe('1 Dec 2026');
    expect(formatDateIn('2026-11-30T23:30:00.000Z', 'UTC')).toBe('30 Nov 2026');
  });
});

describe('formatCalendarDate', () => {
  test('writes a calendar date with its month in words, the same day in every zone', () => {
    expect(formatCalendarDate('2026-12-10')).toBe('10 Dec 2026');
    expect(formatCalendarDate('2025-11-20T23:30:00.000Z')).toBe('20 Nov 2025');
    expect(formatCalendarDate('soon')).toBe('soon');
  });
});

describe('formatDateRange', () => {
  test("reads a round's days as every other date does, one date for one day", () => {
    expect(formatDateRange('2026-12-03', '2026-12-04')).toBe('3 Dec 2026 – 4 Dec 2026');
    expect(formatDateRange('2026-12-03', '2026-12-03')).toBe('3 Dec 2026');
  });
});

describe('todayIn', () => {
  // A statement made in Kyiv at 00:30 on 2 December is dated the 2nd, though UTC still says the 1st.
  test("gives the date on the negotiation's calendar, not UTC's", () => {
    const at = new Date('2026-12-01T22:30:00Z');
    expect(todayIn('Europe/Kyiv', at)).toBe('2026-12-02');
    expect(todayIn('America/New_York', at)).toBe('2026-12-01');
    expect(todayIn('UTC', at)).toBe('2026-12-01');
  });
});

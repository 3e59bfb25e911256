import { describe, expect, it } from 'vitest';
import { isMembershipActive } from './viewer';

describe('isMembershipActive', () => {
  const seat = { validFrom: '2025-11-01T00:00:00.000Z', validTo: '2025-11-28T00:00:00.000Z' };
  it('counts a seat from its first instant', () => {
    expect(isMembershipActive(seat, new Date('2025-11-01T00:00:00.000Z'))).toBe(true);
  });
  it('ends a seat at validTo, so a replaced lead loses access the moment the successor starts', () => {
    expect(isMembershipActive(seat, new Date('2025-11-28T00:00:00.000Z'))).toBe(false);
    expect(isMembershipActive(seat, new Date('2025-11-27T23:59:59.999Z'))).toBe(true);
  });
  it('does not count a seat before it starts', () => {
    expect(isMembershipActive(seat, new Date('2025-10-31T23:59:59.999Z'))).toBe(false);
  });
  it('keeps an open-ended seat valid', () => {
    expect(
      isMembershipActive({ validFrom: seat.validFrom, validTo: null }, new Date('2030-01-01T00:00:00.000Z')),
    ).toBe(true);
  });
});

import { describe, expect, test } from 'vitest';
import { currentZoneName, defaultZone, zoneChoices } from './time-zones';

describe('zoneChoices', () => {
  // Chromium's list still says Kiev, Calcutta, Saigon and Rangoon.
  test('offers the current IANA names in place of the renamed ones, UTC first', () => {
    const choices = zoneChoices([
      'Asia/Calcutta',
      'Europe/Kiev',
      'Asia/Saigon',
      'Asia/Rangoon',
      'Europe/Zurich',
    ]);
    expect(choices).toEqual([
      'UTC',
      'Asia/Ho_Chi_Minh',
      'Asia/Kolkata',
      'Asia/Yangon',
      'Europe/Kyiv',
      'Europe/Zurich',
    ]);
  });

  test('lists a zone once when the browser knows it by both names', () => {
    expect(zoneChoices(['Europe/Kiev', 'Europe/Kyiv', 'UTC'])).toEqual(['UTC', 'Europe/Kyiv']);
  });

  // The server checks a zone with Intl too: whatever the form offers, it must accept.
  test('every name offered is one Intl accepts', () => {
    for (const zone of zoneChoices(Intl.supportedValuesOf('timeZone')))
      expect(() => new Intl.DateTimeFormat('en', { timeZone: zone })).not.toThrow();
  });
});

describe('defaultZone', () => {
  const choices = zoneChoices(['Europe/Kiev', 'Europe/Zurich']);

  test("starts in the viewer's own zone, by its current name", () => {
    expect(defaultZone('Europe/Zurich', choices)).toBe('Europe/Zurich');
    expect(defaultZone('Europe/Kiev', choices)).toBe('Europe/Kyiv');
  });

  test('falls back to UTC for a zone not offered or not known', () => {
    expect(defaultZone('Etc/GMT+5', choices)).toBe('UTC');
    expect(defaultZone(undefined, choices)).toBe('UTC');
  });

  test('keeps a current name as it is', () => {
    expect(currentZoneName('Asia/Tokyo')).toBe('Asia/Tokyo');
  });
});

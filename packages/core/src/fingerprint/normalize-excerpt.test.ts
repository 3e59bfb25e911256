import { describe, expect, it } from 'vitest';
import { normalizeExcerpt } from './read-marks';

// What PDF readers put in Arabic text that was never typed: the excerpt must read as the copy's text.
describe('normalizeExcerpt on Arabic copied from a PDF', () => {
  it('reads a lam-alef presentation form as lam and alef, in that order', () => {
    expect(normalizeExcerpt('\ufefb يجوز إلغاء ا\ufefbتفاق')).toBe('لا يجوز إلغاء الاتفاق');
    expect(normalizeExcerpt('ل\ufef7طراف')).toBe('للأطراف');
  });

  it('joins a vowel sign to its letter across the space a reader put before it', () => {
    expect(normalizeExcerpt('ثلاثين يوما ً بإشراف')).toBe('ثلاثين يوماً بإشراف');
  });

  it('leaves Hebrew and Latin text with its marks as it was', () => {
    expect(normalizeExcerpt('café  שָׁלוֹם')).toBe('café שָׁלוֹם');
  });
});

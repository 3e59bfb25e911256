import { describe, expect, it } from 'vitest';
import { retryDelay } from './stream-retry';

describe('asking again for a refused event stream', () => {
  it('asks twice after 10 s, then backs off to about three minutes and stays there', () => {
    const delays = Array.from({ length: 9 }, (_, index) => retryDelay(index + 1) / 1000);
    expect(delays).toEqual([10, 10, 20, 40, 80, 160, 160, 160, 160]);
  });
});

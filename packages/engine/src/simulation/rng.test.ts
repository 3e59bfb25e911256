import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { createRng, deriveSeed } from './rng';

test.prop([fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: 0, max: 10_000 })])(
  'derives the seed a generator seeded with the mixed seed would draw first',
  (seed, index) => {
    const mixed = (seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0;
    expect(deriveSeed(seed, index)).toBe(createRng(mixed).int(2 ** 32));
  },
);

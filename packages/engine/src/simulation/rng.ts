/** A seeded pseudo-random source: everything random in a simulation draws from one of these. */
export type Rng = {
  /** Uniform in [0, 1). */
  readonly next: () => number;
  /** Uniform integer in [0, bound). */
  readonly int: (bound: number) => number;
};

/**
 * mulberry32: 32-bit state, fast, and good enough for agent decisions. The same seed always gives
 * the same sequence on every platform, which is what makes traces replayable byte for byte.
 */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
  // `int` repeats `next` rather than calling it: a bid draws once, and a call costs more than the
  // arithmetic in the unoptimised code a process's first negotiation runs in.
  const int = (bound: number): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return Math.floor((((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296) * bound);
  };
  return { next, int };
}

/** A child seed, so run k of a batch does not depend on how many draws runs 0..k-1 made. */
export function deriveSeed(seed: number, index: number): number {
  // createRng(…).int(2 ** 32) without making a generator: a negotiation derives one per party.
  const state = ((((seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0) + 0x6d2b79f5) >>> 0) | 0;
  let mixed = Math.imul(state ^ (state >>> 15), state | 1);
  mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
  return Math.floor((((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296) * 2 ** 32);
}

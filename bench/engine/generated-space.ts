// Seeded random additive spaces for the engine benchmark (the same space on every run).
import type { AdditiveSpace } from '@parley/engine';

/** Seeded uniform numbers (mulberry32) so generated spaces are the same on every run. */
function rng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Uniform random weights and option values; `fixedOptions` per issue, or 4–8 drawn at random. */
export function generatedSpace({
  issues,
  parties,
  seed,
  fixedOptions,
}: {
  issues: number;
  parties: number;
  seed: number;
  fixedOptions: number | undefined;
}): AdditiveSpace {
  const random = rng(seed);
  const options = Array.from({ length: issues }, () => fixedOptions ?? 4 + Math.floor(random() * 5));
  const space = {
    issues: options.map((count, issue) => ({
      name: `issue${issue}`,
      options: Array.from({ length: count }, (_, option) => `v${option}`),
    })),
    parties: Array.from({ length: parties }, (_, party) => {
      const weights = options.map(() => random());
      const total = weights.reduce((sum, weight) => sum + weight, 0);
      return {
        name: `p${party}`,
        reservation: 0,
        constant: 0,
        contributions: options.map((count, issue) =>
          Array.from({ length: count }, () => ((weights[issue] ?? 0) / total) * random()),
        ),
      };
    }),
  };
  return space;
}

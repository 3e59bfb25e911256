import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { bargainingSolutions } from '../bargaining/solutions';
import type { AdditiveSpace } from '../model/additive-space';
import { analyzeSpace } from './analyze';

// Three to five parties with small integer contributions: many outcomes tie on every score, so
// the solutions rest on the tie-break by outcome, which the analysis reads from the frontier's
// flat arrays and bargainingSolutions from the points themselves.
const tiedSpace = fc
  .record({
    parties: fc.integer({ min: 3, max: 5 }),
    options: fc.array(fc.integer({ min: 2, max: 4 }), { minLength: 2, maxLength: 4 }),
  })
  .chain(({ parties, options }) =>
    fc
      .array(
        fc.tuple(
          ...options.map((count) =>
            fc.array(fc.integer({ min: 0, max: 3 }), { minLength: count, maxLength: count }),
          ),
        ),
        { minLength: parties, maxLength: parties },
      )
      .map((contributions): AdditiveSpace => ({
        issues: options.map((count, issue) => ({
          name: `i${issue}`,
          options: Array.from({ length: count }, (_, option) => `o${option}`),
        })),
        parties: contributions.map((party, index) => ({
          name: `p${index}`,
          reservation: 1,
          constant: 0,
          contributions: party,
        })),
      })),
  );

test.prop([tiedSpace], { numRuns: 300 })(
  'an exact analysis of three or more parties chooses the solutions bargainingSolutions chooses over its points',
  (space) => {
    const analysis = analyzeSpace(space, 'negmas');
    expect(analysis.solutions).toEqual(bargainingSolutions(space, analysis.frontier.points, 0));
  },
);

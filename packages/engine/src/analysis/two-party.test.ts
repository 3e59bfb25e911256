/// <reference types="node" />
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { bargainingSolutions } from '../bargaining/solutions';
import { paretoFrontier } from '../frontier/frontier';
import { compileScenario } from '../io/compile';
import { loadGeniusScenario } from '../io/genius';
import type { AdditiveSpace } from '../model/additive-space';
import { analyzeTwoParties } from './two-party';

/** The general path the kernel stands in for: exact frontier, its rational points, the solutions over them. */
function javascriptAnalysis(space: AdditiveSpace) {
  const reservations = space.parties.map((party) => party.reservation);
  const frontier = paretoFrontier(space, { tolerance: 0 });
  expect(frontier.exact).toBe(true);
  const points = frontier.points.filter((point) =>
    point.utilities.every((utility, party) => utility >= reservations[party]!),
  );
  return { points, solutions: bargainingSolutions(space, points, 0) };
}

/** Equal with every number bit for bit (Object.is: 0 and −0 differ, NaN equals NaN). */
function expectIdentical(actual: unknown, expected: unknown): void {
  expect(JSON.stringify(actual, exactNumbers)).toBe(JSON.stringify(expected, exactNumbers));
}

function exactNumbers(_key: string, value: unknown): unknown {
  return typeof value === 'number' ? `${Object.is(value, -0) ? '-0' : String(value)}` : value;
}

function twoPartySpace(
  options: readonly number[],
  parties: readonly { reservation: number; contributions: number[][] }[],
): AdditiveSpace {
  return {
    issues: options.map((count, issue) => ({
      name: `i${issue}`,
      options: Array.from({ length: count }, (_, option) => `o${option}`),
    })),
    parties: parties.map((party, index) => ({ name: `p${index}`, constant: 0, ...party })),
  };
}

/** Two parties, 1–5 issues of 1–6 options, reservations anywhere from below to above the utilities. */
function spaceArbitrary(value: fc.Arbitrary<number>): fc.Arbitrary<AdditiveSpace> {
  return fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 5 }).chain((options) =>
    fc
      .array(
        fc.record({
          reservation: fc.oneof(fc.integer({ min: -1, max: 8 }), fc.double({ min: -1, max: 8, noNaN: true })),
          contributions: fc.tuple(
            ...options.map((count) => fc.array(value, { minLength: count, maxLength: count })),
          ),
        }),
        { minLength: 2, maxLength: 2 },
      )
      .map((parties) => twoPartySpace(options, parties)),
  );
}

describe('the two-party analysis kernel equals the JavaScript path bit for bit', () => {
  test.prop([spaceArbitrary(fc.integer({ min: 0, max: 4 }))], { numRuns: 400 })(
    'integer utilities (many ties, equal options, tied solutions)',
    (space) => {
      const kernel = analyzeTwoParties(space, 20_000);
      expect(kernel).toBeDefined();
      expectIdentical(kernel, javascriptAnalysis(space));
    },
  );

  test.prop([spaceArbitrary(fc.double({ min: -1, max: 1, noNaN: true }))], { numRuns: 300 })(
    'real utilities (last-bit sums, −0)',
    (space) => {
      const kernel = analyzeTwoParties(space, 20_000);
      expect(kernel).toBeDefined();
      expectIdentical(kernel, javascriptAnalysis(space));
    },
  );

  it('on every two-party scenario in scenarios/ under the negmas semantics', () => {
    const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../scenarios');
    const folders = existsSync(root) ? readdirSync(root).filter((name) => name.startsWith('anac')) : [];
    let compared = 0;
    for (const folder of folders) {
      const directory = join(root, folder);
      const files = readdirSync(directory)
        .filter((name) => name.toLowerCase().endsWith('.xml'))
        .map((name) => ({ name, contents: readFileSync(join(directory, name), 'utf8') }));
      const loaded = loadGeniusScenario(folder, files);
      if (!loaded.ok || loaded.value.parties.length !== 2) continue;
      const space = compileScenario(loaded.value, 'negmas');
      const kernel = analyzeTwoParties(space, 20_000);
      if (kernel === undefined) continue;
      expectIdentical(kernel, javascriptAnalysis(space));
      compared++;
    }
    expect(compared).toBeGreaterThan(folders.length / 2);
  });

  it('leaves a stage past the exact limit, and an issue of more than 16 useful options, to the general path', () => {
    const line = [0, 1, 2, 3];
    const against = line.map((value) => 3 - value);
    const three = twoPartySpace(
      [4, 4, 4],
      [
        { reservation: 0, contributions: [line, line, line] },
        { reservation: 0, contributions: [against, against, against] },
      ],
    );
    expect(analyzeTwoParties(three, 1000)?.points.length).toBe(10);
    expect(analyzeTwoParties(three, 5)).toBeUndefined();
    const wide = Array.from({ length: 17 }, (_, option) => option);
    const many = twoPartySpace(
      [17],
      [
        { reservation: 0, contributions: [wide] },
        { reservation: 0, contributions: [wide.map((value) => 16 - value)] },
      ],
    );
    expect(analyzeTwoParties(many, 20_000)).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import type { AdditiveSpace } from '../../model/additive-space';
import { mergeTwoParties } from './merge-stage2';

function spaceOf(contributions: readonly [number[][], number[][]]): AdditiveSpace {
  return {
    issues: contributions[0].map((values, index) => ({
      name: `issue ${index}`,
      options: values.map(String),
    })),
    parties: contributions.map((issues, p) => ({
      name: `party ${p}`,
      reservation: 0,
      constant: 0,
      contributions: issues,
    })),
  };
}

describe('the two-party merge kernel', () => {
  it('keeps one witness per distinct non-dominated vector, best first for party 0', () => {
    // every outcome of the useful options is on the frontier (option 1 of issue 0 repeats option 0)
    const space = spaceOf([
      [
        [1, 1, 0],
        [0, 2],
      ],
      [
        [0, 0, 1],
        [2, 0],
      ],
    ]);
    const useful = [
      [0, 2],
      [0, 1],
    ];
    expect(mergeTwoParties(space, useful, 100)).toEqual([
      { utilities: [3, 0], outcome: [0, 1] },
      { utilities: [2, 1], outcome: [2, 1] },
      { utilities: [1, 2], outcome: [0, 0] },
      { utilities: [0, 3], outcome: [2, 0] },
    ]);
  });

  it('leaves a merge that outgrows the exact limit to the general merge', () => {
    const issue = [0, 1, 2, 3];
    const space = spaceOf([
      [issue, issue, issue],
      [issue.map((value) => 3 - value), issue.map((value) => 3 - value), issue.map((value) => 3 - value)],
    ]);
    const useful = [issue, issue, issue];
    expect(mergeTwoParties(space, useful, 1000)?.length).toBe(10);
    expect(mergeTwoParties(space, useful, 5)).toBeUndefined();
  });
});

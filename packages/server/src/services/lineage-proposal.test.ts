import { DomainError, type PlanVersion } from '@parley/core';
import { describe, expect, it } from 'vitest';
import { lineageProposal } from './lineage-proposal';

const text = (count: number) =>
  Array.from({ length: count }, (_, index) => `${index + 1}. Point ${index + 1} on subject ${index}.`).join(
    '\n',
  );

// Only what the size check reads: the parent's points are counted before any inference.
const parentOf = (count: number) =>
  ({
    id: 'parent',
    label: 'Parent',
    points: Array.from({ length: count }, () => ({})),
  }) as unknown as PlanVersion;

describe('lineageProposal', () => {
  it('refuses more than 500 × 500 point pairs before inferring anything, naming the sizes', () => {
    const attempt = () => lineageProposal(parentOf(501), text(500));
    expect(attempt).toThrow(DomainError);
    expect(attempt).toThrow('Too many points to infer a lineage map (501 × 500)');
  });
});

import type { LiveSimulation } from '@parley/core';
import { describe, expect, it } from 'vitest';
import { bargainingLength, exactShareLine } from './simulation-wording';

const horizon: LiveSimulation['horizon'] = {
  deadlineTitle: 'Holiday deadline',
  dueAt: '2025-11-27T04:59:00.000Z',
  hours: 62.5,
  stepsPerHour: 1,
};

describe('bargainingLength', () => {
  it('counts offers under alternating offers and proposals under a single text, never steps', () => {
    expect(bargainingLength({ protocol: 'sao', steps: 63, horizon })).toBe(
      'up to 63 offers before Holiday deadline, 62.5 h away',
    );
    expect(bargainingLength({ protocol: 'mediated', steps: 63, horizon })).toBe(
      'up to 63 proposals by the mediator before Holiday deadline, 62.5 h away',
    );
  });

  it('says how long the talks were given when no deadline is ahead', () => {
    expect(
      bargainingLength({
        protocol: 'sao',
        steps: 720,
        horizon: { deadlineTitle: null, dueAt: null, hours: 720, stepsPerHour: 1 },
      }),
    ).toBe('up to 720 offers over 30 days (no deadline ahead)');
  });
});

describe('exactShareLine', () => {
  it('says in words that no run agreed on exactly the package, rather than "0 %"', () => {
    expect(exactShareLine(0)).toBe(
      'No run agreed on exactly this package: it puts together the most frequent option on each point.',
    );
  });

  it('never rounds a share that is not none to 0 %, nor one that is not all to 100 %', () => {
    expect(exactShareLine(0.004)).toBe('Under 1 % of agreements were exactly this package.');
    expect(exactShareLine(0.996)).toBe('Over 99 % of agreements were exactly this package.');
  });

  it('gives other shares in whole percent, and all of them in words', () => {
    expect(exactShareLine(0.42)).toBe('42 % of agreements were exactly this package.');
    expect(exactShareLine(1)).toBe('Every agreement was exactly this package.');
  });
});

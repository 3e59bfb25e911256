import type { LiveIssue, PreferenceProfile } from '@parley/core';
import { describe, expect, it } from 'vitest';
import { profileDifferences } from './profile-differences';
import { profileFields } from './profile-fields';

// Plain strings for ids: the functions read none of their brands.
const ceiling = {
  pointId: 'p1',
  number: 1,
  title: 'Ceiling',
  definition: { kind: 'options', options: ['600,000', 'no ceiling'] },
  needsReconciling: false,
  from: [],
} as unknown as LiveIssue;
const assets = {
  pointId: 'p2',
  number: 2,
  title: 'Assets',
  definition: { kind: 'range', min: 0, max: 100, step: 25, unit: 'bn' },
  needsReconciling: false,
  from: [],
} as unknown as LiveIssue;
const issues = [ceiling, assets];

const profile = (change: Record<string, unknown> = {}) =>
  ({
    partyId: 'ukraine',
    revision: 2,
    savedAt: '2025-11-30T10:00:00.000Z',
    scale: 'percent',
    weighting: 'weights',
    reservation: 20,
    sharedWithMediator: false,
    weights: {},
    issues: [
      { pointId: 'p1', ratings: { '600,000': 10, 'no ceiling': 90 }, weight: 2 },
      { pointId: 'p2', ratings: { min: 0, max: 100 }, weight: 1 },
    ],
    ...change,
  }) as unknown as PreferenceProfile;

describe('profileDifferences', () => {
  it('lists nothing when the form holds what was saved', () => {
    expect(
      profileDifferences(profileFields(profile(), issues), profileFields(profile(), issues), issues),
    ).toEqual([]);
  });

  it('names each field that differs in the words of the form, theirs beside yours', () => {
    const yours = profileFields(profile(), issues);
    yours.reservation = '35';
    yours.shared = true;
    yours.entries = {
      ...yours.entries,
      p1: { ratings: { '600,000': '', 'no ceiling': '90' }, weight: '3', rank: '1' },
    };
    expect(profileDifferences(profileFields(profile(), issues), yours, issues)).toEqual([
      { field: 'Point 1, rating of “600,000”', theirs: '10', yours: 'not rated' },
      { field: 'Point 1, weight', theirs: '2', yours: '3' },
      { field: 'Value of no agreement', theirs: '20', yours: '35' },
      { field: 'Shared with the mediator', theirs: 'no', yours: 'yes' },
    ]);
  });

  it('compares a profile stored on the unit scale as the form shows it, 0 to 100', () => {
    const unit = profile({
      scale: 'unit',
      reservation: 0.2,
      issues: [
        { pointId: 'p1', ratings: { '600,000': 0.1, 'no ceiling': 0.9 }, weight: 2 },
        { pointId: 'p2', ratings: { min: 0, max: 1 }, weight: 1 },
      ],
    });
    expect(profileDifferences(profileFields(unit, issues), profileFields(profile(), issues), issues)).toEqual(
      [],
    );
  });

  it('says the weighting differs rather than compare weights with ranks', () => {
    const ranked = profile({
      weighting: 'ranks',
      issues: [
        { pointId: 'p1', ratings: { '600,000': 10, 'no ceiling': 90 }, rank: 2 },
        { pointId: 'p2', ratings: { min: 0, max: 100 }, rank: 1 },
      ],
    });
    expect(
      profileDifferences(profileFields(ranked, issues), profileFields(profile(), issues), issues),
    ).toEqual([{ field: 'How the issues count', theirs: 'ranks', yours: 'weights' }]);
  });
});

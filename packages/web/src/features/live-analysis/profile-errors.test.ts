import type { LiveIssue } from '@parley/core';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/api-error';
import { profileErrors, profileFieldId } from './profile-errors';

// Plain strings for ids: the functions read none of their brands.
const ceiling = {
  pointId: 'p1',
  number: 1,
  title: 'Ceiling',
  definition: { kind: 'options', options: ['600,000', 'No. 2. As written', 'no ceiling'] },
  needsReconciling: false,
  from: [],
} as unknown as LiveIssue;
const assets = {
  pointId: 'p10',
  number: 10,
  title: 'Assets',
  definition: { kind: 'range', min: 0, max: 100, step: 25, unit: 'bn' },
  needsReconciling: false,
  from: [],
} as unknown as LiveIssue;
const issues = [ceiling, assets];

const checksFailed = (detail: string) =>
  new ApiError(400, {
    type: '/problems/invalid-input',
    title: 'Invalid request',
    status: 400,
    detail,
    errors: [{ path: 'issues', message: detail }],
  });

describe('profileErrors', () => {
  it("lists each of the profile checks' sentences once, linked to the field it names", () => {
    const detail = [
      'Point 1: rate "No. 2. As written".',
      'Point 10: rate its highest value, 100 bn.',
      'Point 10 needs a weight.',
      'The reservation must be between 0 and 100.',
    ].join(' ');
    expect(profileErrors(checksFailed(detail), issues)).toEqual([
      {
        text: 'Point 1: rate "No. 2. As written".',
        fieldId: profileFieldId.rating(ceiling, 'No. 2. As written'),
      },
      { text: 'Point 10: rate its highest value, 100 bn.', fieldId: profileFieldId.rating(assets, 'max') },
      { text: 'Point 10 needs a weight.', fieldId: profileFieldId.weight(assets) },
      { text: 'The value of no agreement must be between 0 and 100.', fieldId: profileFieldId.reservation },
    ]);
  });

  it('names a value the schema refuses in the words of the form', () => {
    const failure = new ApiError(400, {
      type: '/problems/invalid-input',
      title: 'Invalid request',
      status: 400,
      detail: 'Invalid discount, issues.1.ratings.min',
      errors: [
        { path: 'discount', message: 'Too small: expected number to be >0' },
        { path: 'issues.1.ratings.min', message: 'Too small: expected number to be >=0' },
      ],
    });
    expect(profileErrors(failure, issues)).toEqual([
      { text: 'Value kept by waiting: Must be above 0.', fieldId: profileFieldId.discount },
      { text: 'Point 10, rating at 0 bn: At least 0.', fieldId: profileFieldId.rating(assets, 'min') },
    ]);
  });

  it('says anything else in one item that links nowhere', () => {
    expect(profileErrors(new Error('Failed to fetch'), issues)).toEqual([{ text: 'Failed to fetch' }]);
  });
});

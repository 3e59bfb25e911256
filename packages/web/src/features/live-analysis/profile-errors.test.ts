import type { LiveIssue, SaveProfileInput } from '@parley/core';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/api-error';
import { PLAN_CHANGED, profileErrors, profileFieldId } from './profile-errors';

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

/** The body as the form sends it: one entry per issue it shows, in its order unless told. */
const sent = (order: readonly LiveIssue[] = issues, weighting: 'weights' | 'ranks' = 'weights') =>
  ({
    baseRevision: 0,
    scale: 'percent',
    weighting,
    reservation: 0,
    sharedWithMediator: false,
    issues: order.map((issue) => ({ pointId: issue.pointId, ratings: {}, weight: 1 })),
  }) as unknown as SaveProfileInput;

// As the server answers a profile that fails core's checkProfile: each problem at its path.
const checksFailed = (errors: { path: string; message: string; pointId?: string }[]) =>
  new ApiError(400, {
    type: '/problems/invalid-input',
    title: 'Invalid request',
    status: 400,
    detail: errors.map((error) => error.message).join(' '),
    errors,
  });

describe('profileErrors', () => {
  it('lists each problem of the profile checks once, linked to the field at its path', () => {
    const failure = checksFailed([
      { path: 'issues.0.ratings.No. 2. As written', message: 'Point 1: rate "No. 2. As written".' },
      { path: 'issues.1.ratings.max', message: 'Point 10: rate its highest value, 100 bn.' },
      { path: 'issues.1.weight', message: 'Point 10 needs a weight.' },
      { path: 'reservation', message: 'The reservation must be between 0 and 100.' },
    ]);
    expect(profileErrors(failure, sent(), issues)).toEqual([
      {
        text: 'Point 1: rate "No. 2. As written".',
        fieldId: profileFieldId.rating(ceiling, 'No. 2. As written'),
      },
      { text: 'Point 10: rate its highest value, 100 bn.', fieldId: profileFieldId.rating(assets, 'max') },
      { text: 'Point 10 needs a weight.', fieldId: profileFieldId.weight(assets) },
      { text: 'The value of no agreement must be between 0 and 100.', fieldId: profileFieldId.reservation },
    ]);
  });

  // The sentences were once split at each "Point " after a full stop: this option's name made two
  // items of one problem, the second linked to point 2.
  it('links a problem about an option named like a sentence about another point to that option', () => {
    const named = {
      ...ceiling,
      definition: { kind: 'options', options: ['Cap. Point 2 applies', 'none'] },
    } as unknown as LiveIssue;
    const second = { ...assets, pointId: 'p2', number: 2 } as unknown as LiveIssue;
    const failure = checksFailed([
      { path: 'issues.0.ratings.Cap. Point 2 applies', message: 'Point 1: rate "Cap. Point 2 applies".' },
      { path: 'issues.1.ratings.min', message: 'Point 2: rate its lowest value, 0 bn.' },
    ]);
    expect(profileErrors(failure, sent([named, second]), [named, second])).toEqual([
      {
        text: 'Point 1: rate "Cap. Point 2 applies".',
        fieldId: profileFieldId.rating(named, 'Cap. Point 2 applies'),
      },
      { text: 'Point 2: rate its lowest value, 0 bn.', fieldId: profileFieldId.rating(second, 'min') },
    ]);
  });

  it('finds the point of an entry through the body sent, whatever order the form shows', () => {
    const failure = checksFailed([{ path: 'issues.0.weight', message: 'Point 10 needs a weight.' }]);
    expect(profileErrors(failure, sent([assets, ceiling]), issues)).toEqual([
      { text: 'Point 10 needs a weight.', fieldId: profileFieldId.weight(assets) },
    ]);
  });

  it('links a problem of the profile as a whole to the first weight or rank sent', () => {
    const zero = checksFailed([{ path: 'issues', message: 'At least one issue needs a weight above 0.' }]);
    expect(profileErrors(zero, sent(), issues)).toEqual([
      { text: 'At least one issue needs a weight above 0.', fieldId: profileFieldId.weight(ceiling) },
    ]);
    const ranks = checksFailed([
      { path: 'issues', message: 'Rank the 2 issues 1 to 2, each rank once (1 = most important).' },
    ]);
    expect(profileErrors(ranks, sent(issues, 'ranks'), issues)).toEqual([
      {
        text: 'Rank the 2 issues 1 to 2, each rank once (1 = most important).',
        fieldId: profileFieldId.rank(ceiling),
      },
    ]);
  });

  // It once linked to point 1's weight, a field that has nothing to do with it.
  it('says an issue made after the page loaded, which the form has no field for, with no link and what to do', () => {
    const failure = checksFailed([
      { path: 'issues', message: 'Point 3 is an issue; rate its options and weigh it.', pointId: 'p3' },
    ]);
    expect(profileErrors(failure, sent(), issues)).toEqual([
      { text: `Point 3 is an issue; rate its options and weigh it. ${PLAN_CHANGED}` },
    ]);
    expect(PLAN_CHANGED).toMatch(/reload the page/);
  });

  it('says a problem with no field on the form without a link', () => {
    const failure = checksFailed([
      { path: 'issues.1.pointId', message: 'Point p10 is not a negotiable issue of the plan.' },
      { path: 'issues.0.ratings.1,000,000', message: 'Point 1 has no option "1,000,000".' },
    ]);
    expect(profileErrors(failure, sent(), issues)).toEqual([
      { text: 'Point p10 is not a negotiable issue of the plan.' },
      { text: 'Point 1 has no option "1,000,000".' },
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
    expect(profileErrors(failure, sent(), issues)).toEqual([
      { text: 'Value kept by waiting: Must be above 0.', fieldId: profileFieldId.discount },
      { text: 'Point 10, rating at 0 bn: At least 0.', fieldId: profileFieldId.rating(assets, 'min') },
    ]);
  });

  it('says anything else in one item that links nowhere', () => {
    expect(profileErrors(new Error('Failed to fetch'), sent(), issues)).toEqual([
      { text: 'Failed to fetch' },
    ]);
  });
});

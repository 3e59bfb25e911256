import type { LiveIssue } from '@parley/core';
import { ratingName, type ProfileFields } from './profile-fields';

/** One field where the profile saved meanwhile and the form differ, in the form's words. */
export type ProfileDifference = { readonly field: string; readonly theirs: string; readonly yours: string };

const WEIGHTING = { weights: 'weights', ranks: 'ranks' } as const;
const orNone = (value: string, none: string) => (value.trim() === '' ? none : value.trim());

/**
 * What someone else saved that the form would overwrite, field by field: the list a delegate reads
 * to choose between saving theirs over it and keeping the other's. Values are compared as the form
 * shows them (both sides through `profileFields`), so a rating stored as 0.5 on the unit scale and
 * typed as 50 is no difference.
 */
export function profileDifferences(
  theirs: ProfileFields,
  yours: ProfileFields,
  issues: readonly LiveIssue[],
): ProfileDifference[] {
  const differences: ProfileDifference[] = [];
  const compare = (field: string, theirValue: string, yourValue: string) => {
    if (theirValue !== yourValue) differences.push({ field, theirs: theirValue, yours: yourValue });
  };
  compare('How the issues count', WEIGHTING[theirs.weighting], WEIGHTING[yours.weighting]);
  for (const issue of issues) {
    const their = theirs.entries[issue.pointId];
    const your = yours.entries[issue.pointId];
    const keys = new Set([...Object.keys(their?.ratings ?? {}), ...Object.keys(your?.ratings ?? {})]);
    for (const key of keys)
      compare(
        `Point ${issue.number}, ${ratingName(issue, key)}`,
        orNone(their?.ratings[key] ?? '', 'not rated'),
        orNone(your?.ratings[key] ?? '', 'not rated'),
      );
    // A weight beside a rank compares nothing: the weighting line above says they differ.
    if (theirs.weighting !== yours.weighting) continue;
    const part = theirs.weighting === 'weights' ? 'weight' : 'rank';
    compare(
      `Point ${issue.number}, ${part}`,
      orNone(their?.[part] ?? '', 'none'),
      orNone(your?.[part] ?? '', 'none'),
    );
  }
  compare('Value of no agreement', orNone(theirs.reservation, 'none'), orNone(yours.reservation, 'none'));
  compare('Value kept by waiting', orNone(theirs.discount, 'none'), orNone(yours.discount, 'none'));
  compare('Shared with the mediator', theirs.shared ? 'yes' : 'no', yours.shared ? 'yes' : 'no');
  return differences;
}

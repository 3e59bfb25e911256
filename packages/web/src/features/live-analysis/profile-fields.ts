import { ratingKeys, type LiveIssue, type PreferenceProfile } from '@parley/core';
import { z } from 'zod';

export const ProfileEntrySchema = z.object({
  ratings: z.record(z.string(), z.string()),
  weight: z.string(),
  rank: z.string(),
});
/** One issue's fields as typed: strings, so a half-typed number stays as the user left it. */
export type ProfileEntry = z.infer<typeof ProfileEntrySchema>;

/** The preferences form's values, as typed. */
export type ProfileFields = {
  weighting: 'weights' | 'ranks';
  reservation: string;
  discount: string;
  shared: boolean;
  entries: Record<string, ProfileEntry>;
};

// 0.07 × 100 is 7.000000000000001 in binary: twelve significant digits show the number meant.
export const shown = (value: number) => String(Number(value.toPrecision(12)));

/**
 * The form's values for a stored profile (or none yet) over the issues the form shows: the form
 * rates on 0–100, whatever scale the profile was stored on.
 */
export function profileFields(
  profile: PreferenceProfile | null,
  issues: readonly LiveIssue[],
): ProfileFields {
  const factor = profile?.scale === 'unit' ? 100 : 1;
  return {
    weighting: profile?.weighting ?? 'weights',
    reservation: shown((profile?.reservation ?? 0) * factor),
    discount: profile?.discount === undefined ? '' : String(profile.discount),
    shared: profile?.sharedWithMediator ?? false,
    entries: Object.fromEntries(
      issues.map((issue, index) => {
        const old = profile?.issues.find((entry) => entry.pointId === issue.pointId);
        const keys = issue.definition === null ? [] : ratingKeys(issue.definition);
        const ratings = keys.map((key) => {
          const rating = old?.ratings[key];
          return [key, rating === undefined ? '' : shown(rating * factor)] as const;
        });
        const entry: ProfileEntry = {
          ratings: Object.fromEntries(ratings),
          weight: old?.weight === undefined ? '1' : String(old.weight),
          rank: String(old?.rank ?? index + 1),
        };
        return [issue.pointId, entry];
      }),
    ),
  };
}

/** A rating as the form labels it: an option by its name, a range's end by its value. */
export function ratingName(issue: LiveIssue, key: string): string {
  const definition = issue.definition;
  if (definition?.kind !== 'range') return `rating of “${key}”`;
  return `rating at ${key === 'min' ? definition.min : definition.max} ${definition.unit}`.trim();
}

import type { GeniusDraft } from '@parley/core';

/**
 * A GENIUS file holds numbers as a program wrote them (0.4452125771655631, 2/3 of a rating); the
 * draft is for a delegation to read and retype, so it carries what a person would type. Ratings and
 * the reservation are on 0–1, where four decimals are the form's two on 0–100: no rating moves by
 * more than 0.005 points of 100. Weights and the discount are relative, and a weight may be tiny,
 * so they keep four significant digits (at most 0.05 % of their value). The draft says so when
 * anything moved.
 */
export function roundDraft(draft: GeniusDraft): GeniusDraft {
  let moved = false;
  const track = (round: (value: number) => number) => (value: number) => {
    const rounded = round(value);
    if (rounded !== value) moved = true;
    return rounded;
  };
  const onScale = track((value) => Math.round(value * 10_000) / 10_000);
  const relative = track((value) => Number(value.toPrecision(4)));
  const rounded: GeniusDraft = {
    ...draft,
    reservation: onScale(draft.reservation),
    discount: draft.discount === null ? null : relative(draft.discount),
    issues: draft.issues.map((issue) => ({
      ...issue,
      ratings: Object.fromEntries(Object.entries(issue.ratings).map(([key, value]) => [key, onScale(value)])),
      weight: relative(issue.weight),
    })),
  };
  if (!moved) return draft;
  return {
    ...rounded,
    notices: [
      ...draft.notices,
      `Numbers in ${draft.profileFile} with more digits than the form needs were rounded: ratings and the value of no agreement to two decimals on 0 to 100, weights and the value kept by waiting to four significant digits.`,
    ],
  };
}

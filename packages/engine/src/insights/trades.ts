import type { AdditiveSpace, Outcome } from '../model/additive-space';

export type TradeSuggestion = {
  /** The two issues changed together. */
  readonly issues: readonly [number, number];
  /** The package after the trade. */
  readonly outcome: Outcome;
  /** Each party's utility change; every one ≥ 0, and at least two > 0. */
  readonly gains: readonly number[];
};

/**
 * Logrolling from a package: pairs of issues where changing both at once (one party concedes on
 * one issue, another on the other) raises at least two parties and lowers nobody — while
 * neither change alone would. Best first: larger smallest gain among those who gain, then larger total.
 */
export function tradeSuggestions(space: AdditiveSpace, outcome: Outcome, limit = 10): TradeSuggestion[] {
  const delta = (issue: number, option: number) =>
    space.parties.map(
      (party) =>
        (party.contributions[issue]?.[option] ?? 0) -
        (party.contributions[issue]?.[outcome[issue] ?? 0] ?? 0),
    );
  const paretoBetter = (gains: readonly number[]) =>
    gains.every((gain) => gain >= -1e-12) && gains.some((gain) => gain > 1e-12);
  const suggestions: TradeSuggestion[] = [];
  for (let first = 0; first < space.issues.length; first++) {
    for (let second = first + 1; second < space.issues.length; second++) {
      space.issues[first]?.options.forEach((_, a) => {
        if (a === outcome[first]) return;
        const firstDelta = delta(first, a);
        if (paretoBetter(firstDelta)) return; // not a trade: a free improvement on its own
        space.issues[second]?.options.forEach((_, b) => {
          if (b === outcome[second]) return;
          const secondDelta = delta(second, b);
          if (paretoBetter(secondDelta)) return;
          const gains = firstDelta.map((gain, p) => gain + (secondDelta[p] ?? 0));
          if (!gains.every((gain) => gain >= -1e-12) || gains.filter((gain) => gain > 1e-12).length < 2)
            return;
          const traded = [...outcome];
          traded[first] = a;
          traded[second] = b;
          suggestions.push({ issues: [first, second], outcome: traded, gains });
        });
      });
    }
  }
  const score = (suggestion: TradeSuggestion) => Math.min(...suggestion.gains.filter((gain) => gain > 1e-12));
  const total = (suggestion: TradeSuggestion) => suggestion.gains.reduce((sum, gain) => sum + gain, 0);
  return suggestions.sort((x, y) => score(y) - score(x) || total(y) - total(x)).slice(0, limit);
}

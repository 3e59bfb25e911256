import type { BiddingOutcome, SettlementRule } from '../../schemas/blind-bids';
import { assertNever } from '../../errors';

/**
 * The reveal of a blind bidding: the bounds overlap when the most the giver will give reaches the
 * least the taker will take; the settlement then follows the rule announced at the opening.
 * @example settleBlindBids({ giving: 900, taking: 700, rule: 'midpoint' }) // { overlap: true, settlement: 800 }
 */
export function settleBlindBids(input: {
  readonly giving: number;
  readonly taking: number;
  readonly rule: SettlementRule;
}): BiddingOutcome {
  const { giving, taking, rule } = input;
  if (giving < taking) return { overlap: false };
  switch (rule) {
    case 'midpoint':
      return { overlap: true, settlement: tidy(giving / 2 + taking / 2) };
    default:
      return assertNever(rule);
  }
}

// Halves are summed rather than the sum halved so two bounds near Number.MAX_VALUE cannot overflow;
// 15 significant digits drop binary noise (0.1/2 + 0.2/2 is 0.15000000000000002).
function tidy(value: number): number {
  return Number(value.toPrecision(15));
}

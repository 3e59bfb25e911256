import type { Discount } from '../model/additive-space';

/**
 * The factor a party's utilities (and its reservation value) are multiplied by at normalised
 * time `time` after `rounds` rounds: 1 without a discount, `factor^t` over time (GENIUS's
 * `discount(util, t)`, t clamped to [0, 1]) or `factor^rounds` per round (NegMAS).
 */
export function discountAt(discount: Discount | undefined, time: number, rounds: number): number {
  if (discount === undefined) return 1;
  return discount.factor ** (discount.per === 'time' ? Math.min(1, Math.max(0, time)) : rounds);
}

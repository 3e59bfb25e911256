import type { BiddingId } from '@parley/core';
import type { SealKey } from './seal-key';
import { openJson, SealOpenError, sealJson } from './sealed-json';

/** What a sealed bound is bound to: moving a ciphertext to another bidding or side fails to open. */
export type SealContext = { readonly biddingId: BiddingId; readonly partyId: string };

// Unchanged since the first sealed bids (the `v1` here predates sealed-json.ts), so they still open.
const boundTo = (context: SealContext) => `parley blind bid v1\n${context.biddingId}\n${context.partyId}`;

export function sealBound(key: SealKey, context: SealContext, bound: number): string {
  return sealJson(key, boundTo(context), bound);
}

/** Opens a sealed bound; throws SealOpenError if the key differs, or the ciphertext or its context was altered. */
export function openBound(key: SealKey, context: SealContext, sealed: string): number {
  const bound = openJson(key, boundTo(context), sealed);
  if (typeof bound !== 'number' || !Number.isFinite(bound))
    throw new SealOpenError('tampered', 'a sealed bid holds no number');
  return bound;
}

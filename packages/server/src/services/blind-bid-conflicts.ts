import { DomainError, instantInWords } from '@parley/core';
import type { BidReceipt, StoredBidding } from '../storage/blind-bids';

// The 409s of a bidding (issue #11 item 8): each says what happened meanwhile, so a form can show
// it instead of "reload".

/**
 * A bid based on a revision of the delegation's bid that is no longer the newest. Only the side's
 * own members get this far (the side is checked first), so naming the colleague who sealed the
 * newest bid tells no one outside the delegation anything; the bound itself is never told.
 */
export function assertBidCurrent(
  current: BidReceipt | undefined,
  input: { baseRevision: number | undefined; timeZone: string },
): void {
  const { baseRevision } = input;
  // No baseRevision: a client from before revisions, whose bid replaces the stored one as it did then.
  if (baseRevision === undefined) return;
  const revision = current?.revision ?? 0;
  if (revision === baseRevision) return;
  const saved =
    current === undefined
      ? 'Your delegation has no bid in this bidding (revision 0)'
      : `${current.submittedBy?.displayName ?? 'A member'} of your delegation sealed a bid on ${instantInWords(current.submittedAt, input.timeZone)} (revision ${revision})`;
  throw new DomainError(
    'conflict',
    `${saved}; yours was based on revision ${baseRevision}. Bids are write-only, so its bound is not shown: send baseRevision ${revision} to replace it with yours.`,
    { field: 'baseRevision' },
  );
}

/** A bid or a reveal after the reveal: who revealed it and when. */
export function assertNotRevealed(bidding: StoredBidding, timeZone: string): void {
  if (bidding.revealedAt === null) return;
  const by = bidding.revealedBy?.displayName ?? "the mediator's staff";
  throw new DomainError(
    'conflict',
    `This bidding was already revealed by ${by} on ${instantInWords(bidding.revealedAt, timeZone)}.`,
  );
}

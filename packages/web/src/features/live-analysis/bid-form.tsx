import type { Bidding } from '@parley/core';
import { useState } from 'react';
import { ApiError } from '../../api/api-error';
import { getBidding, submitBid } from '../../api/blind-bid-endpoints';
import { CONFLICT_CHOICE_MESSAGE, ConflictChoice } from '../../components/conflict-choice';
import { FieldError, FormMessage, useFormSubmission } from '../../components/form-submission';
import { formatIn } from '../deadlines/zoned-time';
import { useNegotiation } from '../negotiation/negotiation-context';

type OwnBid = NonNullable<Bidding['yourBid']>;

/**
 * The viewer's side's sealed-bid form (issue #11 item 8, no lost updates): it sends the revision
 * of the side's bid the user saw when they began typing. If a colleague sealed another bid since,
 * the form says who and when, keeps the typed bound, and lets the user seal it over the colleague's
 * or keep theirs. The colleague's bound is never shown: no one is ever sent a bound.
 */
export function BidForm({
  bidding,
  onChange,
  onOvertaken,
}: {
  bidding: Bidding;
  onChange: () => void;
  /** A 409 not about the revision: the bidding was revealed or closed meanwhile. */
  onOvertaken: () => void;
}) {
  const { negotiation } = useNegotiation();
  const [bound, setBound] = useState('');
  // Taken when typing starts, not at submit: a live update in between must not move it silently.
  const [base, setBase] = useState<number | undefined>(undefined);
  const [theirs, setTheirs] = useState<OwnBid | undefined>(undefined);
  const { busy, message, submit, fieldError, clear } = useFormSubmission();
  const side = bidding.yourSide === 'giving' ? bidding.giving : bidding.taking;
  const shownRevision = bidding.yourBid?.revision ?? 0;
  const label =
    bidding.yourSide === 'giving'
      ? `The most ${side.partyName} will give (${bidding.unit})`
      : `The least ${side.partyName} will take (${bidding.unit})`;
  const errorId = `bound-${bidding.id}-error`;
  const seal = (baseRevision: number) =>
    submit(async () => {
      try {
        await submitBid(negotiation.id, bidding.id, {
          bound: bound.trim() === '' ? Number.NaN : Number(bound),
          baseRevision,
        });
      } catch (failure) {
        if (!(failure instanceof ApiError && failure.isConflict)) throw failure;
        if (failure.fieldMessage('baseRevision') === undefined) {
          onOvertaken();
          throw failure;
        }
        const stored = await getBidding(negotiation.id, bidding.id).catch(() => undefined);
        setTheirs(stored?.yourBid ?? undefined);
        onChange();
        throw stored?.yourBid == null ? failure : new Error(CONFLICT_CHOICE_MESSAGE);
      }
      // The bound leaves the page once sealed: nothing of it stays on screen.
      setBound('');
      setBase(undefined);
      setTheirs(undefined);
      onChange();
    }, 'Submitted, sealed.');
  const keepTheirs = () => {
    setBound('');
    setBase(undefined);
    setTheirs(undefined);
    clear();
  };
  return (
    <form onSubmit={seal(base ?? shownRevision)} aria-label="Your sealed bid">
      {bidding.yourBid !== null && <OwnBidLine bid={bidding.yourBid} />}
      <label>
        {label}
        <input
          type="number"
          step="any"
          value={bound}
          onChange={(e) => {
            setBase((was) => was ?? shownRevision);
            setBound(e.target.value);
          }}
          aria-invalid={fieldError('bound') !== undefined}
          aria-describedby={fieldError('bound') === undefined ? undefined : errorId}
        />
      </label>
      <FieldError id={errorId} text={fieldError('bound')} />
      <FormMessage message={message} />
      {theirs !== undefined && (
        <ConflictChoice
          busy={busy}
          onSaveMine={(event) => void seal(theirs.revision)(event)}
          onKeepTheirs={keepTheirs}
        >
          {`${describeOwnBid(theirs, negotiation.timeZone)}. Its bound is not shown: no one is ever sent a bound. Seal yours (still in the field above) over it, or keep theirs`}
        </ConflictChoice>
      )}
      {theirs === undefined && (
        <button type="submit" disabled={busy}>
          {side.submitted ? 'Replace the sealed bid' : 'Submit sealed bid'}
        </button>
      )}
    </form>
  );
}

function OwnBidLine({ bid }: { bid: OwnBid }) {
  const { negotiation } = useNegotiation();
  return (
    <p className="muted">
      {describeOwnBid(bid, negotiation.timeZone)}. It is sealed; your delegation may replace it until the
      reveal.
    </p>
  );
}

const describeOwnBid = (bid: OwnBid, timeZone: string) =>
  `${bid.submittedBy?.displayName ?? 'A member of your delegation'} sealed your delegation's bid (revision ${bid.revision}) on ${formatIn(bid.submittedAt, timeZone)}`;

import type { Bidding } from '@parley/core';
import { useEffect, useRef, useState } from 'react';
import { revealBidding, submitBid } from '../../api/blind-bid-endpoints';
import { FieldError, FormMessage, useFormSubmission } from '../../components/form-submission';
import { formatIn } from '../deadlines/zoned-time';
import { useNegotiation } from '../negotiation/negotiation-context';

const STATE_LABELS: Record<Bidding['state'], string> = {
  open: 'Open for bids',
  closed: 'Closed',
  revealed: 'Revealed',
};

/** One bidding: who has bid, the viewer's sealed-bid form, the mediator's reveal, the outcome. */
export function BiddingCard({ bidding, onChange }: { bidding: Bidding; onChange: () => void }) {
  const { negotiation } = useNegotiation();
  const id = `bidding-${bidding.id}`;
  const bothIn = bidding.giving.submitted && bidding.taking.submitted;
  // The reveal's form goes once the outcome is in: the focus moves to the outcome, not to <body>.
  const [revealedHere, setRevealedHere] = useState(false);
  const outcomeRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (revealedHere && bidding.outcome !== null) outcomeRef.current?.focus();
  }, [revealedHere, bidding.outcome]);
  return (
    <article aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>
        Point {bidding.pointNumber ?? '?'}. {bidding.pointTitle} — {bidding.min}–{bidding.max} {bidding.unit}
      </h3>
      <p>
        {STATE_LABELS[bidding.state]} · rule: midpoint, announced before bidding
        {bidding.closesAt !== null && ` · closes ${formatIn(bidding.closesAt, negotiation.timeZone)}`}
      </p>
      <ul aria-label="Sides">
        <li>
          {bidding.giving.partyName} gives: {bidding.giving.submitted ? 'sealed bid submitted' : 'no bid yet'}
        </li>
        <li>
          {bidding.taking.partyName} takes: {bidding.taking.submitted ? 'sealed bid submitted' : 'no bid yet'}
        </li>
      </ul>
      {bidding.outcome !== null && (
        <p ref={outcomeRef} tabIndex={-1} className="ok" role="status" aria-label="Outcome">
          {bidding.outcome.overlap
            ? `Overlap: settled at ${bidding.outcome.settlement} ${bidding.unit}`
            : 'No overlap: the bounds do not meet.'}
        </p>
      )}
      {bidding.yourSide !== null && bidding.state === 'open' && (
        <BidForm bidding={bidding} onChange={onChange} />
      )}
      {bidding.canReveal && (
        <RevealButton
          bidding={bidding}
          disabled={!bothIn}
          onChange={() => {
            setRevealedHere(true);
            onChange();
          }}
        />
      )}
    </article>
  );
}

function BidForm({ bidding, onChange }: { bidding: Bidding; onChange: () => void }) {
  const { negotiation } = useNegotiation();
  const [bound, setBound] = useState('');
  const { busy, message, submit, fieldError } = useFormSubmission();
  const side = bidding.yourSide === 'giving' ? bidding.giving : bidding.taking;
  const label =
    bidding.yourSide === 'giving'
      ? `The most ${side.partyName} will give (${bidding.unit})`
      : `The least ${side.partyName} will take (${bidding.unit})`;
  const errorId = `bound-${bidding.id}-error`;
  const onSubmit = submit(async () => {
    await submitBid(negotiation.id, bidding.id, bound.trim() === '' ? Number.NaN : Number(bound));
    // The bound leaves the page once sealed: nothing of it stays on screen.
    setBound('');
    onChange();
  }, 'Submitted, sealed.');
  return (
    <form onSubmit={onSubmit} aria-label="Your sealed bid">
      {side.submitted && (
        <p className="muted">Your bid is submitted and sealed. You may replace it until the reveal.</p>
      )}
      <label>
        {label}
        <input
          type="number"
          step="any"
          value={bound}
          onChange={(e) => setBound(e.target.value)}
          aria-invalid={fieldError('bound') !== undefined}
          aria-describedby={fieldError('bound') === undefined ? undefined : errorId}
        />
      </label>
      <FieldError id={errorId} text={fieldError('bound')} />
      <FormMessage message={message} />
      <button type="submit" disabled={busy}>
        {side.submitted ? 'Replace the sealed bid' : 'Submit sealed bid'}
      </button>
    </form>
  );
}

function RevealButton({
  bidding,
  disabled,
  onChange,
}: {
  bidding: Bidding;
  disabled: boolean;
  onChange: () => void;
}) {
  const { negotiation } = useNegotiation();
  const { busy, message, submit } = useFormSubmission();
  const onSubmit = submit(async () => {
    await revealBidding(negotiation.id, bidding.id);
    onChange();
  }, 'Revealed.');
  return (
    <form onSubmit={onSubmit} aria-label="Reveal">
      {disabled && <p className="muted">The reveal waits for both sides' bids.</p>}
      <FormMessage message={message} />
      <button type="submit" disabled={busy || disabled}>
        Reveal the outcome
      </button>
    </form>
  );
}

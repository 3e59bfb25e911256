import type { Bidding } from '@parley/core';
import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api/api-error';
import { revealBidding } from '../../api/blind-bid-endpoints';
import { FormMessage, useFormSubmission } from '../../components/form-submission';
import { formatIn } from '../deadlines/zoned-time';
import { useNegotiation } from '../negotiation/negotiation-context';
import { BidForm } from './bid-form';

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
  // A bid or reveal refused because the bidding was revealed or closed meanwhile (issue #11 item
  // 8): the refused form goes with the refresh, and this says why in its place.
  const [overtaken, setOvertaken] = useState(false);
  const onOvertaken = () => {
    setOvertaken(true);
    onChange();
  };
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
      {bidding.revealedAt !== null && (
        <p>
          Revealed by {bidding.revealedBy?.displayName ?? "the mediator's staff"} on{' '}
          {formatIn(bidding.revealedAt, negotiation.timeZone)}
        </p>
      )}
      {overtaken && bidding.state !== 'open' && (
        <p role="alert" className="error">
          {bidding.state === 'revealed'
            ? 'This bidding was revealed meanwhile (above), so nothing was sent.'
            : 'This bidding closed meanwhile: no bid can be made or changed, so nothing was sent.'}
        </p>
      )}
      {bidding.outcome !== null && (
        <p ref={outcomeRef} tabIndex={-1} className="ok" role="status" aria-label="Outcome">
          {bidding.outcome.overlap
            ? `Overlap: settled at ${bidding.outcome.settlement} ${bidding.unit}`
            : 'No overlap: the bounds do not meet.'}
        </p>
      )}
      {bidding.yourSide !== null && bidding.state === 'open' && (
        <BidForm bidding={bidding} onChange={onChange} onOvertaken={onOvertaken} />
      )}
      {bidding.canReveal && (
        <RevealButton
          bidding={bidding}
          disabled={!bothIn}
          onOvertaken={onOvertaken}
          onChange={() => {
            setRevealedHere(true);
            onChange();
          }}
        />
      )}
    </article>
  );
}

function RevealButton({
  bidding,
  disabled,
  onChange,
  onOvertaken,
}: {
  bidding: Bidding;
  disabled: boolean;
  onChange: () => void;
  onOvertaken: () => void;
}) {
  const { negotiation } = useNegotiation();
  const { busy, message, submit } = useFormSubmission();
  const onSubmit = submit(async () => {
    try {
      await revealBidding(negotiation.id, bidding.id);
    } catch (failure) {
      // A reveal is one-way: revealed meanwhile, there is nothing to redo but to show the outcome.
      if (failure instanceof ApiError && failure.isConflict) onOvertaken();
      throw failure;
    }
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

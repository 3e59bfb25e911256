import type { LeadHandover, Party } from '@parley/core';
import { useId } from 'react';
import { useNavigate } from 'react-router';
import { decideLeadHandover } from '../../api/setup-endpoints';
import { mayForParty, ownSeatsIn, useSession, type Session } from '../../app/session';
import { FormMessage, useFormSubmission } from '../../components/form-submission';
import { useNegotiation } from '../negotiation/negotiation-context';
import { formatIn } from '../deadlines/zoned-time';

/** Proposed hand-overs of one party: its lead accepts or declines; the mediator may withdraw. */
export function PendingHandOvers({ party, handovers }: { party: Party; handovers: readonly LeadHandover[] }) {
  const pending = handovers.filter((handover) => handover.state === 'pending');
  if (pending.length === 0) return null;
  return (
    <section aria-label={`Proposed lead hand-overs for ${party.name}`}>
      <h4>Proposed by the mediator</h4>
      <ul className="compact">
        {pending.map((handover) => (
          <PendingHandOver key={handover.id} party={party} handover={handover} />
        ))}
      </ul>
    </section>
  );
}

function PendingHandOver({ party, handover }: { party: Party; handover: LeadHandover }) {
  const { me } = useSession();
  const { negotiation, refresh } = useNegotiation();
  const { busy, message, submit } = useFormSubmission();
  const navigate = useNavigate();
  const consequenceId = useId();
  const mayDecide = mayForParty(me, 'lead.decide', party);
  const mayWithdraw = mayForParty(me, 'lead.withdraw', party);
  // Accepting replaces the lead who accepts: their lead seat ends when the successor's starts.
  const keepsAccess = keepsASeatBeyondLead(me, party);
  const decide = (decision: 'accept' | 'decline' | 'withdraw') =>
    submit(
      async () => {
        // The revision the viewer saw: a proposal decided meanwhile answers 409, not a second change.
        await decideLeadHandover(negotiation.id, handover.id, { decision, baseRevision: handover.revision });
        // A lead whose seat ended with this has no access here any more: this page would only say
        // "not found". Their list of negotiations says what happened instead (as for a hand-over).
        if (decision === 'accept' && !keepsAccess && Date.parse(handover.validFrom) <= Date.now()) {
          navigate('/', {
            state: {
              notice: `You accepted ${handover.displayName} as lead of ${party.name}; your seat in “${negotiation.title}” has ended.`,
            },
          });
          return;
        }
        refresh();
      },
      `Proposal ${decision === 'accept' ? 'accepted' : decision === 'decline' ? 'declined' : 'withdrawn'}.`,
    );
  const startsNow = Date.parse(handover.validFrom) <= Date.now();
  const when = startsNow ? 'at once' : `on ${formatIn(handover.validFrom, negotiation.timeZone)}`;
  return (
    <li>
      <strong>{handover.displayName}</strong> to lead from{' '}
      {formatIn(handover.validFrom, negotiation.timeZone)}
      {handover.title && <> as “{handover.title}”</>}
      {mayDecide && (
        <p id={consequenceId} className="warning">
          Accepting ends your seat as lead of {party.name} {when}
          {keepsAccess ? '.' : `: from then you no longer have access to “${negotiation.title}”.`}
        </p>
      )}
      <div className="inline-actions">
        {mayDecide && (
          <>
            <form onSubmit={decide('accept')}>
              <button type="submit" disabled={busy} aria-describedby={consequenceId}>
                Accept
              </button>
            </form>
            <form onSubmit={decide('decline')}>
              <button type="submit" disabled={busy}>
                Decline
              </button>
            </form>
          </>
        )}
        {mayWithdraw && (
          <form onSubmit={decide('withdraw')}>
            <button type="submit" disabled={busy}>
              Withdraw
            </button>
          </form>
        )}
      </div>
      <FormMessage message={message} />
    </li>
  );
}

/** Whether the viewer holds a seat in this negotiation other than the lead of `party` (which a hand-over ends). */
function keepsASeatBeyondLead(me: Session['me'], party: Party): boolean {
  return ownSeatsIn(me, party.negotiationId).some(
    (seat) => !(seat.partyId === party.id && seat.function === 'lead'),
  );
}
